"""The managers' pages: add a committee, a committee member, a review, a Councillor Call
for Action referral and a training record. Each saves a new versioned record with a ref
made from its name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.forms import ModelForm
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.partnerships.models import Body, Organisation, Person
from partnerscope.apps.scrutiny.models import (
    Committee,
    CommitteeMember,
    Referral,
    Review,
    Training,
)

DATE = forms.DateInput(attrs={"type": "date"})


class CommitteeForm(ModelForm):
    class Meta:
        model = Committee
        fields = ["name", "kind", "councils"]


class MemberForm(ModelForm):
    class Meta:
        model = CommitteeMember
        fields = ["name", "council", "role"]


class ReviewForm(ModelForm):
    class Meta:
        model = Review
        fields = ["topic", "scope", "started", "ended", "organisations_called", "bodies_called"]
        widgets = {
            "started": DATE,
            "ended": DATE,
            "organisations_called": forms.CheckboxSelectMultiple,
            "bodies_called": forms.CheckboxSelectMultiple,
        }


class ReferralForm(ModelForm):
    class Meta:
        model = Referral
        fields = ["councillor", "matter", "received", "decision", "decided", "reasons"]
        widgets = {"received": DATE, "decided": DATE}


class TrainingForm(ModelForm):
    class Meta:
        model = Training
        fields = ["person", "member", "topic", "date", "provider", "partnership_working"]
        widgets = {"date": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("person")) == bool(data.get("member")):
            self.add_error("person", "Choose one board member or one committee member.")
        return data


def committee_or_404(access: Access, ref: str) -> Committee:
    committee = Committee.objects.filter(partnership=access.partnership, ref=ref).first()
    if committee is None:
        raise Http404("No such committee")
    return committee


def limit_choices(form: ModelForm, partnership: Any) -> None:
    """Offer only this partnership's organisations, bodies, people and members."""
    choices = {
        "organisations_called": Organisation.objects.filter(
            participations__partnership=partnership
        ),
        "bodies_called": Body.objects.filter(partnership=partnership),
        "person": Person.objects.filter(partnership=partnership),
        "member": CommitteeMember.objects.filter(committee__partnership=partnership),
    }
    for name, queryset in choices.items():
        if name in form.fields:
            form.fields[name].queryset = queryset  # type: ignore[attr-defined]


def add_page(
    request: HttpRequest, access: Access, form_class: type[ModelForm], title: str, **parent: Any
) -> HttpResponse:
    """Show and save one form; the new record belongs to ``parent`` (its foreign key)."""
    index = reverse("scrutiny:index", args=[access.partnership.slug])
    posted = request.POST if request.method == "POST" else None
    form = form_class(posted)
    limit_choices(form, access.partnership)
    if posted is not None and form.is_valid():
        record = form.save(commit=False)
        for name, value in parent.items():
            setattr(record, name, value)
        model = type(record)
        (parent_name, parent_value), *_ = parent.items()
        label = str(
            getattr(record, "name", "") or getattr(record, "topic", "") or model._meta.model_name
        )
        record.ref = unique_ref(model.objects.filter(**{parent_name: parent_value}), label[:40])
        record.save()
        form.save_m2m()
        messages.success(request, f"{title}: saved.")
        return HttpResponseRedirect(index)
    return render(
        request,
        "scrutiny/form.html",
        {
            "form": form,
            "caption": "Overview and scrutiny",
            "page_title": title,
            "submit_label": "Save",
            "back_url": index,
            "cancel_url": index,
        },
        status=400 if form.errors else 200,
    )


@partnership_view(Action.EDIT)
def committee_new(request: HttpRequest, access: Access) -> HttpResponse:
    return add_page(
        request, access, CommitteeForm, "Add a committee", partnership=access.partnership
    )


@partnership_view(Action.EDIT)
def member_new(request: HttpRequest, access: Access, ref: str) -> HttpResponse:
    committee = committee_or_404(access, ref)
    return add_page(request, access, MemberForm, "Add a committee member", committee=committee)


@partnership_view(Action.EDIT)
def review_new(request: HttpRequest, access: Access, ref: str) -> HttpResponse:
    committee = committee_or_404(access, ref)
    return add_page(request, access, ReviewForm, "Add a review", committee=committee)


@partnership_view(Action.EDIT)
def referral_new(request: HttpRequest, access: Access, ref: str) -> HttpResponse:
    committee = committee_or_404(access, ref)
    return add_page(
        request, access, ReferralForm, "Add a Councillor Call for Action", committee=committee
    )


@partnership_view(Action.EDIT)
def training_new(request: HttpRequest, access: Access) -> HttpResponse:
    return add_page(
        request, access, TrainingForm, "Add a training record", partnership=access.partnership
    )
