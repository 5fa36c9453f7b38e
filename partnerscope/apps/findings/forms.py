"""The register's filters: area, severity, status and subject kind, each may be left empty."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.common.forms import Form
from partnerscope.apps.findings.choices import FindingStatus, Severity, SubjectKind


class RegisterFilterForm(Form):
    area = forms.ChoiceField(required=False)
    severity = forms.ChoiceField(required=False)
    status = forms.ChoiceField(required=False)
    subject_kind = forms.ChoiceField(required=False, label="About")

    def __init__(self, *args: Any, areas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", "Every area"), *areas]
        self.fields["severity"].choices = [("", "Any severity"), *Severity.choices]
        self.fields["status"].choices = [("", "Open or resolved"), *FindingStatus.choices]
        self.fields["subject_kind"].choices = [("", "Anything"), *SubjectKind.choices]


class RefreshForm(Form):
    """No fields: the button's POST, with its CSRF token, is the confirmation."""
