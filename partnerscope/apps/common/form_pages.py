"""The add and change pages of a record: one flow for every area that has them.

A valid POST saves the record, says so in a message naming it and moves on; anything
else shows the form again, with status 400 when it has errors, so the GOV.UK error
summary and a test can both tell a refused form from a fresh one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib import messages
from django.forms import BaseModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

Saved = TypeVar("Saved")


@dataclass(frozen=True)
class RecordWords:
    """How the add and change pages of one kind of record speak of it.

    ``change_title`` has ``{}`` where the record goes ("Change node {}"); it is filled in
    after the form is checked, so a refused change names the record as it was posted.
    """

    noun: str
    add_title: str
    change_title: str

    def title(self, record: Any, adding: bool) -> str:
        return self.add_title if adding else self.change_title.format(record)

    def submit_label(self, adding: bool) -> str:
        return f"Add {self.noun}" if adding else "Save changes"

    def saved_message(self, saved: Any, adding: bool) -> str:
        return f"{self.noun.capitalize()} {'added' if adding else 'changed'}: {saved}."


def record_form_page(
    request: HttpRequest,
    form: BaseModelForm,
    words: RecordWords,
    save: Callable[[], Saved],
    template: str,
    back: str,
    next_url: Callable[[Saved], str] | None = None,
    **context: Any,
) -> HttpResponse:
    """Add or change one record: save a valid POST and go to ``next_url(saved)`` (else
    ``back``), or show ``template`` with ``context``, the form and its words again."""
    adding = form.instance.pk is None
    if request.method == "POST" and form.is_valid():
        saved = save()
        messages.success(request, words.saved_message(saved, adding))
        return HttpResponseRedirect(next_url(saved) if next_url else back)
    return render(
        request,
        template,
        {
            **context,
            "form": form,
            "page_title": words.title(form.instance, adding),
            "back_url": back,
            "cancel_url": back,
            "submit_label": words.submit_label(adding),
        },
        status=400 if form.errors else 200,
    )
