"""Reading the audit log in domain words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone


class AuditEventQuerySet(models.QuerySet[Any]):
    def of_partnership(self, partnership: Any) -> AuditEventQuerySet:
        return self.filter(partnership=partnership)

    def seen_by_managers_of(self, partnership: Any) -> AuditEventQuerySet:
        """The partnership's own events, and the sign-ins, sign-outs and failed sign-ins of
        the accounts holding a role in it: who signed in to reach its records. Those are
        site-wide events; another partnership's people stay out of this one's log."""
        from partnerscope.apps.accounts.models import Role
        from partnerscope.apps.audit.models import SIGN_IN_ACTIONS

        holders = Role.objects.filter(partnership=partnership).values("user__username")
        return self.filter(
            models.Q(partnership=partnership)
            | models.Q(
                partnership__isnull=True,
                action__in=SIGN_IN_ACTIONS,
                subject_type="account",
                subject_ref__in=holders,
            )
        )

    def by_username(self, username: str) -> AuditEventQuerySet:
        return self.filter(username=username)

    def older_than(self, days: int) -> AuditEventQuerySet:
        """Events from before ``days`` days ago: past the retention period."""
        return self.filter(when__lt=timezone.now() - dt.timedelta(days=days))

    def between(self, start: dt.date | None, end: dt.date | None) -> AuditEventQuerySet:
        """Events on ``start`` or later and on ``end`` or earlier, both days included."""
        queryset = self
        zone = timezone.get_current_timezone()
        if start:
            queryset = queryset.filter(
                when__gte=dt.datetime.combine(start, dt.time.min, tzinfo=zone)
            )
        if end:
            after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
            queryset = queryset.filter(when__lt=after)
        return queryset
