"""The audit page's filters and the erasure confirmation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from partnerscope.apps.audit.models import AuditAction
from partnerscope.apps.common.forms import Form


class AuditFilterForm(Form):
    """Who, what and when: every field may be left empty."""

    person = forms.ChoiceField(
        required=False, help_text="Only what this person did, or what was done to them."
    )
    action = forms.ChoiceField(required=False, label="What happened")
    start = forms.DateField(required=False, label="From", widget=forms.DateInput)
    end = forms.DateField(required=False, label="To", widget=forms.DateInput)

    def __init__(self, *args: Any, people: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "Anyone"), *[(name, name) for name in people]]
        self.fields["action"].choices = [("", "Anything"), *AuditAction.choices]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise ValidationError("The “To” date must be the same as or after the “From” date.")
        return cleaned


class ConfirmErasureForm(Form):
    confirm = forms.BooleanField(
        label="I understand that this cannot be undone",
        error_messages={"required": "Confirm that you understand this cannot be undone."},
    )
