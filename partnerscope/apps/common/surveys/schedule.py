"""When a wave's reminders fall due: plain date arithmetic, no database.

A wave's schedule is a list of days after opening plus, optionally, a number of days
before closing. Each becomes one reminder with a stable key (``after-7``, ``before-2``) on
one day within the wave. On any day the wave is open, the reminder due is the latest one
whose day has come: a reminder missed because nothing ran that day is sent late, once, and
an earlier reminder is never sent after a later one fell due.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Reminder", "due_reminder", "parse_days", "reminders_for"]

MAX_DAYS = 365


@dataclass(frozen=True, order=True)
class Reminder:
    """One reminder of a wave: the day it falls due and its key in the log."""

    day: date
    key: str
    label: str


def parse_days(text: str) -> list[int]:
    """Whole numbers of days from text such as ``"7, 14"``, sorted, each once.

    >>> parse_days("14, 7 ,7")
    [7, 14]
    >>> parse_days("")
    []
    >>> parse_days("a week")
    Traceback (most recent call last):
    ...
    ValueError: 'a week' is not a whole number of days.
    """
    days = set()
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise ValueError(f"{part!r} is not a whole number of days.")
        value = int(part)
        if not 1 <= value <= MAX_DAYS:
            raise ValueError(f"{value} is not between 1 and {MAX_DAYS} days.")
        days.add(value)
    return sorted(days)


def reminders_for(
    opens: date, closes: date, days_after: Iterable[int], before_closing: int | None
) -> list[Reminder]:
    """The wave's reminders in date order, keeping only days on which the wave is open.

    >>> [r.key for r in reminders_for(date(2026, 3, 1), date(2026, 3, 20), [7, 30], 2)]
    ['after-7', 'before-2']
    >>> reminders_for(date(2026, 3, 1), date(2026, 3, 20), [], 0)[0].day
    datetime.date(2026, 3, 20)
    """
    found: dict[date, Reminder] = {}
    for days in sorted(set(days_after)):
        day = opens + timedelta(days=days)
        found.setdefault(
            day,
            Reminder(day, f"after-{days}", f"{days} day{'s' if days != 1 else ''} after opening"),
        )
    if before_closing is not None:
        day = closes - timedelta(days=before_closing)
        label = (
            "On the closing day"
            if before_closing == 0
            else f"{before_closing} day{'s' if before_closing != 1 else ''} before closing"
        )
        found.setdefault(day, Reminder(day, f"before-{before_closing}", label))
    return sorted(r for r in found.values() if opens < r.day <= closes)


def due_reminder(reminders: Iterable[Reminder], today: date) -> Reminder | None:
    """The latest reminder whose day has come, or None before the first one.

    >>> plan = reminders_for(date(2026, 3, 1), date(2026, 3, 20), [7, 14], None)
    >>> due_reminder(plan, date(2026, 3, 7)) is None
    True
    >>> due_reminder(plan, date(2026, 3, 9)).key
    'after-7'
    >>> due_reminder(plan, date(2026, 3, 19)).key
    'after-14'
    """
    due = [r for r in reminders if r.day <= today]
    return due[-1] if due else None
