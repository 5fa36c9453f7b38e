"""Forms of the delivery chains area: chains, nodes, links, workshops, answers and actions.

The checks here mirror the analysis core's own rules for a valid chain (one outcome, a layer
only on a body, funding fields only on funding links, a risk scored in full), so what a
form accepts the core can analyse.
"""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.chains.choices import (
    QUESTION_TITLES,
    LinkType,
    NodeKind,
    ParticipantLevel,
    Question,
    RatingValue,
)
from partnerscope.apps.chains.models import Chain, ChainLink, ChainNode, Workshop
from partnerscope.apps.chains.rating import Answers
from partnerscope.apps.chains.workshops import LinkPair
from partnerscope.apps.common.forms import Form, ModelForm
from partnerscope.apps.partnerships.models import Body, Organisation, Person

RISK_CHOICES = [
    ("", "Not assessed"),
    (1, "1: very low"),
    (2, "2: low"),
    (3, "3: medium"),
    (4, "4: high"),
    (5, "5: very high"),
]


class ChainForm(ModelForm):
    class Meta:
        model = Chain
        fields = ["outcome_title", "outcome_description", "target_date"]
        widgets = {
            "target_date": forms.DateInput,
            "outcome_description": forms.Textarea(attrs={"rows": 4}),
        }


class NodeForm(ModelForm):
    """A node other than the outcome (a chain has its one outcome from the start)."""

    class Meta:
        model = ChainNode
        fields = ["kind", "name", "body", "organisation", "layer"]
        widgets = {"kind": forms.RadioSelect, "layer": forms.RadioSelect}
        labels = {"kind": "What is it?", "body": "Which body", "organisation": "Which organisation"}
        help_texts = {
            "name": "For example, Youth support service. Leave empty to use the name of the "
            "body or organisation chosen below.",
        }

    def __init__(self, *args: Any, chain: Chain, **kwargs: Any) -> None:
        self.chain = chain
        super().__init__(*args, **kwargs)
        partnership = chain.partnership
        self.fields["kind"].choices = [
            (value, label) for value, label in NodeKind.choices if value != NodeKind.OUTCOME
        ]
        self.fields["name"].required = False
        self.fields["body"].queryset = Body.objects.in_partnership(partnership)
        self.fields["body"].empty_label = "None"
        self.fields["organisation"].queryset = Organisation.objects.in_partnership(partnership)
        self.fields["organisation"].empty_label = "None"
        self.fields["layer"].choices = self.fields["layer"].choices[1:]
        self.fields["layer"].help_text = (
            "For a partnership body only. Leave unselected to take the layer of the body "
            "chosen above."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind, body = data.get("kind"), data.get("body")
        organisation = data.get("organisation")
        if kind and kind != NodeKind.BODY:
            if body is not None:
                self.add_error("body", "Only a partnership body can be one of the bodies.")
            if data.get("layer"):
                self.add_error("layer", "Only a partnership body sits in a governance layer.")
        if kind == NodeKind.BODY and body is not None and not data.get("layer"):
            data["layer"] = body.governance_layer
        if not (data.get("name") or "").strip():
            chosen = body or organisation
            if chosen is None:
                self.add_error("name", "Enter a name, or choose a body or organisation.")
            else:
                data["name"] = chosen.name
        name = (data.get("name") or "").strip()
        clash = self.chain.nodes.filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if name and clash.exists():
            self.add_error("name", "This chain already has a node of that name.")
        return data


class LinkForm(ModelForm):
    likelihood = forms.TypedChoiceField(
        label="Risk likelihood",
        choices=RISK_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text="How likely the link is to fail.",
    )
    impact = forms.TypedChoiceField(
        label="Risk impact",
        choices=RISK_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text="How badly the outcome would suffer if the link failed.",
    )

    class Meta:
        model = ChainLink
        fields = [
            "source",
            "type",
            "target",
            "owner_person",
            "owner",
            "indicator",
            "amount",
            "secure_until",
            "frequency",
            "likelihood",
            "impact",
        ]
        widgets = {"secure_until": forms.DateInput}
        labels = {"owner": "Owner, if not listed"}
        help_texts = {
            "source": "The node the link starts from.",
            "target": "The node the link goes to.",
            "type": "Money, commissioning, delivery and referral run down the chain; "
            "accountability and data run back up it.",
        }

    def __init__(self, *args: Any, chain: Chain, **kwargs: Any) -> None:
        self.chain = chain
        super().__init__(*args, **kwargs)
        nodes = chain.nodes.all()
        for name in ("source", "target"):
            self.fields[name].queryset = nodes
            self.fields[name].empty_label = "Choose a node"
            self.fields[name].label_from_instance = lambda node: (
                f"{node.name} ({NodeKind(node.kind).label.lower()})"
            )
        self.fields["type"].choices = [("", "Choose a link type"), *LinkType.choices]
        self.fields["owner_person"].queryset = Person.objects.in_partnership(chain.partnership)
        self.fields["owner_person"].empty_label = "Not listed"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        source, target, kind = data.get("source"), data.get("target"), data.get("type")
        if source and target and source == target:
            self.add_error("target", "Choose a different node from the one the link starts from.")
        if kind and kind != LinkType.FUNDS:
            for name in ("amount", "secure_until"):
                if data.get(name) is not None:
                    self.add_error(name, "Only a funding link carries money. Leave this empty.")
        if kind and kind != LinkType.REPORTS_DATA_TO and data.get("frequency") is not None:
            self.add_error("frequency", "Only a data link has a reporting frequency.")
        if (data.get("likelihood") is None) != (data.get("impact") is None):
            missing = "impact" if data.get("impact") is None else "likelihood"
            self.add_error(missing, "Score both likelihood and impact, or neither.")
        if source and target and kind:
            clash = ChainLink.objects.filter(source=source, target=target, type=kind)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("type", "The chain already has this link.")
        return data

    def validate_unique(self) -> None:
        """Uniqueness is checked in :meth:`clean`, with a message naming the field."""


class WorkshopForm(ModelForm):
    class Meta:
        model = Workshop
        fields = ["title", "held_on", "is_open"]
        widgets = {"held_on": forms.DateInput}


class InvitationForm(Form):
    count = forms.IntegerField(
        label="How many links?",
        min_value=1,
        max_value=60,
        initial=15,
        help_text="One single-use link for each participant, from 1 to 60. Each link works "
        "once and needs no sign-in.",
    )


class RatingForm(Form):
    """The twelve questions for the whole chain, the participant's level, optional ratings of
    the links they know, and a comment."""

    def __init__(self, *args: Any, pairs: list[LinkPair], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pairs = pairs
        self.fields["level"] = forms.ChoiceField(
            label="Which best describes your part in this chain?",
            choices=ParticipantLevel.choices,
            widget=forms.RadioSelect,
            error_messages={
                "required": "Select whether you work at strategic or operational level"
            },
        )
        for number, (question, text) in enumerate(Question.choices, start=1):
            self.fields[question] = forms.ChoiceField(
                label=f"{number}. {text}",
                choices=RatingValue.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Rate question {number}, or select don't know"},
            )
        for index in range(len(pairs)):
            for number, (question, _) in enumerate(Question.choices, start=1):
                self.fields[self.link_field(index, question)] = forms.ChoiceField(
                    label=f"{number}. {QUESTION_TITLES[question]}",
                    choices=RatingValue.choices,
                    widget=forms.RadioSelect,
                    required=False,
                )
        self.fields["comment"] = forms.CharField(
            label="Comments",
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text="Anything the partnership should know about this chain. Do not name "
            "yourself or others: comments are shown to everyone with the results.",
        )

    @staticmethod
    def link_field(index: int, question: str) -> str:
        return f"link{index}_{question}"

    def chain_fields(self) -> list[Any]:
        return [self[question] for question in Question.values]

    def link_groups(self) -> list[tuple[LinkPair, list[Any]]]:
        return [
            (pair, [self[self.link_field(index, question)] for question in Question.values])
            for index, pair in enumerate(self.pairs)
        ]

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(
            level=data["level"],
            chain={question: data[question] for question in Question.values},
            links={
                pair.key: {
                    question: data.get(self.link_field(index, question)) or ""
                    for question in Question.values
                }
                for index, pair in enumerate(self.pairs)
            },
            comment=data.get("comment", ""),
        )
