"""What the reminders need from each survey: its open waves, who has not answered yet,
their links and their e-mails.

Each survey registers a ``SurveyDefinition`` with the survey engine (its ``AppConfig``
names it; ``common/extensions.py`` finds it), so the reminders import no survey: a
``Source`` reads the definition, and scheduling, logging and opting out are written once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.mail import EmailMessage
from django.db.models import QuerySet

from partnerscope.apps.common.extensions import survey_definitions
from partnerscope.apps.common.surveys.registry import SurveyDefinition
from partnerscope.apps.notifications.models import Survey
from partnerscope.apps.partnerships.models import Person


@dataclass(frozen=True)
class Source:
    """One survey as the reminders see it."""

    survey: Survey
    definition: SurveyDefinition

    @property
    def anonymous(self) -> bool:
        """Whether answers are promised to be anonymous: then the log shows counts only."""
        return self.definition.anonymous

    def waves_open_on(self, day: date) -> QuerySet[Any]:
        return self.definition.wave_model._default_manager.filter(
            opens__lte=day, closes__gte=day
        ).select_related("partnership")

    def wave(self, pk: int) -> Any:
        waves = self.definition.wave_model._default_manager
        return waves.select_related("partnership").filter(pk=pk).first()

    def invitees(self, wave: Any) -> QuerySet[Any]:
        """Everyone with a link to this wave, answered or not."""
        return self.definition.invitees(wave)

    def awaiting(self, wave: Any) -> QuerySet[Any]:
        """Invitees who have not answered, have an e-mail address and have not opted out."""
        return (
            self.invitees(wave)
            .filter(**self.definition.unanswered)
            .exclude(person__email="")
            .filter(person__reminder_opt_out__isnull=True)
            .order_by("pk")
        )

    def by_ids(self, ids: Iterable[int]) -> QuerySet[Any]:
        respondents = self.definition.respondent_model._default_manager
        return respondents.filter(pk__in=list(ids)).select_related("person", "wave__partnership")

    def person(self, invitee: Any) -> Person:
        return invitee.person  # type: ignore[no-any-return]

    def link(self, invitee: Any, renew: bool) -> str | None:
        """The invitee's working link made again; with ``renew``, a new one if it cannot be."""
        token = self.definition.current_token(invitee)
        if token is None and renew:
            token = self.definition.issue_link(invitee)
        return None if token is None else self.definition.links.url(token)

    def invitation_email(self, invitee: Any, url: str) -> EmailMessage:
        return self.definition.invitation_email(invitee, url)

    def answering_for(self, invitee: Any) -> str:
        """Whose answers are awaited: the person's own, or their organisation's."""
        return self.definition.answering_for(invitee)

    def mark_emailed(self, ids: Iterable[int]) -> None:
        self.by_ids(ids).update(emailed=True)


def sources() -> dict[Survey, Source]:
    """Every survey that registered with the engine, by its key."""
    return {
        Survey(key): Source(Survey(key), definition)
        for key, definition in survey_definitions().items()
    }
