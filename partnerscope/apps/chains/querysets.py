"""Database queries of the delivery chains area, in domain words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from partnerscope.apps.partnerships.models import Partnership


class ChainQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> ChainQuerySet:
        return self.filter(partnership=partnership)


class ChainNodeQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> ChainNodeQuerySet:
        return self.filter(chain__partnership=partnership)

    def outcomes(self) -> ChainNodeQuerySet:
        return self.filter(kind="outcome")


class ChainLinkQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> ChainLinkQuerySet:
        return self.filter(chain__partnership=partnership)

    def with_ends(self) -> ChainLinkQuerySet:
        return self.select_related("source", "target", "owner_person")


class WorkshopQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> WorkshopQuerySet:
        return self.filter(chain__partnership=partnership)

    def open(self) -> WorkshopQuerySet:
        return self.filter(is_open=True)

    def with_participant_count(self) -> WorkshopQuerySet:
        return self.annotate(participant_count=models.Count("participants"))
