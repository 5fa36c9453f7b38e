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
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from partnerscope.apps.audit.log import record
from partnerscope.apps.audit.models import AuditAction, AuditEvent
from partnerscope.apps.chains.models import Invitation as WorkshopInvitation
from partnerscope.apps.chains.models import Workshop
from partnerscope.apps.network.models import Draft as RelationshipDraft
from partnerscope.apps.network.models import Representative
from partnerscope.apps.network.models import Wave as RelationshipWave
from partnerscope.apps.notifications.models import ReminderLog, Survey
from partnerscope.apps.sevens.models import Draft as SevensDraft
from partnerscope.apps.sevens.models import Invitation as SevensInvitation
from partnerscope.apps.sevens.models import Wave as SevensWave


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


def closed_workshops(before: dt.datetime) -> Any:
    """Workshops closed for answers since before ``before``."""
    history = Workshop.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date")
    return (
        Workshop.objects.filter(is_open=False)
        .annotate(last_change=Subquery(history.values("history_date")[:1]))
        .filter(Q(last_change__lt=before) | Q(last_change__isnull=True, held_on__lt=before.date()))
    )


def closed_reminder_logs(last_day: dt.date) -> Any:
    """Reminder log rows of waves that closed before ``last_day``: who was reminded is who
    had not answered, so the log goes with the invitations it points at."""
    sevens = SevensWave.objects.filter(closes__lt=last_day).values("pk")
    relationships = RelationshipWave.objects.filter(closes__lt=last_day).values("pk")
    return ReminderLog.objects.filter(
        Q(survey=Survey.SEVENS, wave_id__in=Subquery(sevens))
        | Q(survey=Survey.NETWORK, wave_id__in=Subquery(relationships))
    )


def deleted(queryset: Any) -> int:
    """Delete the rows and count them (not the rows that went with them)."""
    return int(queryset.delete()[1].get(queryset.model._meta.label, 0))


@transaction.atomic
def purge(
    audit_days: int | None = None, survey_days: int | None = None, request: Any = None
) -> Purged:
    """Delete what has been kept long enough, and record how much in the audit log."""
    audit_days = settings.AUDIT_RETENTION_DAYS if audit_days is None else audit_days
    survey_days = settings.PURGE_AFTER_DAYS if survey_days is None else survey_days
    last_day = timezone.localdate() - dt.timedelta(days=survey_days)
    before = timezone.now() - dt.timedelta(days=survey_days)
    workshops = closed_workshops(before).values("pk")
    purged = Purged(
        audit_events=deleted(AuditEvent.objects.older_than(audit_days)),
        sevens_drafts=deleted(SevensDraft.objects.filter(wave__closes__lt=last_day)),
        sevens_invitations=deleted(SevensInvitation.objects.filter(wave__closes__lt=last_day)),
        relationship_drafts=deleted(
            RelationshipDraft.objects.filter(representative__wave__closes__lt=last_day)
        ),
        relationship_links=Representative.objects.filter(
            wave__closes__lt=last_day, token_hash__isnull=False
        ).update(token_hash=None),
        workshop_invitations=deleted(
            WorkshopInvitation.objects.filter(workshop__in=Subquery(workshops))
        ),
        reminder_logs=deleted(closed_reminder_logs(last_day)),
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
