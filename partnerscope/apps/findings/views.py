"""Pages of the register: the register itself (filtered, counted, paginated), one finding
with its evidence and history, and the managers' refresh. Each view parses the request,
calls one service and renders."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.extensions import finding_panels
from partnerscope.apps.findings import services
from partnerscope.apps.findings.forms import RefreshForm, RegisterFilterForm
from partnerscope.apps.findings.models import StoredFinding


def register_url(access: Access) -> str:
    return reverse("findings:register", args=[access.partnership.slug])


@partnership_view(Action.READ)
def register(request: HttpRequest, access: Access) -> HttpResponse:
    form = RegisterFilterForm(request.GET or None, areas=services.area_choices(access.partnership))
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return render(
        request,
        "findings/register.html",
        {
            "form": form,
            "register": services.register_page(
                access.partnership, filters, request.GET.get("page")
            ),
            "page_title": "Findings",
        },
        status=400 if form.errors else 200,
    )


@partnership_view(Action.READ)
def finding(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    row = get_object_or_404(StoredFinding.objects.in_partnership(access.partnership), pk=pk)
    events = row.events.select_related("refresh").order_by("-refresh__ran_at", "-refresh_id")
    return render(
        request,
        "findings/finding.html",
        {
            "finding": row,
            "area_name": services.area_name(row.area),
            "events": events,
            "panels": finding_panels(request, access.partnership, row.key),
            "page_title": str(row),
            "back_url": register_url(access),
        },
    )


@partnership_view(Action.EDIT)
def refresh(request: HttpRequest, access: Access) -> HttpResponse:
    form = RefreshForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        try:
            log = services.refresh(
                access.partnership, ran_by=user.get_full_name() or user.get_username(), user=user
            )
        except services.SourceFailed as problem:
            form.add_error(None, f"{problem} Nothing was changed.")
        else:
            messages.success(
                request,
                f"The register was refreshed: {log.new} new, {log.persisting} persisting, "
                f"{log.resolved} resolved, {log.found_again} found again.",
            )
            return HttpResponseRedirect(register_url(access))
    return render(
        request,
        "findings/refresh.html",
        {
            "form": form,
            "page_title": "Refresh the register",
            "back_url": register_url(access),
            "cancel_url": register_url(access),
        },
    )
