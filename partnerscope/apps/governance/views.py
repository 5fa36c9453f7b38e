"""Pages of the governance area: the overview of the three layers, a body's page, attendance,
leadership and the rules. Each view parses the request, calls one service of
:mod:`partnerscope.apps.governance.pages` and renders."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.governance import cycles, pages
from partnerscope.apps.governance.inputs import governance_of


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
