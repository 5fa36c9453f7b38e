"""The action plan of a delivery chain: the actions of the one plan agreed for this chain.
Agreeing an action goes to the action plan's form with the chain filled in; a link's or a
workshop question's "Agree an action" fills in the link or question too."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
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
            new_action_url=actions.new_action_url(chain, chain_url("action_plan", chain)),
            page_title=f"Action plan: {chain}",
        ),
    )
