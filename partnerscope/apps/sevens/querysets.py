"""Database queries of the 7S area in domain words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from partnerscope.apps.partnerships.models import Partnership


class WaveQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> WaveQuerySet:
        return self.filter(partnership=partnership)

    def open_now(self) -> WaveQuerySet:
        today = timezone.localdate()
        return self.filter(opens__lte=today, closes__gte=today)


class InvitationQuerySet(models.QuerySet):
    def for_user(self, user: Any) -> InvitationQuerySet:
        """Invitations of the people linked to this sign-in account."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(person__user=user)

    def waiting(self) -> InvitationQuerySet:
        return self.filter(answered=False)


class ResponseQuerySet(models.QuerySet):
    def in_wave(self, wave: Any) -> ResponseQuerySet:
        return self.filter(wave=wave)
