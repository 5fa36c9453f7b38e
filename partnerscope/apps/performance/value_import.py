"""Bulk import of values from a CSV or XLSX file: check, preview, then save all or nothing.

The upload is read and every row checked before anything is saved; each problem is
reported as ``file:row:column: message``. A file without problems is kept as a
``PendingImport`` for the user to preview and confirm; confirming checks it again (a value
may have changed meanwhile) and saves every row in one transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.choices import FREQUENCY_WORDS, ValueStatus, frequency_words
from partnerscope.apps.performance.lookups import FIGURES, who
from partnerscope.apps.performance.models import (
    Area,
    Indicator,
    PendingImport,
    ValueVersion,
)
from partnerscope.apps.performance.tasks import refresh_after_import
from partnerscope.core.indicators import Frequency, Period
from partnerscope.datapackage.indicators import VALUE_COLUMNS, interval_errors, upload_lines
from partnerscope.datapackage.tables import (
    Column,
    TableError,
    TableErrors,
    choice,
    parse_rows,
)

ROW = "_row"
IMPORT_COLUMNS = (
    *VALUE_COLUMNS,
    Column(
        "status",
        choice(*ValueStatus.values),
        required=False,
        default=ValueStatus.FINAL.value,
        help="provisional or final (default final).",
    ),
    Column("reason", str, required=False, default="", help="Why a recorded value is corrected."),
)
MAX_ROWS = 200_000
PENDING_FOR = timedelta(days=1)
"""An upload not confirmed within this time is forgotten."""
PREVIEW_ROWS = 50


@dataclass
class ImportCheck:
    """What an upload would do, or every reason it cannot be saved."""

    filename: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[TableError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def counts(self) -> dict[str, int]:
        return counts_of(self.rows)


def counts_of(rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    found = Counter(row["action"] for row in rows)
    return {action: found.get(action, 0) for action in ("new", "correction", "unchanged")}


def _stored(row: dict[str, Any]) -> dict[str, Any]:
    received = row["received"]
    return {
        "value": row["value"],
        "numerator": row["numerator"],
        "denominator": row["denominator"],
        "lower": row["lower"],
        "upper": row["upper"],
        "status": row["status"],
        "received": received.isoformat() if isinstance(received, date) else None,
    }


def _figures(stored: dict[str, Any]) -> dict[str, Any]:
    received = stored["received"]
    return {**stored, "received": date.fromisoformat(received) if received else None}


def summary(counts: dict[str, int]) -> str:
    """What an import saved, in words."""

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}{'' if number == 1 else 's'}"

    return (
        f"Imported {count(counts['new'], 'new value')} and "
        f"{count(counts['correction'], 'correction')} ({counts['unchanged']} unchanged)."
    )


def check_rows(partnership: Partnership, name: str, lines: Sequence[list[str]]) -> ImportCheck:
    """Check every row of an upload against the partnership's indicators, areas and values."""
    check = ImportCheck(name)
    if len(lines) > MAX_ROWS + 1:
        check.errors.append(TableError(name, 0, "", f"more than {MAX_ROWS:,} rows; split the file"))
        return check
    try:
        parsed = parse_rows(lines, IMPORT_COLUMNS, name, row_number_key=ROW)
    except TableErrors as problem:
        check.errors = problem.errors
        return check
    if not parsed:
        check.errors.append(TableError(name, 2, "", "the file has no values below its header"))
        return check
    indicators = {
        indicator.code: indicator for indicator in Indicator.objects.in_partnership(partnership)
    }
    areas: dict[str, Area] = {}
    for area in Area.objects.in_partnership(partnership):
        areas[area.ref.lower()] = area
        areas.setdefault(area.name.lower(), area)
    seen: dict[tuple[int, int, int], int] = {}
    keys: list[tuple[int, int, int]] = []
    for row in parsed:
        number = row[ROW]
        errors: list[TableError] = []
        indicator = indicators.get(row["indicator"])
        area = areas.get(row["area"].lower())
        period: Period = row["period"]
        if indicator is None:
            errors.append(
                TableError(
                    name, number, "indicator", f"{row['indicator']!r} is not an indicator here"
                )
            )
        if area is None:
            errors.append(TableError(name, number, "area", f"{row['area']!r} is not an area here"))
        if indicator is not None and period.frequency is not Frequency(indicator.frequency):
            errors.append(
                TableError(
                    name,
                    number,
                    "period",
                    f"{period} is a {FREQUENCY_WORDS[period.frequency][0]} but "
                    f"{indicator.code} is reported by {frequency_words(indicator.frequency)}",
                )
            )
        errors += interval_errors(name, number, row)
        if errors or indicator is None or area is None:
            check.errors += errors
            continue
        key = (indicator.pk, area.pk, period.ordinal)
        if key in seen:
            check.errors.append(
                TableError(
                    name,
                    number,
                    "period",
                    f"{indicator.code} for {area.name} in {period} repeats row {seen[key]}",
                )
            )
            continue
        seen[key] = number
        keys.append(key)
        check.rows.append(
            {
                "row": number,
                "indicator_id": indicator.pk,
                "indicator": indicator.code,
                "area_id": area.pk,
                "area": area.name,
                "period": str(period),
                "ordinal": period.ordinal,
                "reason": (row["reason"] or "").strip(),
                "figures": _stored(row),
            }
        )
    _compare_with_current(check, keys)
    return check


def _compare_with_current(check: ImportCheck, keys: Sequence[tuple[int, int, int]]) -> None:
    """Mark each row new, a correction or unchanged; a correction without a reason is an error."""
    current: dict[tuple[int, int, int], ValueVersion] = {}
    indicator_ids = {key[0] for key in keys}
    wanted = set(keys)
    if indicator_ids:
        for version in ValueVersion.objects.filter(
            indicator_id__in=indicator_ids, is_current=True
        ).only(*FIGURES, "indicator_id", "area_id", "ordinal", "version"):
            key = (version.indicator_id, version.area_id, version.ordinal)
            if key in wanted:
                current[key] = version
    for row in check.rows:
        existing = current.get((row["indicator_id"], row["area_id"], row["ordinal"]))
        figures = _figures(row["figures"])
        if existing is None:
            row["action"], row["previous"], row["version"] = "new", None, 0
        elif all(getattr(existing, name) == figures[name] for name in FIGURES):
            row["action"], row["previous"], row["version"] = (
                "unchanged",
                existing.value,
                existing.version,
            )
        else:
            row["action"], row["previous"], row["version"] = (
                "correction",
                existing.value,
                existing.version,
            )
            if not row["reason"]:
                check.errors.append(
                    TableError(
                        check.filename,
                        row["row"],
                        "reason",
                        f"{row['indicator']} for {row['area']} in {row['period']} is already "
                        f"recorded as {existing.value:g}: a correction needs a reason",
                    )
                )
    check.errors.sort(key=lambda error: (error.row, error.column))


def check_upload(partnership: Partnership, name: str, content: bytes) -> ImportCheck:
    """Read an uploaded CSV or XLSX file and check every row."""
    try:
        lines = upload_lines(name, content)
    except TableErrors as problem:
        return ImportCheck(name, errors=problem.errors)
    return check_rows(partnership, name, lines)


def stage_upload(
    partnership: Partnership, user: Any, name: str, content: bytes
) -> tuple[ImportCheck, PendingImport | None]:
    """Check an upload; when it has no problems keep it for the user to preview and confirm."""
    PendingImport.objects.filter(created_at__lt=timezone.now() - PENDING_FOR).delete()
    check = check_upload(partnership, name, content)
    if not check.ok:
        return check, None
    pending = PendingImport.objects.create(
        partnership=partnership,
        user=user if getattr(user, "is_authenticated", False) else None,
        filename=name,
        rows=check.rows,
    )
    return check, pending


def recheck(pending: PendingImport) -> list[TableError]:
    """Problems that appeared since the preview: a value changed, an indicator went."""
    errors: list[TableError] = []
    indicators = set(
        Indicator.objects.in_partnership(pending.partnership).values_list("pk", flat=True)
    )
    areas = set(Area.objects.in_partnership(pending.partnership).values_list("pk", flat=True))
    current = {
        (indicator_id, area_id, ordinal): version
        for indicator_id, area_id, ordinal, version in ValueVersion.objects.filter(
            indicator_id__in={row["indicator_id"] for row in pending.rows}, is_current=True
        ).values_list("indicator_id", "area_id", "ordinal", "version")
    }
    for row in pending.rows:
        if row["indicator_id"] not in indicators or row["area_id"] not in areas:
            errors.append(
                TableError(
                    pending.filename, row["row"], "indicator", "the indicator or area was deleted"
                )
            )
            continue
        now = current.get((row["indicator_id"], row["area_id"], row["ordinal"]), 0)
        if now != row["version"]:
            errors.append(
                TableError(
                    pending.filename,
                    row["row"],
                    "value",
                    f"{row['indicator']} for {row['area']} in {row['period']} changed since the "
                    "preview; upload the file again",
                )
            )
    return errors


@transaction.atomic
def confirm_import(pending: PendingImport, user: Any) -> tuple[dict[str, int], list[TableError]]:
    """Save every new value and correction of a previewed upload, or nothing if any fails."""
    errors = recheck(pending)
    if errors:
        return {}, errors
    indicators = {
        indicator.pk: indicator
        for indicator in Indicator.objects.filter(
            pk__in={row["indicator_id"] for row in pending.rows}
        )
    }
    areas = {area.pk: area for area in Area.objects.in_partnership(pending.partnership)}
    recorded_by = who(user)
    account = user if getattr(user, "is_authenticated", False) else None
    changed = [row for row in pending.rows if row["action"] != "unchanged"]
    superseded = [
        (row["indicator_id"], row["area_id"], row["ordinal"])
        for row in changed
        if row["action"] == "correction"
    ]
    for indicator_id, area_id, ordinal in superseded:
        ValueVersion.objects.filter(
            indicator_id=indicator_id, area_id=area_id, ordinal=ordinal, is_current=True
        ).update(is_current=False)
    ValueVersion.objects.bulk_create(
        [
            ValueVersion(
                indicator=indicators[row["indicator_id"]],
                area=areas[row["area_id"]],
                period=row["period"],
                ordinal=row["ordinal"],
                version=row["version"] + 1,
                is_current=True,
                recorded_by=recorded_by,
                user=account,
                reason=row["reason"],
                **_figures(row["figures"]),
            )
            for row in changed
        ],
        batch_size=2000,
    )
    touched: dict[int, set[int]] = {}
    for row in changed:
        touched.setdefault(row["indicator_id"], set()).add(row["area_id"])
    refresh_after_import(pending.partnership, touched)
    counts = counts_of(pending.rows)
    pending.delete()
    return counts, []


def pending_for(partnership: Partnership, pk: int) -> PendingImport | None:
    return PendingImport.objects.filter(partnership=partnership, pk=pk).first()


def preview_rows(pending: PendingImport) -> list[dict[str, Any]]:
    """The first rows of a pending import, for the preview page."""
    return [
        {**row, "value": row["figures"]["value"], "status": row["figures"]["status"]}
        for row in pending.rows[:PREVIEW_ROWS]
    ]
