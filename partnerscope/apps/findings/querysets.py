"""The register's queries in the domain's words."""

from __future__ import annotations

from typing import Any

from django.db import models

from partnerscope.apps.findings.choices import FindingStatus


class StoredFindingQuerySet(models.QuerySet[Any]):
    def in_partnership(self, partnership: Any) -> StoredFindingQuerySet:
        return self.filter(partnership=partnership)

    def open(self) -> StoredFindingQuerySet:
        return self.filter(status=FindingStatus.OPEN)

    def about(self, kind: str, ref: str) -> StoredFindingQuerySet:
        return self.filter(subject_kind=kind, subject_ref=ref)

    def matching(self, filters: dict[str, str]) -> StoredFindingQuerySet:
        """Those matching the register's filters (area, severity, status, subject kind);
        an empty value matches everything."""
        chosen = {name: value for name, value in filters.items() if value}
        return self.filter(**chosen)

    def counts_by(self, field: str) -> dict[str, int]:
        rows = self.order_by().values_list(field).annotate(count=models.Count("pk"))
        return dict(rows)


class RefreshQuerySet(models.QuerySet[Any]):
    def in_partnership(self, partnership: Any) -> RefreshQuerySet:
        return self.filter(partnership=partnership)
