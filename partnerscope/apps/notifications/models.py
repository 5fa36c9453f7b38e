"""Reminder schedules, the log of reminders sent and people's opt-outs, shared by all surveys.

A wave of any survey takes its schedule fields from the survey engine's
``ReminderSchedule`` (``common/surveys/models.py``). ``ReminderLog``
holds one row for each reminder sent to each invitee, and its unique constraint is what
makes every reminder go once only, whoever runs the sending and how often. ``OptOut``
records a person's wish to get no more reminders.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from partnerscope.apps.partnerships.models import Person


class Survey(models.TextChoices):
    SEVENS = "sevens", "7S self-assessment"
    NETWORK = "network", "Relationship survey"


class ReminderLog(models.Model):
    """One reminder sent to one invitee of one wave; never two for the same reminder."""

    survey = models.CharField(max_length=20, choices=Survey.choices)
    wave_id = models.PositiveBigIntegerField(help_text="The wave in the survey's own table.")
    invitee_id = models.PositiveBigIntegerField(
        help_text="The 7S invitation or relationship-survey representative reminded."
    )
    reminder = models.CharField(max_length=20, help_text="The schedule's key, such as after-7.")
    sent = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "wave_id", "invitee_id", "reminder"],
                name="notifications_each_reminder_once",
            )
        ]
        indexes = [models.Index(fields=["survey", "wave_id"], name="notifications_log_wave")]

    def __str__(self) -> str:
        return f"{self.survey} wave {self.wave_id}: {self.reminder} to invitee {self.invitee_id}"


class OptOut(models.Model):
    """A person asked, through the link in an e-mail, to be sent no more survey reminders."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="reminder_opt_out")
    created = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.person} opted out of reminders"
