"""The governance area's own records: each partner's planning and reporting cycle."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.partnerships.models import Organisation, Partnership


class Month(models.IntegerChoices):
    JANUARY = 1, "January"
    FEBRUARY = 2, "February"
    MARCH = 3, "March"
    APRIL = 4, "April"
    MAY = 5, "May"
    JUNE = 6, "June"
    JULY = 7, "July"
    AUGUST = 8, "August"
    SEPTEMBER = 9, "September"
    OCTOBER = 10, "October"
    NOVEMBER = 11, "November"
    DECEMBER = 12, "December"


class ReportingPeriod(models.IntegerChoices):
    MONTHLY = 1, "Monthly"
    QUARTERLY = 3, "Quarterly"
    HALF_YEARLY = 6, "Every six months"
    YEARLY = 12, "Yearly"


class PartnerCycleQuerySet(models.QuerySet["PartnerCycle"]):
    def in_partnership(self, partnership: Partnership) -> PartnerCycleQuerySet:
        return self.filter(partnership=partnership).select_related("organisation")


class PartnerCycle(VersionedRecord):
    """One partner's financial year, budget-setting and business-planning windows and
    reporting period, as it told the partnership (a window may wrap round the year end)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="partner_cycles"
    )
    ref = ref_field()
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="partner_cycles"
    )
    year_start_month = models.PositiveSmallIntegerField(
        choices=Month.choices, default=Month.APRIL, help_text="The month its financial year starts."
    )
    budget_start_month = models.PositiveSmallIntegerField(
        choices=Month.choices, help_text="The month it starts setting its budget."
    )
    budget_end_month = models.PositiveSmallIntegerField(
        choices=Month.choices, help_text="The month its budget is set."
    )
    planning_start_month = models.PositiveSmallIntegerField(
        choices=Month.choices, help_text="The month it starts its business plan."
    )
    planning_end_month = models.PositiveSmallIntegerField(
        choices=Month.choices, help_text="The month its business plan is agreed."
    )
    reporting_period_months = models.PositiveSmallIntegerField(
        choices=ReportingPeriod.choices,
        default=ReportingPeriod.QUARTERLY,
        help_text="How often it reports performance.",
    )

    objects = PartnerCycleQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            ref_unique_within("partnership", name="partner_cycle_ref_unique"),
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="partner_cycle_once"
            ),
        ]

    def __str__(self) -> str:
        return f"Cycle of {self.organisation}"

    def clean(self) -> None:
        if (
            self.organisation_id
            and self.partnership_id
            and not self.organisation.participations.filter(
                partnership_id=self.partnership_id
            ).exists()
        ):
            raise ValidationError({"organisation": "Not a partner in this partnership."})
