"""The workshop rating form, reached by a single-use link or by a signed-in member."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import format_html

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.chains import forms, rating, workshops
from partnerscope.apps.chains.choices import Question
from partnerscope.apps.chains.models import Invitation
from partnerscope.apps.chains.views import chain_url, get_chain, get_workshop
from partnerscope.apps.common.surveys.pages import SurveyWords, refusal_page, thanks_page
from partnerscope.apps.common.surveys.refusals import unknown_link

UNKNOWN_LINK = (
    "The link may have been copied wrongly. Ask the partnership manager who sent it for a new one."
)


def thanks_words(chain: Any) -> SurveyWords:
    """What the thanks page says once a participant's ratings are stored."""
    return SurveyWords(
        thanks_panel=format_html("Your answers on {} are stored", chain.outcome_title),
        thanks_text=format_html(
            "The results are shown to the partnership once at least {} people have answered.",
            chain.partnership.anonymity_threshold,
        ),
        done_label="Back to the workshop",
    )


def answer_page(
    request: HttpRequest, invitation: Invitation, extra: dict[str, Any], done_url: str | None
) -> HttpResponse:
    """The rating form for one invitation: shown, checked and stored once."""
    workshop = invitation.workshop
    chain = workshop.chain
    refused = ""
    if invitation.used:
        refused = "These answers have already been given. Thank you for taking part."
    elif not workshop.is_open:
        refused = "This workshop is closed and takes no more answers."
    form = forms.RatingForm(
        None if refused else (request.POST or None), pairs=workshops.link_pairs(chain)
    )
    if request.method == "POST" and not refused and form.is_valid():
        try:
            rating.record_answers(invitation, form.answers())
        except rating.AnswerRefused as error:
            refused = str(error)
        else:
            return thanks_page(
                request,
                thanks_words(chain),
                done_url,
                {**extra, "chain": chain, "workshop": workshop},
            )
    return render(
        request,
        "chains/rate.html",
        {
            **extra,
            "chain": chain,
            "workshop": workshop,
            "form": form,
            "refused": refused,
            "questions": Question.choices,
            "page_title": f"Rate the chain: {chain}",
        },
        status=400 if form.errors else (409 if refused and request.method == "POST" else 200),
    )


@partnership_view(Action.ANSWER)
def workshop_rate(request: HttpRequest, access: Access, pk: int, workshop_pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    workshop = get_workshop(chain, workshop_pk)
    invitation = rating.user_invitation(workshop, request.user)
    detail = chain_url("workshop_detail", chain, workshop.pk)
    return answer_page(request, invitation, {"back_url": detail}, detail)


def public_rate(request: HttpRequest, token: str) -> HttpResponse:
    """The rating form reached by a single-use link, without signing in."""
    invitation = rating.invitation_for_token(token)
    if invitation is None:
        return refusal_page(request, unknown_link(UNKNOWN_LINK))
    return answer_page(request, invitation, {"public": True}, None)
