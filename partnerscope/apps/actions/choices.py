"""The fixed vocabularies of the action plan."""

from django.db import models


class ActionStatus(models.TextChoices):
    """Where an action stands. Done and dropped actions are closed; the others are open.

    The first three values are the delivery chains' own, so chain actions keep their status
    when they move into the plan."""

    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


CLOSED_STATUSES = (ActionStatus.DONE.value, ActionStatus.DROPPED.value)
"""The statuses of an action that needs no more work (and is never overdue)."""


class ReminderKind(models.TextChoices):
    BEFORE = "before", "Before the due date"
    AFTER = "after", "After the due date"
