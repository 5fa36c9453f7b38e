"""The partners' planning and reporting cycles: those each partner entered, the sector's
default for the others (``partnerscope.core.layers.cycles.SECTOR_CYCLES``, each with its
source), the timeline of a year with the partnership's decision meetings on it, and the
findings of the cycle rules.

Only cycles a partner entered are judged: a default is a starting point, not evidence.
"""

from __future__ import annotations

from html import escape
from typing import Any

from partnerscope.apps.governance.models import PartnerCycle as CycleRecord
from partnerscope.apps.partnerships.models import Organisation, Partnership
from partnerscope.core.findings import Finding, RuleRef
from partnerscope.core.layers import Governance
from partnerscope.core.layers.cycles import (
    CYCLE_RULES,
    MONTH_NAMES,
    PartnerCycle,
    cycle_findings,
    cycle_for,
    decision_meetings,
    sector_sources,
)
from partnerscope.core.layers.years import year_of

FIELDS = (
    "year_start_month",
    "budget_start_month",
    "budget_end_month",
    "planning_start_month",
    "planning_end_month",
    "reporting_period_months",
)


def rules() -> list[RuleRef]:
    return [rule.ref() for rule in CYCLE_RULES]


def recorded_cycles(partnership: Partnership) -> list[PartnerCycle]:
    """The cycles the partners entered, as the core reads them."""
    return [
        PartnerCycle(record.organisation.ref, *(getattr(record, name) for name in FIELDS))
        for record in CycleRecord.objects.in_partnership(partnership)
    ]


def findings_of(partnership: Partnership, governance: Governance) -> tuple[Finding, ...]:
    """What the cycle rules find in the entered cycles and the partnership's decisions."""
    return cycle_findings(governance, recorded_cycles(partnership))


def all_cycles(partnership: Partnership) -> list[tuple[Organisation, PartnerCycle, bool]]:
    """Every partner with its cycle: the entered one, or its sector's default (False)."""
    entered = {cycle.organisation: cycle for cycle in recorded_cycles(partnership)}
    return [
        (org, entered.get(org.ref) or cycle_for(org.sector, org.ref), org.ref in entered)
        for org in Organisation.objects.in_partnership(partnership).order_by("name")
    ]


LEFT = 260
MONTH_WIDTH = 52
ROW = 34
TOP = 40
ORDER = (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)
"""The timeline's months, April to March: the financial year most partners keep."""


def column(month: int) -> int:
    return LEFT + ORDER.index(month) * MONTH_WIDTH


def timeline_svg(rows: list[dict[str, Any]], decisions: list[tuple[str, int]]) -> str:
    """Each partner's budget window (blue) and planning window (outlined) month by month,
    its period ends as ticks, and the decision meetings as red lines across."""
    height = TOP + ROW * len(rows) + 30
    width = LEFT + 12 * MONTH_WIDTH + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="cycles-title cycles-desc">',
        '<title id="cycles-title">Partners\' planning and reporting cycles, April to March</title>',
        '<desc id="cycles-desc">For each partner, a filled bar for the months it sets its '
        "budget, an outlined bar for its business planning and a tick where each reporting "
        "period ends; red lines mark the months of the partnership's decision meetings. The "
        "table below gives the same.</desc>",
    ]
    for month in ORDER:
        parts.append(
            f'<text x="{column(month) + 4}" y="{TOP - 10}" font-size="12" fill="#0b0c0c">'
            f"{MONTH_NAMES[month - 1][:3]}</text>"
        )
    for number, row in enumerate(rows):
        y = TOP + number * ROW
        cycle = row["cycle"]
        parts.append(
            f'<text x="4" y="{y + 20}" font-size="12" fill="#0b0c0c">'
            f"{escape(row['name'][:36])}</text>"
        )
        for month in cycle.planning_months():
            parts.append(
                f'<rect x="{column(month) + 1}" y="{y + 4}" width="{MONTH_WIDTH - 2}" '
                f'height="24" fill="none" stroke="#505a5f" stroke-dasharray="3 2"/>'
            )
        for month in cycle.budget_months():
            parts.append(
                f'<rect x="{column(month) + 4}" y="{y + 8}" width="{MONTH_WIDTH - 8}" '
                f'height="16" fill="#1d70b8"/>'
            )
        for month in cycle.period_ends():
            x = column(month) + MONTH_WIDTH - 2
            parts.append(
                f'<line x1="{x}" y1="{y + 2}" x2="{x}" y2="{y + 30}" stroke="#0b0c0c" '
                'stroke-width="2"/>'
            )
    for _label, month in decisions:
        x = column(month) + MONTH_WIDTH // 2
        parts.append(
            f'<line x1="{x}" y1="{TOP - 4}" x2="{x}" y2="{height - 20}" stroke="#d4351c" '
            'stroke-width="2" stroke-dasharray="6 3"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def months_text(months: tuple[int, ...]) -> str:
    return f"{MONTH_NAMES[months[0] - 1]} to {MONTH_NAMES[months[-1] - 1]}"


def cycles_page(partnership: Partnership, governance: Governance) -> dict[str, Any]:
    """Every partner's cycle, the timeline and the decision meetings of the latest year."""
    rows = [
        {
            "name": org.name,
            "ref": org.ref,
            "sector": org.get_sector_display(),
            "cycle": cycle,
            "entered": entered,
            "year_start": MONTH_NAMES[cycle.year_start_month - 1],
            "budget": months_text(cycle.budget_months()),
            "planning": months_text(cycle.planning_months()),
            "period_ends": ", ".join(MONTH_NAMES[m - 1] for m in cycle.period_ends()),
        }
        for org, cycle, entered in all_cycles(partnership)
    ]
    meetings = decision_meetings(governance)
    latest = max((year_of(day) for _ref, day, _body in meetings), default=None)
    bodies = {body.ref: body.name for body in governance.bodies}
    decisions = [
        {"date": day, "body": bodies.get(body, body)}
        for _ref, day, body in meetings
        if year_of(day) == latest
    ]
    return {
        "rows": rows,
        "decisions": decisions,
        "timeline": timeline_svg(rows, [(row["body"], row["date"].month) for row in decisions]),
        "sources": sector_sources(),
    }


def cycle_record(partnership: Partnership, organisation: Organisation) -> CycleRecord:
    """The partner's entered cycle, or a new one holding its sector's default."""
    found = CycleRecord.objects.filter(partnership=partnership, organisation=organisation).first()
    if found is not None:
        return found
    default = cycle_for(organisation.sector, organisation.ref)
    return CycleRecord(
        partnership=partnership,
        organisation=organisation,
        ref=f"{organisation.ref}-cycle"[:64],
        **{name: getattr(default, name) for name in FIELDS},
    )
