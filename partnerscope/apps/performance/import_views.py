"""The pages that import a file of values: upload and check it, then preview and confirm."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.performance import forms, value_import
from partnerscope.apps.performance.views import page_url, posted


@partnership_view(Action.EDIT)
def import_upload(request: HttpRequest, access: Access) -> HttpResponse:
    form = forms.ImportForm(posted(request), request.FILES or None)
    check = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        check, pending = value_import.stage_upload(
            access.partnership, request.user, upload.name, upload.read()
        )
        if pending is not None:
            return HttpResponseRedirect(page_url("import_preview", access, pending.pk))
    return render(
        request,
        "performance/import_upload.html",
        {
            "form": form,
            "check": check,
            "columns": value_import.IMPORT_COLUMNS,
            "page_title": "Import values",
            "back_url": page_url("dashboard", access),
            "submit_label": "Check the file",
        },
        status=400 if (form.errors or (check and not check.ok)) else 200,
    )


@partnership_view(Action.EDIT)
def import_preview(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    pending = value_import.pending_for(access.partnership, pk)
    if pending is None:
        raise Http404("No such import.")
    errors = []
    if request.method == "POST":
        if "cancel" in request.POST:
            pending.delete()
            messages.success(request, "Import cancelled; nothing was saved.")
            return HttpResponseRedirect(page_url("import_upload", access))
        with transaction.atomic():
            counts, errors = value_import.confirm_import(pending, request.user)
        if not errors:
            messages.success(request, value_import.summary(counts))
            return HttpResponseRedirect(page_url("dashboard", access))
    return render(
        request,
        "performance/import_preview.html",
        {
            "pending": pending,
            "rows": value_import.preview_rows(pending),
            "counts": value_import.counts_of(pending.rows),
            "errors": errors,
            "preview_rows": value_import.PREVIEW_ROWS,
            "page_title": "Check and confirm the import",
            "back_url": page_url("import_upload", access),
        },
        status=400 if errors else 200,
    )
