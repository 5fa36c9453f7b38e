"""The analysis pages of the Relationships area: build the core's inputs from a wave's ties,
run ``partnerscope.core.network`` and arrange its results for the pages and downloads.

Every figure comes from the core (``analyse_network``, ``compare_waves``,
``received_ratings``); this module only loads, converts and arranges. It holds the metrics
table, one organisation's page and the matrix; the comparison of two waves is in
``results_compare``, the downloads in ``results_downloads``, and the loading of a wave in
``analysis``. The names in ``__all__`` are the pages' public face, used by the views.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404

from partnerscope.apps.network.analysis import Options, WaveNetwork, analyse, wave_network
from partnerscope.apps.network.choices import RATING_PARTS, TRUST_PARTS, VALUE_PARTS
from partnerscope.apps.network.models import Representative, Tie, Wave
from partnerscope.apps.network.results_compare import ComparePage, compare_page
from partnerscope.apps.network.results_downloads import DOWNLOAD_LABELS, Download, download
from partnerscope.apps.partnerships.choices import Sector, Tier
from partnerscope.apps.partnerships.models import Organisation
from partnerscope.core import network as core

__all__ = [
    "DOWNLOAD_LABELS",
    "ComparePage",
    "Download",
    "MatrixPage",
    "MetricsPage",
    "Options",
    "OrganisationPage",
    "WaveNetwork",
    "analyse",
    "compare_page",
    "download",
    "matrix_page",
    "metrics_page",
    "organisation_page",
    "wave_network",
]

ROLE_TEXT = {
    "coordinator": "Brokers between two organisations of its own sector.",
    "gatekeeper": "Lets an organisation of another sector reach one of its own sector.",
    "representative": "Carries its own sector's work out to an organisation of another sector.",
    "consultant": "Brokers between two organisations of one sector, not its own.",
    "liaison": "Brokers between two organisations of two other sectors.",
}
"""What each Gould–Fernandez brokerage role means, for the organisation pages."""

SORTS = {
    "name": ("Name", lambda row: (row.organisation.name.casefold(),)),
    "betweenness": ("Betweenness", lambda row: (-row.metrics.betweenness,)),
    "in_degree": ("Ties received", lambda row: (-row.metrics.in_degree,)),
    "out_degree": ("Ties given", lambda row: (-row.metrics.out_degree,)),
    "pagerank": ("PageRank", lambda row: (-row.metrics.pagerank,)),
    "trust": (
        "Trust received",
        lambda row: (row.metrics.trust.mean is None, -(row.metrics.trust.mean or 0)),
    ),
}


# ---- The metrics page ------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationRow:
    organisation: Organisation
    metrics: core.OrganisationMetrics

    @property
    def sector_label(self) -> str:
        return Sector(self.organisation.sector).label

    @property
    def tier_label(self) -> str:
        return tier_label(self.metrics.tier)


def tier_label(tier: str | None) -> str:
    if tier == Tier.COUNTY:
        return "County-wide"
    if tier == Tier.DISTRICT:
        return "District"
    return "Not known"


@dataclass(frozen=True)
class MetricsPage:
    wave: Wave
    options: Options
    result: core.NetworkResult
    summary: dict[str, Any]
    rows: list[OrganisationRow]
    non_responding: list[Organisation]
    inferred: list[tuple[Organisation, Organisation]]
    council: list[Organisation]
    newly_isolated: list[Organisation]
    sort: str
    sorts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def answered(self) -> int:
        return self.summary["responded"]


def metrics_page(wave: Wave, options: Options, sort: str = "betweenness") -> MetricsPage:
    network = wave_network(wave)
    result = analyse(network, options)
    summary = result.network.to_dict()
    rows = [
        OrganisationRow(network.organisations[metrics.id], metrics)
        for metrics in result.organisations
    ]
    sort = sort if sort in SORTS else "betweenness"
    rows.sort(key=lambda row: (*SORTS[sort][1](row), row.organisation.name.casefold()))
    removal = result.network.council_removal
    return MetricsPage(
        wave=wave,
        options=options,
        result=result,
        summary=summary,
        rows=rows,
        non_responding=network.named(summary["non_responding"]),
        inferred=[
            (network.organisations[tie.source], network.organisations[tie.target])
            for tie in result.ties
            if tie.inferred
        ],
        council=network.named(list(result.network.council.council)),
        newly_isolated=network.named(list(removal.newly_isolated)) if removal else [],
        sort=sort,
        sorts=[(key, label) for key, (label, _) in SORTS.items()],
    )


# ---- One organisation ----------------------------------------------------------------


@dataclass(frozen=True)
class RoleRow:
    role: str
    count: int
    text: str


@dataclass(frozen=True)
class PartRating:
    kind: str
    label: str
    mean: float | None
    ratings: int


@dataclass(frozen=True)
class OrganisationPage:
    wave: Wave
    options: Options
    organisation: Organisation
    metrics: core.OrganisationMetrics
    representative: Representative | None
    given: list[Tie]
    received: list[Tie]
    given_none: int
    received_none: int
    inferred_given: list[Organisation]
    inferred_received: list[Organisation]
    roles: list[RoleRow]
    parts: list[PartRating]

    @property
    def tier_label(self) -> str:
        return tier_label(self.metrics.tier)


def received_by_part(network: WaveNetwork, ref: str) -> list[PartRating]:
    """The mean of each trust and value part the other organisations gave ``ref``."""
    labels = dict(TRUST_PARTS + VALUE_PARTS)
    parts = []
    for part in RATING_PARTS:
        answers = [
            core.Tie(tie.source.ref, tie.target.ref, level=tie.level, trust=getattr(tie, part))
            for tie in network.ties
        ]
        graph = core.build_graph(network.members, answers, core.NetworkOptions(min_level=0))
        rating = core.received_ratings(graph, "trust")[graph.index[ref]]
        kind = "Trust" if part.startswith("trust") else "Value"
        parts.append(PartRating(kind, labels[part], rating.mean, rating.ratings))
    return parts


def closest_first(ties: Iterable[Tie]) -> list[Tie]:
    return sorted(
        ties, key=lambda t: (-t.level, t.source.name.casefold(), t.target.name.casefold())
    )


def organisation_page(wave: Wave, organisation_pk: int, options: Options) -> OrganisationPage:
    network = wave_network(wave)
    organisation = next(
        (o for o in network.organisations.values() if o.pk == organisation_pk), None
    )
    if organisation is None:
        raise Http404("No such organisation in this wave.")
    result = analyse(network, options)
    metrics = next(m for m in result.organisations if m.id == organisation.ref)
    roles = metrics.brokerage.to_dict()
    return OrganisationPage(
        wave=wave,
        options=options,
        organisation=organisation,
        metrics=metrics,
        representative=wave.representatives.filter(organisation=organisation)
        .select_related("person")
        .first(),
        given=closest_first(t for t in network.ties if t.source_id == organisation.pk and t.level),
        received=closest_first(
            t for t in network.ties if t.target_id == organisation.pk and t.level
        ),
        given_none=sum(1 for t in network.ties if t.source_id == organisation.pk and not t.level),
        received_none=sum(
            1 for t in network.ties if t.target_id == organisation.pk and not t.level
        ),
        inferred_given=[
            network.organisations[t.target]
            for t in result.ties
            if t.inferred and t.source == organisation.ref
        ],
        inferred_received=[
            network.organisations[t.source]
            for t in result.ties
            if t.inferred and t.target == organisation.ref
        ],
        roles=[RoleRow(role, roles[role], ROLE_TEXT[role]) for role in core.ROLES],
        parts=received_by_part(network, organisation.ref),
    )


# ---- The adjacency matrix -------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    level: int | None
    inferred: bool = False


@dataclass(frozen=True)
class MatrixRow:
    organisation: Organisation
    responded: bool
    cells: list[Cell]


@dataclass(frozen=True)
class MatrixPage:
    wave: Wave
    options: Options
    columns: list[Organisation]
    rows: list[MatrixRow]
    sectors: list[str]
    inferred: int


def sector_order(organisation: Organisation) -> tuple[int, str]:
    return (Sector.values.index(organisation.sector), organisation.name.casefold())


def matrix_page(wave: Wave, options: Options, sectors: Sequence[str] = ()) -> MatrixPage:
    """The counted ties as a matrix, rows giving and columns receiving, by sector then name."""
    network = wave_network(wave)
    result = analyse(network, options)
    chosen = [s for s in Sector.values if s in sectors]
    shown = sorted(
        (o for o in network.organisations.values() if not chosen or o.sector in chosen),
        key=sector_order,
    )
    counted = {(t.source, t.target): t for t in result.ties}
    responded = network.responded
    rows = []
    for giver in shown:
        cells = []
        for taker in shown:
            tie = counted.get((giver.ref, taker.ref))
            cells.append(Cell(tie.level, tie.inferred) if tie else Cell(None))
        rows.append(MatrixRow(giver, giver.ref in responded, cells))
    return MatrixPage(
        wave,
        options,
        shown,
        rows,
        chosen,
        sum(1 for row in rows for cell in row.cells if cell.inferred),
    )
