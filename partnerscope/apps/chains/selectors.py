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

from partnerscope.apps.chains.analysis import ChainAnalysis, arrange, rated_workshop
from partnerscope.apps.chains.core_inputs import (
    chain_records,
    core_chain,
    core_ratings,
    indicator_evidence,
    relationship_evidence,
)
from partnerscope.apps.chains.findings import workshop_period
from partnerscope.apps.chains.models import Chain, ChainAction, ChainLink, Invitation, Workshop
from partnerscope.apps.common.deletion import deleted
from partnerscope.core import chains as core


def actions_owned_by(people: Any) -> list[dict[str, Any]]:
    actions = ChainAction.objects.filter(owner_person__in=people).select_related("chain")
    return [
        {
            "chain": a.chain.title,
            "ref": a.ref,
            "action": a.description,
            "due": a.due,
            "status": a.status,
        }
        for a in actions
    ]


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
