"""Choices of the costs area, named after the core's vocabulary."""

from __future__ import annotations

from django.db import models


class CostKind(models.TextChoices):
    """As :class:`partnerscope.core.costs.CostKind`: every kind counts in both cases."""

    REVENUE = "revenue", "Revenue"
    CAPITAL = "capital", "Capital"
    IN_KIND = "in_kind", "In kind (staff time, premises, data or services)"


class BenefitType(models.TextChoices):
    """As :class:`partnerscope.core.costs.BenefitType`."""

    FISCAL = "fiscal", "Fiscal (saves public money)"
    ECONOMIC = "economic", "Economic"
    SOCIAL = "social", "Social"


class Assumption(models.TextChoices):
    """The assumptions a range may be given for (the core's sensitivity paths)."""

    COHORT = "cohort", "Cohort"
    ENGAGEMENT = "engagement", "Engagement"
    IMPACT = "impact", "Impact"
    DEADWEIGHT = "deadweight", "Deadweight"
    DROP_OFF = "drop_off", "Drop-off"
    OPTIMISM_BIAS = "optimism_bias", "Optimism bias"
    VALUE = "value", "Value per success (of a benefit line)"
    COSTS = "costs", "All costs (multiplier)"


class ConfidenceGrade(models.TextChoices):
    """The evidence's confidence grade, 1 (strongest) to 6 (weakest); it sets the
    optimism bias through the shipped table unless a bias is given outright."""

    GRADE_1 = "1", "1 (strongest evidence)"
    GRADE_2 = "2", "2"
    GRADE_3 = "3", "3"
    GRADE_4 = "4", "4"
    GRADE_5 = "5", "5"
    GRADE_6 = "6", "6 (weakest evidence)"


class SupportCategory(models.TextChoices):
    """The study's Table 9 categories of the cost of supporting a partnership."""

    POLICY = "policy_strategy", "Policy and strategy support"
    RESEARCH = "research_intelligence", "Research and intelligence"
    INFORMATION = "information", "Information gathering and presentation"
    EVENTS = "events", "Conferences, meetings and events"
    WEBSITE = "website", "Website"


class Payment(models.TextChoices):
    """Whether a partner pays in cash or in kind (staff time, premises, services)."""

    CASH = "cash", "Cash"
    IN_KIND = "in_kind", "In kind"
