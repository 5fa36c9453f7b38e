"""Shared outcomes, their indicators, targets and values, data quality and stored statuses.

A partnership's sustainable community strategy is a tree of outcomes (themes, then goals).
Indicators measure outcomes; each has values per area and period. A value is never
overwritten: every figure recorded is a ``ValueVersion`` with who, when and why, and the
current value of an indicator in an area and period is its latest version (the one marked
``is_current``). Statuses are computed by the analysis core and stored as
``IndicatorStatusSnapshot`` rows, so pages read them instead of recomputing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.partnerships.models import (
    AgendaItem,
    Body,
    Organisation,
    Partnership,
)
from partnerscope.apps.performance import querysets
from partnerscope.apps.performance.choices import (
    Assurance,
    Dimension,
    Direction,
    ForecastClass,
    Frequency,
    Origin,
    Polarity,
    Rating,
    ValueStatus,
    Variation,
)
from partnerscope.core.indicators import DEFAULT_TOLERANCE

PERIOD_HELP = "2024 (calendar year), 2024/25 (financial year), 2024-Q1 (quarter) or 2024-03."
DEFAULT_DUE_DAYS = 45


class PerformanceSettings(models.Model):
    """How a partnership judges performance: the reporting date and when values are due."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="performance_settings"
    )
    as_of = models.DateField(
        null=True,
        blank=True,
        help_text="Judge performance as at this date, e.g. the end of a reporting round. "
        "Leave empty to judge as at today.",
    )
    due_days = models.PositiveSmallIntegerField(
        default=DEFAULT_DUE_DAYS,
        help_text="How many days after a period ends its value is due, for indicators that "
        "do not set their own.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "performance settings"

    def __str__(self) -> str:
        return f"Performance settings of {self.partnership}"


class Area(VersionedRecord):
    """A place values are reported for: the partnership's whole area, a district, a ward."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="performance_areas"
    )
    ref = ref_field()
    name = models.CharField(max_length=200, help_text="The area's name, as reports show it.")
    position = models.PositiveSmallIntegerField(
        default=1, help_text="Areas are listed in this order."
    )

    objects = querysets.AreaQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        constraints = [ref_unique_within("partnership", name="area_ref_unique")]

    def __str__(self) -> str:
        return self.name


class Outcome(VersionedRecord):
    """A theme or goal of the sustainable community strategy (a goal's parent is its theme)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="outcomes")
    ref = ref_field()
    title = models.CharField(max_length=300, help_text="The outcome in a few words.")
    description = models.TextField(blank=True, help_text="What success looks like.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The theme this goal serves. Leave empty for a theme.",
    )
    owner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_outcomes",
        help_text="The organisation accountable for the outcome.",
    )
    body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_outcomes",
        help_text="The partnership body that owns the outcome and should review it.",
    )
    position = models.PositiveSmallIntegerField(
        default=1, help_text="Outcomes are listed in this order."
    )
    agenda_items = models.ManyToManyField(
        AgendaItem,
        blank=True,
        related_name="outcomes",
        help_text="Items of business at which the outcome had time on the agenda.",
    )

    objects = querysets.OutcomeQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        constraints = [ref_unique_within("partnership", name="outcome_ref_unique")]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    """A measure of progress: local, or adopted from the 2008 National Indicator Set."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(
        max_length=32,
        help_text="A short code, unique in the partnership: NI 15 for a national indicator, "
        "your own (such as L 1) for a local one.",
    )
    title = models.CharField(max_length=300, help_text="What the indicator measures.")
    definition = models.TextField(
        blank=True, help_text="How it is calculated: numerator, denominator, exclusions."
    )
    unit = models.CharField(
        max_length=60, blank=True, help_text="For example: percentage, rate per 1,000, number."
    )
    polarity = models.CharField(
        max_length=20,
        choices=Polarity.choices,
        blank=True,
        help_text="Which way is better. Without it there is no red, amber or green rating.",
    )
    frequency = models.CharField(
        max_length=20,
        choices=Frequency.choices,
        default=Frequency.QUARTER,
        help_text="How often a value is reported. Every period must be written this way.",
    )
    source = models.CharField(max_length=200, blank=True, help_text="Where the figures come from.")
    owner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_indicators",
        help_text="The organisation that supplies and answers for the figures.",
    )
    tolerance = models.FloatField(
        default=DEFAULT_TOLERANCE,
        validators=[MinValueValidator(0)],
        help_text="A missed target within this fraction of the target is amber, not red "
        "(0.05 is 5%).",
    )
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.LOCAL)
    minimum = models.FloatField(null=True, blank=True, help_text="Lowest plausible value.")
    maximum = models.FloatField(null=True, blank=True, help_text="Highest plausible value.")
    multiplier = models.FloatField(
        null=True,
        blank=True,
        help_text="When value = numerator ÷ denominator × this (100 for a percentage).",
    )
    is_proportion = models.BooleanField(
        default=False, help_text="The numerator can never exceed the denominator."
    )
    due_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Days after a period ends that its value is due. Leave empty for the "
        "partnership's default.",
    )
    outcomes = models.ManyToManyField(
        Outcome,
        blank=True,
        related_name="indicators",
        help_text="The outcomes this indicator measures.",
    )
    history = HistoricalRecords()

    objects = querysets.IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="indicator_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ImprovementTarget(models.Model):
    """A target for one indicator in one area: a baseline and a target per period (LAA)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="targets")
    baseline_period = models.CharField(
        max_length=10, blank=True, help_text="The period of the baseline. " + PERIOD_HELP
    )
    baseline_value = models.FloatField(
        null=True, blank=True, help_text="The value the improvement is measured from."
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_targets",
        help_text="The partner that leads the work to meet the target.",
    )
    lead_body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_targets",
        help_text="The partnership body that oversees the target.",
    )
    laa = models.BooleanField(
        default=False, help_text="The target is designated in the local area agreement."
    )
    description = models.TextField(blank=True, help_text="What was agreed, with whom.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__code", "area__position", "area__name"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area"], name="one_target_per_area")
        ]

    def __str__(self) -> str:
        return f"Target for {self.indicator.code} in {self.area}"


class TargetValue(models.Model):
    """The target of one period."""

    target = models.ForeignKey(ImprovementTarget, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(max_length=10, help_text=PERIOD_HELP)
    ordinal = models.IntegerField(help_text="The period's position, for ordering.")
    value = models.FloatField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["target", "ordinal"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "ordinal"], name="one_target_value_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period}: {self.value:g}"


class ValueVersion(models.Model):
    """One version of the value of an indicator in an area and period.

    A correction adds a version; the earlier ones stay. The current value is the latest
    version, the only one with ``is_current`` set.
    """

    # The unique index on (indicator, area, ordinal, version) serves every lookup; single
    # column indexes would only slow the loading of millions of values.
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", db_index=False
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="values", db_index=False)
    period = models.CharField(max_length=10, help_text=PERIOD_HELP)
    ordinal = models.IntegerField(help_text="The period's position, for ordering.")
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    value = models.FloatField()
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    lower = models.FloatField(null=True, blank=True, help_text="Lower confidence limit.")
    upper = models.FloatField(null=True, blank=True, help_text="Upper confidence limit.")
    status = models.CharField(max_length=20, choices=ValueStatus.choices, default=ValueStatus.FINAL)
    received = models.DateField(null=True, blank=True, help_text="When the value arrived.")
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.CharField(max_length=200, blank=True, help_text="Who recorded it.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    reason = models.TextField(blank=True, help_text="Why it was corrected.")

    objects = querysets.ValueVersionQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "area", "ordinal", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "ordinal", "version"], name="value_version_unique"
            ),
            models.UniqueConstraint(
                fields=["indicator", "area", "ordinal"],
                condition=Q(is_current=True),
                name="one_current_value",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.area} {self.period}: {self.value:g} (v{self.version})"


class QualityRecord(models.Model):
    """A person's rating of one data-quality dimension of an indicator, with the evidence."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="quality_records"
    )
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    rating = models.CharField(max_length=10, choices=Rating.choices)
    evidence = models.TextField(help_text="What the rating rests on: an audit, a check, a test.")
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.CharField(max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["indicator", "-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.get_dimension_display()}: {self.get_rating_display()}"


class IndicatorStatusSnapshot(models.Model):
    """The stored status of one indicator in one area, as the analysis core judged it.

    Refreshed when a value, target or definition changes and by the
    ``refresh_indicator_status`` command; pages read these rows instead of recomputing.
    """

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="snapshots", db_index=False
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="snapshots")
    as_of = models.DateField()
    computed_at = models.DateTimeField(default=timezone.now)
    values_count = models.PositiveIntegerField(default=0)
    latest_period = models.CharField(max_length=10, blank=True)
    latest_value = models.FloatField(null=True)
    target = models.FloatField(null=True)
    rag = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    direction = models.CharField(max_length=30, choices=Direction.choices, blank=True)
    year_ago = models.CharField(max_length=30, choices=Direction.choices, blank=True)
    forecast = models.CharField(max_length=20, choices=ForecastClass.choices, blank=True)
    variation = models.CharField(max_length=30, choices=Variation.choices, blank=True)
    assurance = models.CharField(max_length=30, choices=Assurance.choices, blank=True)
    quality_count = models.PositiveIntegerField(default=0)
    quality = models.JSONField(default=list, help_text="The automatic data-quality findings.")
    recent = models.JSONField(default=list, help_text="The latest values as [period, value].")

    objects = querysets.SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["indicator__code", "area__position"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area"], name="one_snapshot_per_series")
        ]
        indexes = [
            models.Index(
                fields=["indicator", "rag", "direction", "year_ago", "forecast", "variation"],
                name="snapshot_judgements",
            )
        ]
        """The judgements the exception report counts and filters by, under each indicator:
        counting them reads this narrow index, not the wide rows with their findings and
        recent points. Lookups by indicator use it (or the unique constraint) too, so the
        foreign key needs no index of its own."""

    def __str__(self) -> str:
        return f"Status of {self.indicator_id} in {self.area_id} as at {self.as_of}"


class PendingImport(models.Model):
    """An uploaded file of values, checked and waiting for the user to confirm it."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="pending_imports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    filename = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now)
    rows = models.JSONField(default=list, help_text="The checked rows, ready to save.")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import of {self.filename}"
