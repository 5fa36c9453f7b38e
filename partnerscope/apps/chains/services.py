"""Orchestration for delivery chains: save records, build the core's inputs from the database,
run the analysis, and shape its result for the pages.

Every figure on the chain pages comes from ``partnerscope.core.chains.analyse_chain``; this
module only loads, converts and arranges. The cross-checks against the relationship survey
and indicator status read their evidence through :func:`relationship_evidence` and
:func:`indicator_evidence`, the two places where those areas are wired in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import models

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.chains import chain_map
from partnerscope.apps.chains.choices import (
    QUESTION_TITLES,
    ActionStatus,
    LinkType,
    NodeKind,
    Question,
    RatingValue,
)
from partnerscope.apps.chains.models import (
    Chain,
    ChainAction,
    ChainLink,
    ChainNode,
    Rating,
    Workshop,
)
from partnerscope.apps.common import charts
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.network import selectors as network
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance import selectors as performance
from partnerscope.core import chains as core
from partnerscope.reference.chains import load_questions

Pair = tuple[str, str]


# --- Evidence from the other areas -------------------------------------------------------


def relationship_evidence(partnership: Partnership) -> core.Relationships:
    """The relationship survey between the partnership's organisations, for the paper-link
    check (rule DC-X01): ``(organisation ref, organisation ref) -> (level 0-4, trust 1-4)``,
    from the latest closed wave of the relationship survey; empty when there is none.
    """
    return network.relationship_levels(partnership)


def indicator_evidence(partnership: Partnership) -> dict[str, core.Rag]:
    """The latest red/amber/green status of each indicator code, for the off-track check
    (rule DC-X02): the stored status in the partnership's first area (its whole area).
    """
    return cast(dict[str, core.Rag], performance.indicator_statuses(partnership))


# --- Saving chains, nodes and links ------------------------------------------------------


def save_chain(access: Access, form: Any) -> Chain:
    """Create or change a chain; a new chain gets its outcome node, and the outcome node's
    name follows the outcome's title."""
    chain: Chain = form.save(commit=False)
    chain.partnership = access.partnership
    if not chain.ref:
        chain.ref = unique_ref(
            Chain.objects.in_partnership(access.partnership), chain.outcome_title
        )
    chain.save()
    outcome = chain.nodes.outcomes().first()
    if outcome is None:
        ChainNode.objects.create(
            chain=chain, ref="outcome", kind=NodeKind.OUTCOME, name=chain.outcome_title
        )
    elif outcome.name != chain.outcome_title:
        outcome.name = chain.outcome_title
        outcome.save()
    return chain


def delete_chain(access: Access, chain: Chain) -> None:
    chain.delete()


def save_node(chain: Chain, form: Any) -> ChainNode:
    node: ChainNode = form.save(commit=False)
    node.chain = chain
    if not node.ref:
        node.ref = unique_ref(chain.nodes.all(), node.name)
    node.save()
    return node


def delete_node(chain: Chain, node: ChainNode) -> None:
    """Delete a node and its links; the outcome stays while the chain exists."""
    if node.kind == NodeKind.OUTCOME:
        raise ValidationError("The outcome cannot be deleted: delete the whole chain instead.")
    node.delete()


def save_link(chain: Chain, form: Any) -> ChainLink:
    link: ChainLink = form.save(commit=False)
    link.chain = chain
    link.save()
    return link


def delete_link(chain: Chain, link: ChainLink) -> None:
    link.delete()


# --- From the database to the core -------------------------------------------------------


def core_node(node: ChainNode) -> core.Node:
    return core.Node(
        id=node.ref,
        kind=node.kind,  # type: ignore[arg-type]
        name=node.name,
        layer=node.layer or None,  # type: ignore[arg-type]
        organisation=node.organisation.ref if node.organisation else None,
    )


def core_link(link: ChainLink) -> core.Link:
    both = link.likelihood is not None and link.impact is not None
    return core.Link(
        source=link.source.ref,
        target=link.target.ref,
        type=link.type,  # type: ignore[arg-type]
        owner=link.owner_name or None,
        indicator=link.indicator or None,
        amount=None if link.amount is None else float(link.amount),
        secure_until=link.secure_until,
        frequency=None if link.frequency is None else float(link.frequency),
        risk=core.Risk(link.likelihood, link.impact) if both else None,  # type: ignore[arg-type]
    )


def chain_records(chain: Chain) -> tuple[list[ChainNode], list[ChainLink]]:
    nodes = list(chain.nodes.select_related("organisation", "body"))
    links = list(chain.links.with_ends().order_by("pk"))
    return nodes, links


def core_chain(
    chain: Chain, nodes: Sequence[ChainNode], links: Sequence[ChainLink]
) -> core.DeliveryChain:
    return core.DeliveryChain(
        chain.ref,
        tuple(core_node(node) for node in nodes),
        tuple(core_link(link) for link in links),
    )


def core_ratings(workshop: Workshop, pairs: Iterable[Pair]) -> tuple[core.Rating, ...]:
    """The workshop's ratings as the core's; ratings of links since deleted are left out."""
    known = set(pairs)
    ratings = []
    rows = Rating.objects.filter(participant__workshop=workshop).select_related(
        "participant", "link_source", "link_target"
    )
    for rating in rows.order_by("participant__pk", "pk"):
        link = None
        if rating.link_source is not None and rating.link_target is not None:
            link = (rating.link_source.ref, rating.link_target.ref)
            if link not in known:
                continue
        ratings.append(
            core.Rating(
                participant=rating.participant.ref,
                level=rating.participant.level,  # type: ignore[arg-type]
                question=rating.question,
                rating=rating.value,  # type: ignore[arg-type]
                link=link,
            )
        )
    return tuple(ratings)


def chain_context(chain: Chain) -> core.ChainContext:
    partnership = chain.partnership
    return core.ChainContext(
        target_date=chain.target_date,
        relationships=relationship_evidence(partnership),
        indicator_status=indicator_evidence(partnership),
        min_group_size=partnership.anonymity_threshold,
    )


# --- The analysis, arranged for the pages ------------------------------------------------


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
                outstanding_actions=chain.actions.outstanding().count(),
            )
        )
    return summaries


# --- Workshops: invitations and answers --------------------------------------------------


def save_workshop(chain: Chain, form: Any) -> Workshop:
    workshop: Workshop = form.save(commit=False)
    workshop.chain = chain
    if not workshop.ref:
        workshop.ref = unique_ref(chain.workshops.all(), workshop.title)
    workshop.save()
    return workshop


def delete_workshop(chain: Chain, workshop: Workshop) -> None:
    workshop.delete()


@dataclass(frozen=True)
class LinkPair:
    """Every link from one node to another, rated together in a workshop."""

    source: ChainNode
    target: ChainNode
    types: list[str]

    @property
    def key(self) -> tuple[int, int]:
        return (self.source.pk, self.target.pk)

    def __str__(self) -> str:
        return f"{self.source} to {self.target} ({', '.join(self.types).lower()})"


def link_pairs(chain: Chain) -> list[LinkPair]:
    """The chain's links grouped by the two nodes they join, as a workshop rates them."""
    pairs: dict[tuple[int, int], LinkPair] = {}
    for link in chain.links.with_ends().order_by("pk"):
        pair = pairs.setdefault(
            (link.source_id, link.target_id), LinkPair(link.source, link.target, [])
        )
        pair.types.append(link.get_type_display())
    return list(pairs.values())


@dataclass(frozen=True)
class QuestionRow:
    id: str
    number: int
    title: str
    text: str
    counts: dict[str, Any]
    rating: str | None
    share_green: float | None
    by_level: dict[str, dict[str, Any] | None]
    level_gap: float | None
    actions: list[ChainAction]


@dataclass(frozen=True)
class LinkRatingRow:
    source: ChainNode
    target: ChainNode
    counts: dict[str, Any]
    views: dict[str, Any]
    rated_red_by_most: bool


@dataclass(frozen=True)
class WorkshopResults:
    """A workshop's results: each question's spread, overall and by level, within the
    partnership's anonymity threshold."""

    workshop: Workshop
    participants: dict[str, int]
    total: int
    threshold: int
    shown: bool
    levels_shown: dict[str, bool]
    small_levels: list[str]
    strength: float | None
    green_questions: int
    questions: list[QuestionRow]
    link_ratings: list[LinkRatingRow]
    comments: list[str]
    spread_chart: charts.Chart | None
    level_chart: charts.Chart | None


def workshop_summary(workshop: Workshop) -> dict[str, Any]:
    """How many have answered at each level, for the workshop page."""
    counts = dict(
        workshop.participants.values_list("level").annotate(n=models.Count("pk")).order_by()
    )
    total = sum(counts.values())
    threshold = workshop.chain.partnership.anonymity_threshold
    return {
        "by_level": [(level, counts.get(level, 0)) for level in core.LEVELS],
        "total": total,
        "threshold": threshold,
        "shown": total >= threshold,
        "invitations": workshop.invitations.filter(user__isnull=True).count(),
        "used": workshop.invitations.filter(user__isnull=True, used=True).count(),
    }


def workshop_results(workshop: Workshop) -> WorkshopResults:
    """The core's summary of one workshop's ratings; nothing is shown until at least the
    anonymity threshold of participants have answered, and a level's split only when that
    level alone reaches it."""
    chain = workshop.chain
    threshold = chain.partnership.anonymity_threshold
    nodes, links = chain_records(chain)
    delivery_chain = core_chain(chain, nodes, links)
    ratings = core_ratings(workshop, {link.pair for link in delivery_chain.links})
    result = core.analyse_chain(delivery_chain, ratings, chain_context(chain)).to_dict()
    participants = result["participants"]
    total = workshop.participants.count()
    shown = total >= threshold
    by_ref = {node.ref: node for node in nodes}
    actions: dict[str, list[ChainAction]] = {}
    for action in chain.actions.select_related("owner_person").exclude(question=""):
        actions.setdefault(action.question, []).append(action)
    questions = [
        QuestionRow(
            id=entry["question"],
            number=index,
            title=QUESTION_TITLES[entry["question"]],
            text=Question(entry["question"]).label,
            counts=entry["counts"],
            rating=entry["rating"],
            share_green=entry["share_green"],
            by_level=entry["by_level"],
            level_gap=entry["level_gap"],
            actions=actions.get(entry["question"], []),
        )
        for index, entry in enumerate(result["questions"], start=1)
    ]
    levels_shown = {
        level: any(q.by_level[level] is not None for q in questions) for level in core.LEVELS
    }
    comments = sorted(
        comment for comment in workshop.participants.values_list("comment", flat=True) if comment
    )
    return WorkshopResults(
        workshop=workshop,
        participants=participants,
        total=total,
        threshold=threshold,
        shown=shown,
        levels_shown=levels_shown,
        small_levels=[level for level, n in participants.items() if 0 < n < threshold],
        strength=result["strength"] if shown else None,
        green_questions=len(result["green_questions"]),
        questions=questions if shown else [],
        link_ratings=[
            LinkRatingRow(
                source=by_ref[entry["from"]],
                target=by_ref[entry["to"]],
                counts=entry["counts"],
                views=entry["participant_views"],
                rated_red_by_most=entry["rated_red_by_most"],
            )
            for entry in result["link_ratings"]
        ]
        if shown
        else [],
        comments=comments if shown else [],
        spread_chart=spread_chart(workshop, questions) if shown else None,
        level_chart=level_chart(workshop, questions)
        if shown and all(levels_shown.values())
        else None,
    )


RATING_COLOURS = {"red": "#d4351c", "amber": "#f47738", "green": "#00703c", "dont_know": "#b1b4b6"}


def spread_chart(workshop: Workshop, questions: Sequence[QuestionRow]) -> charts.Chart:
    """Stacked bars: how many participants gave each rating to each question."""
    import altair as alt

    labels = {value.value: value.label for value in RatingValue}
    values = [
        {
            "question": f"{q.number}. {q.title}",
            "order": q.number,
            "rating": labels[value],
            "rank": rank,
            "count": q.counts[value],
        }
        for q in questions
        for rank, value in enumerate(RATING_COLOURS)
    ]
    spec = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title="Participants", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("question:N", title=None, sort=alt.SortField("order")),
            color=alt.Color(
                "rating:N",
                title="Rating",
                scale=alt.Scale(
                    domain=[labels[v] for v in RATING_COLOURS], range=list(RATING_COLOURS.values())
                ),
            ),
            order=alt.Order("rank:Q"),
        )
        .properties(width=520, height=alt.Step(22))
    )
    greens = sum(1 for q in questions if q.rating == "green")
    return charts.chart(
        spec,
        chart_id=f"workshop-{workshop.pk}-spread",
        title="Ratings of each question",
        description=f"How many participants rated each of the twelve questions red, amber, "
        f"green or don't know. {greens} of 12 questions are green by consensus.",
        headings=["Question", "Red", "Amber", "Green", "Don't know", "Consensus"],
        rows=[
            [
                f"{q.number}. {q.title}",
                q.counts["red"],
                q.counts["amber"],
                q.counts["green"],
                q.counts["dont_know"],
                labels[q.rating] if q.rating else "None scored",
            ]
            for q in questions
        ],
    )


def level_chart(workshop: Workshop, questions: Sequence[QuestionRow]) -> charts.Chart:
    """Grouped bars: the share rating each question green, strategic against operational."""
    import altair as alt

    values = [
        {
            "question": f"{q.number}. {q.title}",
            "order": q.number,
            "level": level.capitalize(),
            "share": (q.by_level[level] or {}).get("share_green"),
        }
        for q in questions
        for level in core.LEVELS
    ]
    spec = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("share:Q", title="Share rating it green", axis=alt.Axis(format="%")),
            y=alt.Y("question:N", title=None, sort=alt.SortField("order")),
            yOffset=alt.YOffset("level:N"),
            color=alt.Color(
                "level:N",
                title="Level",
                scale=alt.Scale(domain=["Strategic", "Operational"], range=["#4c2c92", "#5694ca"]),
            ),
        )
        .properties(width=520, height=alt.Step(14))
    )

    def share(value: float | None) -> str:
        return "–" if value is None else f"{value:.0%}"

    gaps = [q for q in questions if q.level_gap is not None]
    widest = max(gaps, key=lambda q: abs(q.level_gap or 0), default=None)
    description = "The share of strategic and of operational participants rating each question "
    description += "green."
    if widest is not None:
        description += (
            f" The widest gap is on question {widest.number}, {widest.title}: "
            f"{(widest.level_gap or 0) * 100:+.0f} percentage points."
        )
    return charts.chart(
        spec,
        chart_id=f"workshop-{workshop.pk}-levels",
        title="Green ratings by level",
        description=description,
        headings=["Question", "Strategic green", "Operational green", "Gap (points)"],
        rows=[
            [
                f"{q.number}. {q.title}",
                share((q.by_level["strategic"] or {}).get("share_green")),
                share((q.by_level["operational"] or {}).get("share_green")),
                "–" if q.level_gap is None else f"{q.level_gap * 100:+.0f}",
            ]
            for q in questions
        ],
    )


# --- Agreed actions ----------------------------------------------------------------------


def save_action(chain: Chain, form: Any) -> ChainAction:
    action: ChainAction = form.save(commit=False)
    action.chain = chain
    if not action.ref:
        number = chain.actions.count() + 1
        while chain.actions.filter(ref=f"a{number:02d}").exists():
            number += 1
        action.ref = f"a{number:02d}"
    action.save()
    return action


def delete_action(chain: Chain, action: ChainAction) -> None:
    action.delete()


@dataclass(frozen=True)
class ActionPlan:
    chain: Chain
    groups: list[tuple[str, str, list[ChainAction]]]
    total: int
    overdue: set[int]


def action_plan(chain: Chain, today: Any) -> ActionPlan:
    """The chain's agreed actions by status, each in due-date order; overdue ones marked."""
    actions = list(
        chain.actions.select_related(
            "owner_person", "link__source", "link__target", "workshop"
        ).order_by(models.F("due").asc(nulls_last=True), "pk")
    )
    groups = [
        (status.value, status.label, [a for a in actions if a.status == status])
        for status in ActionStatus
    ]
    overdue = {a.pk for a in actions if a.due and a.due < today and a.status != ActionStatus.DONE}
    return ActionPlan(chain=chain, groups=groups, total=len(actions), overdue=overdue)
