"""Forms of the initiative editor: its settings, costs, outcomes, benefit lines and
assumption ranges.

Each form checks what the core's ``parse_appraisal`` would refuse (shares from 0 to 1, a
cost's year within the appraisal, a cohort within the need, cashable only for fiscal
benefits, a range around its base), so an error names its field where the user typed it
and the rest of the initiative is never touched.
"""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.common.forms import Form, ModelForm
from partnerscope.apps.costs.choices import Assumption, BenefitType
from partnerscope.apps.costs.models import (
    AssumptionRange,
    BenefitLine,
    HourlyRate,
    Initiative,
    InitiativeCost,
    InitiativeOutcome,
    MeetingCostSetting,
    SupportCost,
    UnitCost,
)
from partnerscope.apps.partnerships.models import Organisation


class InitiativeForm(ModelForm):
    class Meta:
        model = Initiative
        fields = [
            "name",
            "description",
            "base_year",
            "years",
            "discount_rate",
            "spread",
            "chain_ref",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"chain_ref": "Delivery chain id"}

    def clean_years(self) -> int:
        years: int = self.cleaned_data["years"]
        instance = self.instance
        if instance.pk is not None:
            last = instance.costs.order_by("-year").values_list("year", flat=True).first()
            if last is not None and last >= years:
                raise forms.ValidationError(
                    f"A cost falls in appraisal year {last}: keep at least {last + 1} years, "
                    "or move that cost first."
                )
        return years


class InitiativePartForm(ModelForm):
    """A form for one part of an initiative, whose organisations are the partnership's."""

    organisation_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        for name in self.organisation_fields:
            self.fields[name].queryset = Organisation.objects.in_partnership(initiative.partnership)


class CostForm(InitiativePartForm):
    organisation_fields = ("organisation",)

    class Meta:
        model = InitiativeCost
        fields = ["organisation", "kind", "year", "amount"]
        labels = {"organisation": "Who pays", "year": "Appraisal year"}
        widgets = {"kind": forms.RadioSelect}

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        if year >= self.initiative.years:
            raise forms.ValidationError(
                f"Appraisal year must be a whole number from 0 to {self.initiative.years - 1}"
            )
        return year


class OutcomeForm(InitiativePartForm):
    class Meta:
        model = InitiativeOutcome
        fields = [
            "name",
            "cohort",
            "need",
            "engagement",
            "impact",
            "deadweight",
            "lag",
            "drop_off",
            "optimism_bias",
            "confidence",
            "health",
        ]
        labels = {"drop_off": "Drop-off", "health": "Health outcome"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        cohort, need = data.get("cohort"), data.get("need")
        if cohort is not None and need is not None and cohort > need:
            self.add_error("cohort", "Cohort must not be more than the need")
        if data.get("optimism_bias") is None and not data.get("confidence"):
            self.add_error("optimism_bias", "Give an optimism bias, or choose a confidence grade")
        return data


class BenefitForm(InitiativePartForm):
    organisation_fields = ("organisation",)

    class Meta:
        model = BenefitLine
        fields = ["outcome", "name", "type", "organisation", "value", "cashable", "unit_cost_code"]
        labels = {"organisation": "Who gains", "value": "Value per success"}
        widgets = {"type": forms.RadioSelect}

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        super().__init__(*args, initiative=initiative, **kwargs)
        self.fields["outcome"].queryset = initiative.outcomes.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("type") and data["type"] != BenefitType.FISCAL and data.get("cashable"):
            self.add_error("cashable", "Only a fiscal benefit can be cashable: set it to 0")
        return data


class RangeForm(InitiativePartForm):
    class Meta:
        model = AssumptionRange
        fields = ["assumption", "outcome", "benefit", "low", "high"]
        labels = {"outcome": "Outcome", "benefit": "Benefit line"}

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        super().__init__(*args, initiative=initiative, **kwargs)
        self.fields["outcome"].queryset = initiative.outcomes.all()
        self.fields["benefit"].queryset = BenefitLine.objects.filter(
            outcome__initiative=initiative
        ).select_related("organisation")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        assumption = data.get("assumption")
        low, high = data.get("low"), data.get("high")
        if low is not None and high is not None and low > high:
            self.add_error("high", "High must be at least the low value")
        if assumption == Assumption.VALUE and data.get("benefit") is None:
            self.add_error("benefit", "Choose the benefit line whose value varies")
        elif assumption not in (None, Assumption.VALUE, Assumption.COSTS) and not data.get(
            "outcome"
        ):
            self.add_error("outcome", "Choose the outcome whose assumption varies")
        base = self._base(data)
        if base is not None and low is not None and high is not None and not low <= base <= high:
            self.add_error("low", f"The range must contain the value used now, {base:g}")
        shares = (Assumption.VALUE, Assumption.COSTS, Assumption.COHORT)
        if assumption and assumption not in shares and high is not None and high > 1:
            self.add_error("high", "A share must be between 0 and 1")
        return data

    @staticmethod
    def _base(data: dict[str, Any]) -> float | None:
        """The value the assumption has now (which its range must contain)."""
        assumption = data.get("assumption")
        if assumption == Assumption.COSTS:
            return 1.0
        if assumption == Assumption.VALUE:
            benefit = data.get("benefit")
            return None if benefit is None else float(benefit.value)
        outcome = data.get("outcome")
        if outcome is None or assumption is None:
            return None
        value = getattr(outcome, assumption)
        return None if value is None else float(value)


class UnitCostForm(ModelForm):
    """One entry of the unit-cost library; its source is required."""

    class Meta:
        model = UnitCost
        fields = [
            "code",
            "category",
            "description",
            "unit",
            "value",
            "agency",
            "price_year",
            "source",
            "licence",
            "type",
            "confidence",
        ]

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].strip()
        taken = UnitCost.objects.filter(partnership=self.partnership, code=code)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Another unit cost has this code")
        return code


class UnitCostImportForm(Form):
    """A CSV file in the layout docs/costs.md describes."""

    file = forms.FileField(
        label="CSV file",
        help_text="One heading row: cost code, description, unit, cost, agency, price year, "
        "source (and optionally category, licence, type, confidence grade).",
    )
    source = forms.CharField(
        required=False,
        max_length=500,
        help_text="The source of rows that give none of their own. Optional.",
    )
    licence = forms.CharField(required=False, max_length=200, help_text="Optional.")

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        try:
            text: str = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("The file must be CSV text in UTF-8") from None
        return text


class PartnershipPartForm(ModelForm):
    """A record of the partnership's own costs, whose organisations are the partnership's."""

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = Organisation.objects.in_partnership(partnership)


class SupportCostForm(PartnershipPartForm):
    class Meta:
        model = SupportCost
        fields = ["category", "year", "organisation", "payment", "amount", "description"]
        labels = {"organisation": "Who pays", "year": "Financial year"}
        widgets = {"category": forms.RadioSelect, "payment": forms.RadioSelect}


class HourlyRateForm(PartnershipPartForm):
    class Meta:
        model = HourlyRate
        fields = [
            "organisation",
            "sector",
            "role",
            "hourly_cost",
            "price_year",
            "source",
            "illustrative",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("organisation") and data.get("sector"):
            self.add_error("sector", "Choose an organisation or a sector, not both")
        return data


class MeetingCostSettingForm(ModelForm):
    class Meta:
        model = MeetingCostSetting
        fields = ["preparation_hours", "travel_hours", "price_year"]
