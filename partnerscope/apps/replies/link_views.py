"""The one-time reply links: a manager makes one for a named organisation's representative
who has no account, and the representative replies through it without signing in."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.surveys.refusals import SurveyRefused, unknown_link
from partnerscope.apps.replies import invitations, replying
from partnerscope.apps.replies.forms import InviteForm, ReplyForm

UNKNOWN_LINK = (
    "The link may be mistyped, or the partnership may have replaced it. Ask the partnership "
    "manager for a new one."
)


@partnership_view(Action.EDIT)
def invite_for_finding(request: HttpRequest, access: Access, finding_pk: int) -> HttpResponse:
    target = replying.finding_target(access.partnership, finding_pk)
    if target is None:
        raise Http404("No such finding.")
    return invite_page(request, access, target)


@partnership_view(Action.EDIT)
def invite_for_flag(request: HttpRequest, access: Access, key: str) -> HttpResponse:
    target = replying.flag_target(access.partnership, key)
    if target is None:
        raise Http404("No such flag.")
    return invite_page(request, access, target)


def invite_page(request: HttpRequest, access: Access, target: replying.ReplyTarget) -> HttpResponse:
    """Make a link for one named organisation and show it once."""
    if not target.named:
        raise Http404("This names no organisation.")
    form = InviteForm(
        request.POST if request.method == "POST" else None, organisations=target.named
    )
    context = {
        "target": target,
        "available": invitations.links_available(),
        "page_title": f"A reply link for {target.label}",
        "back_url": target.url,
        "cancel_url": target.url,
        "submit_label": "Make the link",
    }
    if request.method == "POST" and form.is_valid() and context["available"]:
        organisation = form.organisations[form.cleaned_data["organisation"]]
        person = form.people.get(form.cleaned_data.get("person") or "")
        link, token = invitations.invite(
            access.partnership, target, organisation, person, request.user
        )
        context.update(link=link, url=invitations.link_url(token))
    return render(
        request,
        "replies/invite.html",
        {**context, "form": form},
        status=400 if form.errors else 200,
    )


def refused(request: HttpRequest, problem: SurveyRefused) -> HttpResponse:
    return render(
        request, "common/survey/refused.html", {"problem": problem}, status=problem.status
    )


def reply_by_link(request: HttpRequest, token: str) -> HttpResponse:
    """The reply form reached by a one-time link, without signing in."""
    link = invitations.link_for_token(token)
    if link is None:
        return refused(request, unknown_link(UNKNOWN_LINK))
    if link.reply_id is not None:
        return refused(request, invitations.already_answered(*invitations.USED))
    form = ReplyForm(
        request.POST if request.method == "POST" else None,
        organisations=[link.organisation],
        on_behalf=True,
    )
    form.fields["written_by_name"].label = "Your name"
    form.fields["written_by_name"].help_text = "Shown with the reply on the partnership's pages."
    if link.person:
        form.fields["written_by_name"].initial = link.person.name
    if request.method == "POST" and form.is_valid():
        try:
            invitations.reply_by_link(
                link,
                form.cleaned_data["position"],
                form.cleaned_data["text"],
                form.cleaned_data.get("written_by_name", ""),
            )
        except SurveyRefused as problem:
            return refused(request, problem)
        return render(
            request,
            "common/survey/thanks.html",
            {
                "page_title": "Thank you",
                "panel": f"{link.organisation.name}'s reply was saved",
                "text": "It is shown beside the finding on the partnership's pages and in "
                "its report, with the date you gave it.",
            },
        )
    return render(
        request,
        "replies/link_reply.html",
        {
            "form": form,
            "link": link,
            "page_title": f"Reply to {link.target_label}",
            "submit_label": "Save the reply",
        },
        status=400 if form.errors else 200,
    )
