"""Database queries of the action plan, in domain words."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import models

from partnerscope.apps.actions.choices import CLOSED_STATUSES

if TYPE_CHECKING:
    from partnerscope.apps.partnerships.models import Partnership


class ActionQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> ActionQuerySet:
        return self.filter(partnership=partnership)

    def open(self) -> ActionQuerySet:
        """Actions not done and not dropped."""
        return self.exclude(status__in=CLOSED_STATUSES)

    def closed(self) -> ActionQuerySet:
        return self.filter(status__in=CLOSED_STATUSES)

    def overdue(self, today: dt.date) -> ActionQuerySet:
        """Open actions whose due date has passed."""
        return self.open().filter(due__lt=today)

    def on_time(self, today: dt.date) -> ActionQuerySet:
        """Open actions with no due date passed (none set, or today or later)."""
        return self.open().exclude(due__lt=today)

    def unowned(self) -> ActionQuerySet:
        """Open actions with neither an owner organisation, nor a person, nor a named owner."""
        return self.open().filter(
            owner_organisation__isnull=True, owner_person__isnull=True, owner_other=""
        )

    def for_chain(self, chain_ref: str) -> ActionQuerySet:
        return self.filter(chain_ref=chain_ref)

    def answering(self, key: tuple[str, str, str, str]) -> ActionQuerySet:
        area, rule_id, kind, ref = key
        return self.filter(
            findings__area=area,
            findings__rule_id=rule_id,
            findings__subject_kind=kind,
            findings__subject_ref=ref,
        )

    def with_owners(self) -> ActionQuerySet:
        return self.select_related("owner_organisation", "owner_person")

    def in_due_order(self) -> ActionQuerySet:
        return self.order_by(models.F("due").asc(nulls_last=True), "ref")
