"""Forms of the learning area: the sharing agreement and a practice entry."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.common.forms import ModelForm
from partnerscope.apps.learning.models import PracticeEntry, SharingAgreement
from partnerscope.datapackage.learning import rule_ids


class SharingAgreementForm(ModelForm):
    class Meta:
        model = SharingAgreement
        fields = ["shares", "may_be_named", "agreed_by", "agreed_on"]
        widgets = {"agreed_on": forms.DateInput}
        labels = {
            "shares": "Share our headline figures",
            "may_be_named": "Other partnerships may see our name",
            "agreed_by": "Who agreed",
            "agreed_on": "When it was agreed",
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("may_be_named") and not cleaned.get("shares"):
            self.add_error(
                "may_be_named", "A partnership that does not share its figures cannot be named."
            )
        return cleaned


class PracticeEntryForm(ModelForm):
    """A partnership's own entry; rule ids typed as text and checked against the rules."""

    rules_text = forms.CharField(
        label="Finding rules it could help with",
        required=False,
        help_text="Rule ids separated by spaces or commas, for example weak_element "
        "isolated_partner DC-W03. A finding's page shows its rule id.",
    )

    class Meta:
        model = PracticeEntry
        fields = [
            "practice",
            "description",
            "where",
            "evidence",
            "framework_part",
            "contact",
            "example",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.Textarea(attrs={"rows": 4}),
            "framework_part": forms.RadioSelect,
        }
        labels = {"example": "This is a made-up example, not a real case"}

    def __init__(self, *args: Any, known_rules: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known_rules = known_rules
        if self.instance.pk and not self.is_bound:
            self.initial["rules_text"] = " ".join(self.instance.rule_ids)

    def clean_rules_text(self) -> list[str]:
        try:
            found = rule_ids(self.cleaned_data.get("rules_text", ""))
        except ValueError as problem:
            raise forms.ValidationError(str(problem)) from None
        unknown = [rule for rule in found if rule not in self.known_rules]
        if unknown:
            raise forms.ValidationError(f"No finding rule has the id {', '.join(unknown)}.")
        return found

    def save(self, commit: bool = True) -> PracticeEntry:
        entry = super().save(commit=False)
        entry.rule_ids = self.cleaned_data["rules_text"]
        if commit:
            entry.save()
        return entry
