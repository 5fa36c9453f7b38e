"""The measures the layer rules judge, computed once per partnership.

Per body and year: meetings held, agenda items and minutes in other layers, the functions
its business served, attendance, meetings below quorum, which organisations held a seat and
how often they were represented, and the council's share of items presented. Per year:
the council's share of chairs, seats, attendees and items presented (the leadership
measures over time).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from partnerscope.core.layers.chairs import ChairType, chair_type
from partnerscope.core.layers.model import (
    COUNCIL,
    AgendaItem,
    Body,
    Governance,
    Meeting,
    Membership,
    Organisation,
    Person,
)
from partnerscope.core.layers.settings import LayerSettings
from partnerscope.core.layers.years import bounds, judged_years, label, year_of

__all__ = ["BodyYear", "Chair", "CouncilShares", "LayerFacts", "Representation", "build_facts"]


@dataclass(frozen=True, slots=True)
class Representation:
    """How often one organisation was represented at a body's meetings in a year, counted
    over the meetings at which it held a seat."""

    organisation: str
    seated_meetings: int
    represented_meetings: int

    @property
    def rate(self) -> float:
        return self.represented_meetings / self.seated_meetings if self.seated_meetings else 0.0


@dataclass(frozen=True, slots=True)
class BodyYear:
    """One body's business and attendance in one year."""

    body: str
    year: int
    meetings: int = 0
    items: int = 0
    items_by_layer: Mapping[str, int] = field(default_factory=dict)
    minutes: int = 0
    minutes_by_layer: Mapping[str, int] = field(default_factory=dict)
    functions: frozenset[str] = frozenset()
    attendance_recorded: int = 0
    attendance_present: int = 0
    meetings_below_quorum: int = 0
    meetings_with_attendance: int = 0
    presented: int = 0
    council_presented: int = 0
    representation: tuple[Representation, ...] = ()

    def off_layer_items(self, layer: str) -> int:
        return self.items - self.items_by_layer.get(layer, 0)

    def drift_share(self, layer: str) -> float | None:
        """Share of the items that belong to another layer than ``layer``."""
        return self.off_layer_items(layer) / self.items if self.items else None

    def time_drift_share(self, layer: str) -> float | None:
        """Share of the minutes (of items with a duration) spent on another layer's business."""
        if not self.minutes:
            return None
        return (self.minutes - self.minutes_by_layer.get(layer, 0)) / self.minutes

    @property
    def attendance_rate(self) -> float | None:
        if not self.attendance_recorded:
            return None
        return self.attendance_present / self.attendance_recorded

    @property
    def council_presented_share(self) -> float | None:
        return self.council_presented / self.presented if self.presented else None


@dataclass(frozen=True, slots=True)
class Chair:
    """Who chairs a body, from which organisation and sector, and their Table 3 kind."""

    person: str
    organisation: str
    sector: str
    type: ChairType


@dataclass(frozen=True, slots=True)
class CouncilShares:
    """The council's share of chairs, seats, attendees and items presented in one year."""

    year: int
    chairs: tuple[int, int]
    members: tuple[int, int]
    attendees: tuple[int, int]
    presented: tuple[int, int]

    def share(self, name: str) -> float | None:
        part, whole = getattr(self, name)
        return part / whole if whole else None


@dataclass(frozen=True)
class LayerFacts:
    """Everything the rules read: the inputs, the settings and the measures."""

    governance: Governance
    settings: LayerSettings
    years: tuple[int, ...]
    as_of: date | None
    bodies: Mapping[str, Body]
    organisations: Mapping[str, Organisation]
    people: Mapping[str, Person]
    body_years: Mapping[tuple[str, int], BodyYear]
    sizes: Mapping[str, int]
    chairs: Mapping[str, Chair]
    council_shares: tuple[CouncilShares, ...]
    seats_by_body: Mapping[str, tuple[Membership, ...]]

    def year_label(self, year: int) -> str:
        return label(year, self.settings.year_start_month)

    def sector_of_person(self, person: str) -> str:
        who = self.people.get(person)
        if who is None or who.organisation not in self.organisations:
            return ""
        return self.organisations[who.organisation].sector

    def organisation_of(self, person: str) -> str:
        who = self.people.get(person)
        return who.organisation if who else ""

    def is_council(self, organisation: str | None) -> bool:
        found = self.organisations.get(organisation or "")
        return found is not None and found.sector == COUNCIL

    def organisation_name(self, ref: str) -> str:
        found = self.organisations.get(ref)
        return found.name if found else ref


def build_facts(governance: Governance, settings: LayerSettings | None = None) -> LayerFacts:
    """Compute every measure of ``governance`` the rules judge."""
    settings = settings or LayerSettings()
    start = settings.year_start_month
    people = {person.ref: person for person in governance.people}
    organisations = {org.ref: org for org in governance.organisations}
    seats: dict[str, list[Membership]] = defaultdict(list)
    for membership in governance.memberships:
        seats[membership.body].append(membership)
    items: dict[str, list[AgendaItem]] = defaultdict(list)
    for item in governance.agenda_items:
        items[item.meeting].append(item)
    present: dict[str, set[str]] = defaultdict(set)
    recorded: Counter[str] = Counter()
    for row in governance.attendance:
        recorded[row.meeting] += 1
        if row.present:
            present[row.meeting].add(row.person)
    dates = [meeting.date for meeting in governance.meetings]
    as_of = max(dates) if dates else None

    def organisation_of(person: str) -> str:
        who = people.get(person)
        return who.organisation if who else ""

    def is_council(organisation: str | None) -> bool:
        found = organisations.get(organisation or "")
        return found is not None and found.sector == COUNCIL

    by_body_year: dict[tuple[str, int], list[Meeting]] = defaultdict(list)
    for meeting in governance.meetings:
        by_body_year[(meeting.body, year_of(meeting.date, start))].append(meeting)
    body_years: dict[tuple[str, int], BodyYear] = {}
    bodies = {body.ref: body for body in governance.bodies}
    for (body_ref, year), meetings in by_body_year.items():
        item_layers: Counter[str] = Counter()
        minute_layers: Counter[str] = Counter()
        functions: set[str] = set()
        seated: Counter[str] = Counter()
        represented: Counter[str] = Counter()
        totals = Counter[str]()
        for meeting in meetings:
            for item in items.get(meeting.ref, []):
                item_layers[item.layer] += 1
                functions.add(item.function)
                if item.duration_minutes is not None:
                    minute_layers[item.layer] += item.duration_minutes
                if item.presenter:
                    totals["presented"] += 1
                    totals["council_presented"] += is_council(item.presenter)
            members = {m.person for m in seats.get(body_ref, []) if m.holds_seat_on(meeting.date)}
            attended = present.get(meeting.ref, set())
            totals["recorded"] += recorded[meeting.ref]
            totals["present"] += len(attended)
            if recorded[meeting.ref] and members:
                totals["with_attendance"] += 1
                quorum = math.ceil(settings.quorum_share * len(members))
                totals["below_quorum"] += len(attended) < quorum
            sending = {organisation_of(person) for person in attended}
            for organisation in {organisation_of(person) for person in members}:
                seated[organisation] += 1
                represented[organisation] += organisation in sending
        body_years[(body_ref, year)] = BodyYear(
            body=body_ref,
            year=year,
            meetings=len(meetings),
            items=sum(item_layers.values()),
            items_by_layer=dict(item_layers),
            minutes=sum(minute_layers.values()),
            minutes_by_layer=dict(minute_layers),
            functions=frozenset(functions),
            attendance_recorded=totals["recorded"],
            attendance_present=totals["present"],
            meetings_below_quorum=totals["below_quorum"],
            meetings_with_attendance=totals["with_attendance"],
            presented=totals["presented"],
            council_presented=totals["council_presented"],
            representation=tuple(
                Representation(org, seated[org], represented[org]) for org in sorted(seated) if org
            ),
        )
    years = judged_years(dates, start)
    chairs: dict[str, Chair] = {}
    sizes: dict[str, int] = {}
    for body in governance.bodies:
        held = [m for m in seats.get(body.ref, []) if as_of is None or m.holds_seat_on(as_of)]
        sizes[body.ref] = body.size if body.size is not None else len({m.person for m in held})
        chair = latest_chair([m for m in held if m.role == "chair"])
        if chair is not None:
            organisation = organisation_of(chair.person)
            sector = organisations[organisation].sector if organisation in organisations else ""
            title = people[chair.person].job_title if chair.person in people else ""
            chairs[body.ref] = Chair(
                chair.person, organisation, sector, chair_type(sector, title, settings.chair_types)
            )
    shares = tuple(
        council_shares(
            year, governance, settings, seats, items, present, is_council, organisation_of
        )
        for year in years
    )
    return LayerFacts(
        governance=governance,
        settings=settings,
        years=years,
        as_of=as_of,
        bodies=bodies,
        organisations=organisations,
        people=people,
        body_years=body_years,
        sizes=sizes,
        chairs=chairs,
        council_shares=shares,
        seats_by_body={body: tuple(rows) for body, rows in seats.items()},
    )


def latest_chair(chairs: list[Membership]) -> Membership | None:
    """The chair who took the seat last (an open start counts as earliest)."""
    if not chairs:
        return None
    return max(chairs, key=lambda m: (m.start or date.min, m.person))


def council_shares(
    year: int,
    governance: Governance,
    settings: LayerSettings,
    seats: Mapping[str, list[Membership]],
    items: Mapping[str, list[AgendaItem]],
    present: Mapping[str, set[str]],
    is_council: Callable[[str | None], bool],
    organisation_of: Callable[[str], str],
) -> CouncilShares:
    """The council's shares of chairs, seats, attendees and items presented in ``year``."""
    first, last = bounds(year, settings.year_start_month)
    chair_count = [0, 0]
    member_count = [0, 0]
    for body in governance.bodies:
        overlapping = [m for m in seats.get(body.ref, []) if m.overlaps(first, last)]
        for membership in overlapping:
            member_count[1] += 1
            member_count[0] += bool(is_council(organisation_of(membership.person)))
        chair = latest_chair([m for m in overlapping if m.role == "chair"])
        if chair is not None:
            chair_count[1] += 1
            chair_count[0] += bool(is_council(organisation_of(chair.person)))
    attendee_count = [0, 0]
    presented_count = [0, 0]
    for meeting in governance.meetings:
        if not first <= meeting.date <= last:
            continue
        for person in present.get(meeting.ref, set()):
            attendee_count[1] += 1
            attendee_count[0] += bool(is_council(organisation_of(person)))
        for item in items.get(meeting.ref, []):
            if item.presenter:
                presented_count[1] += 1
                presented_count[0] += bool(is_council(item.presenter))
    return CouncilShares(
        year,
        (chair_count[0], chair_count[1]),
        (member_count[0], member_count[1]),
        (attendee_count[0], attendee_count[1]),
        (presented_count[0], presented_count[1]),
    )
