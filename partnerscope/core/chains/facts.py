"""Everything the rules read about one chain, worked out once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from partnerscope.core.chains.context import ChainContext
from partnerscope.core.chains.failure import FailurePoint, single_points_of_failure
from partnerscope.core.chains.funding import Branch, funding_branches
from partnerscope.core.chains.model import DeliveryChain, LinkKey
from partnerscope.core.chains.paths import DeliveryPaths, answering_nodes, delivery_paths
from partnerscope.core.chains.ratings import (
    LinkRatings,
    Rating,
    summarise_links,
    validate_ratings,
)

__all__ = ["ChainFacts", "build_facts"]


@dataclass(frozen=True)
class ChainFacts:
    """A chain with its context and the measures the rules test.

    ``weak_links`` maps a link's key ``(from, to, type)`` to the ids of the rules that found
    it weak;
    it is filled in after the first round of rules, for the rules that need it.
    """

    chain: DeliveryChain
    context: ChainContext
    ratings: tuple[Rating, ...]
    paths: DeliveryPaths
    answering: frozenset[str]
    single_points: tuple[FailurePoint, ...]
    branches: tuple[Branch, ...]
    link_ratings: tuple[LinkRatings, ...]
    weak_links: Mapping[LinkKey, tuple[str, ...]] = field(default_factory=dict)


def build_facts(
    chain: DeliveryChain,
    ratings: Iterable[Rating] = (),
    context: ChainContext | None = None,
) -> ChainFacts:
    """Work out the paths, return routes, single points of failure, branches and link
    ratings of ``chain``; ``ValueError`` if a rating is invalid or names a link not in it.

    Examples
    --------
    >>> from partnerscope.core.chains.model import Link, Node
    >>> chain = DeliveryChain(
    ...     "c",
    ...     (Node("o", "outcome"), Node("s", "service"), Node("p", "people")),
    ...     (Link("s", "o", "accountable_to"), Link("s", "p", "delivers_to")),
    ... )
    >>> facts = build_facts(chain)
    >>> facts.paths.paths, [spof.node for spof in facts.single_points]
    ((('o', 's', 'p'),), ['s'])
    """
    context = context or ChainContext()
    given = tuple(ratings)
    validate_ratings(given, context.questions)
    pairs = {link.pair for link in chain.links}
    for rating in given:
        if rating.link is not None and rating.link not in pairs:
            raise ValueError(f"chain {chain.id!r} has no link {rating.link[0]} -> {rating.link[1]}")
    return ChainFacts(
        chain=chain,
        context=context,
        ratings=given,
        paths=delivery_paths(chain, context.path_limit),
        answering=answering_nodes(chain),
        single_points=single_points_of_failure(chain),
        branches=funding_branches(chain),
        link_ratings=summarise_links(given),
    )
