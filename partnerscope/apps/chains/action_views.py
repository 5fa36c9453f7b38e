"""The action plan of a delivery chain: the agreed actions by status, and their forms."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.chains import actions, forms
from partnerscope.apps.chains.views import (
    chain_context,
    chain_url,
    confirm_delete,
    get_chain,
    record_page,
)
from partnerscope.apps.common.form_pages import RecordWords

ACTION_WORDS = RecordWords("action", "Agree an action", "Change action")


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
            page_title=f"Action plan: {chain}",
        ),
    )


@partnership_view(Action.EDIT)
def action_form(
    request: HttpRequest, access: Access, pk: int, action_pk: int | None = None
) -> HttpResponse:
    chain = get_chain(access, pk)
    action = get_object_or_404(chain.actions, pk=action_pk) if action_pk is not None else None
    initial = {
        key: request.GET[key]
        for key in ("question", "link", "workshop")
        if action is None and request.GET.get(key)
    }
    form = forms.ActionForm(request.POST or None, instance=action, chain=chain, initial=initial)
    back = chain_url("action_plan", chain)
    return record_page(
        request,
        form,
        ACTION_WORDS,
        lambda: actions.save_action(chain, form),
        back,
        chain=chain,
        section="actions",
    )


@partnership_view(Action.EDIT)
def action_delete(request: HttpRequest, access: Access, pk: int, action_pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    action = get_object_or_404(chain.actions, pk=action_pk)
    back = chain_url("action_plan", chain)
    return confirm_delete(
        request,
        noun="action",
        instance=action,
        delete=lambda: actions.delete_action(chain, action),
        done_url=back,
        cancel_url=back,
        warning="The action is removed from the plan; its history is kept.",
        chain=chain,
    )
