"""Orchestration of performance management: saving records, and what each page shows.

Services load records, convert them to the core's types, call the core
(``partnerscope.core.indicators``) and save or return. The statuses the dashboard and
reports show are stored snapshots (see :mod:`.status_services`), refreshed whenever a
value, target or definition changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import models, transaction
from django.db.models import Max
from django.http import Http404
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.partnerships.models import AgendaItem, Body, Meeting, Partnership
from partnerscope.apps.performance.charts import (
    decimal_places,
    figure,
    indicator_chart,
    sparkline,
)
from partnerscope.apps.performance.choices import (
    Dimension,
    Direction,
    Origin,
    Polarity,
    ValueStatus,
    frequency_words,
)
from partnerscope.apps.performance.models import (
    PERIOD_HELP,
    Area,
    ImprovementTarget,
    Indicator,
    IndicatorStatusSnapshot,
    Outcome,
    PerformanceSettings,
    QualityRecord,
    TargetValue,
    ValueVersion,
)
from partnerscope.apps.performance.status_services import (
    as_of_date,
    live_status,
    refresh_partnership,
    refresh_series,
    reporting_settings,
    targets_by_series,
)
from partnerscope.core.indicators import Frequency as CoreFrequency
from partnerscope.core.indicators import (
    IndicatorCoverage,
    IndicatorStatus,
    OutcomeCoverage,
    Period,
    PeriodError,
    benchmark,
    crowded_out,
    latest_due_period,
    median,
    nearest_neighbours,
    parse_period,
)
from partnerscope.core.indicators import Meeting as CoreMeeting
from partnerscope.core.indicators import Polarity as CorePolarity
from partnerscope.datapackage.indicators import upload_lines
from partnerscope.datapackage.tables import Column, TableErrors, number, parse_rows, text
from partnerscope.reference.indicators import load_catalogue

PAGE_SIZE = 100
NATIONAL_SOURCE = "National Indicator Set (Communities and Local Government, 2008)"


# ---- Small helpers ----------------------------------------------------------------------


def who(user: Any) -> str:
    """The name recorded against a change: the user's full name, or their user name."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return user.get_full_name() or user.get_username()


def period_in(text: str, frequency: str) -> Period:
    """Parse ``text`` as a period of ``frequency``; a ``ValidationError`` says what is wrong."""
    try:
        period = parse_period(text)
    except PeriodError as error:
        raise ValidationError(str(error)) from None
    if period.frequency != CoreFrequency(frequency):
        raise ValidationError(
            f"{period} is not a period of this indicator, which is reported by "
            f"{frequency_words(frequency)}."
        )
    return period


def code_key(code: str) -> tuple[str, int, str]:
    """Sort indicator codes as people count: NI 2 before NI 15."""
    prefix, _, number = code.rpartition(" ")
    return (prefix, int(number), "") if number.isdigit() else (code, 0, code)


def areas_of(partnership: Partnership) -> list[Area]:
    """The partnership's areas, making the whole area its first if it has none yet."""
    areas = list(Area.objects.in_partnership(partnership))
    if not areas:
        areas = [
            Area.objects.create(
                partnership=partnership,
                ref=partnership.slug[:64],
                name=partnership.area or partnership.name,
            )
        ]
    return areas


def chosen_area(partnership: Partnership, ref: str | None) -> tuple[Area, list[Area]]:
    """The area named by ``ref`` (the first area when empty or unknown) and all areas."""
    areas = areas_of(partnership)
    return next((area for area in areas if area.ref == ref), areas[0]), areas


def get_indicator(partnership: Partnership, pk: int) -> Indicator:
    indicator = Indicator.objects.in_partnership(partnership).filter(pk=pk).first()
    if indicator is None:
        raise Http404("No such indicator.")
    return indicator


def get_outcome(partnership: Partnership, pk: int) -> Outcome:
    outcome = Outcome.objects.in_partnership(partnership).filter(pk=pk).first()
    if outcome is None:
        raise Http404("No such outcome.")
    return outcome


def get_area(partnership: Partnership, pk: int) -> Area:
    area = Area.objects.in_partnership(partnership).filter(pk=pk).first()
    if area is None:
        raise Http404("No such area.")
    return area


def theme_of(outcome_id: int, parents: Mapping[int, int | None]) -> int:
    """The theme (top of the tree) an outcome sits under."""
    seen = {outcome_id}
    current = outcome_id
    while parents.get(current) is not None:
        current = parents[current]  # type: ignore[assignment]
        if current in seen:
            break
        seen.add(current)
    return current


def outcome_tree(partnership: Partnership) -> list[tuple[Outcome, int]]:
    """Every outcome with its depth, each theme followed by its goals."""
    outcomes = list(
        Outcome.objects.in_partnership(partnership).select_related("owner", "body", "parent")
    )
    children: dict[int | None, list[Outcome]] = {}
    ids = {outcome.pk for outcome in outcomes}
    for outcome in outcomes:
        parent = outcome.parent_id if outcome.parent_id in ids else None
        children.setdefault(parent, []).append(outcome)
    ordered: list[tuple[Outcome, int]] = []
    placed: set[int] = set()

    def visit(parent: int | None, depth: int) -> None:
        for child in children.get(parent, []):
            if child.pk in placed:
                continue
            placed.add(child.pk)
            ordered.append((child, depth))
            visit(child.pk, depth + 1)

    visit(None, 0)
    ordered += [(outcome, 0) for outcome in outcomes if outcome.pk not in placed]
    return ordered


# ---- Saving -----------------------------------------------------------------------------


def save_settings(access: Access, form: Any) -> PerformanceSettings:
    settings: PerformanceSettings = form.save()
    refresh_partnership(access.partnership)
    return settings


def save_area(access: Access, form: Any) -> Area:
    area: Area = form.save(commit=False)
    area.partnership = access.partnership
    if not area.ref:
        area.ref = unique_ref(Area.objects.in_partnership(access.partnership), area.name)
    area.save()
    return area


def save_outcome(access: Access, form: Any) -> Outcome:
    outcome: Outcome = form.save(commit=False)
    outcome.partnership = access.partnership
    if not outcome.ref:
        outcome.ref = unique_ref(Outcome.objects.in_partnership(access.partnership), outcome.title)
    outcome.save()
    return outcome


def set_agenda_time(outcome: Outcome, agenda_items: Iterable[AgendaItem]) -> None:
    """Record the items of business at which the outcome had time on the agenda."""
    outcome.agenda_items.set(list(agenda_items))


def recent_agenda(outcome: Outcome, meetings: int = 8) -> list[tuple[Meeting, list[AgendaItem]]]:
    """The owning body's latest meetings and their agenda items."""
    if outcome.body is None:
        return []
    held = list(Meeting.objects.filter(body=outcome.body).order_by("-date")[:meetings])
    items: dict[int, list[AgendaItem]] = {}
    for item in AgendaItem.objects.filter(meeting__in=held).order_by("position"):
        items.setdefault(item.meeting_id, []).append(item)
    return [(meeting, items.get(meeting.pk, [])) for meeting in held]


def save_indicator(access: Access, form: Any) -> Indicator:
    indicator: Indicator = form.save(commit=False)
    indicator.partnership = access.partnership
    indicator.save()
    form.save_m2m()
    refresh_series(indicator)
    return indicator


def adopt_indicators(
    access: Access, codes: Sequence[str], frequency: str, outcomes: Iterable[Outcome] = ()
) -> list[Indicator]:
    """Adopt national indicators from the catalogue (skipping any already adopted)."""
    catalogue = load_catalogue()
    taken = set(Indicator.objects.in_partnership(access.partnership).values_list("code", flat=True))
    adopted = []
    chosen = list(outcomes)
    for code in codes:
        entry = catalogue.get(code)
        if entry is None or code in taken:
            continue
        indicator = Indicator.objects.create(
            partnership=access.partnership,
            code=entry.code,
            title=entry.title,
            definition=entry.note,
            unit=entry.unit,
            polarity=str(entry.polarity),
            frequency=frequency,
            source=NATIONAL_SOURCE,
            origin=Origin.NATIONAL,
            multiplier=100.0 if entry.unit == "percentage" else None,
            minimum=0.0 if entry.unit == "percentage" else None,
            maximum=100.0 if entry.unit == "percentage" else None,
        )
        indicator.outcomes.set(chosen)
        adopted.append(indicator)
    return adopted


def catalogue_entries(partnership: Partnership) -> list[dict[str, Any]]:
    """Every national indicator in the catalogue, marked when already adopted."""
    adopted = dict(
        Indicator.objects.in_partnership(partnership).national().values_list("code", "pk")
    )
    return [
        {
            "entry": entry,
            "polarity": Polarity(str(entry.polarity)).label,
            "indicator_id": adopted.get(entry.code),
        }
        for entry in load_catalogue().entries
    ]


FIGURES = ("value", "numerator", "denominator", "lower", "upper", "status", "received")


def current_value(indicator: Indicator, area: Area, period: Period) -> ValueVersion | None:
    return ValueVersion.objects.filter(
        indicator=indicator, area=area, ordinal=period.ordinal, is_current=True
    ).first()


def same_figures(current: ValueVersion, figures: Mapping[str, Any]) -> bool:
    """Whether ``figures`` say nothing the current version does not already say."""
    return all(getattr(current, name) == figures.get(name) for name in FIGURES)


@transaction.atomic
def record_value(
    indicator: Indicator,
    area: Area,
    period: Period,
    figures: Mapping[str, Any],
    reason: str = "",
    user: Any = None,
    refresh: bool = True,
) -> ValueVersion | None:
    """Record a value, or correct it with a new version; ``None`` when nothing changed.

    A correction never overwrites: the current version is kept (no longer current) and a
    new one, with who, when and why, becomes current. A correction needs a reason.
    """
    current = (
        ValueVersion.objects.select_for_update()
        .filter(indicator=indicator, area=area, ordinal=period.ordinal, is_current=True)
        .first()
    )
    if current is not None and same_figures(current, figures):
        return None
    if current is not None and not reason.strip():
        raise ValidationError(
            {"reason": f"Give a reason for correcting the recorded value {current.value:g}."}
        )
    version = 1
    if current is not None:
        current.is_current = False
        current.save(update_fields=["is_current"])
        version = current.version + 1
    saved = ValueVersion.objects.create(
        indicator=indicator,
        area=area,
        period=str(period),
        ordinal=period.ordinal,
        version=version,
        is_current=True,
        value=figures["value"],
        numerator=figures.get("numerator"),
        denominator=figures.get("denominator"),
        lower=figures.get("lower"),
        upper=figures.get("upper"),
        status=figures.get("status") or ValueStatus.FINAL,
        received=figures.get("received"),
        recorded_by=who(user),
        user=user if getattr(user, "is_authenticated", False) else None,
        reason=reason.strip(),
    )
    if refresh:
        refresh_series(indicator, [area])
    return saved


@transaction.atomic
def save_target(
    indicator: Indicator,
    area: Area,
    details: Mapping[str, Any],
    periods: Mapping[Period, float],
) -> ImprovementTarget:
    """Create or change the improvement target of an indicator in an area, and its periods."""
    target, _ = ImprovementTarget.objects.update_or_create(
        indicator=indicator, area=area, defaults=dict(details)
    )
    kept = {period.ordinal for period in periods}
    for stale in target.values.exclude(ordinal__in=kept):
        stale.delete()
    existing = {value.ordinal: value for value in target.values.all()}
    for period, amount in periods.items():
        row = existing.get(period.ordinal)
        if row is None:
            TargetValue.objects.create(
                target=target, period=str(period), ordinal=period.ordinal, value=amount
            )
        elif row.value != amount:
            row.value = amount
            row.save()
    refresh_series(indicator, [area])
    return target


def add_quality_record(indicator: Indicator, form: Any, user: Any) -> QualityRecord:
    record: QualityRecord = form.save(commit=False)
    record.indicator = indicator
    record.recorded_by = who(user)
    record.user = user if getattr(user, "is_authenticated", False) else None
    record.save()
    return record


# ---- The dashboard ----------------------------------------------------------------------


RAG_ORDER = [("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("", "No rating")]
DIRECTION_LABELS = dict(Direction.choices)


@dataclass
class ThemeSummary:
    ref: str
    title: str
    counts: dict[str, int]
    total: int


@dataclass
class DashboardRow:
    theme: str
    indicator_id: int
    code: str
    title: str
    url: str
    unit: str
    latest_period: str
    latest_value: str
    target: str
    rag: str
    direction: str
    sparkline: Any


@dataclass
class Dashboard:
    area: Area
    areas: list[Area]
    as_of: date | None
    themes: list[ThemeSummary]
    page: Page
    groups: list[tuple[str, list[DashboardRow]]]
    indicator_count: int


UNLINKED = "Not linked to an outcome"


def dashboard(partnership: Partnership, area_ref: str | None, page_number: Any) -> Dashboard:
    """Every indicator's stored status in one area, grouped by the strategy's themes."""
    area, areas = chosen_area(partnership, area_ref)
    outcomes = list(
        Outcome.objects.in_partnership(partnership).values_list("pk", "parent_id", "title")
    )
    parents = {pk: parent for pk, parent, _ in outcomes}
    titles = {pk: title for pk, _, title in outcomes}
    theme_ids = [pk for pk, parent, _ in outcomes if parent is None or parent not in parents]
    links = Indicator.outcomes.through.objects.filter(
        indicator__partnership=partnership
    ).values_list("indicator_id", "outcome_id")
    themes_of: dict[int, set[int]] = {}
    for indicator_id, outcome_id in links:
        themes_of.setdefault(indicator_id, set()).add(theme_of(outcome_id, parents))
    snapshots = {
        row["indicator_id"]: row
        for row in IndicatorStatusSnapshot.objects.filter(
            area=area, indicator__partnership=partnership
        ).values(
            "indicator_id",
            "as_of",
            "latest_period",
            "latest_value",
            "target",
            "rag",
            "direction",
            "recent",
        )
    }
    indicators = sorted(
        Indicator.objects.in_partnership(partnership).values_list("pk", "code", "title", "unit"),
        key=lambda item: code_key(item[1]),
    )
    by_theme: dict[int | None, list[tuple[int, str, str, str]]] = {}
    for indicator in indicators:
        for theme in sorted(themes_of.get(indicator[0], {None}), key=lambda t: t or 0):
            by_theme.setdefault(theme, []).append(indicator)
    ordered_themes: list[int | None] = [t for t in theme_ids if t in by_theme]
    if None in by_theme:
        ordered_themes.append(None)
    summaries = []
    flat: list[tuple[str, tuple[int, str, str, str]]] = []
    for theme in ordered_themes:
        title = UNLINKED if theme is None else titles[theme]
        counts = Counter(snapshots.get(item[0], {}).get("rag", "") for item in by_theme[theme])
        summaries.append(
            ThemeSummary(
                ref=f"theme-{theme or 'none'}",
                title=title,
                counts={key or "none": counts.get(key, 0) for key, _ in RAG_ORDER},
                total=len(by_theme[theme]),
            )
        )
        flat += [(title, item) for item in by_theme[theme]]
    page = Paginator(flat, PAGE_SIZE).get_page(page_number)
    base = reverse("performance:indicator_detail", args=[partnership.slug, 0])[: -len("0/")]
    groups: list[tuple[str, list[DashboardRow]]] = []
    for theme_title, (pk, code, title, unit) in page.object_list:
        snapshot = snapshots.get(pk, {})
        row = DashboardRow(
            theme=theme_title,
            indicator_id=pk,
            code=code,
            title=title,
            url=f"{base}{pk}/?area={area.ref}",
            unit=unit,
            latest_period=snapshot.get("latest_period") or "–",
            latest_value=figure(snapshot.get("latest_value")),
            target=figure(snapshot.get("target")),
            rag=snapshot.get("rag", ""),
            direction=DIRECTION_LABELS.get(snapshot.get("direction", ""), "–"),
            sparkline=sparkline(
                f"spark-{pk}-{len(groups)}", f"Trend of {code} in {area.name}", snapshot["recent"]
            )
            if snapshot.get("recent")
            else "",
        )
        if not groups or groups[-1][0] != theme_title:
            groups.append((theme_title, []))
        groups[-1][1].append(row)
    as_of = next(iter(snapshots.values()))["as_of"] if snapshots else None
    return Dashboard(area, areas, as_of, summaries, page, groups, len(indicators))


# ---- The indicator page -----------------------------------------------------------------


@dataclass
class PeriodHistory:
    period: str
    versions: list[ValueVersion]


@dataclass
class IndicatorPage:
    indicator: Indicator
    area: Area
    areas: list[Area]
    settings: PerformanceSettings
    status: IndicatorStatus
    record: dict[str, Any]
    chart: Any
    current: list[ValueVersion]
    corrections: list[PeriodHistory]
    findings: list[dict[str, Any]]
    quality_latest: list[tuple[str, QualityRecord | None]]
    quality_records: list[QualityRecord]
    target: ImprovementTarget | None
    target_values: list[TargetValue]
    outcomes: list[Outcome]
    places: int

    @property
    def directions(self) -> list[tuple[str, dict[str, Any] | None]]:
        direction = self.record["direction"]
        return [
            ("Since the period before", direction["previous"]),
            ("Since a year before", direction["year_ago"]),
        ]

    @property
    def tolerance_percent(self) -> str:
        return f"{self.indicator.tolerance * 100:g}"


def indicator_page(partnership: Partnership, pk: int, area_ref: str | None) -> IndicatorPage:
    """One indicator in one area: its status computed now, chart, history and quality."""
    indicator = get_indicator(partnership, pk)
    area, areas = chosen_area(partnership, area_ref)
    settings = reporting_settings(partnership)
    status, _ = live_status(indicator, area, settings)
    targets = targets_by_series([indicator.pk]).get((indicator.pk, area.pk), {})
    versions = list(
        ValueVersion.objects.of_series(indicator.pk, area.pk).order_by("ordinal", "version")
    )
    current = [version for version in versions if version.is_current]
    by_period: dict[int, list[ValueVersion]] = {}
    for version in versions:
        by_period.setdefault(version.ordinal, []).append(version)
    corrections = [
        PeriodHistory(group[-1].period, list(reversed(group)))
        for ordinal, group in sorted(by_period.items(), reverse=True)
        if len(group) > 1
    ]
    records = list(QualityRecord.objects.filter(indicator=indicator))
    latest: dict[str, QualityRecord] = {}
    for record in records:
        latest.setdefault(record.dimension, record)
    target = (
        ImprovementTarget.objects.filter(indicator=indicator, area=area)
        .select_related("lead_organisation", "lead_body")
        .first()
    )
    return IndicatorPage(
        indicator=indicator,
        area=area,
        areas=areas,
        settings=settings,
        status=status,
        record=status.to_dict(),
        chart=indicator_chart(
            f"chart-{indicator.pk}",
            f"{indicator.code} in {area.name}: values, targets and process limits",
            status,
            targets,
        ),
        current=list(reversed(current)),
        corrections=corrections,
        findings=[{**finding.to_dict()} for finding in status.quality],
        quality_latest=[(label, latest.get(value)) for value, label in Dimension.choices],
        quality_records=records,
        target=target,
        target_values=list(target.values.all()) if target else [],
        outcomes=list(indicator.outcomes.all()),
        places=decimal_places(status.series.values),
    )


def indicator_list(partnership: Partnership) -> list[Indicator]:
    return sorted(
        Indicator.objects.in_partnership(partnership)
        .select_related("owner")
        .prefetch_related("outcomes")
        .annotate(value_count=models.Count("values", filter=models.Q(values__is_current=True))),
        key=lambda indicator: code_key(indicator.code),
    )


# ---- Crowding out -----------------------------------------------------------------------


def _body_labels(partnership: Partnership) -> dict[int, str]:
    bodies = list(Body.objects.in_partnership(partnership).values_list("pk", "ref", "name"))
    names = Counter(name for _, _, name in bodies)
    return {pk: name if names[name] == 1 else f"{name} ({ref})" for pk, ref, name in bodies}


def crowding_inputs(
    partnership: Partnership,
) -> tuple[list[OutcomeCoverage], list[CoreMeeting], date, dict[str, Outcome]]:
    """The outcomes and meetings as the core's crowding-out types, and the date judged at."""
    settings = reporting_settings(partnership)
    as_of = as_of_date(settings)
    bodies = _body_labels(partnership)
    indicators = {
        indicator.pk: indicator for indicator in Indicator.objects.in_partnership(partnership)
    }
    with_target = set(
        TargetValue.objects.filter(target__indicator__partnership=partnership)
        .values_list("target__indicator_id", flat=True)
        .distinct()
    )
    latest_ordinal = dict(
        ValueVersion.objects.filter(indicator__partnership=partnership, is_current=True)
        .values("indicator_id")
        .annotate(latest=Max("ordinal"))
        .values_list("indicator_id", "latest")
    )
    coverage: dict[int, IndicatorCoverage] = {}
    for pk, indicator in indicators.items():
        frequency = CoreFrequency(indicator.frequency)
        due_days = indicator.due_days if indicator.due_days is not None else settings.due_days
        latest = latest_ordinal.get(pk)
        coverage[pk] = IndicatorCoverage(
            indicator=indicator.code,
            has_target=pk in with_target,
            latest_value=None if latest is None else Period(frequency, latest),
            current_period=latest_due_period(frequency, as_of, due_days),
        )
    links: dict[int, list[int]] = {}
    for indicator_id, outcome_id in Indicator.outcomes.through.objects.filter(
        indicator__partnership=partnership
    ).values_list("indicator_id", "outcome_id"):
        links.setdefault(outcome_id, []).append(indicator_id)
    outcomes = [outcome for outcome, _ in outcome_tree(partnership)]
    by_ref = {outcome.ref: outcome for outcome in outcomes}
    parents = {outcome.pk: outcome.parent_id for outcome in outcomes}
    ancestry = {outcome.pk: _ancestors(outcome.pk, parents) for outcome in outcomes}
    measured: dict[int, set[int]] = {}
    for outcome_id, indicator_ids in links.items():
        for pk in ancestry.get(outcome_id, [outcome_id]):
            measured.setdefault(pk, set()).update(indicator_ids)
    coverages = [
        OutcomeCoverage(
            outcome=outcome.ref,
            title=outcome.title,
            owner=outcome.owner.name if outcome.owner else None,
            body=bodies.get(outcome.body_id) if outcome.body_id else None,
            indicators=tuple(
                coverage[pk]
                for pk in sorted(measured.get(outcome.pk, ()), key=lambda i: indicators[i].code)
            ),
        )
        for outcome in outcomes
    ]
    refs = {outcome.pk: outcome.ref for outcome in outcomes}
    discussed: dict[int, set[str]] = {}
    for meeting_id, outcome_id in Outcome.agenda_items.through.objects.filter(
        outcome__partnership=partnership
    ).values_list("agendaitem__meeting_id", "outcome_id"):
        discussed.setdefault(meeting_id, set()).update(
            refs[pk] for pk in ancestry.get(outcome_id, [outcome_id])
        )
    meetings = [
        CoreMeeting(
            body=bodies[body_id], held_on=held_on, outcomes=frozenset(discussed.get(pk, ()))
        )
        for pk, body_id, held_on in Meeting.objects.in_partnership(partnership).values_list(
            "pk", "body_id", "date"
        )
    ]
    return coverages, meetings, as_of, by_ref


def _ancestors(outcome_id: int, parents: Mapping[int, int | None]) -> list[int]:
    """The outcome and every outcome above it (its goal's theme, and so on)."""
    chain = [outcome_id]
    current = parents.get(outcome_id)
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


@dataclass
class CrowdingReport:
    as_of: date
    rows: list[dict[str, Any]]
    outcome_count: int


def crowding_report(partnership: Partnership) -> CrowdingReport:
    """Outcomes at risk of being crowded out, each with every reason."""
    coverages, meetings, as_of, by_ref = crowding_inputs(partnership)
    found = crowded_out(coverages, meetings, as_of)
    rows = [
        {**item.to_dict(), "outcome": by_ref[item.outcome]}
        for item in found
        if item.outcome in by_ref
    ]
    return CrowdingReport(as_of, rows, len(coverages))


# ---- Benchmarking -----------------------------------------------------------------------

COMPARATOR_COLUMNS = (
    Column("area", text, help="The comparator area's name."),
    Column("indicator", text, help="Indicator code, e.g. NI 15."),
    Column("period", parse_period, help=PERIOD_HELP),
    Column("value", number, help="The value."),
)
COMPARATOR = "comparator file"


def benchmark_choices(
    user: Any, partnership: Partnership
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The indicator codes (with a polarity) of the partnerships the user can see, and the
    partnership's own areas."""
    visible = Partnership.objects.visible_to(user)
    own = dict(
        Indicator.objects.in_partnership(partnership)
        .exclude(polarity="")
        .values_list("code", "title")
    )
    others = (
        Indicator.objects.filter(partnership__in=visible)
        .exclude(polarity="")
        .values_list("code", "title")
        .order_by("code")
    )
    titles = dict(others)
    titles.update(own)
    codes = sorted(titles, key=lambda code: (code not in own, code_key(code)))
    return (
        [(code, f"{code} – {titles[code]}") for code in codes],
        [(area.ref, area.name) for area in areas_of(partnership)],
    )


@dataclass
class BenchmarkResult:
    code: str
    title: str = ""
    polarity: str = ""
    period: str = ""
    rows: list[dict[str, Any]] = field(default_factory=list)
    median: float | None = None
    neighbours: list[dict[str, Any]] | None = None
    neighbours_of: str = ""
    by: list[str] = field(default_factory=list)
    partnerships: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_comparators(name: str, content: bytes) -> list[dict[str, Any]]:
    """The rows of a comparator file (area, indicator, period, value); ``TableErrors`` if bad."""
    return parse_rows(upload_lines(name, content), COMPARATOR_COLUMNS, name)


def benchmark_report(
    user: Any,
    partnership: Partnership,
    code: str,
    period_text: str = "",
    comparator: tuple[str, bytes] | None = None,
    neighbours_of: str = "",
    by: Sequence[str] = (),
    count: int = 5,
) -> BenchmarkResult:
    """Rank the areas of every partnership the user can see (and of a comparator file) on
    one indicator in one period, and find an area's nearest neighbours."""
    result = BenchmarkResult(code=code)
    visible = Partnership.objects.visible_to(user)
    indicators = list(
        Indicator.objects.filter(partnership__in=visible, code=code)
        .exclude(polarity="")
        .select_related("partnership")
    )
    home = next((i for i in indicators if i.partnership_id == partnership.pk), None)
    if home is None and indicators:
        home = indicators[0]
    if home is None:
        result.errors.append(f"No partnership you can see has an indicator {code} with a polarity.")
        return result
    result.title, result.polarity = home.title, Polarity(home.polarity).label
    frequency = home.frequency
    indicators = [i for i in indicators if i.frequency == frequency]
    result.partnerships = sorted({i.partnership.name for i in indicators})
    comparators: list[dict[str, Any]] = []
    if comparator is not None:
        try:
            comparators = read_comparators(*comparator)
        except TableErrors as problem:
            result.errors += [str(error) for error in problem.errors]
            return result
    rows = list(
        ValueVersion.objects.filter(indicator__in=indicators, is_current=True).values_list(
            "indicator__partnership_id",
            "indicator__partnership__name",
            "area__name",
            "ordinal",
            "value",
        )
    )
    core_frequency = CoreFrequency(frequency)
    file_rows = [
        row
        for row in comparators
        if row["indicator"] == code and row["period"].frequency is core_frequency
    ]
    if period_text.strip():
        try:
            period = period_in(period_text, frequency)
        except ValidationError as error:
            result.errors += error.messages
            return result
    else:
        ordinals = [row[3] for row in rows] + [row["period"].ordinal for row in file_rows]
        if not ordinals:
            result.errors.append(f"There are no values of {code} to compare.")
            return result
        period = Period(core_frequency, max(ordinals))
    result.period = str(period)

    def label(partnership_id: int, partnership_name: str, area_name: str) -> str:
        return (
            area_name if partnership_id == partnership.pk else f"{area_name} ({partnership_name})"
        )

    values: dict[str, float] = {}
    own: set[str] = set()
    for partnership_id, partnership_name, area_name, ordinal, value in rows:
        if ordinal == period.ordinal:
            name = label(partnership_id, partnership_name, area_name)
            values[name] = value
            if partnership_id == partnership.pk:
                own.add(name)
    for row in file_rows:
        if row["period"].ordinal == period.ordinal:
            values[f"{row['area']} ({COMPARATOR})"] = row["value"]
    if not values:
        result.errors.append(f"No area has a value of {code} for {period}.")
        return result
    ranked = benchmark(values, CorePolarity(home.polarity))
    result.median = median(list(values.values()))
    result.rows = [{**row.to_dict(), "own": row.area in own} for row in ranked]
    if neighbours_of:
        area = Area.objects.in_partnership(partnership).filter(ref=neighbours_of).first()
        chosen = [c for c in by if c] or [code]
        result.by = chosen
        if area is None:
            result.errors.append("Choose one of this partnership's areas.")
            return result
        table = _latest_table(visible, chosen, comparators, label)
        result.neighbours_of = area.name
        try:
            result.neighbours = [
                n.to_dict() for n in nearest_neighbours(area.name, table, chosen, count)
            ]
        except ValueError:
            result.errors.append(
                f"{area.name} has no value of every indicator chosen ({', '.join(chosen)})."
            )
    return result


def _latest_table(
    visible: models.QuerySet[Partnership],
    codes: Sequence[str],
    comparators: Sequence[dict[str, Any]],
    label: Any,
) -> dict[str, dict[str, float]]:
    """Each area's latest value of each of ``codes`` (areas of visible partnerships and of
    the comparator file)."""
    latest: dict[tuple[str, str], tuple[int, float]] = {}
    for pid, pname, area_name, code, ordinal, value in ValueVersion.objects.filter(
        indicator__partnership__in=visible, indicator__code__in=codes, is_current=True
    ).values_list(
        "indicator__partnership_id",
        "indicator__partnership__name",
        "area__name",
        "indicator__code",
        "ordinal",
        "value",
    ):
        key = (label(pid, pname, area_name), code)
        if key not in latest or latest[key][0] < ordinal:
            latest[key] = (ordinal, value)
    for row in comparators:
        if row["indicator"] in codes:
            key = (f"{row['area']} ({COMPARATOR})", row["indicator"])
            if key not in latest or latest[key][0] < row["period"].ordinal:
                latest[key] = (row["period"].ordinal, row["value"])
    table: dict[str, dict[str, float]] = {}
    for (area, code), (_, value) in latest.items():
        table.setdefault(area, {})[code] = value
    return table


def value_initial(indicator: Indicator, area: Area, period_text: str) -> dict[str, Any]:
    """The form's starting values for correcting a recorded value (empty if none)."""
    try:
        period = period_in(period_text, indicator.frequency)
    except ValidationError:
        return {}
    current = current_value(indicator, area, period)
    if current is None:
        return {"period": str(period)}
    return {"period": str(period), **{name: getattr(current, name) for name in FIGURES}}


def next_period_initial(indicator: Indicator, area: Area) -> dict[str, Any]:
    """The form's starting period for a new value: the one after the area's latest value,
    which is usually the one a person comes to record (empty when there is none yet)."""
    latest = (
        ValueVersion.objects.of_series(indicator.pk, area.pk)
        .current()
        .aggregate(latest=Max("ordinal"))["latest"]
    )
    if latest is None:
        return {}
    return {"period": str(Period(CoreFrequency(indicator.frequency), latest + 1))}


def target_initial(indicator: Indicator, area: Area) -> dict[str, Any]:
    """The target form's starting values: the area's target, if it has one."""
    target = ImprovementTarget.objects.filter(indicator=indicator, area=area).first()
    if target is None:
        return {"area": area}
    return {
        "area": area,
        "baseline_period": target.baseline_period,
        "baseline_value": target.baseline_value,
        "lead_organisation": target.lead_organisation,
        "lead_body": target.lead_body,
        "laa": target.laa,
        "description": target.description,
        "targets": "\n".join(f"{row.period}: {row.value:g}" for row in target.values.all()),
    }
