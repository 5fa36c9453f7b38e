"""The fixed lists of the resources area: how money reaches the shared outcomes, in what
form, and how far it has gone (the study's five arrangements; the guidance's kinds)."""

from __future__ import annotations

from django.db import models


class Arrangement(models.TextChoices):
    """How a partner's money or time reaches the shared outcomes (the study's five)."""

    POOLING = "pooling", "Pooling"
    ALIGNING = "aligning", "Aligning"
    GRANTS = "grants", "Grants or transfers"
    PROCUREMENT = "procurement", "Procurement"
    PARTNERSHIP = "partnership", "Partnership arrangements"


class Kind(models.TextChoices):
    """What is given: money (revenue or capital) or something in kind."""

    REVENUE = "revenue", "Revenue"
    CAPITAL = "capital", "Capital"
    STAFF_TIME = "staff_time", "Staff time (in kind)"
    PREMISES = "premises", "Premises (in kind)"
    DATA = "data", "Data (in kind)"
    SERVICES = "services", "Services (in kind)"


class Status(models.TextChoices):
    """How far a contribution has gone, from a plan to money spent."""

    PLANNED = "planned", "Planned"
    COMMITTED = "committed", "Committed"
    SPENT = "spent", "Spent"


class PoolKind(models.TextChoices):
    """The kinds of pool the study's Table 10 treats differently."""

    HEALTH_SOCIAL_CARE = "health_social_care", "Health and social care"
    CHILDREN = "children", "Children's services"
    OTHER = "other", "Other"


MONEY_KINDS = frozenset({Kind.REVENUE, Kind.CAPITAL})
PLACED_IN_PARTNERSHIP = frozenset({Arrangement.POOLING, Arrangement.GRANTS})
"""Money placed in the partnership's hands; the rest is mainstream spend aligned to it."""


class VatRecovery(models.TextChoices):
    """What a pooled fund assumes it recovers of the VAT it pays."""

    UNKNOWN = "", "Not recorded"
    FULL = "full", "All of it"
    PARTIAL = "partial", "Part of it"
    NONE = "none", "None"
