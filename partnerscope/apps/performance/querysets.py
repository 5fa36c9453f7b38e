"""Database queries of the performance area, in domain words."""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from partnerscope.apps.partnerships.models import Partnership


class AreaQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> AreaQuerySet:
        return self.filter(partnership=partnership)


class OutcomeQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> OutcomeQuerySet:
        return self.filter(partnership=partnership)

    def themes(self) -> OutcomeQuerySet:
        """Outcomes at the top of the tree: the strategy's themes."""
        return self.filter(parent__isnull=True)


class IndicatorQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> IndicatorQuerySet:
        return self.filter(partnership=partnership)

    def national(self) -> IndicatorQuerySet:
        return self.filter(origin="national")

    def local(self) -> IndicatorQuerySet:
        return self.filter(origin="local")


class ValueVersionQuerySet(models.QuerySet):
    def current(self) -> ValueVersionQuerySet:
        """The latest version of each value: what reports use."""
        return self.filter(is_current=True)

    def of_series(self, indicator_id: int, area_id: int) -> ValueVersionQuerySet:
        return self.filter(indicator_id=indicator_id, area_id=area_id)

    def corrected(self) -> ValueVersionQuerySet:
        """Versions that replaced an earlier one."""
        return self.filter(version__gt=1)


EXCEPTION_CONDITIONS = {
    "red": Q(rag="red"),
    "worse_than_last_period": Q(direction="worsening"),
    "worse_than_a_year_ago": Q(year_ago="worsening"),
    "likely_missed": Q(forecast="likely_missed"),
    "special_cause": Q(variation="special_cause_concerning"),
}
"""Each way a status earns a place in the exception report, by the key its filter uses."""

EXCEPTION = reduce(or_, EXCEPTION_CONDITIONS.values())
"""A status worth reporting by exception: red, worsening, likely to miss, or a concerning
special cause."""


class SnapshotQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> SnapshotQuerySet:
        return self.filter(indicator__partnership=partnership)

    def exceptions(self) -> SnapshotQuerySet:
        return self.filter(EXCEPTION)

    def off_track(self) -> SnapshotQuerySet:
        return self.filter(rag="red")

    def with_quality_findings(self) -> SnapshotQuerySet:
        return self.filter(quality_count__gt=0)

    def in_report_order(self) -> SnapshotQuerySet:
        """By indicator code, then area in the partnership's order: how reports list them."""
        return self.order_by("indicator__code", "area__position", "area__name")
