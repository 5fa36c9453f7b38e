"""Forms of the pages that set performance management up, import values and compare areas:
the reporting settings, areas, outcomes and their agenda time, indicators, adopting
national ones, an import file and a benchmark."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from partnerscope.apps.common.forms import Form, ModelForm
from partnerscope.apps.partnerships.models import Body, Organisation, Partnership
from partnerscope.apps.performance.choices import Frequency
from partnerscope.apps.performance.models import (
    PERIOD_HELP,
    Area,
    Indicator,
    Outcome,
    PerformanceSettings,
    ValueVersion,
)


class ScopedModelForm(ModelForm):
    """A model form whose choices are limited to one partnership's records."""

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        self.partnership = partnership
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            model = field.queryset.model
            if model is Organisation:
                field.queryset = Organisation.objects.in_partnership(partnership)
            elif model is Body:
                field.queryset = Body.objects.in_partnership(partnership)
            elif hasattr(model, "partnership"):
                field.queryset = model.objects.filter(partnership=partnership)
            if not isinstance(field, forms.ModelMultipleChoiceField):
                field.empty_label = "None"


class SettingsForm(ModelForm):
    class Meta:
        model = PerformanceSettings
        fields = ["as_of", "due_days"]
        labels = {"as_of": "Reporting date", "due_days": "Days until a value is due"}
        widgets = {"as_of": forms.DateInput(format="%Y-%m-%d")}


class AreaForm(ScopedModelForm):
    class Meta:
        model = Area
        fields = ["name", "position"]

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        clash = Area.objects.in_partnership(self.partnership).filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError("This partnership already has an area of that name.")
        return name


class OutcomeForm(ScopedModelForm):
    class Meta:
        model = Outcome
        fields = ["title", "description", "parent", "owner", "body", "position"]
        labels = {
            "parent": "Theme",
            "owner": "Owner organisation",
            "body": "Owning body",
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            below = {self.instance.pk}
            changed = True
            outcomes = list(
                Outcome.objects.in_partnership(self.partnership).values_list("pk", "parent_id")
            )
            while changed:
                changed = False
                for pk, parent in outcomes:
                    if parent in below and pk not in below:
                        below.add(pk)
                        changed = True
            self.fields["parent"].queryset = self.fields["parent"].queryset.exclude(pk__in=below)
        self.fields["parent"].empty_label = "None: this is a theme"


class AgendaForm(Form):
    agenda_items = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Items at which the outcome had time on the agenda",
        help_text="Tick each item of business that discussed this outcome.",
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_items"].choices = choices


class IndicatorForm(ScopedModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "title",
            "definition",
            "unit",
            "polarity",
            "frequency",
            "source",
            "owner",
            "tolerance",
            "minimum",
            "maximum",
            "multiplier",
            "is_proportion",
            "due_days",
            "outcomes",
        ]
        labels = {
            "owner": "Owner organisation",
            "is_proportion": "A proportion",
            "due_days": "Days until a value is due",
        }
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 3}),
            "polarity": forms.RadioSelect,
            "frequency": forms.RadioSelect,
            "outcomes": forms.CheckboxSelectMultiple,
            "tolerance": forms.NumberInput(attrs={"step": "any"}),
            "minimum": forms.NumberInput(attrs={"step": "any"}),
            "maximum": forms.NumberInput(attrs={"step": "any"}),
            "multiplier": forms.NumberInput(attrs={"step": "any"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["polarity"].choices = [
            ("", "Neither: there is no better direction"),
            *[choice for choice in self.fields["polarity"].choices if choice[0]],
        ]

    def clean_code(self) -> str:
        code: str = " ".join(self.cleaned_data["code"].split())
        clash = Indicator.objects.in_partnership(self.partnership).filter(code__iexact=code)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError("This partnership already has an indicator with that code.")
        return code

    def clean_frequency(self) -> str:
        frequency: str = self.cleaned_data["frequency"]
        if (
            self.instance.pk
            and frequency != self.instance.frequency
            and ValueVersion.objects.filter(indicator=self.instance).exists()
        ):
            label = Frequency(self.instance.frequency).label.lower()
            raise ValidationError(
                f"Values are already recorded by {label}; the frequency cannot change."
            )
        return frequency

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        low, high = cleaned.get("minimum"), cleaned.get("maximum")
        if low is not None and high is not None and low > high:
            self.add_error("maximum", "The maximum must be at least the minimum.")
        return cleaned


class AdoptForm(Form):
    indicators = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        label="National indicators to adopt",
        help_text="Those already adopted are not listed.",
        error_messages={"required": "Choose at least one indicator to adopt."},
    )
    frequency = forms.ChoiceField(
        choices=Frequency.choices,
        initial=Frequency.FINANCIAL_YEAR,
        widget=forms.RadioSelect,
        help_text="How often the partnership will record values of these indicators.",
    )
    outcomes = forms.ModelMultipleChoiceField(
        queryset=Outcome.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The outcomes the adopted indicators measure. Optional.",
    )

    def __init__(
        self, *args: Any, partnership: Partnership, choices: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicators"].choices = choices
        self.fields["outcomes"].queryset = Outcome.objects.in_partnership(partnership)


class ImportForm(Form):
    file = forms.FileField(
        label="File of values",
        help_text="CSV or XLSX with the columns indicator, area, period and value, and "
        "optionally numerator, denominator, lower, upper, received, status and reason.",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError("Choose a CSV or XLSX file.")
        return upload


class BenchmarkForm(Form):
    indicator = forms.ChoiceField(help_text="Indicators with a polarity, by code.")
    period = forms.CharField(
        max_length=10,
        required=False,
        help_text="Leave empty for the latest period with values. " + PERIOD_HELP,
    )
    comparators = forms.FileField(
        required=False,
        label="Comparator file",
        help_text="Optional CSV or XLSX of other areas' values, with the columns area, "
        "indicator, period and value.",
    )
    neighbours_of = forms.ChoiceField(
        required=False,
        label="Find the nearest neighbours of",
        help_text="One of this partnership's areas. Optional.",
    )
    by = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Compare areas by",
        help_text="The indicators that say how alike two areas are; each area's latest "
        "value of each is used. Without a choice, the indicator above.",
    )
    count = forms.IntegerField(
        min_value=1, max_value=20, initial=5, required=False, label="Number of neighbours"
    )

    def __init__(
        self,
        *args: Any,
        indicators: list[tuple[str, str]],
        areas: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = indicators
        self.fields["by"].choices = indicators
        self.fields["neighbours_of"].choices = [("", "None"), *areas]

    NEIGHBOUR_FIELDS = ("neighbours_of", "by", "count")

    @property
    def neighbours_open(self) -> bool:
        """Whether the nearest-neighbour choices start open: when the reader asked for
        neighbours or got one of those fields wrong."""
        if not self.is_bound:
            return False
        asked = any(self.data.get(name) for name in ("neighbours_of", "by"))
        return asked or any(name in self.errors for name in self.NEIGHBOUR_FIELDS)

    def clean_comparators(self) -> Any:
        upload = self.cleaned_data.get("comparators")
        if upload and not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError("Choose a CSV or XLSX file.")
        return upload
