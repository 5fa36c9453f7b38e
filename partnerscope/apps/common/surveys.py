"""What the 7S self-assessment and the relationship survey share about answering.

Both surveys are answered through a single-use link that needs no sign-in, or by a
signed-in member, and both refuse a respondent with the same kind of explanation. The
rules of who may answer are written here once; each area supplies its own loaders and
messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from partnerscope.apps.common.models import SurveyWave, WaveStatus

Respondent = TypeVar("Respondent")
"""Whoever answers through one link: a 7S ``Invitation`` or a network ``Representative``."""

# ---- Who may answer ----------------------------------------------------------------


class SurveyRefused(Exception):
    """Answering is not possible; ``title`` and ``message`` explain why, ``status`` is HTTP."""

    def __init__(self, title: str, message: str, status: int) -> None:
        super().__init__(message)
        self.title = title
        self.message = message
        self.status = status


def check_open(wave: SurveyWave, closed_courtesy: str = "") -> None:
    """Refuse answers outside the wave's dates; ``closed_courtesy`` ends the closed message."""
    status = wave.status
    if status == WaveStatus.NOT_OPEN:
        raise SurveyRefused(
            "This survey is not open yet",
            f"{wave.title} opens on {wave.opens:%d %B %Y}. Please come back then with the "
            "same link: it will still work.",
            403,
        )
    if status == WaveStatus.CLOSED:
        closed = f"{wave.title} closed on {wave.closes:%d %B %Y}, so it no longer takes answers."
        raise SurveyRefused(
            "This survey has closed",
            f"{closed} {closed_courtesy}" if closed_courtesy else closed,
            403,
        )


def unknown_link() -> SurveyRefused:
    """The refusal of a link whose token matches nobody's: mistyped, or since replaced."""
    return SurveyRefused(
        "This link does not work",
        "The link may be mistyped, or a newer link may have replaced it. Ask your "
        "partnership manager for a new one.",
        404,
    )


def admitted(
    respondent: Respondent | None,
    refusal: Callable[[], SurveyRefused],
    check_can_answer: Callable[[Respondent], None],
) -> Respondent:
    """The respondent found, if they may answer now; else SurveyRefused saying why.

    ``refusal`` is called only when nobody was found, so its message may query freely.
    """
    if respondent is None:
        raise refusal()
    check_can_answer(respondent)
    return respondent
