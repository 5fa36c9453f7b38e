"""The fields every survey wave shares for reminders (abstract: each wave keeps its table)."""

from __future__ import annotations

from django.db import models

from partnerscope.apps.common.surveys.schedule import Reminder, reminders_for


class ReminderSchedule(models.Model):
    """The reminder fields of a survey wave; the wave declares ``opens`` and ``closes``."""

    reminder_days = models.JSONField(
        default=list,
        blank=True,
        help_text="Days after opening on which people who have not answered are reminded.",
    )
    reminder_before_closing = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Also remind them this many days before the wave closes (0: on the last day).",
    )

    class Meta:
        abstract = True

    @property
    def reminders(self) -> list[Reminder]:
        return reminders_for(
            self.opens,  # type: ignore[attr-defined]
            self.closes,  # type: ignore[attr-defined]
            self.reminder_days or [],
            self.reminder_before_closing,
        )
