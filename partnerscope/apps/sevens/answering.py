"""Answering the 7S: who may answer, the draft saved page by page, the check, and sending.

The survey engine (``common/surveys``) refuses, locks and routes; this module supplies the
7S's own pages (about you, then one element per page) and stores the answers without any
link to the person or their invitation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.surveys.links import hash_token
from partnerscope.apps.common.surveys.refusals import (
    SurveyRefused,
    admitted,
    already_answered,
    check_open,
    respondent_by_token_hash,
)
from partnerscope.apps.common.surveys.submission import submit_once
from partnerscope.apps.partnerships.choices import Layer, Sector
from partnerscope.apps.sevens.models import Draft, Evidence, Invitation, Response
from partnerscope.apps.sevens.services import get_wave, in_layer_order, instrument_for, parse_answer
from partnerscope.core.sevens import DONT_KNOW, ELEMENTS, Statement
from partnerscope.reference.sevens import load_practice_notes

EVIDENCE_MAX = 2000
STEPS = len(ELEMENTS)
"""The survey asks about one element per page: seven pages after "about you"."""

# ---- Who may answer --------------------------------------------------------------------


def check_unanswered(invitation: Invitation) -> None:
    if invitation.answered:
        raise already_answered(
            "You have already answered",
            "Each invitation takes one set of answers, and yours are in. Thank you.",
        )


def check_can_answer(invitation: Invitation) -> None:
    """Refuse an invitation that has given its answers, or a wave not open today."""
    check_unanswered(invitation)
    check_open(invitation.wave, closed_courtesy="Thank you for your interest.")


def invitation_by_token(token: str) -> Invitation:
    """The open, unanswered invitation whose link carries ``token``, or SurveyRefused."""
    invitations = Invitation.objects.select_related("wave__partnership")
    return respondent_by_token_hash(invitations, hash_token(token), check_can_answer)


def invitation_for_user(access: Access, pk: int) -> Invitation:
    """The signed-in user's invitation to answer wave ``pk``, or SurveyRefused."""
    wave = get_wave(access, pk)
    return admitted(
        Invitation.objects.for_user(access.user)
        .filter(wave=wave)
        .select_related("wave__partnership")
        .order_by("answered", "pk")
        .first(),
        lambda: SurveyRefused(
            "You are not invited to answer this wave",
            f"{wave.title} is answered by the members of "
            f"{', '.join(b.name for b in wave.bodies.order_by('name')) or 'its chosen bodies'}. "
            "If you sit on one of them, ask your partnership manager to link your sign-in "
            "account to your name, or use the link in your invitation e-mail.",
            200,
        ),
        check_can_answer,
    )


# ---- Saving and resuming ----------------------------------------------------------------


@dataclass(frozen=True)
class SurveyState:
    """What a respondent has saved so far (nothing is created by reading it)."""

    sector: str
    layers: list[str]
    answers: dict[str, Any]
    evidence: dict[str, str]


def survey_state(invitation: Invitation) -> SurveyState:
    draft = Draft.objects.filter(token_hash=invitation.token_hash).first()
    if draft is None:
        return SurveyState("", [], {}, {})
    return SurveyState(draft.sector, list(draft.layers), dict(draft.answers), dict(draft.evidence))


def draft_for(invitation: Invitation) -> Draft:
    draft, _ = Draft.objects.get_or_create(
        token_hash=invitation.token_hash, defaults={"wave": invitation.wave}
    )
    return draft


@dataclass(frozen=True)
class ElementPage:
    """One page of the survey: an element, its statements and the saved answers."""

    number: int
    element_id: str
    name: str
    kind: str
    context: str
    statements: list[Statement]


def element_page(invitation: Invitation, number: int) -> ElementPage:
    if not 1 <= number <= STEPS:
        raise Http404("No such page of the survey.")
    info = ELEMENTS[number - 1]
    return ElementPage(
        number,
        info.id,
        info.name,
        info.kind,
        load_practice_notes()[info.id].context,
        list(instrument_for(invitation.wave).for_element(info.id)),
    )


def save_about(invitation: Invitation, sector: str, layers: Sequence[str]) -> None:
    draft = draft_for(invitation)
    draft.sector = sector
    draft.layers = in_layer_order(layers)
    draft.save()


def save_element(
    invitation: Invitation, page: ElementPage, answers: Mapping[str, Any], evidence: str
) -> None:
    """Keep one page's answers in the draft (a blank answer removes an earlier one)."""
    draft = draft_for(invitation)
    for statement in page.statements:
        value = answers.get(statement.id)
        if value in (None, ""):
            draft.answers.pop(statement.id, None)
        else:
            draft.answers[statement.id] = parse_answer(value)
    text = evidence.strip()[:EVIDENCE_MAX]
    if text:
        draft.evidence[page.element_id] = text
    else:
        draft.evidence.pop(page.element_id, None)
    draft.save()


# ---- Checking and sending -----------------------------------------------------------------


@dataclass(frozen=True)
class CheckRow:
    number: int
    name: str
    answered: int
    statements: int
    dont_know: int
    evidence: bool


@dataclass(frozen=True)
class CheckPage:
    sector: str
    layers: list[str]
    rows: list[CheckRow]
    problems: list[str]

    @property
    def answered(self) -> int:
        return sum(row.answered for row in self.rows)


def check_page(invitation: Invitation) -> CheckPage:
    draft = survey_state(invitation)
    instrument = instrument_for(invitation.wave)
    rows = []
    for number, info in enumerate(ELEMENTS, start=1):
        ids = [s.id for s in instrument.for_element(info.id)]
        given = [draft.answers[i] for i in ids if i in draft.answers]
        rows.append(
            CheckRow(
                number,
                info.name,
                len(given),
                len(ids),
                sum(1 for a in given if a == DONT_KNOW),
                bool(draft.evidence.get(info.id)),
            )
        )
    problems = []
    if not draft.sector:
        problems.append("Say which sector your organisation is in.")
    if not draft.layers:
        problems.append("Say which governance layers you sit in.")
    if not any(row.answered for row in rows):
        problems.append("Answer at least one statement.")
    return CheckPage(
        Sector(draft.sector).label if draft.sector else "",
        [Layer(layer).label for layer in draft.layers],
        rows,
        problems,
    )


def store_answers(invitation: Invitation) -> None:
    """Store a locked invitation's answers with no link to it, and delete the draft."""
    page = check_page(invitation)
    if page.problems:
        raise ValidationError(page.problems)
    draft = Draft.objects.get(token_hash=invitation.token_hash)
    known = set(instrument_for(invitation.wave).ids)
    Response.objects.create(
        wave=invitation.wave,
        sector=draft.sector,
        layers=in_layer_order(draft.layers),
        answers={item: parse_answer(a) for item, a in draft.answers.items() if item in known},
    )
    Evidence.objects.bulk_create(
        Evidence(wave=invitation.wave, element=element_id, text=text)
        for element_id, text in sorted(draft.evidence.items())
        if text.strip()
    )
    invitation.answered = True
    invitation.save(update_fields=["answered"])
    draft.delete()


def submit(invitation: Invitation) -> None:
    """Store the answers with no link to the person or invitation, and delete the draft.

    The engine locks the invitation and it is marked answered in the same transaction, so
    a link can never give two sets of answers.
    """
    submit_once(
        Invitation.objects.select_related("wave"), invitation.pk, check_can_answer, store_answers
    )
