"""Forms that record figures against an indicator: a value (or its correction), an
improvement target and a data-quality rating."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from partnerscope.apps.common.forms import Form, ModelForm
from partnerscope.apps.partnerships.models import Body, Organisation, Partnership
from partnerscope.apps.performance.choices import FREQUENCY_WORDS, ValueStatus
from partnerscope.apps.performance.lookups import current_value, period_in, same_figures
from partnerscope.apps.performance.models import (
    PERIOD_HELP,
    Area,
    Indicator,
    QualityRecord,
    ValueVersion,
)
from partnerscope.core.indicators import Period
from partnerscope.datapackage.indicators import interval_errors


def period_hint(indicator: Indicator) -> str:
    noun, example = FREQUENCY_WORDS[indicator.frequency]
    return f"The {noun}, written like {example}."


class ValueForm(Form):
    """A value of an indicator in an area and period; a correction needs a reason."""

    area = forms.ModelChoiceField(queryset=Area.objects.none(), empty_label=None)
    period = forms.CharField(max_length=10, help_text=PERIOD_HELP)
    value = forms.FloatField(widget=forms.NumberInput(attrs={"step": "any"}))
    numerator = forms.FloatField(
        required=False,
        widget=forms.NumberInput(attrs={"step": "any"}),
        help_text="When the value is a ratio. Optional.",
    )
    denominator = forms.FloatField(
        required=False, widget=forms.NumberInput(attrs={"step": "any"}), help_text="Optional."
    )
    lower = forms.FloatField(
        required=False,
        label="Lower confidence limit",
        widget=forms.NumberInput(attrs={"step": "any"}),
        help_text="Give both limits or neither. Optional.",
    )
    upper = forms.FloatField(
        required=False,
        label="Upper confidence limit",
        widget=forms.NumberInput(attrs={"step": "any"}),
        help_text="Optional.",
    )
    status = forms.ChoiceField(
        choices=ValueStatus.choices,
        initial=ValueStatus.FINAL,
        widget=forms.RadioSelect,
        help_text="A provisional value is expected to be revised.",
    )
    received = forms.DateField(
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d"),
        help_text="When the value arrived, for the timeliness check. Optional.",
    )
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason for the correction",
        help_text="Needed when you change a value already recorded. The earlier value is kept.",
    )

    def __init__(self, *args: Any, indicator: Indicator, areas: list[Area], **kwargs: Any) -> None:
        self.indicator = indicator
        self.current: ValueVersion | None = None
        self.parsed_period: Period | None = None
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(pk__in=[area.pk for area in areas])
        self.fields["period"].help_text = period_hint(indicator)

    def clean_period(self) -> str:
        text: str = self.cleaned_data["period"]
        self.parsed_period = period_in(text, self.indicator.frequency)
        return str(self.parsed_period)

    def figures(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data.get(name)
            for name in (
                "value",
                "numerator",
                "denominator",
                "lower",
                "upper",
                "status",
                "received",
            )
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "value" in cleaned:
            for error in interval_errors("form", 0, self.figures()):
                self.add_error(error.column, error.message[0].upper() + error.message[1:] + ".")
        area, period = cleaned.get("area"), self.parsed_period
        if area is None or period is None or self.errors:
            return cleaned
        self.current = current_value(self.indicator, area, period)
        if self.current is None:
            return cleaned
        if same_figures(self.current, self.figures()):
            raise ValidationError(
                f"This value is already recorded for {area.name} in {period}; nothing changed."
            )
        if not (cleaned.get("reason") or "").strip():
            self.add_error(
                "reason",
                f"Give a reason for correcting the recorded value {self.current.value:g}.",
            )
        return cleaned


class TargetForm(Form):
    """An improvement target in one area: baseline, leads and the target of each period."""

    area = forms.ModelChoiceField(queryset=Area.objects.none(), empty_label=None)
    baseline_period = forms.CharField(max_length=10, required=False, help_text=PERIOD_HELP)
    baseline_value = forms.FloatField(
        required=False, widget=forms.NumberInput(attrs={"step": "any"})
    )
    lead_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="None",
        help_text="The partner that leads the work to meet the target.",
    )
    lead_body = forms.ModelChoiceField(
        queryset=Body.objects.none(),
        required=False,
        empty_label="None",
        help_text="The partnership body that oversees the target.",
    )
    laa = forms.BooleanField(
        required=False,
        label="Designated in the local area agreement",
        help_text="Tick for an LAA improvement target.",
    )
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text="What was agreed."
    )
    targets = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Target for each period",
        help_text="One period and its target a line, for example 2025-Q1: 72.5",
    )

    def __init__(
        self, *args: Any, indicator: Indicator, partnership: Partnership, **kwargs: Any
    ) -> None:
        self.indicator = indicator
        self.periods: dict[Period, float] = {}
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.in_partnership(partnership)
        self.fields["lead_organisation"].queryset = Organisation.objects.in_partnership(partnership)
        self.fields["lead_body"].queryset = Body.objects.in_partnership(partnership)
        self.fields["baseline_period"].help_text = period_hint(indicator)
        noun, example = FREQUENCY_WORDS[indicator.frequency]
        self.fields[
            "targets"
        ].help_text = f"One {noun} and its target a line, for example {example}: 72.5"

    def clean_baseline_period(self) -> str:
        text: str = self.cleaned_data["baseline_period"].strip()
        return str(period_in(text, self.indicator.frequency)) if text else ""

    def clean_targets(self) -> str:
        text: str = self.cleaned_data["targets"]
        problems = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            period_text, _, amount = line.replace("=", ":").partition(":")
            try:
                period = period_in(period_text, self.indicator.frequency)
            except ValidationError as error:
                problems.append(f"Line {number}: {error.messages[0]}")
                continue
            try:
                value = float(amount.strip())
            except ValueError:
                problems.append(f"Line {number}: {amount.strip()!r} is not a number.")
                continue
            if period in self.periods:
                problems.append(f"Line {number}: {period} is given twice.")
            self.periods[period] = value
        if problems:
            raise ValidationError(problems)
        if not self.periods:
            raise ValidationError("Give at least one period and its target.")
        return text

    def details(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in (
                "baseline_period",
                "baseline_value",
                "lead_organisation",
                "lead_body",
                "laa",
                "description",
            )
        }


class QualityRecordForm(ModelForm):
    class Meta:
        model = QualityRecord
        fields = ["dimension", "rating", "evidence"]
        widgets = {
            "dimension": forms.RadioSelect,
            "rating": forms.RadioSelect,
            "evidence": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "dimension": "One of the six dimensions of the Audit Commission's standards for "
            "better quality data (2007).",
            "rating": "Green: meets the standard. Amber: some weaknesses. Red: not reliable.",
        }
