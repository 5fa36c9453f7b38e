"""The fixed vocabularies of the relationship survey, shared by models, forms and imports."""

from __future__ import annotations

from django.db import models


class Level(models.IntegerChoices):
    """How closely two organisations work together (the core's levels 0-4)."""

    NONE = 0, "Not at all"
    SHARE_INFORMATION = 1, "Share information"
    COOPERATE = 2, "Cooperate"
    COORDINATE = 3, "Coordinate"
    INTEGRATE = 4, "Integrate"


LEVEL_HINTS = {
    Level.NONE: "We do not work together.",
    Level.SHARE_INFORMATION: "We tell each other what we are doing.",
    Level.COOPERATE: "We help each other out on particular pieces of work.",
    Level.COORDINATE: "We plan and time our work together so it fits.",
    Level.INTEGRATE: "We work as one: shared goals, joint decisions, pooled resources.",
}


class Frequency(models.TextChoices):
    WEEKLY = "weekly", "Every week or more"
    MONTHLY = "monthly", "Every month"
    QUARTERLY = "quarterly", "Every few months"
    YEARLY = "yearly", "Once or twice a year"
    RARELY = "rarely", "Less often"


class Flow(models.TextChoices):
    INFORMATION = "information", "Information"
    FUNDING = "funding", "Funding"
    STAFF = "staff", "Staff"
    DATA = "data", "Data"
    REFERRALS = "referrals", "Referrals"
    PREMISES = "premises", "Premises"


class Rating(models.IntegerChoices):
    """The 1-4 scale of every trust and value question (as in the PARTNER tool)."""

    NOT_AT_ALL = 1, "1: not at all"
    SMALL = 2, "2: a small amount"
    FAIR = 3, "3: a fair amount"
    GREAT = 4, "4: a great deal"


TRUST_PARTS: list[tuple[str, str]] = [
    ("trust_reliable", "Reliable"),
    ("trust_committed", "Committed to the shared goals"),
    ("trust_open", "Open to discussion"),
]
VALUE_PARTS: list[tuple[str, str]] = [
    ("value_power", "Power and influence"),
    ("value_involvement", "Level of involvement"),
    ("value_resources", "Resources contributed"),
]
RATING_PARTS = [name for name, _ in TRUST_PARTS + VALUE_PARTS]
"""The six rating fields of a tie, in the order the survey asks them."""


class Origin(models.TextChoices):
    SURVEY = "survey", "Survey answer"
    IMPORT = "import", "Imported"


class SizeMeasure(models.TextChoices):
    """What the size of an organisation's mark on the map shows."""

    IN_DEGREE = "in_degree", "Ties received"
    OUT_DEGREE = "out_degree", "Ties given"
    BETWEENNESS = "betweenness", "Betweenness (brokering between others)"
    PAGERANK = "pagerank", "PageRank"
    CLOSENESS = "closeness", "Closeness"
    TRUST = "mean_trust", "Trust received"
