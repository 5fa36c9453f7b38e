"""The action plan of a delivery chain: the actions of the one plan agreed for this chain.
Agreeing an action goes to the action plan's form with the chain filled in."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.chains import actions
from partnerscope.apps.chains.views import chain_context, chain_url, get_chain


@partnership_view(Action.READ)
def action_plan(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    return render(
        request,
        "chains/action_plan.html",
        chain_context(
            chain,
            "actions",
            plan=actions.action_plan(chain, timezone.localdate()),
            new_action_url=actions.new_action_url(chain, {}, chain_url("action_plan", chain)),
            page_title=f"Action plan: {chain}",
        ),
    )


@partnership_view(Action.EDIT)
def action_form(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    """Agree an action for the chain: the action plan's form, the chain (and the link,
    question or workshop asked for) filled in, coming back to the chain's plan."""
    chain = get_chain(access, pk)
    back = chain_url("action_plan", chain)
    return HttpResponseRedirect(actions.new_action_url(chain, request.GET.dict(), back))
