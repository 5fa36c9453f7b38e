"""Pages of the action plan: the plan (filtered, counted, as CSV), one action with its
findings, notes and history, and the managers' forms. Each view parses the request, calls
one service and renders."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.accounts import permissions
from partnerscope.apps.accounts.permissions import Access, partnership_view
from partnerscope.apps.actions import services
from partnerscope.apps.actions.forms import ActionForm, NoteForm, PlanFilterForm
from partnerscope.apps.actions.models import Action
from partnerscope.apps.actions.pages import action_details, prefill
from partnerscope.apps.common.form_pages import RecordWords, record_form_page

READ, EDIT = permissions.Action.READ, permissions.Action.EDIT
WORDS = RecordWords("action", "Agree an action", "Change action {}")
CSV_COLUMNS = [
    "ref",
    "title",
    "status",
    "owner_organisation",
    "owner",
    "due",
    "overdue",
    "unowned",
    "agreed_on",
    "chain",
    "findings",
]


def plan_url(access: Access) -> str:
    return reverse("actions:plan", args=[access.partnership.slug])


def action_url(action: Action) -> str:
    return reverse("actions:action", args=[action.partnership.slug, action.ref])


def get_action(access: Access, ref: str) -> Action:
    return get_object_or_404(
        Action.objects.in_partnership(access.partnership)
        .with_owners()
        .select_related("partnership"),
        ref=ref,
    )


def filter_form(request: HttpRequest, access: Access) -> PlanFilterForm:
    return PlanFilterForm(
        request.GET or None,
        partnership=access.partnership,
        areas=services.finding_areas(access.partnership),
    )


@partnership_view(READ)
def plan(request: HttpRequest, access: Access) -> HttpResponse:
    form = filter_form(request, access)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    query = request.GET.urlencode() if filters else ""
    return render(
        request,
        "actions/plan.html",
        {
            "form": form,
            "plan": services.plan(access.partnership, filters, timezone.localdate()),
            "csv_url": plan_url(access) + "actions.csv" + (f"?{query}" if query else ""),
            "page_title": "Action plan",
        },
        status=400 if form.errors else 200,
    )


def csv_rows(actions: list[Action], today: Any) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for action in actions:
        writer.writerow(
            [
                action.ref,
                action.title,
                action.get_status_display(),
                action.owner_organisation.name if action.owner_organisation else "",
                action.owner_person.name if action.owner_person else action.owner_other,
                action.due.isoformat() if action.due else "",
                "yes" if action.is_overdue(today) else "no",
                "yes" if action.is_unowned else "no",
                action.created_on.isoformat(),
                action.chain_ref,
                " ".join(services.key_text(link.key) for link in action.findings.all()),
            ]
        )
    yield buffer.getvalue()


@partnership_view(READ)
def plan_csv(request: HttpRequest, access: Access) -> StreamingHttpResponse:
    form = filter_form(request, access)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    today = timezone.localdate()
    actions = list(services.filtered_actions(access.partnership, filters, today))
    response = StreamingHttpResponse(
        csv_rows(actions, today), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{access.partnership.slug}-actions.csv"'
    )
    return response


@partnership_view(READ)
def action(request: HttpRequest, access: Access, ref: str) -> HttpResponse:
    record = get_action(access, ref)
    return render(
        request,
        "actions/action.html",
        {
            **action_details(record, timezone.localdate()),
            "note_form": NoteForm(initial={"date": timezone.localdate()}),
            "page_title": f"Action {record.ref}: {record.title}",
            "back_url": plan_url(access),
        },
    )


@partnership_view(EDIT)
def action_form(request: HttpRequest, access: Access, ref: str | None = None) -> HttpResponse:
    record = get_action(access, ref) if ref is not None else None
    initial = prefill(request.GET) if record is None else {}
    form = ActionForm(
        request.POST or None, instance=record, partnership=access.partnership, initial=initial
    )
    asked_back = request.GET.get("back") or ""
    if not asked_back.startswith("/") or asked_back.startswith("//"):
        asked_back = ""
    back = asked_back or (action_url(record) if record is not None else plan_url(access))

    def save() -> Action:
        return services.save_action(
            access.partnership, form.save(commit=False), form.cleaned_data["finding_keys"]
        )

    return record_form_page(
        request,
        form,
        WORDS,
        save,
        "actions/form.html",
        back,
        next_url=None if asked_back else action_url,
    )


@partnership_view(EDIT)
def action_delete(request: HttpRequest, access: Access, ref: str) -> HttpResponse:
    record = get_action(access, ref)
    if request.method == "POST":
        services.delete_action(record)
        messages.success(request, f"Action deleted: {record}.")
        return HttpResponseRedirect(plan_url(access))
    return render(
        request,
        "actions/delete.html",
        {
            "action": record,
            "page_title": f"Delete action {record.ref}?",
            "back_url": action_url(record),
            "cancel_url": action_url(record),
        },
    )


@partnership_view(EDIT)
def note_create(request: HttpRequest, access: Access, ref: str) -> HttpResponse:
    record = get_action(access, ref)
    form = NoteForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        user = request.user
        services.add_note(
            record,
            form.cleaned_data["text"],
            author=user.get_full_name() or user.get_username(),
            date=form.cleaned_data["date"],
        )
        messages.success(request, f"Progress note added to action {record.ref}.")
        return HttpResponseRedirect(action_url(record) + "#notes")
    return render(
        request,
        "actions/note_form.html",
        {
            "action": record,
            "form": form,
            "page_title": f"Add a progress note to action {record.ref}",
            "back_url": action_url(record),
            "cancel_url": action_url(record),
            "submit_label": "Add note",
        },
        status=400 if form.errors else 200,
    )
