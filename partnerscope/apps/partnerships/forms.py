"""Forms for a partnership's organisations, people, bodies and memberships."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.common.forms import Form, ModelForm
from partnerscope.apps.partnerships.choices import Function
from partnerscope.apps.partnerships.models import (
    Body,
    Membership,
    Organisation,
    Partnership,
    Person,
)


class PartnershipScopedForm(ModelForm):
    """A model form whose choices are limited to one partnership's records."""

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        self.partnership = partnership
        super().__init__(*args, **kwargs)


class OrganisationForm(PartnershipScopedForm):
    statutory = forms.BooleanField(
        required=False,
        label="Statutory partner",
        help_text="Tick if the law requires this organisation to take part.",
    )

    class Meta:
        model = Organisation
        fields = ["name", "sector"]
        help_texts = {"name": "For example, Northshire County Council."}

    def __init__(self, *args: Any, shared_with_others: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [
            ("", "Choose a sector"),
            *self.fields["sector"].choices[1:],
        ]
        if shared_with_others:
            for name in ("name", "sector"):
                self.fields[name].disabled = True
                self.fields[name].help_text = (
                    "Shared with another partnership you do not manage, so it cannot be "
                    "changed here."
                )

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        clash = Organisation.objects.in_partnership(self.partnership).filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                "This partnership already has an organisation of that name."
            )
        return name


class PersonForm(PartnershipScopedForm):
    class Meta:
        model = Person
        fields = ["name", "organisation", "job_title", "email"]
        help_texts = {"email": "Used to send survey invitations. Optional."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.in_partnership(self.partnership)
        self.fields["organisation"].empty_label = "Choose an organisation"


class BodyForm(PartnershipScopedForm):
    functions = forms.MultipleChoiceField(
        choices=Function.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
    )

    class Meta:
        model = Body
        fields = ["name", "governance_layer", "parent", "functions"]
        widgets = {"governance_layer": forms.RadioSelect}
        labels = {"parent": "Reports to"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = Body.objects.in_partnership(self.partnership)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = "None: it reports to no other body"
        self.fields["governance_layer"].choices = self.fields["governance_layer"].choices[1:]


class MembershipForm(PartnershipScopedForm):
    class Meta:
        model = Membership
        fields = ["person", "body", "role", "start", "end"]
        widgets = {"start": forms.DateInput, "end": forms.DateInput}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.in_partnership(self.partnership)
        self.fields["body"].queryset = Body.objects.in_partnership(self.partnership)
        self.fields["person"].empty_label = "Choose a person"
        self.fields["body"].empty_label = "Choose a body"


class ImportForm(Form):
    package = forms.FileField(
        label="Data package",
        help_text="A .zip file holding datapackage.json and its CSV files, as exported.",
    )

    def clean_package(self) -> Any:
        upload = self.cleaned_data["package"]
        if not upload.name.lower().endswith(".zip"):
            raise forms.ValidationError("Choose a .zip file.")
        return upload
