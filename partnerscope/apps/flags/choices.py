"""The flags area's choices: colours, scopes, decisions and the study's three questions."""

from django.db import models


class Colour(models.TextChoices):
    RED = "red", "Red"
    GREEN = "green", "Green"


class Scope(models.TextChoices):
    OUTCOME = "outcome", "Outcome"
    PARTNERSHIP = "partnership", "Partnership"


class FlagStatus(models.TextChoices):
    """Where a manager's decision stands: a candidate awaits one."""

    CANDIDATE = "candidate", "Candidate"
    CONFIRMED = "confirmed", "Confirmed"
    CHANGED = "changed", "Changed"
    REJECTED = "rejected", "Rejected"


class Decision(models.TextChoices):
    """What a manager may decide about a candidate."""

    CONFIRM = "confirm", "Confirm it as proposed"
    CHANGE = "change", "Change its colour"
    REJECT = "reject", "Reject it"


class Question(models.TextChoices):
    """The study's three questions of an area assessment, in their order."""

    PRIORITIES = "priorities", "How well do the priorities express community needs?"
    DELIVERY = "delivery", "How well are outcomes being delivered?"
    PROSPECTS = "prospects", "What are the prospects for future improvement?"


SELF_RATINGS = [
    (1, "1: performs poorly"),
    (2, "2: performs adequately"),
    (3, "3: performs well"),
    (4, "4: performs excellently"),
]
"""The partnership's own rating of a question, on the organisational assessment's 1 to 4."""
