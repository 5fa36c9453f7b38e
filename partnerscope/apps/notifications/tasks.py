"""Background tasks of the surveys: bulk invitation e-mails and reminders.

They run in ``partnerscope worker`` with the database backend, or at once with the
immediate backend (tests, the demo). Their arguments are ids and names only: a survey
link's token is never written to the task queue, it is made again from the link key.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django_tasks import TaskResultStatus, task

from partnerscope.apps.notifications import services


@task()
def send_invitations(survey: str, ids: list[int]) -> int:
    """E-mail the survey links of these invitations (or representatives)."""
    return services.send_invitation_emails(survey, ids)


@task()
def send_reminders(survey: str, wave_id: int, reminder: str, day: str) -> int:
    """Send a wave's reminder, due on ``day`` (YYYY-MM-DD), to those who have not
    answered, once each."""
    return services.send_reminder(survey, wave_id, reminder, date.fromisoformat(day))


def email_invitations(survey: str, ids: Sequence[int]) -> bool:
    """Queue the e-mails of these invitations; True if they are queued and not sent yet."""
    if not ids:
        return False
    result = send_invitations.enqueue(str(survey), list(ids))
    return result.status == TaskResultStatus.READY
