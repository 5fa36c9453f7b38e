"""Who may answer a survey, and how a refusal is explained.

Every survey refuses a respondent the same way: a ``SurveyRefused`` with a title, a
message and an HTTP status, shown by the engine's refusal page. The checks every survey
makes (the wave's dates, a link that matches nobody, an answer already given) are here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import QuerySet

from partnerscope.apps.common.models import SurveyWave, WaveStatus

Respondent = TypeVar("Respondent")
"""Whoever answers through one link: a 7S ``Invitation``, a network ``Representative``, …"""


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


def already_answered(title: str, message: str) -> SurveyRefused:
    """The refusal of a link whose answers are in (410: the link is used up)."""
    return SurveyRefused(title, message, 410)


def unknown_link(
    message: str = (
        "The link may be mistyped, or a newer link may have replaced it. Ask your "
        "partnership manager for a new one."
    ),
) -> SurveyRefused:
    """The refusal of a link whose token matches nobody: mistyped, or since replaced."""
    return SurveyRefused("This link does not work", message, 404)


def respondent_by_token_hash(
    respondents: QuerySet[Any],
    token_hash: str,
    check_can_answer: Callable[[Respondent], None],
) -> Respondent:
    """The respondent whose link's token hashes to ``token_hash``, if they may answer now.

    Only hashes of tokens are stored, so a link that matches nobody gets the same kind
    refusal in every survey.
    """
    respondent: Respondent | None = respondents.filter(token_hash=token_hash).first()
    return admitted(respondent, unknown_link, check_can_answer)


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
