"""The cost of the partnership itself: its support team's costs (the study's Table 9
categories, cash and in kind) and what its meetings cost in members' time, priced by the
core (:func:`partnerscope.core.costs.meeting_costs`) from the meetings and attendance the
partnerships app records and the partnership's rate card."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from partnerscope.apps.costs.choices import Payment, SupportCategory
from partnerscope.apps.costs.models import HourlyRate, MeetingCostSetting, SupportCost
from partnerscope.apps.partnerships.choices import AttendanceStatus
from partnerscope.apps.partnerships.models import (
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    Membership,
    Partnership,
    Person,
)
from partnerscope.core.costs import (
    Attendee,
    MeetingCosts,
    MeetingCostSettings,
    MeetingRecord,
    financial_year,
    meeting_costs,
)
from partnerscope.core.costs import HourlyRate as CoreRate
from partnerscope.reference.costs import load_deflators


def settings_of(partnership: Partnership) -> MeetingCostSetting:
    """The partnership's meeting-cost settings (the defaults until a manager saves some)."""
    found = MeetingCostSetting.objects.filter(partnership=partnership).first()
    return found or MeetingCostSetting(partnership=partnership, ref="settings")


def price_year_of(setting: MeetingCostSetting, today: date | None = None) -> int:
    """The year whose prices the costs are shown at, kept within the deflator's years."""
    series = load_deflators()
    year = setting.price_year or financial_year(today or date.today())
    return min(max(year, min(series.index)), max(series.index))


def core_rates(partnership: Partnership) -> tuple[CoreRate, ...]:
    return tuple(
        CoreRate(
            hourly_cost=float(rate.hourly_cost),
            price_year=rate.price_year,
            source=rate.source,
            organisation=rate.organisation.ref if rate.organisation else "",
            sector=rate.sector,
            role=rate.role,
        )
        for rate in HourlyRate.objects.filter(partnership=partnership).select_related(
            "organisation"
        )
    )


def meeting_records(partnership: Partnership) -> list[MeetingRecord]:
    """Every meeting of the partnership's bodies with the people present and its items.

    Six narrow queries whatever the number of meetings: people, bodies and memberships are
    read once and looked up, so the large tables (attendance, agenda items) are read
    without joins."""
    bodies = {
        pk: (name, layer)
        for pk, name, layer in Body.objects.filter(partnership=partnership).values_list(
            "pk", "name", "governance_layer"
        )
    }
    people = {
        pk: (ref, organisation, sector)
        for pk, ref, organisation, sector in Person.objects.filter(
            partnership=partnership
        ).values_list("pk", "ref", "organisation__ref", "organisation__sector")
    }
    roles = {
        (person, body): role
        for person, body, role in Membership.objects.filter(
            body__partnership=partnership
        ).values_list("person_id", "body_id", "role")
    }
    meetings = list(
        Meeting.objects.filter(body__partnership=partnership)
        .order_by("date", "pk")
        .values_list("pk", "ref", "body_id", "date", "duration_minutes")
    )
    present: dict[int, list[int]] = defaultdict(list)
    for meeting_id, person_id in Attendance.objects.filter(
        meeting__body__partnership=partnership, status=AttendanceStatus.PRESENT
    ).values_list("meeting_id", "person_id"):
        present[meeting_id].append(person_id)
    agenda: dict[int, list[str]] = defaultdict(list)
    for meeting_id, layer in (
        AgendaItem.objects.filter(meeting__body__partnership=partnership)
        .order_by("meeting_id", "position")
        .values_list("meeting_id", "governance_layer")
    ):
        agenda[meeting_id].append(layer)
    attendees: dict[tuple[int, int], Attendee] = {}

    def attendee(person_id: int, body_id: int) -> Attendee:
        key = (person_id, body_id)
        if key not in attendees:
            ref, organisation, sector = people[person_id]
            attendees[key] = Attendee(ref, organisation, sector, roles.get(key, ""))
        return attendees[key]

    return [
        MeetingRecord(
            ref=ref,
            body=bodies[body_id][0],
            layer=bodies[body_id][1],
            year=financial_year(day),
            duration_minutes=minutes,
            attendees=tuple(attendee(person, body_id) for person in present[pk]),
            agenda=tuple(agenda[pk]),
        )
        for pk, ref, body_id, day, minutes in meetings
    ]


def partnership_meeting_costs(partnership: Partnership) -> MeetingCosts:
    """What the partnership's meetings cost at its chosen year's prices."""
    setting = settings_of(partnership)
    return meeting_costs(
        meeting_records(partnership),
        core_rates(partnership),
        MeetingCostSettings(setting.preparation_hours, setting.travel_hours),
        price_year_of(setting),
        load_deflators(),
    )


@dataclass(frozen=True)
class SupportSummary:
    """Support costs by Table 9 category and year, and by who pays in cash and in kind."""

    years: list[int]
    by_category: list[tuple[str, list[float], float]]
    by_organisation: list[tuple[str, float, float]]
    year_totals: list[float]
    total: float


def support_summary(partnership: Partnership) -> SupportSummary:
    rows = list(
        SupportCost.objects.filter(partnership=partnership).values_list(
            "category", "year", "organisation__name", "payment", "amount"
        )
    )
    years = sorted({year for _, year, _, _, _ in rows})
    cells: dict[tuple[str, int], float] = defaultdict(float)
    payers: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for category, year, organisation, payment, amount in rows:
        cells[(category, year)] += float(amount)
        payers[organisation][0 if payment == Payment.CASH else 1] += float(amount)
    by_category = [
        (
            label,
            [cells[(value, year)] for year in years],
            sum(cells[(value, year)] for year in years),
        )
        for value, label in SupportCategory.choices
    ]
    year_totals = [
        sum(cells[(value, year)] for value, _ in SupportCategory.choices) for year in years
    ]
    return SupportSummary(
        years=years,
        by_category=by_category,
        by_organisation=sorted((name, cash, kind) for name, (cash, kind) in payers.items()),
        year_totals=year_totals,
        total=sum(year_totals),
    )


def partnership_cost_per_year(
    partnership: Partnership, meetings: MeetingCosts | None = None
) -> dict[int, float]:
    """The cost of the partnership itself by financial year: support-team costs (as
    recorded) plus meeting time (at the chosen year's prices); ``meetings`` when already
    computed."""
    totals: dict[int, float] = defaultdict(float)
    for year, amount in SupportCost.objects.filter(partnership=partnership).values_list(
        "year", "amount"
    ):
        totals[year] += float(amount)
    meetings = meetings or partnership_meeting_costs(partnership)
    for year, (_, cost, _) in meetings.by_year.items():
        totals[year] += cost
    return dict(sorted(totals.items()))


def rate_card(partnership: Partnership) -> list[Any]:
    return list(HourlyRate.objects.filter(partnership=partnership).select_related("organisation"))
