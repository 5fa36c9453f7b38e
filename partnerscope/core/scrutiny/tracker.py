"""A recommendation's state on a given day, as the tracker shows it.

Examples
--------
>>> from datetime import date
>>> status_on(date(2025, 3, 15), None, False, date(2025, 3, 15))
<Status.DUE: 'due'>
>>> status_on(date(2025, 3, 15), None, False, date(2025, 3, 16))
<Status.OVERDUE: 'overdue'>
>>> status_on(date(2025, 3, 15), date(2025, 3, 1), False, date(2025, 4, 1))
<Status.RESPONDED: 'responded'>
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

__all__ = ["Status", "status_on"]


class Status(StrEnum):
    """Where a recommendation stands: not yet sent to the partner, awaiting a response that
    is due (today or later), overdue, answered, or closed after its last progress update."""

    NOT_SENT = "not_sent"
    DUE = "due"
    OVERDUE = "overdue"
    RESPONDED = "responded"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """The state in words: "Not sent", "Overdue"."""
        return self.value.replace("_", " ").capitalize()


def status_on(due: date | None, published: date | None, closed: bool, today: date) -> Status:
    """The state on ``today`` of a recommendation due on ``due`` (None when the partner has
    not received the report), whose response was published on ``published`` (or None).

    A response due today is still due, not overdue: the partner has the whole day."""
    if closed:
        return Status.CLOSED
    if published is not None:
        return Status.RESPONDED
    if due is None:
        return Status.NOT_SENT
    return Status.OVERDUE if today > due else Status.DUE
