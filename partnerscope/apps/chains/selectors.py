"""The delivery chains area's public read interface: what other areas, the command line and
the coming API and reports may read of, or ask of, delivery chains, as plain data only.

Code outside this app imports no other module of it (models, querysets, the use-case
modules, views); its data-package tables and demo rows plug in through ``ChainsConfig``
instead. Today the audit app's personal-data requests and purge use these.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import OuterRef, Q, Subquery

from partnerscope.apps.chains.models import ChainAction, ChainLink, Invitation, Workshop
from partnerscope.apps.common.deletion import deleted


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


def chain_summaries(partnership: Any) -> list[dict[str, Any]]:
    """Each chain's headline analysis, as its analysis page shows it, for the flags area.

    Every chain is a dictionary: ``ref``, ``outcome_ref`` (the performance outcome it
    serves, or ""), ``title``, ``strength`` (0-1 or None without a rated workshop),
    ``single_points`` (the nodes whose loss cuts the outcome off, as the register names
    them, ``<chain>/<node>``), ``weak_links`` (how many), ``node_organisations``
    (``<chain>/<node>`` to the organisation's ref, for nodes run by one) and ``url``.
    """
    from django.urls import reverse

    from partnerscope.apps.chains.analysis import analyse
    from partnerscope.apps.chains.models import Chain

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
