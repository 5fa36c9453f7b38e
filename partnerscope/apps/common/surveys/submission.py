"""Sending a survey's answers exactly once.

Two sends of the same link may arrive together (a double click, a second tab). Each send
locks the respondent's row, checks again that they may answer (the other send may have
just committed), stores the answers and marks the respondent answered, all in one
transaction; the loser of the race sees the survey's "already answered" refusal
(tests/apps/test_survey_submit_races.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import QuerySet

from partnerscope.apps.common.surveys.refusals import Respondent

Stored = TypeVar("Stored")


def submit_once(
    respondents: QuerySet[Any],
    pk: int,
    check_can_answer: Callable[[Respondent], None],
    store: Callable[[Respondent], Stored],
) -> Stored:
    """Lock respondent ``pk``, check they may still answer, and ``store`` their answers.

    ``store`` runs in the same transaction as the lock and must mark the respondent
    answered; ``check_can_answer`` raises (SurveyRefused or the area's own refusal) if not.
    On PostgreSQL, ``select_related`` tables in ``respondents`` are locked as well.
    """
    with transaction.atomic():
        locked: Respondent = respondents.select_for_update().get(pk=pk)
        check_can_answer(locked)
        return store(locked)
