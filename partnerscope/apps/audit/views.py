"""The partnership's audit log and personal-data requests, for its managers; a person's own
data, for them."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.audit import personal_data, services
from partnerscope.apps.audit.forms import AuditFilterForm, ConfirmErasureForm
from partnerscope.apps.partnerships.models import Person


def json_download(data: dict[str, object], filename: str) -> HttpResponse:
    """A personal-data file to download (kept out of caches by the site's no-store rule)."""
    response = HttpResponse(
        json.dumps(data, cls=personal_data.ENCODER, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@partnership_view(Action.EDIT)
def audit_log(request: HttpRequest, access: Access) -> HttpResponse:
    form = AuditFilterForm(request.GET or None, people=services.people_in_log(access.partnership))
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "log": services.log_page(access.partnership, filters, request.GET.get("page")),
            "retention_days": settings.AUDIT_RETENTION_DAYS,
            "page_title": "Audit log",
        },
        status=400 if form.errors else 200,
    )


def person_or_404(access: Access, pk: int) -> Person:
    person = (
        Person.objects.filter(partnership=access.partnership, pk=pk).select_related("user").first()
    )
    if person is None:
        raise Http404("No such person.")
    return person


def people_url(access: Access) -> str:
    return reverse("audit:people", args=[access.partnership.slug])


@partnership_view(Action.EDIT)
def people(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "audit/people.html",
        {
            "people": services.people_page(
                access.partnership, request.GET.get("page"), request.GET.get("q", "")
            ),
            "search": request.GET.get("q", ""),
            "query": urlencode({"q": request.GET["q"]}) if request.GET.get("q") else "",
            "page_title": "Personal data requests",
            "back_url": reverse("audit:log", args=[access.partnership.slug]),
        },
    )


@partnership_view(Action.EDIT)
def person_export(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    person = person_or_404(access, pk)
    subject = personal_data.subject_for_person(person, access.partnership)
    data = personal_data.export_for(subject, request=request)
    return json_download(data, f"{access.partnership.slug}-{person.ref}-personal-data.json")


@partnership_view(Action.EDIT)
def person_erase(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    person = person_or_404(access, pk)
    form = ConfirmErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        name = person.name
        subject = personal_data.subject_for_person(person, access.partnership)
        result = personal_data.erase(subject, request=request)
        note = f" {result.account_kept_because}" if result.account_kept_because else ""
        messages.success(request, f"The personal data of {name} has been erased.{note}")
        return HttpResponseRedirect(people_url(access))
    return render(
        request,
        "audit/erase.html",
        {
            "form": form,
            "person": person,
            "page_title": f"Erase the personal data of {person.name}",
            "back_url": people_url(access),
            "cancel_url": people_url(access),
        },
        status=400 if form.errors else 200,
    )


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "audit/my_data.html", {"page_title": "Your personal data"})


@login_required
def my_data_export(request: HttpRequest) -> HttpResponse:
    subject = personal_data.subject_for_user(request.user)
    data = personal_data.export_for(subject, request=request)
    return json_download(data, personal_data.filename_for(subject))
