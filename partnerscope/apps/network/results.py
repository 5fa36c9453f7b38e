"""The analysis pages of the Relationships area: build the core's inputs from a wave's ties,
run ``partnerscope.core.network`` and arrange its results for the pages and downloads.

Every figure comes from the core (``analyse_network``, ``compare_waves``,
``received_ratings``); this module only loads, converts and arranges.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.http import Http404

from partnerscope.apps.network.choices import RATING_PARTS, TRUST_PARTS, VALUE_PARTS, Level
from partnerscope.apps.network.models import Representative, Tie, Wave
from partnerscope.apps.network.services import (
    organisation_tiers,
    partnership_organisations,
    tie_trust,
    tie_value,
)
from partnerscope.apps.partnerships.choices import Sector, Tier
from partnerscope.apps.partnerships.models import Organisation
from partnerscope.core import network as core
from partnerscope.datapackage.network import (
    write_edge_csv,
    write_gexf,
    write_graphml,
    write_node_csv,
)

ROLE_TEXT = {
    "coordinator": "Brokers between two organisations of its own sector.",
    "gatekeeper": "Lets an organisation of another sector reach one of its own sector.",
    "representative": "Carries its own sector's work out to an organisation of another sector.",
    "consultant": "Brokers between two organisations of one sector, not its own.",
    "liaison": "Brokers between two organisations of two other sectors.",
}
"""What each Gould–Fernandez brokerage role means, for the organisation pages."""

HEADLINES: list[tuple[str, str, str]] = [
    ("nodes", "Organisations", "count"),
    ("ties", "Ties counted", "count"),
    ("density", "Density", "share"),
    ("reciprocity", "Reciprocity", "share"),
    ("in_centralization", "In-degree centralisation", "share"),
    ("out_centralization", "Out-degree centralisation", "share"),
    ("betweenness_centralization", "Betweenness centralisation", "share"),
    ("components", "Separate parts (components)", "count"),
    ("isolates", "Isolated organisations", "count"),
    ("modularity", "Modularity of the communities", "number"),
    ("average_path_length", "Average path length (ties)", "number"),
]
"""The whole-network measures the comparison page shows, with their labels."""

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


@dataclass(frozen=True)
class Options:
    """How the answers become a network: the lowest level counted, and whether the ties of
    organisations that did not answer are inferred from the other side."""

    min_level: int = core.DEFAULT_MIN_LEVEL
    infer: bool = True

    def core(self) -> core.NetworkOptions:
        return core.NetworkOptions(directed=True, min_level=self.min_level, symmetrise=self.infer)

    def query(self) -> str:
        return urlencode({"min_level": self.min_level, "infer": "yes" if self.infer else "no"})

    @property
    def level_label(self) -> str:
        return Level(self.min_level).label


@dataclass(frozen=True)
class WaveNetwork:
    """A wave's answers as the core takes them, with the records behind each id."""

    wave: Wave
    organisations: dict[str, Organisation]
    members: list[core.Organisation]
    answers: list[core.Tie]
    ties: list[Tie]

    @property
    def responded(self) -> set[str]:
        return {member.id for member in self.members if member.responded}

    def named(self, refs: Sequence[str]) -> list[Organisation]:
        return [self.organisations[ref] for ref in refs]


def wave_network(wave: Wave) -> WaveNetwork:
    """Load a wave: the partnership's organisations (and any other tie end) and every answer."""
    ties = list(Tie.objects.in_wave(wave).order_by("source__name", "target__name", "pk"))
    organisations = {o.ref: o for o in partnership_organisations(wave.partnership)}
    for tie in ties:
        organisations.setdefault(tie.source.ref, tie.source)
        organisations.setdefault(tie.target.ref, tie.target)
    tiers = organisation_tiers(organisations.values())
    answered = {tie.source.ref for tie in ties}
    members = [
        core.Organisation(ref, o.sector, tiers[o.pk], responded=ref in answered)
        for ref, o in organisations.items()
    ]
    answers = [
        core.Tie(
            tie.source.ref,
            tie.target.ref,
            level=tie.level,
            trust=tie_trust(tie),
            value=tie_value(tie),
        )
        for tie in ties
    ]
    return WaveNetwork(wave, organisations, members, answers, ties)


def analyse(network: WaveNetwork, options: Options) -> core.NetworkResult:
    return core.analyse_network(network.members, network.answers, options.core())


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


# ---- Comparing two waves ----------------------------------------------------------------


@dataclass(frozen=True)
class MeasureRow:
    label: str
    kind: str
    before: Any
    after: Any
    change: Any


@dataclass(frozen=True)
class ComparePage:
    wave: Wave
    before: Wave | None
    after: Wave | None
    choices: list[Wave]
    options: Options
    measures: list[MeasureRow] = field(default_factory=list)
    new_ties: list[tuple[Organisation, Organisation]] = field(default_factory=list)
    lost_ties: list[tuple[Organisation, Organisation]] = field(default_factory=list)
    kept_ties: int = 0
    lists: list[tuple[str, str, list[Organisation]]] = field(default_factory=list)
    top_share: float = core.DEFAULT_TOP_SHARE

    @property
    def other(self) -> Wave | None:
        """The wave this one is compared with."""
        return self.before if self.after == self.wave else self.after


def default_other(wave: Wave) -> Wave | None:
    if wave.previous_id:
        return wave.previous
    return (
        Wave.objects.in_partnership(wave.partnership)
        .filter(opens__lt=wave.opens)
        .order_by("-opens", "-pk")
        .first()
    )


def compare_page(wave: Wave, other_pk: int | None, options: Options) -> ComparePage:
    """Compare ``wave`` with another wave of the partnership (its previous one by default)."""
    choices = list(Wave.objects.in_partnership(wave.partnership).exclude(pk=wave.pk))
    other = next((w for w in choices if w.pk == other_pk), None) if other_pk else None
    other = other or default_other(wave)
    if other is None:
        return ComparePage(wave, None, None, choices, options)
    before, after = sorted([wave, other], key=lambda w: (w.opens, w.pk))
    first, second = wave_network(before), wave_network(after)
    comparison = core.compare_waves(analyse(first, options), analyse(second, options))
    names = {**first.organisations, **second.organisations}

    def named(refs: Sequence[str]) -> list[Organisation]:
        return sorted((names[ref] for ref in refs), key=lambda o: o.name.casefold())

    def pairs(ties: Sequence[tuple[str, str]]) -> list[tuple[Organisation, Organisation]]:
        return sorted(
            ((names[a], names[b]) for a, b in ties),
            key=lambda pair: (pair[0].name.casefold(), pair[1].name.casefold()),
        )

    share = f"{comparison.top_share:.0%}"
    return ComparePage(
        wave=wave,
        before=before,
        after=after,
        choices=choices,
        options=options,
        measures=[
            MeasureRow(
                label,
                kind,
                comparison.before.get(key),
                comparison.after.get(key),
                comparison.change.get(key),
            )
            for key, label, kind in HEADLINES
        ],
        new_ties=pairs(comparison.new_ties),
        lost_ties=pairs(comparison.lost_ties),
        kept_ties=comparison.kept_ties,
        lists=[
            ("became-isolated", "Became isolated", named(comparison.became_isolated)),
            ("no-longer-isolated", "No longer isolated", named(comparison.no_longer_isolated)),
            (
                "became-central",
                f"Became central (top {share} by betweenness)",
                named(comparison.became_central),
            ),
            ("no-longer-central", "No longer central", named(comparison.no_longer_central)),
            ("joined", "Joined the partnership", named(comparison.joined)),
            ("left", "Left the partnership", named(comparison.left)),
        ],
        top_share=comparison.top_share,
    )


# ---- Downloads --------------------------------------------------------------------------

DOWNLOADS = {
    "graphml": ("network.graphml", "application/graphml+xml", write_graphml),
    "gexf": ("network.gexf", "application/xml", write_gexf),
    "nodes.csv": ("nodes.csv", "text/csv", write_node_csv),
    "edges.csv": ("edges.csv", "text/csv", write_edge_csv),
}
DOWNLOAD_LABELS = [
    ("graphml", "GraphML (Gephi, yEd, igraph)"),
    ("gexf", "GEXF (Gephi)"),
    ("nodes.csv", "Organisations and their measures (CSV)"),
    ("edges.csv", "Ties (CSV)"),
    ("json", "Every measure (JSON)"),
]


@dataclass(frozen=True)
class Download:
    content: bytes
    content_type: str
    filename: str


def download(wave: Wave, options: Options, kind: str) -> Download:
    """One export of the analysed network, written by the data package's writers."""
    prefix = f"{wave.partnership.slug}-{wave.ref}"
    result = analyse(wave_network(wave), options)
    if kind == "json":
        document = {
            "wave": {"id": wave.ref, "title": wave.title, "min_level": options.min_level},
            **result.to_dict(),
        }
        content = json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")
        return Download(content, "application/json", f"{prefix}-network.json")
    if kind not in DOWNLOADS:
        raise Http404("No such download.")
    name, content_type, writer = DOWNLOADS[kind]
    with tempfile.TemporaryDirectory() as folder:
        path = writer(result, Path(folder) / name)
        content = Path(path).read_bytes()
    return Download(content, content_type, f"{prefix}-{name}")
