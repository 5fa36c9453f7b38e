"""The workshop pages of a delivery chain: the list, each workshop's page and form, its
single-use links and its results.

The rating form itself is in :mod:`~partnerscope.apps.chains.rating_views`.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.chains import forms, rating, workshop_report, workshops
from partnerscope.apps.chains.views import (
    chain_context,
    chain_url,
    confirm_delete,
    get_chain,
    get_workshop,
    record_page,
)
from partnerscope.apps.common.form_pages import RecordWords

WORKSHOP_WORDS = RecordWords("workshop", "Add a workshop", "Change workshop {}")


@partnership_view(Action.READ)
def workshop_list(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    return render(
        request,
        "chains/workshop_list.html",
        chain_context(
            chain,
            "workshops",
            workshops=chain.workshops.with_participant_count(),
            page_title=f"Workshops: {chain}",
        ),
    )


@partnership_view(Action.EDIT)
def workshop_form(
    request: HttpRequest, access: Access, pk: int, workshop_pk: int | None = None
) -> HttpResponse:
    chain = get_chain(access, pk)
    workshop = get_workshop(chain, workshop_pk) if workshop_pk is not None else None
    form = forms.WorkshopForm(request.POST or None, instance=workshop)
    back = (
        chain_url("workshop_detail", chain, workshop.pk)
        if workshop
        else chain_url("workshop_list", chain)
    )
    return record_page(
        request,
        form,
        WORKSHOP_WORDS,
        lambda: workshops.save_workshop(chain, form),
        back,
        lambda saved: chain_url("workshop_detail", chain, saved.pk),
        chain=chain,
        section="workshops",
        intro=""
        if workshop
        else "In a workshop each partner rates the chain against "
        "twelve questions. You can then invite participants by single-use links.",
    )


@partnership_view(Action.EDIT)
def workshop_delete(
    request: HttpRequest, access: Access, pk: int, workshop_pk: int
) -> HttpResponse:
    chain = get_chain(access, pk)
    workshop = get_workshop(chain, workshop_pk)
    return confirm_delete(
        request,
        noun="workshop",
        instance=workshop,
        delete=lambda: workshops.delete_workshop(chain, workshop),
        done_url=chain_url("workshop_list", chain),
        cancel_url=chain_url("workshop_detail", chain, workshop.pk),
        warning="Its answers and unused links are deleted with it.",
        chain=chain,
    )


@partnership_view(Action.READ)
def workshop_detail(
    request: HttpRequest, access: Access, pk: int, workshop_pk: int
) -> HttpResponse:
    chain = get_chain(access, pk)
    workshop = get_workshop(chain, workshop_pk)
    return render(
        request,
        "chains/workshop_detail.html",
        chain_context(
            chain,
            "workshops",
            workshop=workshop,
            summary=workshops.workshop_summary(workshop),
            can_answer=access.can(Action.ANSWER),
            invitation_form=forms.InvitationForm(),
            page_title=str(workshop),
        ),
    )


@partnership_view(Action.EDIT)
def workshop_invitations(
    request: HttpRequest, access: Access, pk: int, workshop_pk: int
) -> HttpResponse:
    chain = get_chain(access, pk)
    workshop = get_workshop(chain, workshop_pk)
    form = forms.InvitationForm(request.POST or None)
    tokens: list[str] = []
    if request.method == "POST" and form.is_valid():
        tokens = rating.create_invitations(workshop, form.cleaned_data["count"])
    return render(
        request,
        "chains/invitations.html",
        chain_context(
            chain,
            "workshops",
            workshop=workshop,
            form=form,
            links=[
                request.build_absolute_uri(reverse("chains_public:rate", args=[token]))
                for token in tokens
            ],
            page_title=f"Single-use links: {workshop}",
            back_url=chain_url("workshop_detail", chain, workshop.pk),
            submit_label="Make links",
        ),
        status=400 if form.errors else 200,
    )


@partnership_view(Action.READ)
def workshop_results(
    request: HttpRequest, access: Access, pk: int, workshop_pk: int
) -> HttpResponse:
    chain = get_chain(access, pk)
    workshop = get_workshop(chain, workshop_pk)
    return render(
        request,
        "chains/workshop_results.html",
        chain_context(
            chain,
            "workshops",
            results=workshop_report.workshop_results(workshop),
            workshop=workshop,
            page_title=f"Results: {workshop}",
        ),
    )
