"""The scrutiny forms: a recommendation, a partner's response, a progress update."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.common.forms import Form
from partnerscope.apps.partnerships.models import Body, Organisation
from partnerscope.apps.scrutiny.choices import Decision

DATE = forms.DateInput(attrs={"type": "date"})


class RecommendationForm(Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="Recommendation",
        error_messages={"required": "Write the recommendation."},
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label="Partner organisation it is addressed to",
        help_text="Choose an organisation or a body, not both.",
    )
    body = forms.ModelChoiceField(
        queryset=Body.objects.none(), required=False, label="Or the body it is addressed to"
    )
    received = forms.DateField(
        widget=DATE,
        required=False,
        label="Date the partner received the report",
        help_text="The response is due two months later (SI 2009/1919). Leave empty until sent.",
        error_messages={"invalid": "Enter the date as a real date, for example 2025-03-31."},
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(participations__partnership=partnership)
        self.fields["organisation"].queryset = organisations.order_by("name")  # type: ignore[attr-defined]
        self.fields["body"].queryset = Body.objects.filter(partnership=partnership)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("organisation")) == bool(data.get("body")):
            self.add_error("organisation", "Choose one partner organisation or one body.")
        return data


class ResponseForm(Form):
    decision = forms.ChoiceField(
        choices=Decision.choices,
        widget=forms.RadioSelect,
        label="The partner's decision",
        error_messages={"required": "Choose whether the recommendation is accepted."},
    )
    reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="Reasons",
        help_text="Required when the recommendation is rejected or partly accepted.",
    )
    proposed_action = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label="Proposed action"
    )
    published = forms.DateField(
        widget=DATE,
        label="Date the response was published",
        error_messages={
            "required": "Enter the date the response was published.",
            "invalid": "Enter the date as a real date, for example 2025-03-31.",
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        reasons = str(data.get("reasons") or "").strip()
        data["reasons"] = reasons
        if data.get("decision") in (Decision.REJECTED, Decision.PARTLY_ACCEPTED) and not reasons:
            self.add_error("reasons", "Give the reasons for rejecting the recommendation.")
        return data


class ProgressForm(Form):
    date = forms.DateField(
        widget=DATE,
        label="Date of the update",
        error_messages={
            "required": "Enter the date of the update.",
            "invalid": "Enter the date as a real date, for example 2025-03-31.",
        },
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Progress",
        error_messages={"required": "Describe the progress."},
    )
    closes = forms.BooleanField(
        required=False, label="This update completes the action and closes the recommendation"
    )
