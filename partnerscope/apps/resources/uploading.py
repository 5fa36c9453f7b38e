"""Ledger lines from a CSV or XLSX file: check every row, preview, then save all or none.

Every problem is reported as ``file:row:column: message`` and nothing is saved while any
remains. A file without problems is kept in the user's session until they confirm; the
confirmation checks it again (an organisation or outcome may have gone meanwhile) and saves
every line in one transaction. A row whose ``ref`` is already in the ledger corrects that
line (a new version).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.resources.choices import Arrangement, Kind, Status
from partnerscope.apps.resources.lookups import organisations_by_ref, outcomes_by_ref
from partnerscope.apps.resources.models import Contribution
from partnerscope.apps.resources.recording import amount_of, save_line
from partnerscope.core.resources.ledger import parse_shares, shares_problem
from partnerscope.datapackage.indicators import upload_lines
from partnerscope.datapackage.tables import Column, TableError, TableErrors, choice, parse_rows

ROW = "_row"
MAX_ROWS = 20_000
PREVIEW_ROWS = 50


def decimal_text(value: str) -> str:
    """A number such as ``1250.50``, kept as exact text."""
    try:
        number = Decimal(value.strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"{value.strip()!r} is not a number") from None
    if not number.is_finite() or number < 0:
        raise ValueError(f"{value.strip()!r} is not a number of zero or more")
    return str(number)


def year_text(value: str) -> int:
    """A year such as ``2025`` or ``2025/26`` (the year it starts)."""
    first = value.strip().split("/")[0]
    if not (first.isdigit() and 1990 <= int(first) <= 2100):
        raise ValueError(f"{value.strip()!r} is not a year such as 2025 or 2025/26")
    return int(first)


UPLOAD_COLUMNS = (
    Column("ref", str, required=False, default="", help="A line's ref: the line it corrects."),
    Column("organisation", str, help="The partner organisation's ref."),
    Column("year", year_text, help="The financial year: 2025 or 2025/26."),
    Column("arrangement", choice(*Arrangement.values), help=", ".join(Arrangement.values)),
    Column("kind", choice(*Kind.values), help=", ".join(Kind.values)),
    Column(
        "amount",
        decimal_text,
        required=False,
        help="Pounds; for staff time it may be left empty and worked out.",
    ),
    Column("fte", decimal_text, required=False, help="Staff time as FTE."),
    Column("hours", decimal_text, required=False, help="Staff time in hours."),
    Column("cost_per_hour", decimal_text, required=False, help="Pounds per hour of staff time."),
    Column(
        "status",
        choice(*Status.values),
        required=False,
        default=Status.PLANNED.value,
        help="planned, committed or spent (default planned).",
    ),
    Column(
        "outcomes",
        str,
        help="outcome:share pairs separated by ';' adding to 1, or one outcome's ref.",
    ),
    Column("description", str, required=False, default="", help="What it pays for."),
    Column("source", str, required=False, default="", help="Where the figure comes from."),
    Column("evidence", str, required=False, default="", help="A document that shows it."),
)


def check_upload(
    partnership: Partnership, filename: str, content: bytes
) -> tuple[list[dict[str, Any]], list[TableError]]:
    """The file's rows ready to save, or every problem in it."""
    try:
        rows = parse_rows(upload_lines(filename, content), UPLOAD_COLUMNS, filename, ROW)
    except TableErrors as problem:
        return [], problem.errors
    if len(rows) > MAX_ROWS:
        return [], [TableError(filename, 0, "", f"more than {MAX_ROWS} rows")]
    if not rows:
        return [], [TableError(filename, 2, "", "the file has no rows")]
    errors = check_rows(partnership, filename, rows)
    return (rows, []) if not errors else ([], errors)


def check_rows(
    partnership: Partnership, filename: str, rows: list[dict[str, Any]]
) -> list[TableError]:
    """The problems that need the partnership: unknown organisations and outcomes, shares
    that do not add to 1, a missing amount, a ref given twice."""
    organisations = organisations_by_ref(partnership)
    outcomes = outcomes_by_ref(partnership)
    errors: list[TableError] = []
    seen: dict[str, int] = {}
    for row in rows:
        where = (filename, row[ROW])
        if row["organisation"] not in organisations:
            errors.append(
                TableError(*where, "organisation", f"{row['organisation']!r} is not a partner here")
            )
        try:
            shares = parse_shares(row["outcomes"])
        except ValueError as error:
            errors.append(TableError(*where, "outcomes", str(error)))
        else:
            unknown = [ref for ref in shares if ref not in outcomes]
            problem = shares_problem(shares)
            if unknown:
                errors.append(TableError(*where, "outcomes", f"no outcome {', '.join(unknown)}"))
            elif problem:
                errors.append(TableError(*where, "outcomes", problem))
        fields = typed(row, organisations.get(row["organisation"]))
        if amount_of(partnership, fields) is None:
            message = "must not be empty (or give hours or FTE and a cost per hour)"
            errors.append(TableError(*where, "amount", message))
        if row["ref"]:
            if row["ref"] in seen:
                message = f"{row['ref']!r} is already given on row {seen[row['ref']]}"
                errors.append(TableError(*where, "ref", message))
            seen.setdefault(row["ref"], row[ROW])
    return errors


def typed(row: dict[str, Any], organisation: Any) -> dict[str, Any]:
    """A checked row as the fields of a line."""
    fields = {name: row.get(name) for name in ("year", "arrangement", "kind", "status")}
    for name in ("amount", "fte", "hours", "cost_per_hour"):
        fields[name] = Decimal(row[name]) if row.get(name) not in (None, "") else None
    for name in ("description", "source", "evidence"):
        fields[name] = row.get(name) or ""
    fields["organisation"] = organisation
    return fields


def preview(partnership: Partnership, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What saving the rows would do: new lines and corrections, and the first rows."""
    refs = {row["ref"] for row in rows if row["ref"]}
    known = set(
        Contribution.objects.in_partnership(partnership)
        .filter(ref__in=refs)
        .values_list("ref", flat=True)
    )
    shown = [
        {**row, "row": row[ROW], "action": "correction" if row["ref"] in known else "new"}
        for row in rows
    ]
    corrections = sum(1 for row in shown if row["action"] == "correction")
    total = sum((Decimal(row["amount"]) for row in rows if row.get("amount")), Decimal(0))
    return {
        "rows": shown[:PREVIEW_ROWS],
        "count": len(rows),
        "new": len(rows) - corrections,
        "corrections": corrections,
        "total": total,
    }


def save_upload(
    partnership: Partnership, filename: str, rows: list[dict[str, Any]]
) -> list[TableError]:
    """Check the rows again and save them all in one transaction, or none and say why."""
    errors = check_rows(partnership, filename, rows)
    if errors:
        return errors
    organisations = organisations_by_ref(partnership)
    with transaction.atomic():
        for row in rows:
            save_line(
                partnership,
                typed(row, organisations[row["organisation"]]),
                parse_shares(row["outcomes"]),
                row["ref"],
            )
    return []
