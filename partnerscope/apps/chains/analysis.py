"""A chain's analysis, arranged for the pages: the core's result with the chain's own records
beside it (each link with the rules it breaks, the weak links numbered as on the map, the
branches, the findings grouped by rule), and the headline figures of every chain.

Every figure on the chain pages comes from ``partnerscope.core.chains.analyse_chain``; this
module only runs it on the latest workshop that may be shown and arranges its result.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db import models

from partnerscope.apps.actions import selectors as actions
from partnerscope.apps.chains import chain_map
from partnerscope.apps.chains.choices import LinkType, NodeKind
from partnerscope.apps.chains.core_inputs import (
    chain_context,
    chain_records,
    core_chain,
    core_ratings,
)
from partnerscope.apps.chains.models import Chain, ChainLink, ChainNode, Workshop
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core import chains as core
from partnerscope.reference.chains import load_questions


@dataclass(frozen=True)
class RuleRef:
    """A rule a finding cites: its id, class name and wording."""

    id: str
    name: str
    text: str


@dataclass(frozen=True)
class LinkRow:
    """A link with what the analysis says of it, for the table of links and the map."""

    link: ChainLink
    rules: list[RuleRef]
    messages: list[str]
    weakest: bool
    views: dict[str, Any] | None
    number: int | None = None

    @property
    def weak(self) -> bool:
        return bool(self.rules)


@dataclass(frozen=True)
class WeakLinkRow:
    number: int
    source: ChainNode
    target: ChainNode
    types: list[str]
    rules: list[RuleRef]
    messages: list[str]


@dataclass(frozen=True)
class BranchRow:
    head: ChainNode
    nodes: list[ChainNode]
    amount_in: float
    amount_from_outside: float
    funding_links: int
    unpriced_links: int


@dataclass(frozen=True)
class FindingGroup:
    rule: RuleRef
    marks_weak_link: bool
    findings: list[dict[str, Any]]


@dataclass(frozen=True)
class ChainAnalysis:
    """What the chain pages show: the records, the core's result and views of it."""

    chain: Chain
    nodes: list[ChainNode]
    links: list[ChainLink]
    result: dict[str, Any]
    workshop: Workshop | None
    waiting: list[tuple[Workshop, int]]
    threshold: int
    relationships_checked: bool
    indicators_checked: bool
    link_rows: list[LinkRow]
    weak_links: list[WeakLinkRow]
    weakest: dict[str, Any] | None
    single_points: list[tuple[ChainNode, list[ChainNode]]]
    paths: list[list[ChainNode]]
    longest_path: list[ChainNode]
    branches: list[BranchRow]
    finding_groups: list[FindingGroup]
    counts_by_kind: list[tuple[str, int]]
    counts_by_type: list[tuple[str, int]]

    @cached_property
    def map_svg(self) -> str:
        """The chain map, drawn when a page asks for it."""
        return chain_map.draw(self.chain, self.nodes, self.link_rows, self.result)

    @property
    def strength_questions(self) -> int | None:
        strength = self.result["strength"]
        return None if strength is None else round(strength * len(load_questions()))


def rule_refs() -> dict[str, RuleRef]:
    return {
        entry["id"]: RuleRef(entry["id"], entry["name"], entry["text"])
        for entry in core.rules_catalogue()
    }


def rated_workshop(chain: Chain) -> tuple[Workshop | None, list[tuple[Workshop, int]]]:
    """The latest workshop with enough participants to show, and those still too small."""
    threshold = chain.partnership.anonymity_threshold
    workshops = chain.workshops.with_participant_count().order_by(
        models.F("held_on").desc(nulls_last=True), "-pk"
    )
    chosen, waiting = None, []
    for workshop in workshops:
        if workshop.participant_count >= threshold:
            chosen = chosen or workshop
        elif workshop.participant_count:
            waiting.append((workshop, workshop.participant_count))
    return chosen, waiting


def analyse(chain: Chain) -> ChainAnalysis:
    """Run the core on the chain, with the ratings of its latest workshop that has at least
    the partnership's anonymity threshold of participants."""
    nodes, links = chain_records(chain)
    delivery_chain = core_chain(chain, nodes, links)
    workshop, waiting = rated_workshop(chain)
    pairs = {link.pair for link in delivery_chain.links}
    ratings = core_ratings(workshop, pairs) if workshop else ()
    context = chain_context(chain)
    result = core.analyse_chain(delivery_chain, ratings, context).to_dict()
    return arrange(chain, nodes, links, result, workshop, waiting, context)


def arrange(
    chain: Chain,
    nodes: list[ChainNode],
    links: list[ChainLink],
    result: dict[str, Any],
    workshop: Workshop | None,
    waiting: list[tuple[Workshop, int]],
    context: core.ChainContext,
) -> ChainAnalysis:
    by_ref = {node.ref: node for node in nodes}
    rules = rule_refs()
    marking = {entry["id"] for entry in core.rules_catalogue() if entry["marks_weak_link"]}
    flagged: dict[tuple[str, str, str], list[str]] = {}
    messages: dict[tuple[str, str, str], list[str]] = {}
    for finding in result["findings"]:
        for key in finding["links"]:
            triple = (key["from"], key["to"], key["type"])
            messages.setdefault(triple, []).append(f"{finding['rule']}: {finding['message']}")
            if finding["rule"] in marking:
                named = flagged.setdefault(triple, [])
                if finding["rule"] not in named:
                    named.append(finding["rule"])
    weakest = result["weakest_link"]
    weakest_pair = (weakest["from"], weakest["to"]) if weakest else None
    views = {(r["from"], r["to"]): r["participant_views"] for r in result["link_ratings"]}
    numbers = {(weak["from"], weak["to"]): n for n, weak in enumerate(result["weak_links"], 1)}
    link_rows = []
    for link in links:
        triple = (link.source.ref, link.target.ref, link.type)
        pair = triple[:2]
        link_rows.append(
            LinkRow(
                link=link,
                rules=[rules[rule] for rule in flagged.get(triple, [])],
                messages=messages.get(triple, []),
                weakest=pair == weakest_pair,
                views=views.get(pair),
                number=numbers.get(pair) if flagged.get(triple) else None,
            )
        )
    weak_links = [
        WeakLinkRow(
            number=number,
            source=by_ref[weak["from"]],
            target=by_ref[weak["to"]],
            types=[LinkType(kind).label for kind in weak["types"]],
            rules=[rules[rule] for rule in weak["rules"]],
            messages=[
                message
                for kind in weak["types"]
                for message in messages.get((weak["from"], weak["to"], kind), [])
            ],
        )
        for number, weak in enumerate(result["weak_links"], start=1)
    ]
    weakest_view = None
    if weakest:
        weakest_view = {
            **weakest,
            "source": by_ref[weakest["from"]],
            "target": by_ref[weakest["to"]],
            "rule_refs": [rules[rule] for rule in weakest["rules"]],
        }
    groups: dict[str, list[dict[str, Any]]] = {}
    for finding in result["findings"]:
        groups.setdefault(finding["rule"], []).append(finding)
    finding_groups = [
        FindingGroup(rules[rule], rule in marking, found) for rule, found in groups.items()
    ]
    counts = result["counts"]
    return ChainAnalysis(
        chain=chain,
        nodes=nodes,
        links=links,
        result=result,
        workshop=workshop,
        waiting=waiting,
        threshold=context.min_group_size,
        relationships_checked=bool(context.relationships),
        indicators_checked=bool(context.indicator_status),
        link_rows=link_rows,
        weak_links=weak_links,
        weakest=weakest_view,
        single_points=[
            (by_ref[point["node"]], [by_ref[ref] for ref in point["cuts_off"]])
            for point in result["single_points_of_failure"]
        ],
        paths=[[by_ref[ref] for ref in path] for path in result["paths"]],
        longest_path=[by_ref[ref] for ref in result["longest_path"] or []],
        branches=[
            BranchRow(
                head=by_ref[branch["head"]],
                nodes=[by_ref[ref] for ref in branch["nodes"]],
                amount_in=branch["amount_in"],
                amount_from_outside=branch["amount_from_outside"],
                funding_links=branch["funding_links"],
                unpriced_links=branch["unpriced_links"],
            )
            for branch in result["funding"]["branches"]
        ],
        finding_groups=finding_groups,
        counts_by_kind=[
            (NodeKind(kind).label, number)
            for kind, number in counts["nodes_by_kind"].items()
            if number
        ],
        counts_by_type=[
            (LinkType(kind).label, number)
            for kind, number in counts["links_by_type"].items()
            if number
        ],
    )


@dataclass(frozen=True)
class ChainSummary:
    chain: Chain
    nodes: int
    links: int
    weak_links: int
    single_points: int
    strength: float | None
    workshops: int
    outstanding_actions: int


def chain_list(partnership: Partnership) -> list[ChainSummary]:
    """Every chain of the partnership with its headline figures."""
    summaries = []
    chains = Chain.objects.in_partnership(partnership).select_related("partnership")
    open_actions = actions.open_action_counts_by_chain(partnership)
    for chain in chains:
        analysis = analyse(chain)
        summaries.append(
            ChainSummary(
                chain=chain,
                nodes=len(analysis.nodes),
                links=len(analysis.links),
                weak_links=len(analysis.weak_links),
                single_points=len(analysis.single_points),
                strength=analysis.result["strength"],
                workshops=chain.workshops.count(),
                outstanding_actions=open_actions.get(chain.ref, 0),
            )
        )
    return summaries
