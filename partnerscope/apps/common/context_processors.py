"""Values every template can use: the version and, inside a partnership, its menu."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

import partnerscope
from partnerscope.apps.common.extensions import manager_menu_entries, menu_entries

PARTNERSHIP_MENU = [
    ("Overview", "partnerships:overview"),
    ("Organisations", "partnerships:organisation_list"),
    ("People", "partnerships:person_list"),
    ("Bodies", "partnerships:body_list"),
    ("Memberships", "partnerships:membership_list"),
    ("Data", "partnerships:data"),
]
MANAGER_MENU = [("Access", "access:list")]


def site(request: HttpRequest) -> dict[str, Any]:
    context: dict[str, Any] = {"version": partnerscope.__version__}
    access = getattr(request, "access", None)
    if access is not None:
        context["access"] = access
        context["partnership_menu"] = menu_for(request, access.partnership.slug, access.can_edit)
    return context


def menu_for(request: HttpRequest, slug: str, can_edit: bool = False) -> list[dict[str, Any]]:
    """The partnership's section links, the current one marked active."""
    items = []
    entries = [*PARTNERSHIP_MENU[:1], *menu_entries(), *PARTNERSHIP_MENU[1:]]
    if can_edit:
        entries += [*MANAGER_MENU, *manager_menu_entries()]
    for label, name in entries:
        url = reverse(name, args=[slug])
        active = (
            request.path == url if name == "partnerships:overview" else request.path.startswith(url)
        )
        items.append({"label": label, "url": url, "active": active})
    return items
