"""Pages of the delivery chains area: the chain list, a chain's map, structure and analysis,
its nodes and links and their forms; and what every page of one chain shares (finding the
chain and its workshop, its URLs and section menu, the add, change and delete pages).

Workshop pages are in :mod:`~partnerscope.apps.chains.workshop_views`, the action plan's in
:mod:`~partnerscope.apps.chains.action_views`. Each view parses the request, calls one
service and renders.
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

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.chains import forms, structure
from partnerscope.apps.chains.analysis import analyse, chain_list
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


def record_page(
    request: HttpRequest,
    form: Any,
    words: RecordWords,
    save: Callable[[], Any],
    back: str,
    next_url: Callable[[Any], str] | None = None,
    *,
    chain: Chain | None,
    section: str | None = None,
    intro: str = "",
) -> HttpResponse:
    """The add or change page of a chain, or of a record shown in ``section`` of its chain's
    menu; ``save`` runs in one transaction."""
    context: dict[str, Any] = {"chain": chain}
    if chain is not None and section is not None:
        context = chain_context(chain, section, caption=chain.outcome_title)
    return record_form_page(
        request,
        form,
        words,
        transaction.atomic(save),
        FORM_TEMPLATE,
        back,
        next_url,
        intro=intro,
        **context,
    )


# --- Chains -------------------------------------------------------------------------------


@partnership_view(Action.READ)
def index(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "chains/index.html",
        {"summaries": chain_list(access.partnership), "page_title": "Delivery chains"},
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
    return record_page(
        request,
        form,
        CHAIN_WORDS,
        lambda: structure.save_chain(access, form),
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
        delete=lambda: structure.delete_chain(access, chain),
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
        chain_context(chain, "map", analysis=analyse(chain), page_title=chain.outcome_title),
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
            analysis=analyse(chain),
            page_title=f"Nodes and links: {chain}",
        ),
    )


@partnership_view(Action.READ)
def chain_analysis(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    return render(
        request,
        "chains/chain_analysis.html",
        chain_context(chain, "analysis", analysis=analyse(chain), page_title=f"Analysis: {chain}"),
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
    return record_page(
        request,
        form,
        NODE_WORDS,
        lambda: structure.save_node(chain, form),
        back,
        chain=chain,
        section="structure",
    )


@partnership_view(Action.EDIT)
def node_delete(request: HttpRequest, access: Access, pk: int, node_pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    node = get_object_or_404(chain.nodes, pk=node_pk)
    back = chain_url("chain_structure", chain)
    return confirm_delete(
        request,
        noun="node",
        instance=node,
        delete=lambda: structure.delete_node(chain, node),
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
    return record_page(
        request,
        form,
        LINK_WORDS,
        lambda: structure.save_link(chain, form),
        back,
        chain=chain,
        section="structure",
    )


@partnership_view(Action.EDIT)
def link_delete(request: HttpRequest, access: Access, pk: int, link_pk: int) -> HttpResponse:
    chain = get_chain(access, pk)
    link = get_object_or_404(chain.links.with_ends(), pk=link_pk)
    back = chain_url("chain_structure", chain)
    return confirm_delete(
        request,
        noun="link",
        instance=link,
        delete=lambda: structure.delete_link(chain, link),
        done_url=back,
        cancel_url=back,
        warning="Ratings given to it in workshops stay stored but no longer count.",
        chain=chain,
    )
