"""The inputs of the layer analysis: a partnership's organisations, people, bodies,
memberships, meetings, agenda items and attendance, as frozen dataclasses.

They mirror the data package's tables (``partnerscope.datapackage.schema``); a service or
:func:`partnerscope.core.layers.tables.governance_from_tables` builds them.

Examples
--------
>>> board = Body("board", "Partnership Board", "strategic", ("vision",))
>>> board.does("vision"), board.does("scrutiny")
(True, False)
>>> Membership("ann", "board", "chair", start=date(2024, 1, 1)).holds_seat_on(date(2023, 12, 31))
False
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal, get_args

__all__ = [
    "COUNCIL",
    "EXECUTIVE_FUNCTIONS",
    "LAYERS",
    "VOLUNTARY_COMMUNITY",
    "AgendaItem",
    "Attendance",
    "Body",
    "Governance",
    "Layer",
    "Meeting",
    "Membership",
    "Organisation",
    "Person",
]

Layer = Literal["strategic", "executive", "operational"]
LAYERS: Final[tuple[Layer, ...]] = get_args(Layer)
COUNCIL: Final = "council"
"""The sector of councils: the partner whose leadership may turn into domination."""
VOLUNTARY_COMMUNITY: Final = "voluntary_community"
"""The sector of voluntary and community organisations."""
EXECUTIVE_FUNCTIONS: Final = ("resource_allocation", "performance_management")
"""What the executive layer exists to do: allocate resources and oversee performance."""


@dataclass(frozen=True, slots=True)
class Organisation:
    """A partner organisation, its sector and whether it is a statutory partner here."""

    ref: str
    name: str
    sector: str
    statutory: bool = False


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who sits on the partnership's bodies, and the organisation they come from."""

    ref: str
    name: str
    organisation: str
    job_title: str = ""


@dataclass(frozen=True, slots=True)
class Body:
    """A board, group or theme partnership in one governance layer.

    ``parent`` is the body it reports to; ``size`` is its number of members when known
    without a list of memberships (otherwise the memberships are counted).
    """

    ref: str
    name: str
    layer: Layer
    functions: tuple[str, ...] = ()
    parent: str | None = None
    size: int | None = None

    def does(self, function: str) -> bool:
        """Whether the body is constituted to carry out ``function``."""
        return function in self.functions


@dataclass(frozen=True, slots=True)
class Membership:
    """A person's seat on a body, in a role (``chair``, ``vice_chair``, ``member``,
    ``adviser``, ``officer``), from ``start`` to ``end`` (either open when None)."""

    person: str
    body: str
    role: str = "member"
    start: date | None = None
    end: date | None = None

    def holds_seat_on(self, day: date) -> bool:
        """Whether the seat is held on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps(self, first: date, last: date) -> bool:
        """Whether the seat is held on some day from ``first`` to ``last``."""
        return (self.start is None or self.start <= last) and (
            self.end is None or first <= self.end
        )


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting of a body on a date, lasting ``duration_minutes`` when known."""

    ref: str
    body: str
    date: date
    duration_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """An item of business: the function and layer it belongs to, how long it took when
    known, and the organisation that presented it when recorded."""

    meeting: str
    position: int
    title: str
    function: str
    layer: Layer
    duration_minutes: int | None = None
    presenter: str | None = None


@dataclass(frozen=True, slots=True)
class Attendance:
    """Whether a person was ``present``, sent ``apologies`` or was ``absent`` at a meeting."""

    meeting: str
    person: str
    status: str

    @property
    def present(self) -> bool:
        return self.status == "present"


@dataclass(frozen=True, slots=True)
class Governance:
    """Everything the layer analysis reads about one partnership."""

    partnership: str
    name: str
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()
    bodies: tuple[Body, ...] = ()
    memberships: tuple[Membership, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    agenda_items: tuple[AgendaItem, ...] = ()
    attendance: tuple[Attendance, ...] = ()
