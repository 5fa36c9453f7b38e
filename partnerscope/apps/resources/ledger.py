"""The ledger page: the partnership's lines, filtered, with totals, and as CSV.

With an outcome chosen, each line counts only its share for that outcome, so the totals
say what that outcome receives.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.resources.choices import Arrangement, Kind, Status
from partnerscope.apps.resources.lookups import organisations_by_ref, outcomes_by_ref, settings_of
from partnerscope.apps.resources.models import Contribution, ContributionShare
from partnerscope.core.resources.ledger import financial_year_label
from partnerscope.datapackage.csvfiles import CsvWriter

FILTERS = ("year", "organisation", "outcome", "arrangement", "kind", "status")
CSV_COLUMNS = (
    "ref",
    "organisation",
    "year",
    "arrangement",
    "kind",
    "amount",
    "fte",
    "hours",
    "cost_per_hour",
    "status",
    "outcomes",
    "description",
    "source",
    "evidence",
)


@dataclass
class LedgerLine:
    line: Contribution
    counted: Decimal
    outcomes: list[tuple[str, Decimal]]
    year_label: str


@dataclass
class Ledger:
    lines: list[LedgerLine]
    total: Decimal = Decimal(0)
    by: dict[str, list[tuple[str, Decimal]]] = field(default_factory=dict)
    choices: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    chosen: dict[str, str] = field(default_factory=dict)


def chosen_filters(query: Any) -> dict[str, str]:
    """The filters of a request's query string that have a value."""
    return {name: query.get(name, "").strip() for name in FILTERS if query.get(name, "").strip()}


def filtered_lines(partnership: Partnership, chosen: dict[str, str]) -> Any:
    lines = Contribution.objects.in_partnership(partnership).select_related("organisation")
    if chosen.get("year", "").isdigit():
        lines = lines.filter(year=int(chosen["year"]))
    if "organisation" in chosen:
        lines = lines.filter(organisation__ref=chosen["organisation"])
    for name in ("arrangement", "kind", "status"):
        if name in chosen:
            lines = lines.filter(**{name: chosen[name]})
    if "outcome" in chosen:
        lines = lines.filter(shares__outcome_ref=chosen["outcome"])
    return lines.distinct()


def build_ledger(partnership: Partnership, chosen: dict[str, str]) -> Ledger:
    """The chosen lines, their totals by year, organisation, arrangement, kind and status,
    and the choices of each filter."""
    start = settings_of(partnership).year_start_month
    outcome = chosen.get("outcome")
    rows: list[LedgerLine] = []
    chosen_lines = filtered_lines(partnership, chosen)
    lines = list(chosen_lines)
    by_line: dict[int, list[tuple[str, Decimal]]] = defaultdict(list)
    for pk, outcome_ref, share in ContributionShare.objects.filter(
        contribution__in=chosen_lines.values("pk")
    ).values_list("contribution_id", "outcome_ref", "share"):
        by_line[pk].append((outcome_ref, share))
    for line in lines:
        shares = sorted(by_line[line.pk])
        part = dict(shares).get(outcome, Decimal(1)) if outcome else Decimal(1)
        counted = (line.amount * part).quantize(Decimal("0.01"))
        rows.append(LedgerLine(line, counted, shares, financial_year_label(line.year, start)))
    sums: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for row in rows:
        sums["year"][row.year_label] += row.counted
        sums["organisation"][row.line.organisation.name] += row.counted
        sums["arrangement"][Arrangement(row.line.arrangement).label] += row.counted
        sums["kind"][Kind(row.line.kind).label] += row.counted
        sums["status"][Status(row.line.status).label] += row.counted
    years = Contribution.objects.in_partnership(partnership).values_list("year", flat=True)
    return Ledger(
        lines=rows,
        total=sum((row.counted for row in rows), Decimal(0)),
        by={name: sorted(values.items()) for name, values in sums.items()},
        choices={
            "year": [(str(y), financial_year_label(y, start)) for y in sorted(set(years))],
            "organisation": [(ref, o.name) for ref, o in organisations_by_ref(partnership).items()],
            "outcome": [(ref, o["title"]) for ref, o in outcomes_by_ref(partnership).items()],
            "arrangement": list(Arrangement.choices),
            "kind": list(Kind.choices),
            "status": list(Status.choices),
        },
        chosen=chosen,
    )


def shares_text(shares: list[tuple[str, Decimal]]) -> str:
    """Shares as the upload writes them: ``outcome:share`` separated by ``;``."""
    return ";".join(f"{ref}:{share.normalize()}" for ref, share in shares)


def ledger_csv(partnership: Partnership, chosen: dict[str, str]) -> str:
    """The chosen lines in the upload's columns, safe to open in a spreadsheet; uploading
    the file again corrects nothing (every line is unchanged)."""
    buffer = io.StringIO()
    writer = CsvWriter(buffer, for_spreadsheets=True)
    writer.writerow(CSV_COLUMNS)
    for row in build_ledger(partnership, chosen).lines:
        line = row.line
        writer.writerow(
            [
                line.ref,
                line.organisation.ref,
                line.year,
                line.arrangement,
                line.kind,
                line.amount,
                line.fte if line.fte is not None else "",
                line.hours if line.hours is not None else "",
                line.cost_per_hour if line.cost_per_hour is not None else "",
                line.status,
                shares_text(row.outcomes),
                line.description,
                line.source,
                line.evidence,
            ]
        )
    return buffer.getvalue()
