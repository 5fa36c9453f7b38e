"""What the partnership's meetings cost in its members' time.

Each person present at a meeting gives the meeting's duration plus a set time to prepare
and a set time to travel; those hours are priced at the hourly cost the rate card gives for
that person (the most specific rate: their organisation and role, their organisation,
their sector and role, their sector, their role, then any), restated at one year's prices
with a deflator series. The totals go by body, governance layer, organisation and year, and
each meeting's cost is shared equally among its agenda items, so the cost per item can be
read by the layer of the body and the layer of the business: a strategic board spending
its time on operational items shows up.

Examples
--------
>>> rates = (HourlyRate(hourly_cost=40.0, price_year=2024, source="Pay scales"),)
>>> meeting = MeetingRecord(
...     ref="m1", body="Board", layer="strategic", year=2024, duration_minutes=90,
...     attendees=(Attendee("ann", "Council", "council"),), agenda=("strategic",))
>>> result = meeting_costs([meeting], rates, MeetingCostSettings(1.0, 0.5), 2024, None)
>>> result.total_hours, result.total_cost
(3.0, 120.0)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from partnerscope.core.costs.unit_costs import DeflatorSeries

__all__ = [
    "Attendee",
    "HourlyRate",
    "MeetingCost",
    "MeetingCostSettings",
    "MeetingCosts",
    "MeetingRecord",
    "attendee_hours",
    "financial_year",
    "find_rate",
    "meeting_costs",
]

APRIL = 4


def financial_year(day: date, first_month: int = APRIL) -> int:
    """The financial year of ``day``, named by the calendar year it starts in.

    Examples
    --------
    >>> financial_year(date(2025, 3, 31)), financial_year(date(2025, 4, 1))
    (2024, 2025)
    """
    return day.year if day.month >= first_month else day.year - 1


@dataclass(frozen=True, slots=True)
class MeetingCostSettings:
    """Hours each person present adds to the meeting's own length."""

    preparation_hours: float = 1.0
    travel_hours: float = 0.5


@dataclass(frozen=True, slots=True)
class HourlyRate:
    """An hourly cost (salary with on-costs) at ``price_year`` prices, for people of an
    ``organisation`` or a ``sector`` (empty: any) in a ``role`` or pay band (empty: any).
    A rate without a ``source`` is the partnership's own assumption."""

    hourly_cost: float
    price_year: int
    source: str = ""
    organisation: str = ""
    sector: str = ""
    role: str = ""

    @property
    def assumed(self) -> bool:
        """Whether the rate is the partnership's own assumption (it has no source)."""
        return not self.source.strip()

    def specificity(self) -> int:
        """How closely the rate is targeted: organisation beats sector beats neither, and
        within each a role beats any role."""
        place = 4 if self.organisation else 2 if self.sector else 0
        return place + (1 if self.role else 0)


@dataclass(frozen=True, slots=True)
class Attendee:
    """One person present at a meeting."""

    person: str
    organisation: str
    sector: str
    role: str = ""


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """One meeting of a body: its layer, year, length, who was present and the governance
    layer of each agenda item."""

    ref: str
    body: str
    layer: str
    year: int
    duration_minutes: int
    attendees: tuple[Attendee, ...] = ()
    agenda: tuple[str, ...] = ()


def find_rate(rates: Sequence[HourlyRate], attendee: Attendee) -> HourlyRate | None:
    """The most specific rate that fits ``attendee`` (the first given among equals), or
    None when none fits.

    Examples
    --------
    >>> rates = (HourlyRate(30.0, 2024), HourlyRate(50.0, 2024, sector="health"))
    >>> find_rate(rates, Attendee("bo", "ICB", "health")).hourly_cost
    50.0
    """
    best: HourlyRate | None = None
    for rate in rates:
        if rate.organisation and rate.organisation != attendee.organisation:
            continue
        if rate.sector and rate.sector != attendee.sector:
            continue
        if rate.role and rate.role != attendee.role:
            continue
        if best is None or rate.specificity() > best.specificity():
            best = rate
    return best


def attendee_hours(duration_minutes: int, settings: MeetingCostSettings) -> float:
    """The hours one person present gives to a meeting.

    Examples
    --------
    >>> attendee_hours(120, MeetingCostSettings(1.0, 0.5))
    3.5
    """
    return duration_minutes / 60 + settings.preparation_hours + settings.travel_hours


@dataclass(frozen=True, slots=True)
class MeetingCost:
    """One meeting's hours and cost, and the people present whom no rate fits."""

    ref: str
    body: str
    layer: str
    year: int
    hours: float
    cost: float
    assumed_cost: float
    unpriced: tuple[str, ...]
    agenda: tuple[str, ...]


def _add(totals: dict[Any, list[float]], key: Any, hours: float, cost: float) -> None:
    entry = totals.setdefault(key, [0.0, 0.0, 0.0])
    entry[0] += hours
    entry[1] += cost
    entry[2] += 1


@dataclass(frozen=True)
class MeetingCosts:
    """Meeting costs at ``price_year`` prices, with totals by body, layer, organisation and
    year (``hours``, ``cost``, and ``count``: meetings, or attendances for an organisation),
    and the cost per agenda item by the layer of the body and of the item."""

    price_year: int
    settings: MeetingCostSettings
    meetings: tuple[MeetingCost, ...]
    by_body: Mapping[str, tuple[float, float, int]]
    by_layer: Mapping[str, tuple[float, float, int]]
    by_organisation: Mapping[str, tuple[float, float, int]]
    by_year: Mapping[int, tuple[float, float, int]]
    by_item_layer: Mapping[tuple[str, str], tuple[int, float]]
    assumed_cost: float
    unpriced: int
    rates_used: tuple[HourlyRate, ...] = field(default_factory=tuple)

    @property
    def total_hours(self) -> float:
        return sum(meeting.hours for meeting in self.meetings)

    @property
    def total_cost(self) -> float:
        return sum(meeting.cost for meeting in self.meetings)

    def item_layer_rows(self) -> list[dict[str, Any]]:
        """Agenda items and their cost by the layer of the body and the layer of the item:
        ``body_layer``, ``item_layer``, ``items``, ``cost`` and ``cost_per_item``."""
        return [
            {
                "body_layer": body_layer,
                "item_layer": item_layer,
                "items": items,
                "cost": cost,
                "cost_per_item": cost / items if items else None,
            }
            for (body_layer, item_layer), (items, cost) in sorted(self.by_item_layer.items())
        ]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form ``partnerscope costs meetings`` prints."""

        def table(found: Mapping[Any, tuple[float, float, int]], name: str) -> list[Any]:
            return [
                {name: key, "hours": hours, "cost": cost, "count": int(count)}
                for key, (hours, cost, count) in sorted(found.items())
            ]

        return {
            "price_year": self.price_year,
            "preparation_hours": self.settings.preparation_hours,
            "travel_hours": self.settings.travel_hours,
            "total_hours": self.total_hours,
            "total_cost": self.total_cost,
            "assumed_cost": self.assumed_cost,
            "unpriced_attendances": self.unpriced,
            "by_body": table(self.by_body, "body"),
            "by_layer": table(self.by_layer, "layer"),
            "by_organisation": table(self.by_organisation, "organisation"),
            "by_year": table(self.by_year, "year"),
            "by_item_layer": self.item_layer_rows(),
            "meetings": [
                {
                    "ref": m.ref,
                    "body": m.body,
                    "layer": m.layer,
                    "year": m.year,
                    "hours": m.hours,
                    "cost": m.cost,
                    "assumed_cost": m.assumed_cost,
                    "unpriced": list(m.unpriced),
                }
                for m in self.meetings
            ],
        }


def meeting_costs(
    meetings: Iterable[MeetingRecord],
    rates: Sequence[HourlyRate],
    settings: MeetingCostSettings,
    price_year: int,
    deflator: DeflatorSeries | None,
) -> MeetingCosts:
    """Every meeting's cost at ``price_year`` prices (each rate uprated from its own price
    year with ``deflator``; with no deflator, rates are taken as they are). Raises
    ``ValueError`` when the deflator does not cover a rate's price year."""
    factors: dict[int, float] = {}

    def factor(year: int) -> float:
        if deflator is None:
            return 1.0
        if year not in factors:
            factors[year] = deflator.factor(year, price_year)
        return factors[year]

    chosen: dict[tuple[str, str, str], tuple[float, bool] | None] = {}
    by_body: dict[str, list[float]] = {}
    by_layer: dict[str, list[float]] = {}
    by_organisation: dict[str, list[float]] = {}
    by_year: dict[Any, list[float]] = {}
    by_item: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])
    results = []
    used: dict[int, HourlyRate] = {}
    for meeting in meetings:
        each = attendee_hours(meeting.duration_minutes, settings)
        cost = assumed = 0.0
        unpriced = []
        for attendee in meeting.attendees:
            key = (attendee.organisation, attendee.sector, attendee.role)
            if key not in chosen:
                rate = find_rate(rates, attendee)
                if rate is not None:
                    used[id(rate)] = rate
                chosen[key] = (
                    None
                    if rate is None
                    else (rate.hourly_cost * factor(rate.price_year), rate.assumed)
                )
            priced = chosen[key]
            entry = by_organisation.get(attendee.organisation)
            if entry is None:
                entry = by_organisation[attendee.organisation] = [0.0, 0.0, 0.0]
            entry[0] += each
            entry[2] += 1
            if priced is None:
                unpriced.append(attendee.person)
                continue
            spent = each * priced[0]
            entry[1] += spent
            cost += spent
            if priced[1]:
                assumed += spent
        hours = each * len(meeting.attendees)
        _add(by_body, meeting.body, hours, cost)
        _add(by_layer, meeting.layer, hours, cost)
        _add(by_year, meeting.year, hours, cost)
        for item_layer in meeting.agenda:
            slot = by_item[(meeting.layer, item_layer)]
            slot[0] += 1
            slot[1] += cost / len(meeting.agenda)
        results.append(
            MeetingCost(
                meeting.ref,
                meeting.body,
                meeting.layer,
                meeting.year,
                hours,
                cost,
                assumed,
                tuple(unpriced),
                meeting.agenda,
            )
        )

    def frozen(found: Mapping[Any, list[float]]) -> dict[Any, tuple[float, float, int]]:
        return {key: (v[0], v[1], int(v[2])) for key, v in found.items()}

    return MeetingCosts(
        price_year=price_year,
        settings=settings,
        meetings=tuple(results),
        by_body=frozen(by_body),
        by_layer=frozen(by_layer),
        by_organisation=frozen(by_organisation),
        by_year=frozen(by_year),
        by_item_layer={key: (int(v[0]), v[1]) for key, v in by_item.items()},
        assumed_cost=sum(m.assumed_cost for m in results),
        unpriced=sum(len(m.unpriced) for m in results),
        rates_used=tuple(used.values()),
    )
