"""Forms of the 7S area: waves, local statements, and the survey's pages."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.common.forms import Form, ModelForm
from partnerscope.apps.common.models import WaveStatus
from partnerscope.apps.common.surveys.forms import (
    SCHEDULE_FIELDS,
    SCHEDULE_HELP,
    SCHEDULE_LABELS,
    ReminderDaysField,
    check_schedule,
)
from partnerscope.apps.partnerships.choices import Layer, Sector
from partnerscope.apps.partnerships.models import Body, Partnership
from partnerscope.apps.sevens.answering import EVIDENCE_MAX
from partnerscope.apps.sevens.models import Element, LocalStatement, Wave
from partnerscope.core.sevens import DONT_KNOW, SCALE, SCALE_LABELS, Statement

ANSWER_CHOICES = [(str(k), SCALE_LABELS[k].capitalize()) for k in SCALE] + [
    (DONT_KNOW, "Don't know")
]


class WaveForm(ModelForm):
    class Meta:
        model = Wave
        fields = ["title", "opens", "closes", "bodies", "previous", *SCHEDULE_FIELDS]
        field_classes = {"reminder_days": ReminderDaysField}
        help_texts = SCHEDULE_HELP
        widgets = {
            "opens": forms.DateInput,
            "closes": forms.DateInput,
            "bodies": forms.CheckboxSelectMultiple,
        }
        labels = {
            "bodies": "Bodies whose members are invited",
            "previous": "Compare with",
            **SCHEDULE_LABELS,
        }
        error_messages = {
            "title": {"required": "Enter a title for the wave"},
            "opens": {"required": "Enter the first day people can answer"},
            "closes": {"required": "Enter the last day people can answer"},
            "bodies": {"required": "Select at least one body whose members are invited"},
        }

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bodies"].queryset = Body.objects.in_partnership(partnership).order_by("name")
        earlier = Wave.objects.in_partnership(partnership)
        if self.instance.pk:
            earlier = earlier.exclude(pk=self.instance.pk)
        self.fields["previous"].queryset = earlier
        self.fields["previous"].empty_label = "No earlier wave"
        self.fields[
            "previous"
        ].help_text = "Change in each element is measured against this wave's answers."

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        check_schedule(self)
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes < opens:
            self.add_error("closes", "The closing date must be on or after the opening date.")
        saved = self.instance
        if saved.pk and saved.status == WaveStatus.CLOSED and closes and closes != saved.closes:
            self.add_error(
                "closes",
                "This wave has closed and its results are final, so it cannot be reopened or "
                "moved. Open a new wave instead.",
            )
        return data


class LocalStatementForm(ModelForm):
    layers = forms.MultipleChoiceField(
        choices=Layer.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The governance layers the statement concerns. Optional.",
    )

    class Meta:
        model = LocalStatement
        fields = ["element", "text", "layers"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": "Statement"}
        help_texts = {
            "text": "Written so people can agree or disagree, for example: "
            "'Our theme groups report to the board in a way that lets it act.'",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["element"].choices = [("", "Choose an element"), *Element.choices]


class AboutYouForm(Form):
    sector = forms.ChoiceField(
        choices=Sector.choices,
        widget=forms.RadioSelect,
        label="Which sector is your organisation in?",
        help_text="Answers are shown by sector only for groups of enough people.",
        error_messages={"required": "Select the sector your organisation is in"},
    )
    layers = forms.MultipleChoiceField(
        choices=Layer.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Which governance layers do you sit in?",
        help_text="Select all that apply. Strategic: vision and direction. Executive: "
        "resources and performance. Operational: managing and delivering services.",
        error_messages={"required": "Select at least one governance layer"},
    )


def field_name(statement_id: str) -> str:
    return "answer_" + statement_id.replace(".", "_")


class ElementForm(Form):
    """One page of the survey: an answer for each of the element's statements, and evidence.

    Every answer may be left blank (skipped); "don't know" is an answer of its own.
    """

    def __init__(
        self, *args: Any, statements: list[Statement], element_name: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.statements = statements
        for statement in statements:
            self.fields[field_name(statement.id)] = forms.ChoiceField(
                choices=ANSWER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                label=statement.text,
            )
        self.fields["evidence"] = forms.CharField(
            required=False,
            max_length=EVIDENCE_MAX,
            widget=forms.Textarea(attrs={"rows": 4}),
            label=f"Evidence on {element_name} (optional)",
            help_text="What have you seen that led to your answers? It is shown to the "
            "partnership without your name. Do not name people.",
        )

    def statement_fields(self) -> list[tuple[Statement, forms.BoundField]]:
        return [(s, self[field_name(s.id)]) for s in self.statements]

    def answers(self) -> dict[str, str]:
        return {s.id: self.cleaned_data.get(field_name(s.id), "") for s in self.statements}


def element_initial(statements: list[Statement], answers: dict[str, Any], evidence: str) -> dict:
    initial: dict[str, Any] = {
        field_name(s.id): str(answers[s.id]) for s in statements if s.id in answers
    }
    initial["evidence"] = evidence
    return initial
