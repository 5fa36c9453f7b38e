"""The resource ledger and pooled funds of a partnership.

A :class:`Contribution` is one line of the ledger: what one partner organisation gives in
one financial year, by which arrangement and in what kind, split over the shared outcomes
by :class:`ContributionShare`. Outcomes are named by their ref in the performance area (an
area reads another only through its selectors). Corrections are new versions.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.partnerships.models import Organisation, Partnership
from partnerscope.apps.resources import querysets
from partnerscope.apps.resources.choices import Arrangement, Kind, PoolKind, Status, VatRecovery

MONEY = {"max_digits": 14, "decimal_places": 2}


class ResourceSettings(models.Model):
    """How the partnership counts its years and staff time."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="resource_settings"
    )
    year_start_month = models.PositiveSmallIntegerField(
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="The month the financial year starts: 4 (April) by default.",
    )
    hours_per_fte = models.DecimalField(
        max_digits=7,
        decimal_places=1,
        default=Decimal("1650"),
        validators=[MinValueValidator(Decimal("1"))],
        help_text=(
            "Working hours in one full-time equivalent year, to turn FTE into hours: the "
            "partnership's own assumption (1,650 by default)."
        ),
    )

    class Meta:
        verbose_name_plural = "resource settings"

    def __str__(self) -> str:
        return f"Resource settings of {self.partnership}"


class Contribution(VersionedRecord):
    """One partner's contribution in one financial year to the shared outcomes."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="contributions"
    )
    ref = ref_field()
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="contributions"
    )
    year = models.PositiveSmallIntegerField(
        help_text="The calendar year the financial year starts in: 2025 for 2025/26."
    )
    arrangement = models.CharField(
        max_length=20, choices=Arrangement.choices, help_text="How it reaches the outcomes."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, help_text="What is given.")
    amount = models.DecimalField(
        **MONEY,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Its value in pounds (staff time: hours times the cost per hour).",
    )
    fte = models.DecimalField(
        max_digits=8, decimal_places=2, null=True, blank=True, help_text="Staff time as FTE."
    )
    hours = models.DecimalField(
        max_digits=10, decimal_places=1, null=True, blank=True, help_text="Staff time in hours."
    )
    cost_per_hour = models.DecimalField(
        max_digits=8, decimal_places=2, null=True, blank=True, help_text="Pounds per hour."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    description = models.CharField(max_length=300, blank=True, help_text="What it pays for.")
    source = models.CharField(
        max_length=200, blank=True, help_text="Where the figure comes from (a budget line)."
    )
    evidence = models.CharField(
        max_length=300, blank=True, help_text="A document or link that shows it."
    )

    objects = querysets.ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["year", "organisation__name", "ref"]
        constraints = [ref_unique_within("partnership", name="resources_contribution_ref")]

    def __str__(self) -> str:
        return f"{self.organisation.name} {self.year} ({self.ref})"


class ContributionShare(models.Model):
    """The part of a contribution that serves one outcome; a line's shares add to 1."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="shares")
    outcome_ref = models.SlugField(max_length=64, help_text="The outcome's ref.")
    share = models.DecimalField(
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0.0001")), MaxValueValidator(Decimal("1"))],
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["contribution", "outcome_ref"]
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "outcome_ref"], name="resources_share_outcome"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contribution.ref} → {self.outcome_ref}: {self.share}"


class PooledFund(VersionedRecord):
    """A pooled fund: money several partners place in one budget under one host."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="pooled_funds"
    )
    ref = ref_field()
    name = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=30,
        choices=PoolKind.choices,
        default=PoolKind.OTHER,
        help_text="Health and social care and children's services pools have legal limits.",
    )
    host = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="hosted_pools",
        help_text="The organisation that holds the pool and accounts for it.",
    )
    members = models.ManyToManyField(
        Organisation,
        related_name="pooled_funds",
        blank=True,
        help_text="The organisations that pay into the pool (the host too, if it pays).",
    )
    legal_basis = models.CharField(
        max_length=200,
        blank=True,
        help_text="For example a section 75 agreement (NHS Act 2006).",
    )
    written_agreement = models.BooleanField(
        default=False, help_text="Whether the partners have signed a written agreement."
    )
    agreement_date = models.DateField(
        null=True, blank=True, help_text="When the written agreement was signed."
    )
    vat_recovery = models.CharField(
        max_length=10,
        choices=VatRecovery.choices,
        blank=True,
        default=VatRecovery.UNKNOWN,
        help_text="How much of the VAT it pays the pool expects to recover.",
    )
    outcome_refs = models.JSONField(
        default=list, blank=True, help_text="The refs of the outcomes the pool serves."
    )
    _history_m2m_fields = ["members"]

    class Meta:
        ordering = ["name"]
        constraints = [ref_unique_within("partnership", name="resources_pooledfund_ref")]

    def __str__(self) -> str:
        return self.name


class PooledFundValue(models.Model):
    """What a pooled fund holds in one financial year."""

    fund = models.ForeignKey(PooledFund, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(help_text="The year the financial year starts in.")
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0"))])
    history = HistoricalRecords()

    class Meta:
        ordering = ["fund", "year"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "year"], name="resources_pool_value_year")
        ]

    def __str__(self) -> str:
        return f"{self.fund} {self.year}: {self.amount}"
