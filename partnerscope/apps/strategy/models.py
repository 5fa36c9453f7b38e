"""The sustainable community strategy of a partnership and its outcomes' review dates.

The outcomes themselves (themes and goals) belong to the performance area; this area records
the strategy that holds them (its title, when it was adopted and last reviewed, and how often
it must be reviewed) and, for each outcome, the date it is next to be reviewed. An outcome
is named by its stable ``ref``, as the delivery chains name theirs, so the areas stay apart.
Both records are versioned: every change is a new version with who and when.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core.strategy import DEFAULT_REVIEW_INTERVAL_YEARS

DEFAULT_CORRELATION_MINIMUM = 5
"""Fewest outcomes with both figures before a rank correlation across outcomes is shown."""


class StrategyQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> StrategyQuerySet:
        return self.filter(partnership=partnership)


class Strategy(VersionedRecord):
    """The partnership's sustainable community strategy: its shared long-term plan."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="strategy"
    )
    ref = ref_field()
    title = models.CharField(
        max_length=300, help_text="The strategy's title, for example Northshire 2030."
    )
    adopted = models.DateField(
        null=True, blank=True, help_text="When the partnership adopted the strategy."
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When the partnership last reviewed the strategy as a whole. Leave empty if "
        "it has not been reviewed since it was adopted.",
    )
    review_interval_years = models.PositiveSmallIntegerField(
        default=DEFAULT_REVIEW_INTERVAL_YEARS,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="How many years the strategy may go without a review before the review "
        "finds it overdue (1 to 20).",
    )
    correlation_minimum = models.PositiveSmallIntegerField(
        default=DEFAULT_CORRELATION_MINIMUM,
        validators=[MinValueValidator(3), MaxValueValidator(100)],
        help_text="The fewest outcomes with both figures before the outcomes page shows a "
        "rank correlation between performance and joint working (3 to 100).",
    )

    objects = StrategyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "strategies"
        constraints = [ref_unique_within("partnership", name="strategy_ref_unique")]

    def __str__(self) -> str:
        return self.title


class OutcomeReviewQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> OutcomeReviewQuerySet:
        return self.filter(strategy__partnership=partnership)


class OutcomeReview(VersionedRecord):
    """When one outcome of the strategy is next to be reviewed."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="reviews")
    ref = ref_field()
    """The outcome's ref in the performance area: one review date per outcome."""
    review_date = models.DateField(help_text="When the outcome is next to be reviewed.")

    objects = OutcomeReviewQuerySet.as_manager()

    class Meta:
        ordering = ["ref"]
        constraints = [ref_unique_within("strategy", name="outcome_review_ref_unique")]

    def __str__(self) -> str:
        return f"Review of {self.ref} on {self.review_date:%d %B %Y}"
