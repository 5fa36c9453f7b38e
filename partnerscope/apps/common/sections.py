"""List, add, change and delete pages for one kind of record in a partnership.

Each kind (organisations, people, bodies, memberships) is described once by a ``Section``;
the same four views serve them all, so access checks, messages and the GOV.UK error
pattern are written once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.partnerships.models import Partnership

PAGE_SIZE = 50


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[Any], Any]


@dataclass(frozen=True)
class Section:
    """How one kind of record is listed, edited and deleted within a partnership."""

    name: str
    noun: str
    plural: str
    queryset: Callable[[Partnership], models.QuerySet[Any]]
    form_class: type
    columns: list[Column]
    save: Callable[[Access, Any], Any]
    delete: Callable[[Access, Any], None]
    form_kwargs: Callable[[Access, Any], dict[str, Any]] = field(
        default=lambda access, instance: {}
    )
    intro: str = ""

    def url(self, action: str, slug: str, *args: Any) -> str:
        return reverse(f"partnerships:{self.name}_{action}", args=[slug, *args])

    def urls(self) -> list[Any]:
        return [
            path(f"{self.plural}/", self.list_view(), name=f"{self.name}_list"),
            path(f"{self.plural}/new/", self.form_view(), name=f"{self.name}_create"),
            path(f"{self.plural}/<int:pk>/edit/", self.form_view(), name=f"{self.name}_edit"),
            path(f"{self.plural}/<int:pk>/delete/", self.delete_view(), name=f"{self.name}_delete"),
        ]

    def get_object(self, access: Access, pk: int) -> Any:
        try:
            return self.queryset(access.partnership).get(pk=pk)
        except models.ObjectDoesNotExist:
            raise Http404(f"No such {self.noun}.") from None

    def list_view(self) -> Callable[..., HttpResponse]:
        @partnership_view(Action.READ)
        def view(request: HttpRequest, access: Access) -> HttpResponse:
            page = Paginator(self.queryset(access.partnership), PAGE_SIZE).get_page(
                request.GET.get("page")
            )
            rows = [
                {
                    "cells": [column.value(record) for column in self.columns],
                    "edit_url": self.url("edit", access.partnership.slug, record.pk),
                    "delete_url": self.url("delete", access.partnership.slug, record.pk),
                    "label": str(record),
                }
                for record in page.object_list
            ]
            return render(
                request,
                "common/section_list.html",
                {
                    "section": self,
                    "page_title": self.plural.capitalize(),
                    "headings": [column.heading for column in self.columns],
                    "rows": rows,
                    "create_url": self.url("create", access.partnership.slug),
                    "page": page,
                },
            )

        return view

    def form_view(self) -> Callable[..., HttpResponse]:
        @partnership_view(Action.EDIT)
        def view(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
            instance = self.get_object(access, pk) if pk is not None else None
            kwargs = {"partnership": access.partnership, **self.form_kwargs(access, instance)}
            form = self.form_class(
                request.POST or None, request.FILES or None, instance=instance, **kwargs
            )
            list_url = self.url("list", access.partnership.slug)
            if request.method == "POST" and form.is_valid():
                try:
                    with transaction.atomic():
                        saved = self.save(access, form)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    verb = "changed" if instance else "added"
                    messages.success(request, f"{self.noun.capitalize()} {verb}: {saved}.")
                    return HttpResponseRedirect(list_url)
            title = f"Change {self.noun} {instance}" if instance else f"Add {self.noun}"
            return render(
                request,
                "common/section_form.html",
                {
                    "section": self,
                    "form": form,
                    "page_title": title,
                    "back_url": list_url,
                    "cancel_url": list_url,
                    "submit_label": "Save changes" if instance else f"Add {self.noun}",
                },
                status=400 if form.errors else 200,
            )

        return view

    def delete_view(self) -> Callable[..., HttpResponse]:
        @partnership_view(Action.EDIT)
        def view(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
            instance = self.get_object(access, pk)
            list_url = self.url("list", access.partnership.slug)
            problem = ""
            if request.method == "POST":
                try:
                    with transaction.atomic():
                        self.delete(access, instance)
                except ValidationError as error:
                    problem = " ".join(error.messages)
                else:
                    messages.success(request, f"{self.noun.capitalize()} deleted: {instance}.")
                    return HttpResponseRedirect(list_url)
            return render(
                request,
                "common/section_delete.html",
                {
                    "section": self,
                    "instance": instance,
                    "problem": problem,
                    "page_title": f"Delete {self.noun} {instance}",
                    "back_url": list_url,
                    "cancel_url": list_url,
                },
                status=400 if problem else 200,
            )

        return view
