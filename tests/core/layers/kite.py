"""The kite partnership's governance, made by hand: three bodies (a strategic board, an
executive group, a theme group) that meet as Table 8 expects, with full attendance, each
body's business in its own layer, and no one dominating. Tests change one thing each."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, timedelta

from partnerscope.core.layers import (
    AgendaItem,
    Attendance,
    Body,
    Governance,
    Meeting,
    Membership,
    Organisation,
    Person,
)

ORGANISATIONS = (
    Organisation("council", "Kite Council", "council", statutory=True),
    Organisation("police", "Kite Police", "police", statutory=True),
    Organisation("nhs", "Kite NHS Trust", "health", statutory=True),
    Organisation("cvs", "Kite Voluntary Action", "voluntary_community"),
)
PEOPLE = (
    Person("c1", "Cath Leader", "council", "Leader of the Council"),
    Person("c2", "Colin Officer", "council", "Head of Policy"),
    Person("c3", "Cara Cabinet", "council", "Cabinet Member"),
    Person("c4", "Carl Manager", "council", "Partnership Manager"),
    Person("p1", "Pat Police", "police", "Chief Inspector"),
    Person("p2", "Priya Police", "police", "Superintendent"),
    Person("n1", "Nia Nurse", "nhs", "Director"),
    Person("n2", "Ned Nurse", "nhs", "Head of Partnerships"),
    Person("v1", "Val Voluntary", "cvs", "Chief Officer"),
    Person("v2", "Vic Voluntary", "cvs", "Development Worker"),
)
BODIES = (
    Body("board", "Kite Board", "strategic", ("vision", "strategy", "scrutiny")),
    Body(
        "exec",
        "Kite Executive",
        "executive",
        ("resource_allocation", "performance_management"),
        parent="board",
    ),
    Body("theme", "Kite Theme Group", "operational", ("service_delivery",), parent="exec"),
)
SEATS = {
    "board": (
        ("c1", "chair"),
        ("c2", "member"),
        ("p1", "member"),
        ("n1", "member"),
        ("v1", "member"),
    ),
    "exec": (("n2", "chair"), ("c3", "member"), ("p2", "member"), ("v2", "member")),
    "theme": (
        ("v1", "chair"),
        ("c4", "member"),
        ("p1", "member"),
        ("n1", "member"),
        ("v2", "member"),
    ),
}
LAYER = {"board": "strategic", "exec": "executive", "theme": "operational"}
FUNCTION = {"board": "strategy", "exec": "performance_management", "theme": "service_delivery"}
COUNTS = {"board": 4, "exec": 8, "theme": 12}
YEAR_START = date(2024, 4, 1)


def meeting_dates(count: int, start: date = YEAR_START) -> list[date]:
    """``count`` dates spread evenly over the year from ``start``."""
    return [start + timedelta(days=index * 365 // count) for index in range(count)]


def memberships(seats: Mapping[str, Iterable[tuple[str, str]]] = SEATS) -> tuple[Membership, ...]:
    return tuple(
        Membership(person, body, role) for body, rows in seats.items() for person, role in rows
    )


def kite(
    counts: Mapping[str, int] | None = None,
    seats: Mapping[str, Iterable[tuple[str, str]]] = SEATS,
    starts: Iterable[date] = (YEAR_START,),
    **changes: object,
) -> Governance:
    """The kite partnership: ``counts`` meetings a year per body in each year from ``starts``,
    two agenda items each in the body's layer, every member present."""
    counts = {**COUNTS, **(counts or {})}
    seat_rows = {body: tuple(rows) for body, rows in seats.items()}
    meetings: list[Meeting] = []
    items: list[AgendaItem] = []
    attendance: list[Attendance] = []
    for start in starts:
        for body, count in counts.items():
            for day in meeting_dates(count, start) if count else []:
                ref = f"{body}-{day.isoformat()}"
                meetings.append(Meeting(ref, body, day, 120))
                items += [
                    AgendaItem(ref, position, "Business", FUNCTION[body], LAYER[body])  # type: ignore[arg-type]
                    for position in (1, 2)
                ]
                attendance += [
                    Attendance(ref, person, "present") for person, _ in seat_rows.get(body, ())
                ]
    governance = Governance(
        "kite",
        "Kite Partnership",
        ORGANISATIONS,
        PEOPLE,
        BODIES,
        memberships(seat_rows),
        tuple(meetings),
        tuple(items),
        tuple(attendance),
    )
    return replace(governance, **changes)  # type: ignore[arg-type]
