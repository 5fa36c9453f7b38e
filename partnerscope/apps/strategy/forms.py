"""The managers' forms: the strategy record, and every outcome's review date at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from partnerscope.apps.common.forms import Form, ModelForm
from partnerscope.apps.strategy.models import Strategy


class StrategyForm(ModelForm):
    class Meta:
        model = Strategy
        fields = [
            "title",
            "adopted",
            "last_reviewed",
            "review_interval_years",
            "correlation_minimum",
        ]
        labels = {
            "adopted": "Adopted on",
            "last_reviewed": "Last reviewed on",
            "review_interval_years": "Review interval (years)",
            "correlation_minimum": "Fewest outcomes for a correlation",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        adopted, reviewed = data.get("adopted"), data.get("last_reviewed")
        today = timezone.localdate()
        if adopted and adopted > today:
            self.add_error("adopted", "The adoption date cannot be in the future.")
        if reviewed and reviewed > today:
            self.add_error("last_reviewed", "The review date cannot be in the future.")
        if adopted and reviewed and reviewed < adopted:
            self.add_error(
                "last_reviewed", "The strategy cannot be reviewed before it was adopted."
            )
        return data


def field_name(ref: str) -> str:
    return f"review_{ref}"


class ReviewDatesForm(Form):
    """One optional date per outcome; an empty date clears the outcome's review date."""

    def __init__(
        self,
        *args: Any,
        outcomes: list[dict[str, Any]],
        dates: dict[str, dt.date],
        **kwargs: Any,
    ) -> None:
        self.outcomes = outcomes
        super().__init__(*args, **kwargs)
        for outcome in outcomes:
            self.fields[field_name(outcome["ref"])] = forms.DateField(
                required=False,
                label=outcome["title"],
                initial=dates.get(outcome["ref"]),
                widget=forms.DateInput(),
            )
        self.apply_govuk_classes()

    def apply_govuk_classes(self) -> None:
        for field in self.fields.values():
            field.widget.attrs["class"] = "govuk-input govuk-input--width-10"
            field.widget.input_type = "date"  # type: ignore[attr-defined]
            field.widget.format = "%Y-%m-%d"  # type: ignore[attr-defined]

    def dates(self) -> dict[str, dt.date | None]:
        return {
            outcome["ref"]: self.cleaned_data.get(field_name(outcome["ref"]))
            for outcome in self.outcomes
        }
