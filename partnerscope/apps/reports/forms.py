"""The board pack's choices and the publishing form."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.common.forms import Form
from partnerscope.apps.common.reporting import ReportSection

FORMATS = [("html", "A page to read or print"), ("pdf", "A PDF file")]


def section_choices(sections: list[ReportSection]) -> list[tuple[str, str]]:
    return [(section.key, section.title) for section in sections]


class BoardPackForm(Form):
    title = forms.CharField(
        max_length=200,
        help_text="For example, Board meeting: performance and the action plan.",
    )
    meeting = forms.DateField(
        label="Date of the meeting", widget=forms.DateInput, help_text="For example, 2027-01-14."
    )
    sections = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        help_text="The pack holds only these, in the report's order.",
        error_messages={"required": "Choose at least one section."},
    )
    output = forms.ChoiceField(
        label="Format", choices=FORMATS, initial="html", widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, sections: list[ReportSection], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sections"].choices = section_choices(sections)


class PublishForm(Form):
    title = forms.CharField(max_length=200, help_text="The title local people see.")
    sections = forms.MultipleChoiceField(
        label="Sections to publish",
        widget=forms.CheckboxSelectMultiple,
        help_text="Only the sections fit for the public are offered.",
        error_messages={"required": "Choose at least one section to publish."},
    )

    def __init__(self, *args: Any, sections: list[ReportSection], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sections"].choices = section_choices(sections)
        self.fields["sections"].initial = [section.key for section in sections]


class WithdrawForm(Form):
    """No fields: the button's POST, with its CSRF token, is the confirmation."""
