"""Pages of the replies area: every reply, the reply form for a finding, one reply with its
versions, changing a reply, and the manager's response. Each view parses the request,
calls the use-case modules and renders."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.replies import listing, replying
from partnerscope.apps.replies.forms import ReplyFilterForm, ReplyForm, ResponseForm
from partnerscope.apps.replies.models import Reply

NOT_NAMED = (
    "Only a representative of an organisation this names may reply to it: your "
    "person record in this partnership does not belong to one of them."
)


def index_url(access: Access) -> str:
    return reverse("replies:index", args=[access.partnership.slug])


@partnership_view(Action.READ)
def index(request: HttpRequest, access: Access) -> HttpResponse:
    form = ReplyFilterForm(
        request.GET or None, organisations=listing.organisation_choices(access.partnership)
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return render(
        request,
        "replies/index.html",
        {
            "form": form,
            "replies": listing.replies_page(access.partnership, filters, request.GET.get("page")),
            "page_title": "Partners' replies",
        },
        status=400 if form.errors else 200,
    )


@partnership_view(Action.READ)
def reply_to_finding(request: HttpRequest, access: Access, finding_pk: int) -> HttpResponse:
    target = replying.finding_target(access.partnership, finding_pk)
    if target is None:
        raise Http404("No such finding.")
    return reply_form_page(request, access, target)


@partnership_view(Action.READ)
def reply_to_flag(request: HttpRequest, access: Access, key: str) -> HttpResponse:
    target = replying.flag_target(access.partnership, key)
    if target is None:
        raise Http404("No such flag.")
    return reply_form_page(request, access, target)


def reply_form_page(request: HttpRequest, access: Access, target: replying.ReplyTarget) -> Any:
    """The reply form for ``target``: 403 for a user who may not reply to it."""
    if not target.named:
        raise PermissionDenied("This names no organisation, so no partner may reply to it.")
    standing = replying.standing(access, target.named)
    if not standing.may_reply:
        raise PermissionDenied(NOT_NAMED)
    form = ReplyForm(
        request.POST if request.method == "POST" else None,
        organisations=standing.organisations,
        on_behalf=standing.on_behalf,
    )
    if request.method == "POST" and form.is_valid():
        organisation = form.chosen_organisation()
        writer = None if standing.on_behalf else standing.people.get(organisation.pk)
        reply = replying.give_reply(
            access.partnership,
            target,
            organisation,
            form.cleaned_data["position"],
            form.cleaned_data["text"],
            writer=writer,
            writer_name=form.cleaned_data.get("written_by_name", ""),
            user=request.user,
            on_behalf=standing.on_behalf,
        )
        messages.success(request, f"{organisation.name}'s reply was saved.")
        return HttpResponseRedirect(target.url or reply_url(access, reply))
    return render(
        request,
        "replies/reply_form.html",
        {
            "form": form,
            "target": target,
            "on_behalf": standing.on_behalf,
            "page_title": f"Reply to {target.label}",
            "back_url": target.url or index_url(access),
            "cancel_url": target.url or index_url(access),
            "submit_label": "Save the reply",
        },
        status=400 if form.errors else 200,
    )


def reply_url(access: Access, reply: Reply) -> str:
    return reverse("replies:reply", args=[access.partnership.slug, reply.pk])


def reply_in(access: Access, pk: int) -> Reply:
    rows = Reply.objects.in_partnership(access.partnership).select_related("organisation")
    return get_object_or_404(rows, pk=pk)


@partnership_view(Action.READ)
def reply(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    found = reply_in(access, pk)
    return reply_page(request, access, found, ResponseForm(initial=response_initial(found)))


def response_initial(found: Reply) -> dict[str, str]:
    response = getattr(found, "response", None)
    return {"text": response.text} if response else {}


def reply_page(
    request: HttpRequest, access: Access, found: Reply, form: ResponseForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "replies/reply.html",
        {
            "reply": found,
            "response": getattr(found, "response", None),
            "versions": listing.versions(found),
            "response_versions": listing.response_versions(found),
            "target_url": listing.target_url(access.partnership, found),
            "may_change": replying.may_change(access, found),
            "form": form,
            "page_title": str(found),
            "back_url": index_url(access),
        },
        status=status,
    )


@partnership_view(Action.READ)
def change(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    found = reply_in(access, pk)
    if not replying.may_change(access, found):
        raise PermissionDenied("Only the organisation's representatives may change its reply.")
    initial = {"organisation": str(found.organisation_id), "position": found.position}
    form = ReplyForm(
        request.POST if request.method == "POST" else None,
        initial={**initial, "text": found.text},
        organisations=[found.organisation],
        changing=True,
    )
    if request.method == "POST" and form.is_valid():
        replying.change_reply(
            found, form.cleaned_data["position"], form.cleaned_data["text"], request.user
        )
        messages.success(request, "The reply was changed; its earlier version is kept.")
        return HttpResponseRedirect(reply_url(access, found))
    return render(
        request,
        "replies/reply_form.html",
        {
            "form": form,
            "reply": found,
            "page_title": f"Change {found}",
            "back_url": reply_url(access, found),
            "cancel_url": reply_url(access, found),
            "submit_label": "Save a new version",
        },
        status=400 if form.errors else 200,
    )


@partnership_view(Action.EDIT)
def respond(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    found = reply_in(access, pk)
    if request.method != "POST":
        return reply_page(request, access, found, ResponseForm(initial=response_initial(found)))
    form = ResponseForm(request.POST)
    if not form.is_valid():
        return reply_page(request, access, found, form, status=400)
    replying.respond(found, form.cleaned_data["text"], request.user)
    messages.success(request, "Your response to the reply was saved.")
    return HttpResponseRedirect(reply_url(access, found))
