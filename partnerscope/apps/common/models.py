"""What the survey waves of several areas share: the dates they are open between.

The 7S self-assessment and the relationship survey each run in waves. ``SurveyWave`` holds
their common rules without fields, so each area keeps its own field help texts and
related names and no migration follows from sharing it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class WaveStatus(models.TextChoices):
    NOT_OPEN = "not_open", "Not open yet"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class SurveyWave(models.Model):
    """A survey round taking answers from ``opens`` to ``closes``, both days included.

    A concrete wave declares the ``opens`` and ``closes`` date fields and a ``previous``
    wave it is compared with.
    """

    class Meta:
        abstract = True

    def clean(self) -> None:
        if self.opens and self.closes and self.closes < self.opens:
            raise ValidationError({"closes": "The closing date must be on or after the opening."})
        if self.previous_id and self.previous_id == self.pk:
            raise ValidationError({"previous": "A wave cannot be compared with itself."})

    def status_on(self, day: object = None) -> WaveStatus:
        """Whether the wave is not open yet, open or closed on ``day`` (default: today)."""
        today = day or timezone.localdate()
        if today < self.opens:
            return WaveStatus.NOT_OPEN
        if today > self.closes:
            return WaveStatus.CLOSED
        return WaveStatus.OPEN

    @property
    def status(self) -> WaveStatus:
        return self.status_on()

    @property
    def is_open(self) -> bool:
        return self.status == WaveStatus.OPEN
