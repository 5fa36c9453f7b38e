"""How the partners' money and staff time line up with the shared outcomes.

From the ledger's lines (each split over outcomes by its shares), the outcomes' indicator
statuses and each partner's involvement, :func:`align` works out:

- per outcome, the money and staff hours from each partner (the partner × outcome table);
- per partner, how much of its contribution is money placed in the partnership (pooling,
  grants or transfers) and how much mainstream spend aligned to the shared goals (aligning,
  procurement, partnership arrangements);
- per outcome, its share of all resources, whether it is off track (an indicator red,
  worsening or showing concerning special-cause variation) and whether any indicator is
  improving;
- per partner, its share of all contributions beside its share of involvement: the mean of
  its shares of board seats, of lead commitments on agreed targets and of ties in the
  relationship network, over whichever of the three the partnership records.

The rules (:data:`ALIGNMENT_RULES`) read the result and return what they find.

Examples
--------
>>> lines = [
...     Line("council", 2025, "pooling", "revenue", 600.0, 0.0, (("safe", 0.5), ("well", 0.5))),
...     Line("police", 2025, "aligning", "staff_time", 400.0, 10.0, (("safe", 1.0),)),
... ]
>>> result = align(lines, [OutcomeInfo("safe", "Safer"), OutcomeInfo("well", "Well"),
...                        OutcomeInfo("jobs", "Jobs")])
>>> result.outcome("safe").total, result.outcome("well").total
(700.0, 300.0)
>>> [o.ref for o in result.outcomes if o.total == 0]
['jobs']
>>> result.partner("council").placed_share
1.0
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from partnerscope.core.resources.checks import Check

__all__ = [
    "ALIGNMENT_RULES",
    "PLACED_ARRANGEMENTS",
    "Alignment",
    "IndicatorStatus",
    "Line",
    "OutcomeInfo",
    "OutcomeResources",
    "PartnerResources",
    "align",
    "contributions_out_of_line_with_involvement",
    "involvement_shares",
    "off_track_despite_resources",
    "unfunded_priority",
    "well_resourced_not_improving",
]

PLACED_ARRANGEMENTS = frozenset({"pooling", "grants"})
"""Money placed in the partnership's hands; every other arrangement is mainstream spend."""
OFF_TRACK_RAG = "red"
OFF_TRACK_DIRECTION = "worsening"
OFF_TRACK_VARIATION = "special_cause_concerning"
IMPROVING = frozenset({"improving", "special_cause_improving"})
INVOLVEMENT_TOLERANCE = 0.15
"""How far (in share points) a partner's contribution share may sit from its involvement
share before the rule says they are out of line."""


@dataclass(frozen=True)
class Line:
    """One ledger line: who, which year, how, what kind, how much, staff hours and shares."""

    organisation: str
    year: int
    arrangement: str
    kind: str
    amount: float
    hours: float
    shares: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class IndicatorStatus:
    code: str
    rag: str = ""
    direction: str = ""
    variation: str = ""

    @property
    def off_track(self) -> bool:
        return (
            self.rag == OFF_TRACK_RAG
            or self.direction == OFF_TRACK_DIRECTION
            or self.variation == OFF_TRACK_VARIATION
        )

    @property
    def improving(self) -> bool:
        return self.direction in IMPROVING or self.variation in IMPROVING


@dataclass(frozen=True)
class OutcomeInfo:
    """An outcome of the shared strategy; ``parent`` is the ref of the theme a goal serves."""

    ref: str
    title: str
    indicators: tuple[IndicatorStatus, ...] = ()
    parent: str | None = None


@dataclass
class OutcomeResources:
    """One outcome's resources: money and staff hours by partner, and how it is doing."""

    ref: str
    title: str
    parent: str | None = None
    money: dict[str, float] = field(default_factory=dict)
    hours: dict[str, float] = field(default_factory=dict)
    total: float = 0.0
    share: float = 0.0
    off_track: tuple[str, ...] = ()
    improving: tuple[str, ...] = ()
    indicator_count: int = 0


@dataclass
class PartnerResources:
    """One partner's contribution: placed in the partnership versus aligned, and its share
    of all contributions beside its share of involvement."""

    organisation: str
    total: float = 0.0
    placed: float = 0.0
    aligned: float = 0.0
    hours: float = 0.0
    share: float = 0.0
    involvement: float | None = None

    @property
    def placed_share(self) -> float | None:
        return None if self.total == 0 else self.placed / self.total

    @property
    def aligned_share(self) -> float | None:
        return None if self.total == 0 else self.aligned / self.total


@dataclass
class Alignment:
    outcomes: list[OutcomeResources]
    partners: list[PartnerResources]
    total: float
    names: dict[str, str] = field(default_factory=dict)
    """Organisations' names by ref, for the rules' sentences."""

    def outcome(self, ref: str) -> OutcomeResources:
        return next(item for item in self.outcomes if item.ref == ref)

    def partner(self, ref: str) -> PartnerResources:
        return next(item for item in self.partners if item.organisation == ref)

    @property
    def mean_outcome_total(self) -> float:
        return self.total / len(self.outcomes) if self.outcomes else 0.0


def involvement_shares(measures: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Each organisation's mean share over the measures that have any weight at all.

    >>> involvement_shares([{"a": 3, "b": 1}, {"a": 0, "b": 0}, {"a": 1, "b": 1}])
    {'a': 0.625, 'b': 0.375}
    """
    used = [measure for measure in measures if sum(measure.values()) > 0]
    if not used:
        return {}
    names = sorted({name for measure in used for name in measure})
    return {
        name: sum(measure.get(name, 0) / sum(measure.values()) for measure in used) / len(used)
        for name in names
    }


def align(
    lines: Sequence[Line],
    outcomes: Sequence[OutcomeInfo],
    involvement: Mapping[str, float] | None = None,
    organisations: Sequence[str] = (),
    names: Mapping[str, str] | None = None,
) -> Alignment:
    """The partner × outcome table, each partner's split and shares (see the module)."""
    by_outcome = {
        info.ref: OutcomeResources(info.ref, info.title, info.parent) for info in outcomes
    }
    partners: dict[str, PartnerResources] = {ref: PartnerResources(ref) for ref in organisations}
    money: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    hours: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for line in lines:
        partner = partners.setdefault(line.organisation, PartnerResources(line.organisation))
        partner.total += line.amount
        partner.hours += line.hours
        if line.arrangement in PLACED_ARRANGEMENTS:
            partner.placed += line.amount
        else:
            partner.aligned += line.amount
        for outcome, share in line.shares:
            money[outcome][line.organisation] += line.amount * share
            if line.hours:
                hours[outcome][line.organisation] += line.hours * share
    total = sum(partner.total for partner in partners.values())
    for info in outcomes:
        item = by_outcome[info.ref]
        item.money = dict(sorted(money[info.ref].items()))
        item.hours = dict(sorted(hours[info.ref].items()))
        item.total = sum(item.money.values())
        item.share = item.total / total if total else 0.0
        item.indicator_count = len(info.indicators)
        item.off_track = tuple(s.code for s in info.indicators if s.off_track)
        item.improving = tuple(s.code for s in info.indicators if s.improving)
    for partner in partners.values():
        partner.share = partner.total / total if total else 0.0
        if involvement is not None:
            partner.involvement = involvement.get(partner.organisation, 0.0)
    return Alignment(
        list(by_outcome.values()),
        sorted(partners.values(), key=lambda p: (-p.total, p.organisation)),
        total,
        dict(names or {}),
    )


def unfunded_priority(alignment: Alignment) -> list[Check]:
    """An outcome of the shared strategy with no money or staff time behind it in the
    ledger, nor behind any of its goals (for a theme), is an unfunded priority."""
    funded_themes = {item.parent for item in alignment.outcomes if item.total > 0}
    return [
        Check(
            "unfunded_priority",
            item.ref,
            f"No partner's contribution in the ledger serves {item.title}.",
            (("total", 0.0), ("indicators", item.indicator_count)),
        )
        for item in alignment.outcomes
        if item.total == 0 and item.ref not in funded_themes
    ]


def off_track_despite_resources(alignment: Alignment) -> list[Check]:
    """An outcome with resources behind it whose indicators are off track (red, worsening
    or showing concerning special-cause variation) needs its money and plan challenged."""
    return [
        Check(
            "off_track_despite_resources",
            item.ref,
            f"{item.title} receives £{item.total:,.0f} ({item.share:.0%} of all resources) "
            f"but {len(item.off_track)} of its indicators are off track: "
            f"{', '.join(item.off_track)}.",
            (("total", round(item.total, 2)), ("off_track", ", ".join(item.off_track))),
        )
        for item in alignment.outcomes
        if item.total > 0 and item.off_track
    ]


def well_resourced_not_improving(alignment: Alignment) -> list[Check]:
    """An outcome receiving more than the mean outcome's resources whose indicators show
    no improvement is well resourced but not improving."""
    mean = alignment.mean_outcome_total
    return [
        Check(
            "well_resourced_not_improving",
            item.ref,
            f"{item.title} receives £{item.total:,.0f}, above the mean of £{mean:,.0f} an "
            f"outcome, yet none of its {item.indicator_count} indicators is improving.",
            (("total", round(item.total, 2)), ("mean", round(mean, 2))),
        )
        for item in alignment.outcomes
        if item.total > mean > 0 and item.indicator_count and not item.improving
    ]


def contributions_out_of_line_with_involvement(
    alignment: Alignment, tolerance: float = INVOLVEMENT_TOLERANCE
) -> list[Check]:
    """A partner whose share of all contributions differs from its share of involvement
    (board seats, lead commitments, network ties) by more than the tolerance: do
    contributions reflect partners' involvement?"""
    found = []
    for partner in alignment.partners:
        if partner.involvement is None or alignment.total == 0:
            continue
        gap = partner.share - partner.involvement
        if abs(gap) <= tolerance:
            continue
        more = "more" if gap > 0 else "less"
        found.append(
            Check(
                "contributions_out_of_line_with_involvement",
                partner.organisation,
                f"{alignment.names.get(partner.organisation, partner.organisation)} gives "
                f"{partner.share:.0%} of all contributions but "
                f"has {partner.involvement:.0%} of the involvement: it pays {more} than its "
                "part in the partnership suggests.",
                (
                    ("contribution_share", round(partner.share, 4)),
                    ("involvement_share", round(partner.involvement, 4)),
                ),
            )
        )
    return found


ALIGNMENT_RULES: tuple[Callable[[Alignment], list[Check]], ...] = (
    unfunded_priority,
    off_track_despite_resources,
    well_resourced_not_improving,
    contributions_out_of_line_with_involvement,
)
