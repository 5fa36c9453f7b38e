"""Pages of the unit-cost library: the list at a chosen base year's prices, an entry's
add, change and delete pages, and the CSV import (all rows or none)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.form_pages import RecordWords, record_form_page
from partnerscope.apps.costs import library
from partnerscope.apps.costs.forms import UnitCostForm, UnitCostImportForm
from partnerscope.apps.costs.models import UnitCost
from partnerscope.reference.costs import load_deflators

WORDS = RecordWords("unit cost", "Add a unit cost", "Change unit cost {}")


def _list_url(access: Access) -> str:
    return reverse("costs:unit_costs", args=[access.partnership.slug])


def _base_year(request: HttpRequest) -> tuple[int, str]:
    """The base year asked for (kept within the deflator's years), and a problem if any."""
    series = load_deflators()
    default = library.default_base_year(series, date.today().year)
    asked = request.GET.get("base_year", "").strip()
    if not asked:
        return default, ""
    if asked.isdigit() and int(asked) in series.index:
        return int(asked), ""
    first, last = min(series.index), max(series.index)
    return default, f"Base year must be a year from {first} to {last}"


@partnership_view(Action.READ)
def unit_costs(request: HttpRequest, access: Access) -> HttpResponse:
    base_year, problem = _base_year(request)
    series = load_deflators()
    return render(
        request,
        "costs/unit_costs.html",
        {
            "page_title": "Unit-cost library",
            "base_year": base_year,
            "asked_year": request.GET.get("base_year", ""),
            "problem": problem,
            "entries": library.uprated_library(access.partnership, base_year),
            "deflator": series,
        },
        status=400 if problem else 200,
    )


@partnership_view(Action.EDIT)
def unit_cost_form(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
    entry = (
        get_object_or_404(UnitCost, partnership=access.partnership, pk=pk)
        if pk is not None
        else None
    )
    form = UnitCostForm(request.POST or None, instance=entry, partnership=access.partnership)
    return record_form_page(
        request,
        form,
        WORDS,
        lambda: library.save_unit_cost(access.partnership, form),
        "costs/form.html",
        _list_url(access),
    )


@partnership_view(Action.EDIT)
def unit_cost_delete(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    entry = get_object_or_404(UnitCost, partnership=access.partnership, pk=pk)
    if request.method == "POST":
        entry.delete()
        messages.success(request, f"Unit cost deleted: {entry}.")
        return HttpResponseRedirect(_list_url(access))
    return render(
        request,
        "costs/delete.html",
        {
            "noun": "unit cost",
            "instance": entry,
            "page_title": f"Delete unit cost {entry}",
            "back_url": _list_url(access),
            "cancel_url": _list_url(access),
        },
    )


@partnership_view(Action.EDIT)
def unit_cost_import(request: HttpRequest, access: Access) -> HttpResponse:
    """Read a CSV file into the library; every bad row is listed and nothing is saved."""
    form = UnitCostImportForm(request.POST or None, request.FILES or None)
    row_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            added, changed = library.import_unit_costs(
                access.partnership,
                form.cleaned_data["file"],
                form.cleaned_data["source"],
                form.cleaned_data["licence"],
            )
        except library.UnitCostErrors as problems:
            row_errors = list(problems.errors)
        else:
            messages.success(request, f"Unit costs imported: {added} added, {changed} changed.")
            return HttpResponseRedirect(_list_url(access))
    failed = bool(form.errors or row_errors)
    return render(
        request,
        "costs/unit_cost_import.html",
        {
            "form": form,
            "row_errors": row_errors,
            "page_title": "Import unit costs",
            "submit_label": "Import",
            "back_url": _list_url(access),
            "cancel_url": _list_url(access),
        },
        status=400 if failed else 200,
    )
