"""The delivery chains area's public read interface: what other areas, the command line and
the coming API and reports may read of, or ask of, delivery chains, as plain data only.

Code outside this app imports no other module of it (models, querysets, the use-case
modules, views); its data-package tables and demo rows plug in through ``ChainsConfig``
instead. Today the audit app's personal-data requests and purge use these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.chains.analysis import ChainAnalysis, analyse, arrange, rated_workshop
from partnerscope.apps.chains.choices import QUESTION_TITLES, Question
from partnerscope.apps.chains.core_inputs import (
    chain_records,
    core_chain,
    core_ratings,
    indicator_evidence,
    relationship_evidence,
)
from partnerscope.apps.chains.findings import workshop_period
from partnerscope.apps.chains.models import Chain, ChainLink, Invitation, Workshop
from partnerscope.apps.chains.report import chains_digest
from partnerscope.apps.common.deletion import deleted
from partnerscope.apps.reports.selectors import cached
from partnerscope.core import chains as core


def links_owned_by(people: Any) -> list[dict[str, Any]]:
    links = ChainLink.objects.filter(owner_person__in=people).select_related(
        "chain", "source", "target"
    )
    return [
        {"chain": link.chain.title, "from": str(link.source), "to": str(link.target)}
        for link in links
    ]


def workshop_invitations_of(user: Any) -> list[dict[str, Any]]:
    invitations = Invitation.objects.filter(user=user).select_related("workshop")
    return [{"workshop": i.workshop.title, "answered": i.used} for i in invitations]


def closed_workshops(before: dt.datetime) -> Any:
    """Workshops closed for answers since before ``before`` (the day is read from their
    history, or their date when they have none)."""
    history = Workshop.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date")
    return (
        Workshop.objects.filter(is_open=False)
        .annotate(last_change=Subquery(history.values("history_date")[:1]))
        .filter(Q(last_change__lt=before) | Q(last_change__isnull=True, held_on__lt=before.date()))
    )


def purge_closed_workshop_invitations(before: dt.datetime) -> int:
    """Delete the invitations of workshops closed since before ``before``; ratings stay."""
    workshops = closed_workshops(before).values("pk")
    return deleted(Invitation.objects.filter(workshop__in=Subquery(workshops)))


def chain_choices(partnership: Any) -> list[tuple[str, str]]:
    """The partnership's chains as ``(ref, outcome title)``, for a choice of chain."""
    return list(
        Chain.objects.in_partnership(partnership)
        .values_list("ref", "outcome_title")
        .order_by("outcome_title")
    )


def chain_page(partnership: Any, chain_ref: str) -> dict[str, Any] | None:
    """One chain's title, its pages' addresses and its nodes' names by ref; None if none."""
    chain = Chain.objects.in_partnership(partnership).filter(ref=chain_ref).first()
    if chain is None:
        return None
    slug = partnership.slug
    return {
        "ref": chain.ref,
        "title": chain.outcome_title,
        "url": reverse("chains:chain_detail", args=[slug, chain.pk]),
        "action_plan_url": reverse("chains:action_plan", args=[slug, chain.pk]),
        "nodes": dict(chain.nodes.values_list("ref", "name")),
        "workshops": dict(chain.workshops.values_list("ref", "title")),
    }


def chain_link_choices(partnership: Any) -> list[tuple[str, str, str, str]]:
    """Every link of the partnership's chains as ``(chain ref, source ref, target ref,
    "Chain: source → target")``, each pair of ends once."""
    links = (
        ChainLink.objects.in_partnership(partnership)
        .select_related("chain", "source", "target")
        .order_by("chain__outcome_title", "source__name", "target__name")
    )
    seen: dict[tuple[str, str, str], str] = {}
    for link in links:
        key = (link.chain.ref, link.source.ref, link.target.ref)
        seen.setdefault(key, f"{link.chain.outcome_title}: {link.source} → {link.target}")
    return [(*key, label) for key, label in seen.items()]


def chain_workshop_choices(partnership: Any) -> list[tuple[str, str, str]]:
    """Every workshop of the partnership's chains as ``(chain ref, workshop ref, title)``."""
    workshops = Workshop.objects.in_partnership(partnership).select_related("chain")
    return [(w.chain.ref, w.ref, f"{w.chain.outcome_title}: {w.title}") for w in workshops]


def question_choices() -> list[tuple[str, str]]:
    """The twelve workshop questions as ``(code, "3. Enough capacity")``."""
    return [
        (value, f"{number}. {QUESTION_TITLES[value]}")
        for number, value in enumerate(Question.values, start=1)
    ]


def chain_context_problems(
    partnership: Any,
    chain_ref: str,
    link: tuple[str, str] | None = None,
    question: str = "",
    workshop_ref: str = "",
) -> dict[str, str]:
    """What is wrong with an action's chain context, by the part at fault (``chain``,
    ``link``, ``question``, ``workshop``); empty when the context holds together."""
    problems: dict[str, str] = {}
    if question and question not in Question.values:
        problems["question"] = f"There is no workshop question {question!r}."
    if not chain_ref:
        if link or workshop_ref:
            problems["chain"] = "Choose the delivery chain the link or workshop belongs to."
        return problems
    chain = Chain.objects.in_partnership(partnership).filter(ref=chain_ref).first()
    if chain is None:
        problems["chain"] = f"The partnership has no delivery chain {chain_ref!r}."
        return problems
    if link and not chain.links.filter(source__ref=link[0], target__ref=link[1]).exists():
        problems["link"] = f"The chain {chain.outcome_title} has no link {link[0]} → {link[1]}."
    if workshop_ref and not chain.workshops.filter(ref=workshop_ref).exists():
        problems["workshop"] = f"The chain {chain.outcome_title} has no workshop {workshop_ref!r}."
    return problems


def chain_summaries(partnership: Any) -> list[dict[str, Any]]:
    """Each chain's headline analysis, as its analysis page shows it, for the flags area.

    Every chain is a dictionary: ``ref``, ``outcome_ref`` (the performance outcome it
    serves, or ""), ``title``, ``strength`` (0-1 or None without a rated workshop),
    ``single_points`` (the nodes whose loss cuts the outcome off, as the register names
    them, ``<chain>/<node>``), ``weak_links`` (how many), ``node_organisations``
    (``<chain>/<node>`` to the organisation's ref, for nodes run by one) and ``url``.
    """
    summaries = []
    for chain in Chain.objects.in_partnership(partnership).select_related("partnership"):
        analysis = analyse(chain)
        summaries.append(
            {
                "ref": chain.ref,
                "outcome_ref": chain.outcome_ref or "",
                "title": chain.outcome_title,
                "strength": analysis.result["strength"],
                "single_points": [f"{chain.ref}/{node.ref}" for node, _ in analysis.single_points],
                "weak_links": len(analysis.weak_links),
                "node_organisations": {
                    f"{chain.ref}/{node.ref}": node.organisation.ref
                    for node in analysis.nodes
                    if node.organisation is not None
                },
                "url": reverse("chains:chain_analysis", args=[partnership.slug, chain.pk]),
            }
        )
    return summaries


def chain_strengths(partnership: Any) -> dict[str, float | None]:
    """Each chain's strength (the share of the twelve questions rated green in its latest
    workshop that may be shown), by the chain's ref, as the chain pages show it; None for a
    chain with no such workshop. The learning area reads this for its comparison. Kept under a
    digest of every row the analysis reads, so it is never stale."""
    return cached(
        "chain-strengths",
        chains_digest(partnership, timezone.localdate()),
        lambda: {summary["ref"]: summary["strength"] for summary in chain_summaries(partnership)},
    )


def chains_of_outcomes(
    partnership: Any,
    *,
    outcomes: list[str] | None = None,
    relationships: dict[tuple[str, str], tuple[int, float | None]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """The delivery chains tied to a performance outcome, by that outcome's ref, each
    analysed as its analysis page shows it: ``ref``, ``title``, ``url`` (the analysis
    page), ``strength`` (share of the twelve questions green, or None), ``period`` (the
    rated workshop, or "current"), ``weak_links`` (``{"number", "from", "to", "types",
    "rules"}`` in the page's numbering), ``single_points`` (node names), ``nodes``,
    ``links`` and ``organisations`` (refs of the partner organisations in the chain).

    Chains with no outcome are left out; ``outcomes`` keeps only those outcomes' chains. The
    evidence every chain is checked against (relationship levels, indicator statuses) is
    read once for all of them; a caller that has already read the relationship levels may
    pass them. The outcomes and strategy area reads this.
    """
    found: dict[str, list[dict[str, Any]]] = {}
    chains = (
        Chain.objects.in_partnership(partnership)
        .exclude(outcome_ref__isnull=True)
        .exclude(outcome_ref="")
        .select_related("partnership")
    )
    if outcomes is not None:
        chains = chains.filter(outcome_ref__in=outcomes)
    shared: core.ChainContext | None = None
    for chain in chains:
        if shared is None:
            shared = core.ChainContext(
                target_date=None,
                relationships=relationship_evidence(partnership)
                if relationships is None
                else relationships,
                indicator_status=indicator_evidence(partnership),
                min_group_size=partnership.anonymity_threshold,
            )
        analysis = analysed_with(chain, replace(shared, target_date=chain.target_date))
        found.setdefault(chain.outcome_ref or "", []).append(
            {
                "ref": chain.ref,
                "title": chain.outcome_title,
                "url": reverse("chains:chain_analysis", args=[partnership.slug, chain.pk]),
                "strength": analysis.result["strength"],
                "period": workshop_period(analysis),
                "weak_links": [
                    {
                        "number": weak.number,
                        "from": weak.source.name,
                        "to": weak.target.name,
                        "types": list(weak.types),
                        "rules": [rule.id for rule in weak.rules],
                    }
                    for weak in analysis.weak_links
                ],
                "single_points": [node.name for node, _ in analysis.single_points],
                "nodes": len(analysis.nodes),
                "links": len(analysis.links),
                "organisations": sorted(
                    {node.organisation.ref for node in analysis.nodes if node.organisation}
                ),
            }
        )
    return found


def analysed_with(chain: Chain, context: core.ChainContext) -> ChainAnalysis:
    """A chain analysed exactly as ``analysis.analyse`` does, against evidence read once
    for several chains (``context``) instead of once per chain."""
    nodes, links = chain_records(chain)
    delivery_chain = core_chain(chain, nodes, links)
    workshop, waiting = rated_workshop(chain)
    pairs = {link.pair for link in delivery_chain.links}
    ratings = core_ratings(workshop, pairs) if workshop else ()
    result = core.analyse_chain(delivery_chain, ratings, context).to_dict()
    return arrange(chain, nodes, links, result, workshop, waiting, context)


def chain_counts_by_outcome(partnership: Any) -> dict[str, int]:
    """How many delivery chains serve each performance outcome, by the outcome's ref (one
    query, no analysis). The strategy review reads this."""
    counts: dict[str, int] = {}
    refs = (
        Chain.objects.in_partnership(partnership)
        .exclude(outcome_ref__isnull=True)
        .exclude(outcome_ref="")
        .values_list("outcome_ref", flat=True)
    )
    for ref in refs:
        counts[ref] = counts.get(ref, 0) + 1
    return counts


def funding_links(partnership: Any) -> list[dict[str, Any]]:
    """Every ``funds`` link with an amount in the partnership's chains, for the resources
    area's check against its ledger: ``chain`` (ref), ``chain_title``, ``outcome`` (the
    chain's outcome ref or None), ``funder`` (the funding node's organisation ref or None),
    ``funder_name``, ``target_name`` and ``amount`` (pounds a year)."""
    links = (
        ChainLink.objects.filter(chain__partnership=partnership, type="funds", amount__isnull=False)
        .select_related("chain", "source__organisation", "target")
        .order_by("chain__ref", "source__ref", "target__ref")
    )
    return [
        {
            "chain": link.chain.ref,
            "chain_title": link.chain.outcome_title,
            "outcome": link.chain.outcome_ref or None,
            "funder": link.source.organisation.ref if link.source.organisation else None,
            "funder_name": link.source.name,
            "target_name": link.target.name,
            "amount": link.amount,
        }
        for link in links
    ]
