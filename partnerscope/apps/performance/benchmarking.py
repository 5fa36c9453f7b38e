"""Benchmarking: rank the areas of every partnership a user can see (and of a comparator
file) on one indicator, and find an area's nearest neighbours."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.choices import Polarity
from partnerscope.apps.performance.lookups import areas_of, code_key, period_in
from partnerscope.apps.performance.models import PERIOD_HELP, Area, Indicator, ValueVersion
from partnerscope.core.indicators import Frequency as CoreFrequency
from partnerscope.core.indicators import Period, benchmark, median, nearest_neighbours, parse_period
from partnerscope.core.indicators import Polarity as CorePolarity
from partnerscope.datapackage.indicators import upload_lines
from partnerscope.datapackage.tables import Column, TableErrors, number, parse_rows, text

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
