"""Queries of the resources area in domain words."""

from __future__ import annotations

from typing import Any

from django.db import models


class ContributionQuerySet(models.QuerySet[Any]):
    def in_partnership(self, partnership: Any) -> ContributionQuerySet:
        return self.filter(partnership=partnership)

    def with_shares(self) -> ContributionQuerySet:
        return self.select_related("organisation").prefetch_related("shares")
