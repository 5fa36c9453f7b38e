"""Pages of the resource ledger: the ledger with filters and totals, its CSV, a line's add
and change pages and the settings."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.form_pages import RecordWords, record_form_page
from partnerscope.apps.resources import forms
from partnerscope.apps.resources.ledger import build_ledger, chosen_filters, ledger_csv
from partnerscope.apps.resources.lookups import settings_of
from partnerscope.apps.resources.models import Contribution
from partnerscope.apps.resources.recording import save_line

LINES_PER_PAGE = 100
LINE_WORDS = RecordWords("ledger line", "Add a ledger line", "Change ledger line {}")


def page_url(name: str, access: Access, *args: Any) -> str:
    return reverse(f"resources:{name}", args=[access.partnership.slug, *args])


def posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


@partnership_view(Action.READ)
def ledger(request: HttpRequest, access: Access) -> HttpResponse:
    chosen = chosen_filters(request.GET)
    built = build_ledger(access.partnership, chosen)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "resources/ledger.html",
        {
            "ledger": built,
            "page": Paginator(built.lines, LINES_PER_PAGE).get_page(request.GET.get("page")),
            "query": query.urlencode(),
            "page_title": "Resource ledger",
        },
    )


@partnership_view(Action.READ)
def ledger_download(request: HttpRequest, access: Access) -> HttpResponse:
    response = HttpResponse(
        ledger_csv(access.partnership, chosen_filters(request.GET)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{access.partnership.slug}-resource-ledger.csv"'
    )
    return response


@partnership_view(Action.EDIT)
def line_add(request: HttpRequest, access: Access) -> HttpResponse:
    return line_page(request, access, Contribution(partnership=access.partnership))


@partnership_view(Action.EDIT)
def line_edit(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    line = get_object_or_404(Contribution, pk=pk, partnership=access.partnership)
    return line_page(request, access, line)


def line_page(request: HttpRequest, access: Access, line: Contribution) -> HttpResponse:
    form = forms.ContributionForm(posted(request), instance=line, partnership=access.partnership)

    def save() -> Contribution:
        fields = {name: form.cleaned_data.get(name) for name in form.Meta.fields}
        return save_line(access.partnership, fields, form.cleaned_data["outcomes"], line.ref)

    return record_form_page(
        request,
        form,
        LINE_WORDS,
        save,
        "resources/form.html",
        page_url("ledger", access),
        caption="Resource ledger",
    )


@partnership_view(Action.EDIT)
def settings(request: HttpRequest, access: Access) -> HttpResponse:
    form = forms.SettingsForm(posted(request), instance=settings_of(access.partnership))
    return record_form_page(
        request,
        form,
        RecordWords("resource settings", "Resource settings", "Resource settings"),
        form.save,
        "resources/form.html",
        page_url("ledger", access),
        caption="Resource ledger",
    )
