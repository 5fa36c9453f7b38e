"""Pages of a partnership: the list of my partnerships, the overview, and data exchange."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.models import Role, RoleKind
from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.audit.log import AuditAction, record
from partnerscope.apps.partnerships import datapackage_services, services
from partnerscope.apps.partnerships.forms import ImportForm
from partnerscope.apps.partnerships.models import Partnership


@login_required
def partnership_list(request: HttpRequest) -> HttpResponse:
    partnerships = Partnership.objects.visible_to(request.user).select_related("parent")
    roles = dict(Role.objects.filter(user=request.user).values_list("partnership_id", "kind"))
    rows = [
        {
            "partnership": partnership,
            "role": RoleKind(roles.get(partnership.pk, RoleKind.MANAGER)).label,
        }
        for partnership in partnerships
    ]
    return render(
        request,
        "partnerships/partnership_list.html",
        {
            "rows": rows,
            "page_title": "My partnerships",
            "can_import": datapackage_services.may_create_by_import(request.user),
        },
    )


@partnership_view(Action.READ)
def partnership_overview(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "partnerships/overview.html",
        {"overview": services.overview(access.partnership), "page_title": "Overview"},
    )


@partnership_view(Action.READ)
def data(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "partnerships/data.html",
        {
            "page_title": "Data",
            "can_import": datapackage_services.may_create_by_import(request.user),
        },
    )


@partnership_view(Action.EDIT)
def export_zip(request: HttpRequest, access: Access) -> FileResponse:
    archive = datapackage_services.export_zip(access.partnership)
    record(AuditAction.DATA_PACKAGE_EXPORTED, request=request, partnership=access.partnership)
    return FileResponse(
        archive,
        as_attachment=True,
        filename=f"{access.partnership.slug}-datapackage.zip",
        content_type="application/zip",
    )


@login_required
def import_zip(request: HttpRequest) -> HttpResponse:
    """Create a partnership from an uploaded data package (see ``may_create_by_import``)."""
    if not datapackage_services.may_create_by_import(request.user):
        raise PermissionDenied(datapackage_services.MAY_NOT_CREATE)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        result = datapackage_services.import_zip(form.cleaned_data["package"], request.user)
        if result.ok and result.partnership is not None:
            messages.success(request, f"Imported {result.partnership.name}: {result.summary}.")
            return HttpResponseRedirect(
                reverse("partnerships:overview", args=[result.partnership.slug])
            )
        errors = result.errors
    return render(
        request,
        "partnerships/import.html",
        {
            "form": form,
            "errors": errors,
            "page_title": "Import a partnership",
            "back_url": reverse("partnerships:list"),
            "submit_label": "Import",
        },
        status=400 if (errors or form.errors) else 200,
    )
