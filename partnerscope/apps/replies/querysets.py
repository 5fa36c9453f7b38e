"""The replies' queries in the domain's words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models


class ReplyQuerySet(models.QuerySet[Any]):
    def in_partnership(self, partnership: Any) -> ReplyQuerySet:
        return self.filter(partnership=partnership)

    def about(self, target_kind: str, keys: Iterable[str]) -> ReplyQuerySet:
        return self.filter(target_kind=target_kind, target_key__in=list(keys))

    def matching(self, organisation: str, position: str, responded: str) -> ReplyQuerySet:
        """Those of an organisation (its ref), a position, with or without a manager's
        response ("yes"/"no"); an empty value matches everything."""
        rows = self
        if organisation:
            rows = rows.filter(organisation__ref=organisation)
        if position:
            rows = rows.filter(position=position)
        if responded == "yes":
            rows = rows.filter(response__isnull=False)
        elif responded == "no":
            rows = rows.filter(response__isnull=True)
        return rows
