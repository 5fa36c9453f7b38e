"""Answering a delivery-chain workshop: a configuration of the survey engine.

The engine (``common/surveys``) gives the single-use links stored as hashes, the lookup of
a link, the lock that stores one participant's ratings exactly once, and the refusal and
thanks pages; the workshop gives its one-page rating form, its refusals (a used
invitation, a closed workshop) and its storage of ratings by question and link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from partnerscope.apps.chains.models import Invitation, Participant, Rating, Workshop
from partnerscope.apps.common.surveys.links import LONGEST_TOKEN, hash_token, new_token
from partnerscope.apps.common.surveys.submission import submit_once


def create_invitations(workshop: Workshop, count: int) -> list[str]:
    """Make ``count`` single-use links; only each token's SHA-256 hash is stored, so the
    tokens returned here are shown once and cannot be recovered."""
    links = [new_token() for _ in range(count)]
    Invitation.objects.bulk_create(
        Invitation(workshop=workshop, token_hash=digest) for _, digest in links
    )
    return [token for token, _ in links]


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a single-use link stands for, or None if the link is not valid."""
    if not token or len(token) > LONGEST_TOKEN:
        return None
    return (
        Invitation.objects.filter(token_hash=hash_token(token))
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


def check_can_answer(invitation: Invitation) -> None:
    """Refuse an invitation whose answers are in, or a workshop that is closed."""
    if invitation.used:
        raise AnswerRefused("These answers have already been given.")
    if not invitation.workshop.is_open:
        raise AnswerRefused("This workshop is closed and takes no more answers.")


def record_answers(invitation: Invitation, answers: Answers) -> Participant:
    """Store the answers once per invitation, with no link back to the invitation.

    The engine's ``submit_once`` locks the invitation with ``select_related("workshop")``,
    which locks the workshop's row as well on PostgreSQL, so two people answering at once
    are numbered one after the other (``next_participant_ref``); a second send of the same
    link waits, finds it used and is refused (tests/apps/test_survey_submit_races.py).
    """
    return submit_once(
        Invitation.objects.select_related("workshop"),
        invitation.pk,
        check_can_answer,
        lambda locked: store_answers(locked, answers),
    )


def store_answers(invitation: Invitation, answers: Answers) -> Participant:
    """Mark a locked invitation used and store its participant and ratings."""
    workshop = invitation.workshop
    invitation.used = True
    invitation.save(update_fields=["used"])
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
