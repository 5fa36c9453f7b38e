"""The alignment page: the partner × outcome table and chart, unfunded priorities, money
beside performance and contributions beside involvement."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.resources.alignment import build_alignment, table_rows
from partnerscope.apps.resources.alignment_chart import alignment_chart


@partnership_view(Action.READ)
def alignment(request: HttpRequest, access: Access) -> HttpResponse:
    raw = request.GET.get("year", "").strip()
    year = int(raw) if raw.isdigit() else None
    view = build_alignment(access.partnership, year)
    by_rule: dict[str, list[object]] = {}
    for check in view.checks:
        by_rule.setdefault(check.rule, []).append(check)
    return render(
        request,
        "resources/alignment.html",
        {
            "view": view,
            "table": table_rows(view),
            "chart": alignment_chart(view),
            "by_rule": by_rule,
            "partners": [
                (p, view.names.get(p.organisation, p.organisation)) for p in view.result.partners
            ],
            "page_title": "Alignment of resources",
        },
    )
