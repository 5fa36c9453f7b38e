"""The pages that upload ledger lines: check the file, then preview and confirm.

A checked file waits in the user's session (one per partnership) until confirmed or
cancelled; nothing reaches the ledger before the confirmation.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.resources import forms, uploading
from partnerscope.apps.resources.views import page_url, posted


def session_key(access: Access) -> str:
    return f"resources-upload-{access.partnership.pk}"


@partnership_view(Action.EDIT)
def upload(request: HttpRequest, access: Access) -> HttpResponse:
    form = forms.UploadForm(posted(request), request.FILES or None)
    errors: list[Any] = []
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        rows, errors = uploading.check_upload(access.partnership, file.name, file.read())
        if not errors:
            request.session[session_key(access)] = {"filename": file.name, "rows": rows}
            return HttpResponseRedirect(page_url("upload_preview", access))
    return render(
        request,
        "resources/upload.html",
        {
            "form": form,
            "errors": errors,
            "columns": uploading.UPLOAD_COLUMNS,
            "page_title": "Upload ledger lines",
            "back_url": page_url("ledger", access),
            "submit_label": "Check the file",
        },
        status=400 if (form.errors or errors) else 200,
    )


@partnership_view(Action.EDIT)
def upload_preview(request: HttpRequest, access: Access) -> HttpResponse:
    pending = request.session.get(session_key(access))
    if not pending:
        return render(
            request,
            "resources/upload_none.html",
            {"page_title": "No file waiting", "back_url": page_url("upload", access)},
        )
    errors: list[Any] = []
    if request.method == "POST":
        if "cancel" in request.POST:
            del request.session[session_key(access)]
            messages.success(request, "Upload cancelled; nothing was saved.")
            return HttpResponseRedirect(page_url("upload", access))
        errors = uploading.save_upload(access.partnership, pending["filename"], pending["rows"])
        if not errors:
            del request.session[session_key(access)]
            count = len(pending["rows"])
            messages.success(request, f"{count} ledger line{'s' if count != 1 else ''} saved.")
            return HttpResponseRedirect(page_url("ledger", access))
    return render(
        request,
        "resources/upload_preview.html",
        {
            "filename": pending["filename"],
            "preview": uploading.preview(access.partnership, pending["rows"]),
            "errors": errors,
            "page_title": "Check and confirm the upload",
            "back_url": page_url("upload", access),
        },
        status=400 if errors else 200,
    )
