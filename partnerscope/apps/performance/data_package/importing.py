"""Import of the performance area's tables: the checks Frictionless cannot express, then
the records, all at once (the partnership's statuses are refreshed after the import)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.partnerships.models import AgendaItem, Partnership
from partnerscope.apps.performance.choices import FREQUENCY_WORDS, frequency_words
from partnerscope.apps.performance.models import (
    Area,
    ImprovementTarget,
    Indicator,
    Outcome,
    PerformanceSettings,
    QualityRecord,
    TargetValue,
    ValueVersion,
)
from partnerscope.apps.performance.tasks import refresh_after_import
from partnerscope.core.indicators import Frequency, Period, PeriodError, parse_period
from partnerscope.datapackage.indicators import interval_errors
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]
BATCH = 5_000


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    return float(value) if not isinstance(value, float) else value


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    parsed = dt.datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _split(value: Any) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


# ---- Checks Frictionless cannot express -------------------------------------------------


def _period(
    errors: list[TableError], path: str, number: int, column: str, text: Any, frequency: str | None
) -> Period | None:
    try:
        period = parse_period(str(text))
    except PeriodError as problem:
        errors.append(TableError(path, number, column, str(problem)))
        return None
    if frequency is not None and period.frequency is not Frequency(frequency):
        errors.append(
            TableError(
                path,
                number,
                column,
                f"{period} is a {FREQUENCY_WORDS[period.frequency][0]} but the indicator is "
                f"reported by {frequency_words(frequency)}",
            )
        )
        return None
    return period


def check_tables(tables: Tables) -> list[TableError]:
    """Periods that fit each indicator's frequency, versions 1, 2, … without gaps, intervals
    that hold their values, outcome links that exist and themes that do not loop."""
    errors: list[TableError] = []
    if len(tables.get("performance_settings", [])) > 1:
        errors.append(TableError("performance_settings.csv", 3, "", "must hold at most one row"))
    outcome_ids = {row["id"] for row in tables.get("outcomes", [])}
    parents = {row["id"]: row.get("parent") for row in tables.get("outcomes", [])}
    for number, row in enumerate(tables.get("outcomes", []), start=2):
        seen, current = {row["id"]}, row.get("parent")
        while current:
            if current in seen:
                errors.append(
                    TableError("outcomes.csv", number, "parent", "outcomes are each other's theme")
                )
                break
            seen.add(current)
            current = parents.get(current)
    frequencies: dict[str, str] = {}
    for number, row in enumerate(tables.get("indicators", []), start=2):
        frequencies[row["id"]] = row["frequency"]
        unknown = [ref for ref in _split(row.get("outcomes")) if ref not in outcome_ids]
        if unknown:
            errors.append(
                TableError(
                    "indicators.csv",
                    number,
                    "outcomes",
                    f"{', '.join(map(repr, unknown))} is not an id in outcomes.csv",
                )
            )
        low, high = _number(row.get("minimum")), _number(row.get("maximum"))
        if low is not None and high is not None and low > high:
            errors.append(TableError("indicators.csv", number, "maximum", "is below minimum"))
        tolerance = _number(row.get("tolerance"))
        if tolerance is not None and tolerance < 0:
            errors.append(TableError("indicators.csv", number, "tolerance", "must be 0 or more"))
    for number, row in enumerate(tables.get("targets", []), start=2):
        if row.get("baseline_period"):
            _period(
                errors,
                "targets.csv",
                number,
                "baseline_period",
                row["baseline_period"],
                frequencies.get(row["indicator"]),
            )
    for number, row in enumerate(tables.get("target_values", []), start=2):
        _period(
            errors,
            "target_values.csv",
            number,
            "period",
            row["period"],
            frequencies.get(row["indicator"]),
        )
    versions: dict[tuple[str, str, int], list[tuple[int, int]]] = {}
    for number, row in enumerate(tables.get("indicator_values", []), start=2):
        period = _period(
            errors,
            "indicator_values.csv",
            number,
            "period",
            row["period"],
            frequencies.get(row["indicator"]),
        )
        figures = {name: _number(row.get(name)) for name in ("value", "lower", "upper")}
        errors += interval_errors("indicator_values.csv", number, figures)
        if period is not None:
            key = (row["indicator"], row["area"], period.ordinal)
            versions.setdefault(key, []).append((int(row["version"]), number))
    for found in versions.values():
        numbers = sorted(version for version, _ in found)
        if numbers != list(range(1, len(numbers) + 1)):
            last = max(found, key=lambda item: item[1])[1]
            errors.append(
                TableError(
                    "indicator_values.csv",
                    last,
                    "version",
                    f"versions {', '.join(map(str, numbers))} of one value must run 1, 2, … "
                    "without gaps",
                )
            )
    return errors


# ---- Import -----------------------------------------------------------------------------


def import_tables(partnership: Partnership, tables: Tables, refs: Any) -> None:
    """Create the partnership's performance records from checked rows (inside the
    foundation's import transaction), then compute every status."""
    for row in tables.get("performance_settings", [])[:1]:
        PerformanceSettings.objects.create(
            partnership=partnership, as_of=_date(row.get("as_of")), due_days=int(row["due_days"])
        )
    Area.objects.bulk_create(
        Area(partnership=partnership, ref=row["id"], name=row["name"], position=row["position"])
        for row in tables.get("performance_areas", [])
    )
    areas = {area.ref: area for area in Area.objects.in_partnership(partnership)}
    organisations = refs.organisations
    bodies = refs.bodies
    outcome_rows = tables.get("outcomes", [])
    Outcome.objects.bulk_create(
        Outcome(
            partnership=partnership,
            ref=row["id"],
            title=row["title"],
            description=row.get("description") or "",
            owner=organisations.get(row.get("owner")) if row.get("owner") else None,
            body=bodies.get(row.get("body")) if row.get("body") else None,
            position=row["position"],
        )
        for row in outcome_rows
    )
    outcomes = {outcome.ref: outcome for outcome in Outcome.objects.in_partnership(partnership)}
    for row in outcome_rows:
        if row.get("parent"):
            outcomes[row["id"]].parent = outcomes[row["parent"]]
    Outcome.objects.bulk_update(list(outcomes.values()), ["parent"])
    agenda_rows = tables.get("outcome_agenda_items", [])
    if agenda_rows:
        items = {
            (item.meeting_id, item.position): item
            for item in AgendaItem.objects.filter(meeting__body__partnership=partnership)
        }
        Outcome.agenda_items.through.objects.bulk_create(
            Outcome.agenda_items.through(
                outcome=outcomes[row["outcome"]],
                agendaitem=items[(refs.meetings[row["meeting"]].pk, row["position"])],
            )
            for row in agenda_rows
        )
    indicator_rows = tables.get("indicators", [])
    Indicator.objects.bulk_create(
        Indicator(
            partnership=partnership,
            code=row["id"],
            title=row["title"],
            definition=row.get("definition") or "",
            unit=row.get("unit") or "",
            polarity=row.get("polarity") or "",
            frequency=row["frequency"],
            source=row.get("source") or "",
            owner=organisations.get(row.get("owner")) if row.get("owner") else None,
            tolerance=_number(row["tolerance"]),
            origin=row["origin"],
            minimum=_number(row.get("minimum")),
            maximum=_number(row.get("maximum")),
            multiplier=_number(row.get("multiplier")),
            is_proportion=bool(row["proportion"]),
            due_days=row.get("due_days"),
        )
        for row in indicator_rows
    )
    indicators = {
        indicator.code: indicator for indicator in Indicator.objects.in_partnership(partnership)
    }
    Indicator.outcomes.through.objects.bulk_create(
        Indicator.outcomes.through(indicator=indicators[row["id"]], outcome=outcomes[ref])
        for row in indicator_rows
        for ref in _split(row.get("outcomes"))
    )
    ImprovementTarget.objects.bulk_create(
        ImprovementTarget(
            indicator=indicators[row["indicator"]],
            area=areas[row["area"]],
            baseline_period=row.get("baseline_period") or "",
            baseline_value=_number(row.get("baseline_value")),
            lead_organisation=organisations.get(row.get("lead_organisation"))
            if row.get("lead_organisation")
            else None,
            lead_body=bodies.get(row.get("lead_body")) if row.get("lead_body") else None,
            laa=bool(row["laa"]),
            description=row.get("description") or "",
        )
        for row in tables.get("targets", [])
    )
    targets = {
        (target.indicator_id, target.area_id): target
        for target in ImprovementTarget.objects.filter(indicator__partnership=partnership)
    }
    TargetValue.objects.bulk_create(
        (
            TargetValue(
                target=targets[(indicators[row["indicator"]].pk, areas[row["area"]].pk)],
                period=str(parse_period(str(row["period"]))),
                ordinal=parse_period(str(row["period"])).ordinal,
                value=_number(row["target"]),
            )
            for row in tables.get("target_values", [])
        ),
        batch_size=BATCH,
    )
    value_rows = tables.get("indicator_values", [])
    latest: dict[tuple[str, str, str], int] = {}
    for row in value_rows:
        key = (row["indicator"], row["area"], str(parse_period(str(row["period"]))))
        latest[key] = max(latest.get(key, 0), int(row["version"]))
    batch: list[ValueVersion] = []
    for row in value_rows:
        period = parse_period(str(row["period"]))
        version = int(row["version"])
        batch.append(
            ValueVersion(
                indicator=indicators[row["indicator"]],
                area=areas[row["area"]],
                period=str(period),
                ordinal=period.ordinal,
                version=version,
                is_current=version == latest[(row["indicator"], row["area"], str(period))],
                value=_number(row["value"]),
                numerator=_number(row.get("numerator")),
                denominator=_number(row.get("denominator")),
                lower=_number(row.get("lower")),
                upper=_number(row.get("upper")),
                status=row["status"],
                received=_date(row.get("received")),
                recorded_at=_datetime(row["recorded_at"]),
                recorded_by=row.get("recorded_by") or "",
                reason=row.get("reason") or "",
            )
        )
        if len(batch) >= BATCH:
            ValueVersion.objects.bulk_create(batch)
            batch = []
    ValueVersion.objects.bulk_create(batch)
    QualityRecord.objects.bulk_create(
        QualityRecord(
            indicator=indicators[row["indicator"]],
            dimension=row["dimension"],
            rating=row["rating"],
            evidence=row["evidence"],
            recorded_at=_datetime(row["recorded_at"]),
            recorded_by=row.get("recorded_by") or "",
        )
        for row in tables.get("quality_records", [])
    )
    refresh_after_import(partnership)
