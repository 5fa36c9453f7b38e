"""The action plan's forms: an action (with the findings it answers and its chain context),
a progress note, and the plan's filters."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.actions.choices import ActionStatus
from partnerscope.apps.actions.models import Action
from partnerscope.apps.actions.services import FindingKey, key_text, parse_key
from partnerscope.apps.chains import selectors as chains
from partnerscope.apps.common.forms import Form, ModelForm
from partnerscope.apps.partnerships.models import Organisation, Person

LINK_SEPARATOR = ">"


class ActionForm(ModelForm):
    """An action of the plan. The findings are typed one key a line; the chain context is
    chosen from the partnership's chains, links, questions and workshops."""

    finding_keys = forms.CharField(
        label="Findings it answers",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One finding a line, as area/rule/subject kind/subject ref (the finding's "
        "page offers an action with its finding filled in). Optional.",
    )
    link = forms.ChoiceField(label="Link of the chain", required=False)

    class Meta:
        model = Action
        fields = [
            "title",
            "description",
            "owner_organisation",
            "owner_person",
            "owner_other",
            "due",
            "status",
            "created_on",
            "chain_ref",
            "question",
            "workshop_ref",
        ]
        widgets = {
            "due": forms.DateInput,
            "created_on": forms.DateInput,
            "status": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "chain_ref": forms.Select,
            "question": forms.Select,
            "workshop_ref": forms.Select,
        }
        labels = {
            "chain_ref": "Delivery chain",
            "question": "Workshop question",
            "workshop_ref": "Workshop",
        }
        help_texts = {
            "due": "For example 31/3/2027. Optional.",
            "created_on": "The day the action was agreed.",
            "chain_ref": "The chain the action strengthens, if any.",
            "question": "The question of the chain's workshop the action answers, if any.",
            "workshop_ref": "The workshop that agreed it, if any.",
        }

    field_order = [
        "title",
        "description",
        "finding_keys",
        "owner_organisation",
        "owner_person",
        "owner_other",
        "due",
        "status",
        "created_on",
        "chain_ref",
        "link",
        "question",
        "workshop_ref",
    ]

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["owner_organisation"].queryset = Organisation.objects.in_partnership(
            partnership
        )
        self.fields["owner_organisation"].empty_label = "Not yet agreed"
        self.fields["owner_person"].queryset = Person.objects.in_partnership(
            partnership
        ).select_related("organisation")
        self.fields["owner_person"].empty_label = "Not yet agreed"
        self.fields["chain_ref"].widget.choices = [
            ("", "No delivery chain"),
            *chains.chain_choices(partnership),
        ]
        self.fields["link"].choices = [
            ("", "No particular link"),
            *[
                (f"{source}{LINK_SEPARATOR}{target}", label)
                for _chain, source, target, label in chains.chain_link_choices(partnership)
            ],
        ]
        self.fields["question"].widget.choices = [
            ("", "No particular question"),
            *chains.question_choices(),
        ]
        self.fields["workshop_ref"].widget.choices = [
            ("", "None"),
            *[(ref, title) for _chain, ref, title in chains.chain_workshop_choices(partnership)],
        ]
        if self.instance.pk is not None and not self.is_bound:
            self.initial["finding_keys"] = "\n".join(
                key_text(link.key) for link in self.instance.findings.all()
            )
            if self.instance.link:
                self.initial["link"] = LINK_SEPARATOR.join(self.instance.link)

    def clean_finding_keys(self) -> list[FindingKey]:
        keys: list[FindingKey] = []
        for number, line in enumerate(self.cleaned_data["finding_keys"].splitlines(), start=1):
            if not line.strip():
                continue
            key = parse_key(line)
            if key is None:
                raise forms.ValidationError(
                    f"Line {number} ({line.strip()!r}) is not a finding key: write it as "
                    "area/rule/subject kind/subject ref."
                )
            keys.append(key)
        return keys

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        person, organisation = data.get("owner_person"), data.get("owner_organisation")
        if person is not None and organisation is None:
            data["owner_organisation"] = person.organisation
        link_text = data.get("link") or ""
        link = tuple(link_text.split(LINK_SEPARATOR, 1)) if link_text else None
        problems = chains.chain_context_problems(
            self.partnership,
            data.get("chain_ref") or "",
            link,  # type: ignore[arg-type]
            data.get("question") or "",
            data.get("workshop_ref") or "",
        )
        fields = {"chain": "chain_ref", "link": "link", "question": "question"}
        for part, message in problems.items():
            self.add_error(fields.get(part, "workshop_ref"), message)
        return data

    def save(self, commit: bool = True) -> Action:
        action: Action = super().save(commit=False)
        link_text = self.cleaned_data.get("link") or ""
        source, _, target = link_text.partition(LINK_SEPARATOR)
        action.link_source_ref, action.link_target_ref = source, target
        if commit:
            action.save()
        return action


class NoteForm(Form):
    date = forms.DateField(
        label="Date", widget=forms.DateInput, help_text="When the progress was made."
    )
    text = forms.CharField(
        label="Progress",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What has been done, or what stands in the way.",
        max_length=5000,
    )


class PlanFilterForm(Form):
    status = forms.ChoiceField(required=False)
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), required=False, label="Owner organisation"
    )
    area = forms.ChoiceField(required=False, label="Answering findings of")
    overdue = forms.BooleanField(required=False, label="Overdue only")
    unowned = forms.BooleanField(required=False, label="Unowned only")

    def __init__(self, *args: Any, partnership: Any, areas: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Any status"), *ActionStatus.choices]
        self.fields["organisation"].queryset = Organisation.objects.in_partnership(partnership)
        self.fields["organisation"].empty_label = "Any organisation"
        self.fields["area"].choices = [("", "Any area"), *[(a, a.capitalize()) for a in areas]]
