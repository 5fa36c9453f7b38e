"""The fixed vocabularies of performance management, shared by models, forms and imports.

The values are the analysis core's (``partnerscope.core.indicators``), so a stored choice
converts to the core's enumeration without a lookup table.
"""

from django.db import models


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
    LOWER_IS_BETTER = "lower_is_better", "Lower is better"


class Frequency(models.TextChoices):
    YEAR = "year", "Calendar year (2024)"
    FINANCIAL_YEAR = "financial_year", "Financial year (2024/25)"
    QUARTER = "quarter", "Quarter (2024-Q1)"
    MONTH = "month", "Month (2024-03)"


FREQUENCY_WORDS = {
    "year": ("calendar year", "2024"),
    "financial_year": ("financial year", "2024/25"),
    "quarter": ("quarter", "2024-Q1"),
    "month": ("month", "2024-03"),
}
"""Each frequency in words, and how one of its periods is written."""


def frequency_words(frequency: str) -> str:
    """``quarter (written like 2024-Q1)``."""
    noun, example = FREQUENCY_WORDS[frequency]
    return f"{noun} (written like {example})"


class Origin(models.TextChoices):
    LOCAL = "local", "Local indicator"
    NATIONAL = "national", "National indicator (2008 set)"


class ValueStatus(models.TextChoices):
    PROVISIONAL = "provisional", "Provisional"
    FINAL = "final", "Final"


class Dimension(models.TextChoices):
    """The six dimensions of the Audit Commission's data-quality standards (2007)."""

    ACCURACY = "accuracy", "Accuracy"
    VALIDITY = "validity", "Validity"
    RELIABILITY = "reliability", "Reliability"
    TIMELINESS = "timeliness", "Timeliness"
    RELEVANCE = "relevance", "Relevance"
    COMPLETENESS = "completeness", "Completeness"


class Rating(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class Direction(models.TextChoices):
    IMPROVING = "improving", "Improving"
    WORSENING = "worsening", "Worsening"
    NO_CHANGE = "no_change", "No change"
    NO_SIGNIFICANT_CHANGE = "no_significant_change", "No significant change"
    INCREASING = "increasing", "Increasing"
    DECREASING = "decreasing", "Decreasing"


class ForecastClass(models.TextChoices):
    LIKELY_MET = "likely_met", "Likely met"
    UNCERTAIN = "uncertain", "Uncertain"
    LIKELY_MISSED = "likely_missed", "Likely missed"


class Variation(models.TextChoices):
    COMMON_CAUSE = "common_cause", "Common cause"
    SPECIAL_CAUSE_IMPROVING = "special_cause_improving", "Special cause, improving"
    SPECIAL_CAUSE_CONCERNING = "special_cause_concerning", "Special cause, concerning"
    SPECIAL_CAUSE_NEITHER = "special_cause_neither", "Special cause"


class Assurance(models.TextChoices):
    CONSISTENTLY_MET = "consistently_met", "Consistently met"
    CONSISTENTLY_MISSED = "consistently_missed", "Consistently missed"
    HIT_AND_MISS = "hit_and_miss", "Hit and miss"
