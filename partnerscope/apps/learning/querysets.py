"""Queries of the learning area in domain words."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q


class SharingAgreementQuerySet(models.QuerySet):
    def sharing(self) -> SharingAgreementQuerySet:
        """The agreements of partnerships that share their figures."""
        return self.filter(shares=True)


class PracticeEntryQuerySet(models.QuerySet):
    def readable_by(self, partnership: Any) -> PracticeEntryQuerySet:
        """The site-wide library and the partnership's own entries."""
        return self.filter(Q(partnership__isnull=True) | Q(partnership=partnership))

    def site_wide(self) -> PracticeEntryQuerySet:
        return self.filter(partnership__isnull=True)

    def own(self, partnership: Any) -> PracticeEntryQuerySet:
        return self.filter(partnership=partnership)
