"""The replies' forms: a reply, the manager's response, and the list's filters."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.common.forms import Form
from partnerscope.apps.partnerships.models import Organisation
from partnerscope.apps.replies.choices import TEXT_REQUIRED, Position

TEXT_NEEDED = {
    Position.DISAGREE: "Give the reasons the organisation disagrees",
    Position.CONTEXT: "Give the context the organisation wants to add",
    Position.CORRECTION: "Say what should be corrected, and how",
}


class ReplyForm(Form):
    """A reply: for which organisation (when there is a choice), the position and the text."""

    organisation = forms.ChoiceField(
        label="Replying for", help_text="The organisation named by the finding you speak for."
    )
    position = forms.ChoiceField(
        choices=Position.choices,
        widget=forms.RadioSelect,
        label="Your organisation's position",
    )
    text = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=10000,
        help_text="Required to disagree (give your reasons), to add context or to ask for a "
        "correction. It is shown beside the finding, in the report and to the public.",
    )
    written_by_name = forms.CharField(
        label="Who gave the reply",
        required=False,
        max_length=200,
        help_text="The organisation's representative you are recording it for.",
    )

    def __init__(
        self,
        *args: Any,
        organisations: list[Organisation],
        on_behalf: bool = False,
        changing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {str(organisation.pk): organisation for organisation in organisations}
        field = self.fields["organisation"]
        field.choices = [(pk, organisation.name) for pk, organisation in self.organisations.items()]
        if len(organisations) == 1 or changing:
            field.widget = forms.HiddenInput()
            field.required = False
            field.initial = next(iter(self.organisations), "")
        if not on_behalf or changing:
            del self.fields["written_by_name"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        position = cleaned.get("position")
        if position in TEXT_REQUIRED and not cleaned.get("text", "").strip():
            self.add_error("text", TEXT_NEEDED[Position(position)])
        return cleaned

    def chosen_organisation(self) -> Organisation:
        chosen = self.cleaned_data.get("organisation") or next(iter(self.organisations))
        return self.organisations[chosen]


class ResponseForm(Form):
    text = forms.CharField(
        label="What changed because of this reply",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        help_text="What the partnership changed (the finding, the report, an action), or why "
        "nothing changed. Shown beside the reply.",
        error_messages={"required": "Say what changed because of the reply, or why nothing did"},
    )


class ReplyFilterForm(Form):
    organisation = forms.ChoiceField(required=False)
    position = forms.ChoiceField(required=False)
    responded = forms.ChoiceField(
        required=False,
        label="Manager's response",
        choices=[("", "With or without"), ("yes", "Responded"), ("no", "Not responded yet")],
    )

    def __init__(self, *args: Any, organisations: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", "Every organisation"), *organisations]
        self.fields["position"].choices = [("", "Any position"), *Position.choices]


class InviteForm(Form):
    """Whom a one-time link is for: a named organisation and, optionally, its person."""

    organisation = forms.ChoiceField(label="Organisation")
    person = forms.ChoiceField(
        label="Representative",
        required=False,
        help_text="Optional: the person of the organisation you will give the link to.",
    )

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {str(organisation.pk): organisation for organisation in organisations}
        self.fields["organisation"].choices = [
            (pk, organisation.name) for pk, organisation in self.organisations.items()
        ]
        self.people = {
            str(person.pk): person
            for organisation in organisations
            for person in organisation.people.all()
        }
        self.fields["person"].choices = [("", "Not named")] + [
            (pk, f"{person.name} ({person.organisation.name})")
            for pk, person in self.people.items()
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        person = self.people.get(cleaned.get("person") or "")
        organisation = self.organisations.get(cleaned.get("organisation") or "")
        if person and organisation and person.organisation_id != organisation.pk:
            self.add_error("person", f"{person.name} does not belong to {organisation.name}")
        return cleaned
