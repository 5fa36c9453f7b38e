"""What is kept for how long: the purge that ``partnerscope purge`` runs.

- Audit events older than ``PARTNERSCOPE_AUDIT_RETENTION_DAYS`` are deleted.
- When a survey closed more than ``PARTNERSCOPE_PURGE_AFTER_DAYS`` days ago, its unsent
  drafts and its spent invitations are deleted: 7S drafts and invitations, relationship
  survey drafts and the representatives' link hashes (the representative stays: the
  relationship survey is not anonymous and names who answered for each organisation), and
  a closed workshop's invitations (a workshop closes when its "open for answers" box is
  unticked; the day is read from its history, or its date when it has none).

Submitted answers (7S responses and evidence, ties, workshop participants and ratings) are
never touched. Drafts of open surveys are kept whatever their age.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from partnerscope.apps.audit.log import record
from partnerscope.apps.audit.models import AuditAction, AuditEvent
from partnerscope.apps.chains import selectors as chains
from partnerscope.apps.common.deletion import deleted
from partnerscope.apps.network import selectors as network
from partnerscope.apps.notifications import selectors as notifications
from partnerscope.apps.sevens import selectors as sevens


@dataclass(frozen=True)
class Purged:
    """How many of each were deleted (or, for link hashes, cleared)."""

    audit_events: int
    sevens_drafts: int
    sevens_invitations: int
    relationship_drafts: int
    relationship_links: int
    workshop_invitations: int
    reminder_logs: int

    @property
    def total(self) -> int:
        return sum(asdict(self).values())

    def lines(self) -> list[str]:
        labels = {
            "audit_events": "audit events past their retention",
            "sevens_drafts": "7S drafts of closed waves",
            "sevens_invitations": "7S invitations of closed waves",
            "relationship_drafts": "relationship survey drafts of closed waves",
            "relationship_links": "relationship survey links of closed waves",
            "workshop_invitations": "workshop invitations of closed workshops",
            "reminder_logs": "reminder log rows of closed waves",
        }
        return [f"{count} {labels[name]}" for name, count in asdict(self).items()]


@transaction.atomic
def purge(
    audit_days: int | None = None, survey_days: int | None = None, request: Any = None
) -> Purged:
    """Delete what has been kept long enough, and record how much in the audit log."""
    audit_days = settings.AUDIT_RETENTION_DAYS if audit_days is None else audit_days
    survey_days = settings.PURGE_AFTER_DAYS if survey_days is None else survey_days
    last_day = timezone.localdate() - dt.timedelta(days=survey_days)
    before = timezone.now() - dt.timedelta(days=survey_days)
    sevens_drafts, sevens_invitations = sevens.purge_closed_waves(last_day)
    relationship_drafts, relationship_links = network.purge_closed_waves(last_day)
    purged = Purged(
        audit_events=deleted(AuditEvent.objects.older_than(audit_days)),
        sevens_drafts=sevens_drafts,
        sevens_invitations=sevens_invitations,
        relationship_drafts=relationship_drafts,
        relationship_links=relationship_links,
        workshop_invitations=chains.purge_closed_workshop_invitations(before),
        reminder_logs=notifications.purge_reminder_logs(
            sevens.waves_closed_before(last_day), network.waves_closed_before(last_day)
        ),
    )
    if purged.total:
        record(
            AuditAction.PURGED,
            request=request,
            detail={
                **asdict(purged),
                "audit_retention_days": audit_days,
                "purge_after_days": survey_days,
            },
        )
    return purged
