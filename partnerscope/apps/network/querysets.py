"""Database queries of the Relationships area in domain words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from partnerscope.apps.partnerships.models import Partnership


class WaveQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> WaveQuerySet:
        return self.filter(partnership=partnership)

    def closed_by(self, day: Any) -> WaveQuerySet:
        return self.filter(closes__lt=day)


class RepresentativeQuerySet(models.QuerySet):
    def for_user(self, user: Any) -> RepresentativeQuerySet:
        """Representatives whose person is linked to this sign-in account."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(person__user=user)

    def waiting(self) -> RepresentativeQuerySet:
        return self.filter(answered__isnull=True)


class TieQuerySet(models.QuerySet):
    def in_wave(self, wave: Any) -> TieQuerySet:
        return self.filter(wave=wave).select_related("source", "target")

    def given_by(self, organisation: Any) -> TieQuerySet:
        return self.filter(source=organisation)
