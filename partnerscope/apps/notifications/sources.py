"""What the reminders need from each survey: its open waves, who has not answered yet,
their links and their e-mails.

The 7S self-assessment and the relationship survey keep invitations differently (an
``Invitation`` per person, a ``Representative`` per organisation); a ``Source`` hides the
difference so that scheduling, logging and opting out are written once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.mail import EmailMessage
from django.db.models import QuerySet

from partnerscope.apps.notifications.models import Survey
from partnerscope.apps.partnerships.models import Person


@dataclass(frozen=True)
class Source:
    """One survey as the reminders see it."""

    survey: Survey
    anonymous: bool
    """Whether answers are promised to be anonymous: then the log shows counts only."""

    def _area(self) -> Any:
        if self.survey == Survey.SEVENS:
            from partnerscope.apps.sevens import models, services
        else:
            from partnerscope.apps.network import models, services
        return models, services

    def waves_open_on(self, day: date) -> QuerySet[Any]:
        models, _ = self._area()
        return models.Wave.objects.filter(opens__lte=day, closes__gte=day).select_related(
            "partnership"
        )

    def wave(self, pk: int) -> Any:
        models, _ = self._area()
        return models.Wave.objects.select_related("partnership").filter(pk=pk).first()

    def invitees(self, wave: Any) -> QuerySet[Any]:
        """Everyone with a link to this wave, answered or not."""
        if self.survey == Survey.SEVENS:
            return wave.invitations.select_related("person", "wave__partnership")
        return wave.representatives.filter(token_hash__isnull=False).select_related(
            "person", "organisation", "wave__partnership"
        )

    def awaiting(self, wave: Any) -> QuerySet[Any]:
        """Invitees who have not answered, have an e-mail address and have not opted out."""
        unanswered = (
            {"answered": False} if self.survey == Survey.SEVENS else {"answered__isnull": True}
        )
        return (
            self.invitees(wave)
            .filter(**unanswered)
            .exclude(person__email="")
            .filter(person__reminder_opt_out__isnull=True)
            .order_by("pk")
        )

    def by_ids(self, ids: Iterable[int]) -> QuerySet[Any]:
        models, _ = self._area()
        model = models.Invitation if self.survey == Survey.SEVENS else models.Representative
        return model.objects.filter(pk__in=list(ids)).select_related("person", "wave__partnership")

    def person(self, invitee: Any) -> Person:
        return invitee.person  # type: ignore[no-any-return]

    def link(self, invitee: Any, renew: bool) -> str | None:
        """The invitee's working link made again; with ``renew``, a new one if it cannot be."""
        _, services = self._area()
        token = services.current_token(invitee)
        if token is None and renew:
            token = services.issue_link(invitee)
        return None if token is None else services.survey_url(token)  # type: ignore[no-any-return]

    def invitation_email(self, invitee: Any, url: str) -> EmailMessage:
        _, services = self._area()
        if self.survey == Survey.SEVENS:
            return services.invitation_email(invitee.wave, invitee.person, url)  # type: ignore[no-any-return]
        return services.invitation_email(invitee.wave, invitee, url)  # type: ignore[no-any-return]

    def answering_for(self, invitee: Any) -> str:
        """Whose answers are awaited: the person's own, or their organisation's."""
        if self.survey == Survey.SEVENS:
            return "your answers"
        return f"{invitee.organisation.name}'s answers"

    def mark_emailed(self, ids: Iterable[int]) -> None:
        self.by_ids(ids).update(emailed=True)


SOURCES = {
    Survey.SEVENS: Source(Survey.SEVENS, anonymous=True),
    Survey.NETWORK: Source(Survey.NETWORK, anonymous=False),
}
