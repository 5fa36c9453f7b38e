"""Forms of the resources area: a ledger line, an upload and the settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from partnerscope.apps.common.forms import Form, ModelForm
from partnerscope.apps.partnerships.models import Organisation, Partnership
from partnerscope.apps.resources.choices import Kind
from partnerscope.apps.resources.ledger import shares_text
from partnerscope.apps.resources.lookups import outcomes_by_ref
from partnerscope.apps.resources.models import Contribution, PooledFund, ResourceSettings
from partnerscope.apps.resources.pools import parse_values
from partnerscope.apps.resources.recording import LINE_FIELDS, amount_of
from partnerscope.core.resources.ledger import parse_shares, shares_problem


class ContributionForm(ModelForm):
    """One ledger line and the outcomes it serves."""

    outcomes = forms.CharField(
        label="Outcomes it serves",
        help_text=(
            "One outcome's ref, or outcome:share pairs separated by ';' adding to 1, "
            "for example housing:0.75;health:0.25."
        ),
    )

    class Meta:
        model = Contribution
        fields = list(LINE_FIELDS)

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        self.partnership = partnership
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            partnerships=partnership
        ).order_by("name")
        self.fields["amount"].required = False
        self.known_outcomes = outcomes_by_ref(partnership)
        titles = "; ".join(f"{ref} ({o['title']})" for ref, o in self.known_outcomes.items())
        self.fields["outcomes"].help_text += f" Outcomes: {titles or 'none yet'}."
        if self.instance.pk and not self.is_bound:
            shares = sorted((s.outcome_ref, s.share) for s in self.instance.shares.all())
            self.initial["outcomes"] = shares_text(shares)

    def clean_outcomes(self) -> dict[str, Any]:
        try:
            shares = parse_shares(self.cleaned_data["outcomes"])
        except ValueError as error:
            raise ValidationError(str(error)) from None
        unknown = [ref for ref in shares if ref not in self.known_outcomes]
        if unknown:
            raise ValidationError(f"There is no outcome {', '.join(unknown)} here.")
        problem = shares_problem(shares)
        if problem:
            raise ValidationError(problem[0].upper() + problem[1:] + ".")
        return shares

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "kind" in cleaned and amount_of(self.partnership, cleaned) is None:
            message = "Enter the amount"
            if cleaned["kind"] == Kind.STAFF_TIME:
                message += ", or the hours or FTE and the cost per hour"
            self.add_error("amount", message + ".")
        return cleaned


class UploadForm(Form):
    file = forms.FileField(
        label="File of ledger lines",
        help_text="CSV or XLSX with the columns listed below.",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError("Choose a CSV or XLSX file.")
        return upload


class SettingsForm(ModelForm):
    class Meta:
        model = ResourceSettings
        fields = ["year_start_month", "hours_per_fte"]


class PooledFundForm(ModelForm):
    """A pooled fund, its members, the outcomes it serves and its value by year."""

    outcome_refs = forms.MultipleChoiceField(
        label="Outcomes it serves",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    values = forms.CharField(
        label="Value by year",
        required=False,
        help_text="year:amount pairs separated by ';', for example 2025:500000;2026:520000.",
    )

    class Meta:
        model = PooledFund
        fields = [
            "name",
            "kind",
            "host",
            "members",
            "legal_basis",
            "written_agreement",
            "agreement_date",
            "vat_recovery",
        ]
        widgets = {"members": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(partnerships=partnership).order_by("name")
        self.fields["host"].queryset = organisations
        self.fields["members"].queryset = organisations
        self.fields["outcome_refs"].choices = [
            (ref, outcome["title"]) for ref, outcome in outcomes_by_ref(partnership).items()
        ]
        if self.instance.pk and not self.is_bound:
            self.initial["outcome_refs"] = list(self.instance.outcome_refs)
            self.initial["values"] = ";".join(
                f"{v.year}:{v.amount.normalize():f}" for v in self.instance.values.all()
            )

    def clean_values(self) -> dict[int, Any]:
        try:
            return parse_values(self.cleaned_data["values"])
        except ValueError as error:
            raise ValidationError(str(error)) from None
