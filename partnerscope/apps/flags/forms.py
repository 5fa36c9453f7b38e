"""The managers' forms: a decision about a flag, and the answer to one of the questions."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.common.forms import Form
from partnerscope.apps.flags.choices import SELF_RATINGS, Colour, Decision


class DecisionForm(Form):
    decision = forms.ChoiceField(
        choices=Decision.choices,
        widget=forms.RadioSelect,
        label="Your decision",
        error_messages={"required": "Choose whether to confirm, change or reject the flag."},
    )
    colour = forms.ChoiceField(
        choices=[("", "Keep the proposed colour"), *Colour.choices],
        required=False,
        label="The colour it should be, if you change it",
        help_text="Only for a change: the other colour.",
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="Reason",
        help_text="Required for every decision: what in the evidence led you to it.",
        error_messages={"required": "Give the reason for the decision."},
    )

    def __init__(self, *args: Any, proposed: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.proposed = proposed

    def clean_reason(self) -> str:
        reason = str(self.cleaned_data["reason"]).strip()
        if not reason:
            raise forms.ValidationError("Give the reason for the decision.")
        return reason

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == Decision.CHANGE:
            colour = data.get("colour")
            if not colour:
                self.add_error("colour", "Choose the colour the flag should be.")
            elif colour == self.proposed:
                self.add_error(
                    "colour", f"The flag was proposed {colour}: to keep it, confirm it instead."
                )
        return data


class AnswerForm(Form):
    narrative = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        label="The partnership's answer",
        help_text="In the partnership's own words, citing the evidence listed on the page.",
    )
    self_rating = forms.TypedChoiceField(
        choices=[("", "No rating"), *SELF_RATINGS],
        coerce=int,
        empty_value=None,
        required=False,
        label="The partnership's own rating (optional)",
        help_text="A self-assessment from 1 (lowest) to 4, shown as the partnership's own "
        "rating, not an inspector's.",
    )


class RefreshForm(Form):
    """No fields: the button's POST, with its CSRF token, is the confirmation."""
