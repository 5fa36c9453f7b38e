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
