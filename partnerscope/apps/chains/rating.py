"""Answering a delivery-chain workshop: single-use links stored as hashes, a signed-in
member's own invitation, and storing one participant's ratings exactly once."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from partnerscope.apps.chains.models import Invitation, Participant, Rating, Workshop


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_invitations(workshop: Workshop, count: int) -> list[str]:
    """Make ``count`` single-use links; only each token's SHA-256 hash is stored, so the
    tokens returned here are shown once and cannot be recovered."""
    tokens = [secrets.token_urlsafe(32) for _ in range(count)]
    Invitation.objects.bulk_create(
        Invitation(workshop=workshop, token_hash=token_hash(token)) for token in tokens
    )
    return tokens


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a single-use link stands for, or None if the link is not valid."""
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.filter(token_hash=token_hash(token))
        .select_related("workshop__chain__partnership")
        .first()
    )


def user_invitation(workshop: Workshop, user: Any) -> Invitation:
    """A signed-in user's own invitation to a workshop, made on first visit."""
    invitation, _ = Invitation.objects.get_or_create(workshop=workshop, user=user)
    return invitation


class AnswerRefused(Exception):
    """The answers cannot be taken: the invitation was used or the workshop is closed."""


@dataclass(frozen=True)
class Answers:
    """One participant's answers, as the rating form collects them."""

    level: str
    chain: Mapping[str, str]
    links: Mapping[tuple[int, int], Mapping[str, str]] = field(default_factory=dict)
    comment: str = ""


def record_answers(invitation: Invitation, answers: Answers) -> Participant:
    """Store the answers once per invitation, with no link back to the invitation.

    ``select_for_update`` with ``select_related("workshop")`` locks the workshop's row as
    well as the invitation's on PostgreSQL, so two people answering at once are numbered
    one after the other (``next_participant_ref``); a second send of the same link waits,
    finds it used and is refused (tests/apps/test_survey_submit_races.py).
    """
    with transaction.atomic():
        locked = (
            Invitation.objects.select_for_update().select_related("workshop").get(pk=invitation.pk)
        )
        workshop = locked.workshop
        if locked.used:
            raise AnswerRefused("These answers have already been given.")
        if not workshop.is_open:
            raise AnswerRefused("This workshop is closed and takes no more answers.")
        locked.used = True
        locked.save(update_fields=["used"])
        participant = Participant.objects.create(
            workshop=workshop,
            ref=next_participant_ref(workshop),
            level=answers.level,
            comment=answers.comment.strip(),
        )
        nodes = {node.pk: node for node in workshop.chain.nodes.all()}
        rows = [
            Rating(participant=participant, question=question, value=value)
            for question, value in answers.chain.items()
            if value
        ]
        for (source, target), given in answers.links.items():
            rows += [
                Rating(
                    participant=participant,
                    question=question,
                    value=value,
                    link_source=nodes[source],
                    link_target=nodes[target],
                )
                for question, value in given.items()
                if value
            ]
        Rating.objects.bulk_create(rows)
    return participant


def next_participant_ref(workshop: Workshop) -> str:
    number = workshop.participants.count() + 1
    taken = set(workshop.participants.values_list("ref", flat=True))
    while f"{workshop.ref}-p{number:02d}" in taken:
        number += 1
    return f"{workshop.ref}-p{number:02d}"
