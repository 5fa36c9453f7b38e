"""Pages of the governance area: the overview of the three layers, a body's page, attendance,
leadership and the rules. Each view parses the request, calls one service of
:mod:`partnerscope.apps.governance.pages` and renders."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.form_pages import RecordWords, record_form_page
from partnerscope.apps.governance import cycles, pages
from partnerscope.apps.governance.forms import PartnerCycleForm
from partnerscope.apps.governance.inputs import governance_of
from partnerscope.apps.partnerships.models import Organisation


def section_menu(access: Access, active: str) -> list[dict[str, object]]:
    """The governance pages' own menu."""
    slug = access.partnership.slug
    entries = [
        ("overview", "Overview", "governance:overview"),
        ("attendance", "Attendance", "governance:attendance"),
        ("leadership", "Leadership", "governance:leadership"),
        ("cycles", "Planning cycles", "governance:cycles"),
        ("rules", "Rules", "governance:rules"),
    ]
    return [
        {"key": key, "label": label, "url": reverse(name, args=[slug]), "active": key == active}
        for key, label, name in entries
    ]


def page(
    request: HttpRequest,
    access: Access,
    template: str,
    title: str,
    active: str,
    context: dict[str, object],
) -> HttpResponse:
    return render(
        request,
        f"governance/{template}",
        {**context, "page_title": title, "sections": section_menu(access, active)},
    )


@partnership_view(Action.READ)
def overview(request: HttpRequest, access: Access) -> HttpResponse:
    return page(
        request,
        access,
        "overview.html",
        "Governance layers",
        "overview",
        pages.overview(access.partnership),
    )


@partnership_view(Action.READ)
def body(request: HttpRequest, access: Access, ref: str) -> HttpResponse:
    context = pages.body_page(access.partnership, ref)
    return page(request, access, "body.html", context["body"].name, "overview", context)


@partnership_view(Action.READ)
def attendance(request: HttpRequest, access: Access) -> HttpResponse:
    return page(
        request,
        access,
        "attendance.html",
        "Attendance",
        "attendance",
        pages.attendance_page(access.partnership),
    )


@partnership_view(Action.READ)
def leadership(request: HttpRequest, access: Access) -> HttpResponse:
    return page(
        request,
        access,
        "leadership.html",
        "Leadership",
        "leadership",
        pages.leadership_page(access.partnership),
    )


@partnership_view(Action.READ)
def rules(request: HttpRequest, access: Access) -> HttpResponse:
    return page(request, access, "rules.html", "Governance rules", "rules", pages.rules_page())


@partnership_view(Action.READ)
def cycles_timeline(request: HttpRequest, access: Access) -> HttpResponse:
    partnership = access.partnership
    context = cycles.cycles_page(partnership, governance_of(partnership))
    return page(request, access, "cycles.html", "Planning and reporting cycles", "cycles", context)


@partnership_view(Action.EDIT)
def cycle_form(request: HttpRequest, access: Access, organisation: str) -> HttpResponse:
    """Enter or change one partner's cycle; a new one starts from its sector's default."""
    partnership = access.partnership
    partner = get_object_or_404(Organisation.objects.in_partnership(partnership), ref=organisation)
    record = cycles.cycle_record(partnership, partner)
    form = PartnerCycleForm(request.POST or None, instance=record)
    words = RecordWords(
        "cycle", f"Enter the cycle of {partner.name}", f"Change the cycle of {partner.name}"
    )
    back = reverse("governance:cycles", args=[partnership.slug])
    return record_form_page(
        request,
        form,
        words,
        transaction.atomic(form.save),
        "governance/form.html",
        back,
        intro="Months run from January to December; a window may run over the year end.",
    )
