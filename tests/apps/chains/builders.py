"""The falls chain of the kite partnership: a small delivery chain with known weak links."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from partnerscope.apps.actions.models import Action
from partnerscope.apps.actions.services import save_action
from partnerscope.apps.chains.models import (
    Chain,
    ChainLink,
    ChainNode,
    Participant,
    Rating,
    Workshop,
)
from partnerscope.reference.chains import load_questions

QUESTIONS = [question.id for question in load_questions()]


def falls_chain(kite: dict[str, Any]) -> dict[str, Any]:
    """Outcome <- board <- council -> falls service -> nurses -> older people, with police.

    The nurses link to the older people has no indicator (DC-W03) and a risk of 4 x 4
    (DC-W02); the council's funding ends before the target date (DC-F02); the nurses and the
    board are single points of failure.
    """
    existing = Chain.objects.filter(partnership=kite["partnership"], ref="falls").first()
    if existing is not None:
        return chain_parts(existing)
    chain = Chain.objects.create(
        partnership=kite["partnership"],
        ref="falls",
        outcome_title="Fewer falls among older people",
        target_date=dt.date(2026, 3, 31),
    )

    def node(ref: str, kind: str, name: str, **extra: Any) -> ChainNode:
        return ChainNode.objects.create(chain=chain, ref=ref, kind=kind, name=name, **extra)

    node("outcome", "outcome", chain.outcome_title)
    board = node("board", "body", "Kite Board", layer="strategic", body=kite["board"])
    council = node("council", "organisation", "Kite Council", organisation=kite["council"])
    police = node("police", "organisation", "Kite Police", organisation=kite["police"])
    service = node("falls-service", "service", "Falls service", organisation=kite["council"])
    nurses = node("nurses", "front_line", "Community nurses", organisation=kite["council"])
    people = node("older-people", "people", "Older people at risk of falling")
    outcome = chain.nodes.get(ref="outcome")
    alice = kite["alice"]

    def link(source: ChainNode, target: ChainNode, kind: str, **extra: Any) -> ChainLink:
        extra.setdefault("owner_person", alice)
        extra.setdefault("indicator", "NI 1")
        return ChainLink.objects.create(
            chain=chain, source=source, target=target, type=kind, **extra
        )

    link(board, outcome, "accountable_to")
    link(council, board, "accountable_to")
    link(police, board, "accountable_to", owner_person=kite["bola"])
    link(
        council,
        service,
        "funds",
        amount=Decimal("50000"),
        secure_until=dt.date(2025, 3, 31),
    )
    link(service, nurses, "delivers_to")
    link(police, nurses, "refers_to", owner_person=kite["bola"])
    link(
        nurses,
        people,
        "delivers_to",
        owner_person=None,
        owner="Team leader",
        indicator="",
        likelihood=4,
        impact=4,
    )
    return chain_parts(chain)


def chain_parts(chain: Chain) -> dict[str, Any]:
    parts: dict[str, Any] = {"chain": chain}
    parts.update({node.ref: node for node in chain.nodes.all()})
    parts["links"] = list(chain.links.order_by("pk"))
    return parts


def workshop_with(
    chain: Chain,
    strategic: int,
    operational: int,
    *,
    value: str = "green",
    link: tuple[ChainNode, ChainNode] | None = None,
    link_value: str = "red",
    ref: str = "spring",
) -> Workshop:
    """A workshop whose participants all rate every question ``value`` (and ``link``)."""
    workshop = Workshop.objects.create(chain=chain, ref=ref, title=f"Workshop {ref}")
    levels = ["strategic"] * strategic + ["operational"] * operational
    for number, level in enumerate(levels, start=1):
        participant = Participant.objects.create(
            workshop=workshop, ref=f"{ref}-p{number:02d}", level=level
        )
        Rating.objects.bulk_create(
            Rating(participant=participant, question=question, value=value)
            for question in QUESTIONS
        )
        if link is not None:
            Rating.objects.create(
                participant=participant,
                question="q06",
                value=link_value,
                link_source=link[0],
                link_target=link[1],
            )
    return workshop


def agreed_action(chain: Chain, link: ChainLink | None = None, **extra: Any) -> Action:
    """An action of the action plan agreed for ``chain`` (on ``link``, if given)."""
    extra.setdefault("title", "Agree a referral pathway.")
    extra.setdefault("owner_other", "Partnership manager")
    if link is not None:
        extra.update(link_source_ref=link.source.ref, link_target_ref=link.target.ref)
    action = Action(chain_ref=chain.ref, ref=extra.pop("ref", "a01"), **extra)
    return save_action(chain.partnership, action, [])
