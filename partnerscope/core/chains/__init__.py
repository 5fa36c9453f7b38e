"""Delivery chain analysis: from one shared outcome down to the people served, find the weak
links.

A partnership maps the organisations that must work together to deliver one outcome, each
partner rates the chain against twelve questions (National Audit Office and Audit
Commission, 2006), and the rules here point to the links to strengthen. Start with
:func:`analyse_chain`.
"""

from __future__ import annotations

from partnerscope.core.chains.analysis import (
    ChainResult,
    WeakestLink,
    WeakLink,
    analyse_chain,
    results_to_dict,
    rules_catalogue,
)
from partnerscope.core.chains.context import ChainContext, Relationships, relationship_between
from partnerscope.core.chains.counts import ChainCounts, count_chain
from partnerscope.core.chains.facts import ChainFacts, build_facts
from partnerscope.core.chains.failure import FailurePoint, single_points_of_failure
from partnerscope.core.chains.findings import Finding, Rule
from partnerscope.core.chains.funding import Branch, funding_branches, funding_ending_before
from partnerscope.core.chains.model import (
    DOWNWARD_TYPES,
    LAYERS,
    LINK_TYPES,
    NODE_KINDS,
    UPWARD_TYPES,
    DeliveryChain,
    Layer,
    Link,
    LinkKey,
    LinkType,
    Node,
    NodeKind,
    Risk,
    downward_step,
    organisation_of,
)
from partnerscope.core.chains.paths import (
    DEFAULT_PATH_LIMIT,
    DeliveryPaths,
    answering_nodes,
    delivery_paths,
    downward_graph,
    steps_leading_to,
)
from partnerscope.core.chains.ratings import (
    LEVELS,
    QUESTION_IDS,
    RATING_VALUES,
    Level,
    LinkRatings,
    QuestionResult,
    Rag,
    Rating,
    RatingCounts,
    RatingValue,
    chain_strength,
    participants_by_level,
    summarise_links,
    summarise_questions,
    validate_ratings,
)
from partnerscope.core.chains.rules import DEFAULT_RULES

__all__ = [
    "DEFAULT_PATH_LIMIT",
    "DEFAULT_RULES",
    "DOWNWARD_TYPES",
    "LAYERS",
    "LEVELS",
    "LINK_TYPES",
    "NODE_KINDS",
    "QUESTION_IDS",
    "RATING_VALUES",
    "UPWARD_TYPES",
    "Branch",
    "ChainContext",
    "ChainCounts",
    "ChainFacts",
    "ChainResult",
    "DeliveryChain",
    "DeliveryPaths",
    "Finding",
    "Layer",
    "Level",
    "Link",
    "LinkKey",
    "LinkRatings",
    "LinkType",
    "Node",
    "NodeKind",
    "QuestionResult",
    "Rag",
    "Rating",
    "RatingCounts",
    "RatingValue",
    "Relationships",
    "Risk",
    "Rule",
    "FailurePoint",
    "WeakLink",
    "WeakestLink",
    "analyse_chain",
    "answering_nodes",
    "build_facts",
    "chain_strength",
    "count_chain",
    "delivery_paths",
    "downward_graph",
    "downward_step",
    "funding_branches",
    "funding_ending_before",
    "organisation_of",
    "participants_by_level",
    "relationship_between",
    "results_to_dict",
    "rules_catalogue",
    "single_points_of_failure",
    "steps_leading_to",
    "summarise_links",
    "summarise_questions",
    "validate_ratings",
]
