"""Records of the costs area: joint initiatives appraised by cost–benefit analysis (their
costs, outcomes, benefit lines and assumption ranges).

Every record is versioned (``VersionedRecord``): a correction is a new version. The
conversion to the core's plain model is :mod:`partnerscope.apps.costs.cba_model`.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.costs.choices import (
    Assumption,
    BenefitType,
    ConfidenceGrade,
    CostKind,
    Payment,
    SupportCategory,
)
from partnerscope.apps.partnerships.choices import Sector
from partnerscope.apps.partnerships.models import Organisation, Partnership
from partnerscope.core.costs import MAX_YEARS

SHARE = [MinValueValidator(0.0), MaxValueValidator(1.0)]
NOT_NEGATIVE = [MinValueValidator(0)]
MONEY = {"max_digits": 14, "decimal_places": 2, "validators": NOT_NEGATIVE}


class Initiative(VersionedRecord):
    """A joint initiative of the partnership and the settings of its appraisal."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="initiatives"
    )
    ref = ref_field()
    name = models.CharField(max_length=200, help_text="What the initiative is called.")
    description = models.TextField(blank=True, help_text="What it does and for whom. Optional.")
    base_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="The calendar year of appraisal year 0; every amount is at its prices.",
    )
    years = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_YEARS)],
        help_text=f"How many appraisal years, from 1 to {MAX_YEARS}.",
    )
    discount_rate = models.FloatField(
        null=True,
        blank=True,
        validators=SHARE,
        help_text="One flat rate for every year and benefit, for example 0.035. Leave empty "
        "for the Green Book's rates (3.5% to year 30, then 3.0%; 1.5% for health benefits).",
    )
    spread = models.FloatField(
        default=0.2,
        validators=SHARE,
        help_text="How far each assumption moves either way when no range is given "
        "(0.2 means 20% below and above).",
    )
    chain_ref = models.SlugField(
        max_length=64,
        blank=True,
        help_text="The id of the delivery chain the initiative belongs to, if any.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [ref_unique_within("partnership", name="initiative_ref_unique")]

    def __str__(self) -> str:
        return self.name


class InitiativeCost(VersionedRecord):
    """What one organisation puts into the initiative in one appraisal year."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="costs")
    ref = ref_field()
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="initiative_costs",
        help_text="The partner organisation that bears the cost.",
    )
    kind = models.CharField(max_length=20, choices=CostKind.choices, default=CostKind.REVENUE)
    year = models.PositiveSmallIntegerField(
        help_text="The appraisal year t: 0 is the base year, 1 the year after."
    )
    amount = models.DecimalField(help_text="In pounds, at base-year prices.", **MONEY)

    class Meta:
        ordering = ["year", "id"]
        constraints = [ref_unique_within("initiative", name="initiative_cost_ref_unique")]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_kind_display()} in year {self.year}"


class InitiativeOutcome(VersionedRecord):
    """One outcome: who it reaches and how much of the change is the initiative's own."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="outcomes")
    ref = ref_field()
    name = models.CharField(max_length=200, help_text="The outcome, for example Fewer evictions.")
    cohort = models.FloatField(
        validators=[MinValueValidator(0.0)], help_text="The people the initiative works with."
    )
    need = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0)],
        help_text="The people who could benefit; the cohort may not exceed it. Optional.",
    )
    engagement = models.FloatField(
        validators=SHARE, help_text="The share of the cohort that takes part, 0 to 1."
    )
    impact = models.FloatField(
        validators=SHARE, help_text="The share of those taking part who achieve it, 0 to 1."
    )
    deadweight = models.FloatField(
        validators=SHARE, default=0.0, help_text="The share that would happen anyway, 0 to 1."
    )
    lag = models.PositiveSmallIntegerField(
        default=0, help_text="Whole years before the first success."
    )
    drop_off = models.FloatField(
        validators=SHARE, default=0.0, help_text="The share of the effect lost each year, 0 to 1."
    )
    optimism_bias = models.FloatField(
        null=True,
        blank=True,
        validators=SHARE,
        help_text="The share taken off benefits for optimism, 0 to 1. Leave empty to use the "
        "confidence grade.",
    )
    confidence = models.CharField(
        max_length=1,
        blank=True,
        choices=ConfidenceGrade.choices,
        help_text="The strength of the evidence; sets the optimism bias when none is given.",
    )
    health = models.BooleanField(
        default=False,
        help_text="Discount this outcome's benefits at the health rate (1.5%).",
    )

    class Meta:
        ordering = ["id"]
        constraints = [ref_unique_within("initiative", name="initiative_outcome_ref_unique")]

    def __str__(self) -> str:
        return self.name


class BenefitLine(VersionedRecord):
    """What one success of an outcome is worth a year, of one type, to one organisation."""

    outcome = models.ForeignKey(
        InitiativeOutcome, on_delete=models.CASCADE, related_name="benefit_lines"
    )
    ref = ref_field()
    name = models.CharField(max_length=200, blank=True, help_text="What is saved or gained.")
    type = models.CharField(max_length=20, choices=BenefitType.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="initiative_benefits",
        help_text="The partner organisation that gains it.",
    )
    value = models.DecimalField(
        help_text="Pounds per success per year, at base-year prices.", **MONEY
    )
    cashable = models.FloatField(
        validators=SHARE,
        default=0.0,
        help_text="For fiscal benefits, the share that can be taken out as cash, 0 to 1.",
    )
    unit_cost_code = models.CharField(
        max_length=64, blank=True, help_text="The unit cost the value comes from, if any."
    )

    class Meta:
        ordering = ["id"]
        constraints = [ref_unique_within("outcome", name="benefit_line_ref_unique")]

    def __str__(self) -> str:
        return self.name or f"{self.get_type_display()} benefit to {self.organisation}"


class AssumptionRange(VersionedRecord):
    """The low and high values of one assumption for the sensitivity analysis."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="assumption_ranges"
    )
    ref = ref_field()
    assumption = models.CharField(max_length=20, choices=Assumption.choices)
    outcome = models.ForeignKey(
        InitiativeOutcome,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ranges",
        help_text="The outcome the assumption belongs to (not for all costs).",
    )
    benefit = models.ForeignKey(
        BenefitLine,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ranges",
        help_text="The benefit line, for a value per success.",
    )
    low = models.FloatField(validators=[MinValueValidator(0.0)])
    high = models.FloatField(validators=[MinValueValidator(0.0)])

    class Meta:
        ordering = ["id"]
        constraints = [ref_unique_within("initiative", name="assumption_range_ref_unique")]

    def __str__(self) -> str:
        subject = self.benefit or self.outcome
        label = self.get_assumption_display()
        return f"{subject}: {label}" if subject else label


class UnitCost(VersionedRecord):
    """One entry of the partnership's unit-cost library: what one unit of a public service
    costs, who bears it, at which year's prices, and where the figure comes from (a figure
    without its source is never kept)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="unit_costs"
    )
    ref = ref_field()
    code = models.CharField(max_length=64, help_text="The cost's code, for example HO1.0.")
    category = models.CharField(max_length=200, blank=True, help_text="Optional.")
    description = models.CharField(max_length=300)
    unit = models.CharField(max_length=200, help_text="For example per attendance.")
    value = models.DecimalField(help_text="Pounds per unit at its price year.", **MONEY)
    agency = models.CharField(max_length=200, help_text="The agency that bears the cost.")
    price_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="The financial year of its prices, named by the year it starts in.",
    )
    source = models.CharField(max_length=500, help_text="Where the figure comes from.")
    licence = models.CharField(max_length=200, blank=True)
    type = models.CharField(max_length=100, blank=True, help_text="Optional: fiscal, economic…")
    confidence = models.CharField(max_length=20, blank=True, help_text="Optional grade.")

    class Meta:
        ordering = ["code"]
        constraints = [
            ref_unique_within("partnership", name="unit_cost_ref_unique"),
            models.UniqueConstraint(fields=["partnership", "code"], name="unit_cost_code_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.description}"


class SupportCost(VersionedRecord):
    """What one partner spends in a financial year on supporting the partnership, in one
    of the study's Table 9 categories, in cash or in kind."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="support_costs"
    )
    ref = ref_field()
    category = models.CharField(max_length=30, choices=SupportCategory.choices)
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="The financial year (April to March), named by the year it starts in.",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="support_costs",
        help_text="The partner organisation that pays.",
    )
    payment = models.CharField(max_length=10, choices=Payment.choices, default=Payment.CASH)
    amount = models.DecimalField(help_text="In pounds for the year.", **MONEY)
    description = models.CharField(
        max_length=300, blank=True, help_text="For example 0.5 FTE policy officer."
    )

    class Meta:
        ordering = ["year", "category", "id"]
        constraints = [ref_unique_within("partnership", name="support_cost_ref_unique")]

    def __str__(self) -> str:
        return f"{self.get_category_display()}, {self.year}: {self.organisation}"


class HourlyRate(VersionedRecord):
    """One line of the rate card: the hourly cost of people's time (salary with on-costs)
    for an organisation or a sector, a role or pay band, at a price year. A rate without a
    source is the partnership's own assumption."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="hourly_rates"
    )
    ref = ref_field()
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="hourly_rates",
        help_text="Leave empty for a rate for a whole sector, or for everyone.",
    )
    sector = models.CharField(
        max_length=30,
        blank=True,
        choices=Sector.choices,
        help_text="Leave empty for every sector.",
    )
    role = models.CharField(
        max_length=100,
        blank=True,
        help_text="The role on the body (chair, vice_chair, member, adviser, officer) or a "
        "pay band the partnership uses. Leave empty for every role.",
    )
    hourly_cost = models.DecimalField(
        max_digits=8, decimal_places=2, validators=NOT_NEGATIVE, help_text="Pounds an hour."
    )
    price_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="The financial year of its prices.",
    )
    source = models.CharField(
        max_length=500,
        blank=True,
        help_text="Where the rate comes from; without one it is marked as the partnership's "
        "own assumption.",
    )
    illustrative = models.BooleanField(
        default=False, help_text="An invented figure, for demonstration only."
    )

    class Meta:
        ordering = ["organisation__name", "sector", "role", "id"]
        constraints = [ref_unique_within("partnership", name="hourly_rate_ref_unique")]

    def __str__(self) -> str:
        who = self.organisation.name if self.organisation else self.get_sector_display() or "Anyone"
        return f"{who}{f' ({self.role})' if self.role else ''}: £{self.hourly_cost} an hour"


class MeetingCostSetting(VersionedRecord):
    """How a partnership prices its meetings: the hours each person adds to a meeting's
    length for preparation and for travel, and the year whose prices are shown."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="meeting_cost_setting"
    )
    ref = ref_field()
    preparation_hours = models.FloatField(
        default=1.0, validators=[MinValueValidator(0.0)], help_text="Hours per person present."
    )
    travel_hours = models.FloatField(
        default=0.5, validators=[MinValueValidator(0.0)], help_text="Hours per person present."
    )
    price_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="Show costs at this financial year's prices; empty for the current year.",
    )

    def __str__(self) -> str:
        return "Meeting cost settings"
