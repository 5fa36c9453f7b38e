"""Pages of the delivery chains area: the chain list, the map and analysis, the nodes and
links and their forms, workshops and their results, and the action plan.

Each view parses the request, calls one service and renders.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.chains import forms, rating, services
from partnerscope.apps.chains.choices import NodeKind
from partnerscope.apps.chains.models import Chain, Workshop
from partnerscope.apps.common.form_pages import RecordWords, record_form_page


def get_chain(access: Access, pk: int) -> Chain:
    return get_object_or_404(
        Chain.objects.in_partnership(access.partnership).select_related("partnership"), pk=pk
    )


def get_workshop(chain: Chain, workshop_pk: int) -> Workshop:
    return get_object_or_404(chain.workshops.select_related("chain__partnership"), pk=workshop_pk)


def chain_url(name: str, chain: Chain, *args: Any) -> str:
    return reverse(f"chains:{name}", args=[chain.partnership.slug, chain.pk, *args])


def chain_context(chain: Chain, section: str, **extra: Any) -> dict[str, Any]:
    """What every page of one chain shows: the chain and its section menu."""
    sections = [
        ("map", "Map and weak links", chain_url("chain_detail", chain)),
        ("structure", "Nodes and links", chain_url("chain_structure", chain)),
        ("analysis", "Analysis", chain_url("chain_analysis", chain)),
        ("workshops", "Workshops", chain_url("workshop_list", chain)),
        ("actions", "Action plan", chain_url("action_plan", chain)),
    ]
    return {
        "chain": chain,
        "chain_sections": [
            {"key": key, "label": label, "url": url, "active": key == section}
            for key, label, url in sections
        ],
        **extra,
    }


FORM_TEMPLATE = "chains/form.html"
CHAIN_WORDS = RecordWords("chain", "Add a delivery chain", "Change chain {}")
NODE_WORDS = RecordWords("node", "Add a node", "Change node {}")
LINK_WORDS = RecordWords("link", "Add a link", "Change link")
WORKSHOP_WORDS = RecordWords("workshop", "Add a workshop", "Change workshop {}")
ACTION_WORDS = RecordWords("action", "Agree an action", "Change action")


def record_page(
    request: HttpRequest,
    chain: Chain,
    section: str,
    form: Any,
    words: RecordWords,
    save_record: Callable[[Chain, Any], Any],
    back: str,
    next_url: Callable[[Any], str] | None = None,
    intro: str = "",
) -> HttpResponse:
    """The add or change page of a record in ``chain``, saved in one transaction."""
    return record_form_page(
        request,
        form,
        words,
        transaction.atomic(lambda: save_record(chain, form)),
        FORM_TEMPLATE,
        back,
        next_url,
        **chain_context(chain, section, caption=chain.outcome_title, intro=intro),
    )


# --- Chains -------------------------------------------------------------------------------


@partnership_view(Action.READ)
def index(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "chains/index.html",
        {"summaries": services.chain_list(access.partnership), "page_title": "Delivery chains"},
    )


@partnership_view(Action.EDIT)
def chain_form(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
    chain = get_chain(access, pk) if pk is not None else None
    form = forms.ChainForm(request.POST or None, instance=chain)
    back = (
        chain_url("chain_detail", chain)
        if chain
        else reverse("chains:index", args=[access.partnership.slug])
    )
    return record_form_page(
        request,
        form,
        CHAIN_WORDS,
        transaction.atomic(lambda: services.save_chain(access, form)),
        FORM_TEMPLATE,
        back,
        lambda saved: chain_url("chain_detail", saved),
        chain=chain,
        intro=""
        if chain
        else "A chain serves one shared outcome. You add its bodies, "
        "organisations, services, front-line teams and people served next.",
    )


def confirm_delete(
    request: HttpRequest,
    *,
    noun: str,
    instance: Any,
    delete: Callable[[], None],
    done_url: str,
    cancel_url: str,
    warning: str,
    chain: Chain | None = None,
) -> HttpResponse:
    problem = ""
    if request.method == "POST":
        try:
            with transaction.atomic():
                delete()
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"{noun.capitalize()} deleted: {instance}.")
            return HttpResponseRedirect(done_url)
    return render(
        request,
        "chains/delete.html",
        {
            "noun": noun,
            "instance": instance,
            "problem": problem,
            "warning": warning,
            "chain": chain,
            "page_title": f"Delete {noun} {instance}",
            "back_url": cancel_url,
            "cancel_url": cancel_url,
        },
        status=400 if problem else 200,
    )


@partnership_view(Action.EDIT)
def chain_delete(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    return confirm_delete(
        request,
        noun="chain",
        instance=chain,
        delete=lambda: services.delete_chain(access, chain),
        done_url=reverse("chains:index", args=[access.partnership.slug]),
        cancel_url=chain_url("chain_detail", chain),
        warning="Its nodes, links, workshops, ratings and actions are deleted with it; "
        "their history is kept.",
    )


@partnership_view(Action.READ)
def chain_detail(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    return render(
        request,
        "chains/chain_detail.html",
        chain_context(
            chain, "map", analysis=services.analyse(chain), page_title=chain.outcome_title
        ),
    )


@partnership_view(Action.READ)
def chain_structure(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    return render(
        request,
        "chains/chain_structure.html",
        chain_context(
            chain,
            "structure",
            analysis=services.analyse(chain),
            page_title=f"Nodes and links: {chain}",
        ),
    )


@partnership_view(Action.READ)
def chain_analysis(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    return render(
        request,
        "chains/chain_analysis.html",
        chain_context(
            chain, "analysis", analysis=services.analyse(chain), page_title=f"Analysis: {chain}"
        ),
    )


# --- Nodes and links ----------------------------------------------------------------------


@partnership_view(Action.EDIT)
def node_form(
    request: HttpRequest, access: Access, pk: int, node_pk: int | None = None
) -> HttpResponse:
    chain = get_chain(access, pk)
    node = get_object_or_404(chain.nodes, pk=node_pk) if node_pk is not None else None
    if node is not None and node.kind == NodeKind.OUTCOME:
        return HttpResponseRedirect(chain_url("chain_edit", chain))
    form = forms.NodeForm(request.POST or None, instance=node, chain=chain)
    back = chain_url("chain_structure", chain)
    return record_page(request, chain, "structure", form, NODE_WORDS, services.save_node, back)


@partnership_view(Action.EDIT)
def node_delete(request: HttpRequest, access: Access, pk: int, node_pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    node = get_object_or_404(chain.nodes, pk=node_pk)
    back = chain_url("chain_structure", chain)
    return confirm_delete(
        request,
        noun="node",
        instance=node,
        delete=lambda: services.delete_node(chain, node),
        done_url=back,
        cancel_url=back,
        warning="Its links are deleted with it; their history is kept.",
        chain=chain,
    )


@partnership_view(Action.EDIT)
def link_form(
    request: HttpRequest, access: Access, pk: int, link_pk: int | None = None
) -> HttpResponse:
    chain = get_chain(access, pk)
    link = get_object_or_404(chain.links, pk=link_pk) if link_pk is not None else None
    form = forms.LinkForm(request.POST or None, instance=link, chain=chain)
    back = chain_url("chain_structure", chain)
    return record_page(request, chain, "structure", form, LINK_WORDS, services.save_link, back)


@partnership_view(Action.EDIT)
def link_delete(request: HttpRequest, access: Access, pk: int, link_pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    link = get_object_or_404(chain.links.with_ends(), pk=link_pk)
    back = chain_url("chain_structure", chain)
    return confirm_delete(
        request,
        noun="link",
        instance=link,
        delete=lambda: services.delete_link(chain, link),
        done_url=back,
        cancel_url=back,
        warning="Ratings given to it in workshops stay stored but no longer count.",
        chain=chain,
    )


# --- Workshops ----------------------------------------------------------------------------


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
        chain,
        "workshops",
        form,
        WORKSHOP_WORDS,
        services.save_workshop,
        back,
        next_url=lambda saved: chain_url("workshop_detail", chain, saved.pk),
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
        delete=lambda: services.delete_workshop(chain, workshop),
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
            summary=services.workshop_summary(workshop),
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
            results=services.workshop_results(workshop),
            workshop=workshop,
            page_title=f"Results: {workshop}",
        ),
    )


# --- Actions ------------------------------------------------------------------------------


@partnership_view(Action.READ)
def action_plan(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    return render(
        request,
        "chains/action_plan.html",
        chain_context(
            chain,
            "actions",
            plan=services.action_plan(chain, timezone.localdate()),
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
    return record_page(request, chain, "actions", form, ACTION_WORDS, services.save_action, back)


@partnership_view(Action.EDIT)
def action_delete(request: HttpRequest, access: Access, pk: int, action_pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    action = get_object_or_404(chain.actions, pk=action_pk)
    back = chain_url("action_plan", chain)
    return confirm_delete(
        request,
        noun="action",
        instance=action,
        delete=lambda: services.delete_action(chain, action),
        done_url=back,
        cancel_url=back,
        warning="The action is removed from the plan; its history is kept.",
        chain=chain,
    )
