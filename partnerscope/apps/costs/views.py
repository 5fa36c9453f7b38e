"""Pages of the initiatives: the list, the editor in steps (settings, costs, outcomes,
benefits, assumptions), the results and the download of the year flows.

Each view parses the request, calls one service and renders. A refused form is shown again
with everything typed kept and each error beside its field (status 400); nothing is saved.
"""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.form_pages import RecordWords, record_form_page
from partnerscope.apps.costs import editing, forms, results
from partnerscope.apps.costs.models import Initiative
from partnerscope.datapackage.csvfiles import CsvWriter

INITIATIVE_WORDS = RecordWords("initiative", "Add an initiative", "Change initiative {}")


def get_initiative(access: Access, pk: int) -> Initiative:
    return get_object_or_404(
        Initiative.objects.filter(partnership=access.partnership).select_related("partnership"),
        pk=pk,
    )


def initiative_url(name: str, initiative: Initiative, *args: Any) -> str:
    return reverse(f"costs:{name}", args=[initiative.partnership.slug, initiative.pk, *args])


def editor_context(initiative: Initiative, current: str, **extra: Any) -> dict[str, Any]:
    """What every page of one initiative shows: its name and the steps of the editor."""
    sections = [("settings", "Settings", initiative_url("initiative_edit", initiative))]
    sections += [
        (step.key, step.title, initiative_url("initiative_step", initiative, step.key))
        for step in editing.STEPS.values()
    ]
    sections.append(("results", "Results", initiative_url("initiative_results", initiative)))
    return {
        "initiative": initiative,
        "caption": initiative.name,
        "initiative_sections": [
            {"key": key, "label": label, "url": url, "active": key == current}
            for key, label, url in sections
        ],
        **extra,
    }


@partnership_view(Action.READ)
def index(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "costs/initiative_list.html",
        {
            "page_title": "Initiatives: costs and benefits",
            "summaries": results.initiative_summaries(access.partnership),
        },
    )


@partnership_view(Action.EDIT)
def initiative_form(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
    initiative = get_initiative(access, pk) if pk is not None else None
    form = forms.InitiativeForm(request.POST or None, instance=initiative)
    context = editor_context(initiative, "settings") if initiative else {}
    back = (
        initiative_url("initiative_results", initiative)
        if initiative
        else reverse("costs:index", args=[access.partnership.slug])
    )
    return record_form_page(
        request,
        form,
        INITIATIVE_WORDS,
        lambda: editing.save_initiative(access, form),
        "costs/initiative_form.html",
        back,
        lambda saved: initiative_url("initiative_step", saved, "costs"),
        **context,
    )


def _step(key: str) -> editing.Step:
    if key not in editing.STEPS:
        raise Http404("No such step")
    return editing.STEPS[key]


@partnership_view(Action.READ)
def initiative_step(request: HttpRequest, access: Access, pk: int, step: str) -> HttpResponse:
    """One step of the editor: its rows, and (for managers) the form that adds one."""
    initiative = get_initiative(access, pk)
    current = _step(step)
    form = None
    status = 200
    if access.can_edit:
        form = current.form(request.POST or None, initiative=initiative)
        if request.method == "POST":
            if form.is_valid():
                saved = editing.save_part(initiative, form)
                messages.success(request, f"{current.noun.capitalize()} added: {saved}.")
                return HttpResponseRedirect(initiative_url("initiative_step", initiative, step))
            status = 400
    elif request.method == "POST":
        raise PermissionDenied("Your role does not allow you to edit here.")
    rows = [
        {
            "cells": [value(row) for _, value in current.columns],
            "edit_url": initiative_url("part_edit", initiative, step, row.pk),
            "delete_url": initiative_url("part_delete", initiative, step, row.pk),
            "label": str(row),
        }
        for row in current.rows(initiative)
    ]
    return render(
        request,
        "costs/initiative_step.html",
        editor_context(
            initiative,
            step,
            step=current,
            rows=rows,
            headings=[heading for heading, _ in current.columns],
            form=form,
            page_title=current.title,
            submit_label=f"Add {current.noun}",
        ),
        status=status,
    )


@partnership_view(Action.EDIT)
def part_edit(
    request: HttpRequest, access: Access, pk: int, step: str, row_pk: int
) -> HttpResponse:
    initiative = get_initiative(access, pk)
    current = _step(step)
    row = editing.find_part(initiative, current, row_pk)
    form = current.form(request.POST or None, instance=row, initiative=initiative)
    back = initiative_url("initiative_step", initiative, step)
    words = RecordWords(current.noun, f"Add {current.noun}", f"Change {current.noun} {{}}")
    return record_form_page(
        request,
        form,
        words,
        lambda: editing.save_part(initiative, form),
        "costs/initiative_form.html",
        back,
        **editor_context(initiative, step),
    )


@partnership_view(Action.EDIT)
def part_delete(
    request: HttpRequest, access: Access, pk: int, step: str, row_pk: int
) -> HttpResponse:
    initiative = get_initiative(access, pk)
    current = _step(step)
    row = editing.find_part(initiative, current, row_pk)
    back = initiative_url("initiative_step", initiative, step)
    if request.method == "POST":
        label = str(row)
        row.delete()
        messages.success(request, f"{current.noun.capitalize()} deleted: {label}.")
        return HttpResponseRedirect(back)
    return render(
        request,
        "costs/delete.html",
        editor_context(
            initiative,
            step,
            noun=current.noun,
            instance=row,
            page_title=f"Delete {current.noun} {row}",
            back_url=back,
            cancel_url=back,
        ),
    )


@partnership_view(Action.READ)
def initiative_results(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    initiative = get_initiative(access, pk)
    return render(
        request,
        "costs/initiative_results.html",
        editor_context(
            initiative,
            "results",
            results=results.initiative_results(initiative),
            page_title=f"Results: {initiative.name}",
        ),
    )


@partnership_view(Action.READ)
def initiative_flows_csv(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    """The year flows of the appraisal as CSV, one row per appraisal year."""
    initiative = get_initiative(access, pk)
    handle = io.StringIO()
    writer = CsvWriter(handle, for_spreadsheets=True)
    headings, rows = results.flow_rows(initiative)
    writer.writerow(headings)
    writer.writerows(rows)
    response = HttpResponse(handle.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{initiative.ref}-flows.csv"'
    return response
