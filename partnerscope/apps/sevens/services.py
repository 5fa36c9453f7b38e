"""Orchestration of the 7S area: waves, local statements, invitations, answering, results.

Services load records, convert them to the core's types (``Instrument``, ``Respondent``),
call the core and save or return. The scoring itself is in ``partnerscope.core.sevens``.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.links import absolute, derived_token, new_link_key
from partnerscope.apps.common.models import WaveStatus
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.common.surveys import (
    SurveyRefused,
    admitted,
    check_open,
    respondent_by_token_hash,
)
from partnerscope.apps.notifications.links import IssuedLink, issued_links
from partnerscope.apps.notifications.models import Survey
from partnerscope.apps.partnerships.choices import Layer, Sector
from partnerscope.apps.partnerships.models import Body, Person
from partnerscope.apps.sevens.models import (
    Draft,
    Evidence,
    Invitation,
    LocalStatement,
    Response,
    Wave,
)
from partnerscope.core.sevens import (
    DONT_KNOW,
    ELEMENTS,
    LAYERS,
    NOT_STATED,
    SCALE,
    Answer,
    Instrument,
    Respondent,
    Statement,
    WaveResult,
    local_statement,
    score_wave,
)
from partnerscope.reference.sevens import load_instrument, load_practice_notes

TOKEN_BYTES = 32
EVIDENCE_MAX = 2000
STEPS = len(ELEMENTS)
"""The survey asks about one element per page: seven pages after "about you"."""


# ---- Converting stored records to the core's types ------------------------------------


def hash_token(token: str) -> str:
    """The SHA-256 hex digest of a survey token: the only form in which tokens are stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh single-use token and its hash."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, hash_token(token)


def shared_instrument() -> Instrument:
    return load_instrument()


def local_statements_of(wave: Wave) -> list[Statement]:
    return [
        local_statement(s.statement_id, s.element, s.text, s.layers)
        for s in wave.local_statements.order_by("number")
    ]


def instrument_for(wave: Wave) -> Instrument:
    """The wave's instrument: the shared statements of its version plus its local ones."""
    kit = shared_instrument()
    if wave.instrument_version != kit.version:
        raise ValueError(
            f"wave {wave.ref!r} uses instrument version {wave.instrument_version}, "
            f"but this PartnerScope has version {kit.version}"
        )
    return kit.with_local(local_statements_of(wave))


def parse_answer(value: Any) -> Answer:
    """A stored answer (1..5 or "dk", as number or text) as the core's Answer."""
    if value == DONT_KNOW:
        return DONT_KNOW
    number = int(value)
    if number not in SCALE:
        raise ValueError(f"{value!r} is not an answer")
    return number


def in_layer_order(layers: Iterable[str]) -> list[str]:
    chosen = set(layers)
    return [layer for layer in LAYERS if layer in chosen]


def response_order_key(response: Response, ids: Sequence[str]) -> tuple[str, str, tuple[str, ...]]:
    """Order responses by their content alone, so numbering reveals nothing of who or when."""
    answers = response.answers
    return (
        response.sector,
        ";".join(in_layer_order(response.layers)),
        tuple(str(answers.get(item, "")) for item in ids),
    )


def numbered_responses(wave: Wave, instrument: Instrument | None = None) -> list[tuple[str, Any]]:
    """The wave's responses with anonymous sequence ids ``r001``, ``r002``, ... by content."""
    ids = (instrument or instrument_for(wave)).ids
    responses = sorted(
        Response.objects.in_wave(wave), key=lambda response: response_order_key(response, ids)
    )
    return [(f"r{number:03d}", response) for number, response in enumerate(responses, start=1)]


def respondents_of(wave: Wave, instrument: Instrument | None = None) -> list[Respondent]:
    """The wave's responses as the core's respondents."""
    return [
        Respondent(
            respondent,
            response.sector or NOT_STATED,
            frozenset(response.layers),
            {item: parse_answer(value) for item, value in response.answers.items()},
        )
        for respondent, response in numbered_responses(wave, instrument)
    ]


def score(wave: Wave) -> WaveResult:
    """Score the wave with the partnership's anonymity threshold, against its previous wave."""
    instrument = instrument_for(wave)
    previous = wave.previous
    return score_wave(
        respondents_of(wave, instrument),
        instrument,
        threshold=wave.partnership.anonymity_threshold,
        previous=respondents_of(previous) if previous else None,
        previous_instrument=instrument_for(previous) if previous else None,
    )


def results_dict(wave: Wave) -> dict[str, Any]:
    """The wave's results in the documented JSON form, with the wave named (for exports)."""
    result = score(wave).to_dict()
    return {
        "wave": {
            "id": wave.ref,
            "title": wave.title,
            "opens": wave.opens.isoformat(),
            "closes": wave.closes.isoformat(),
            "previous": wave.previous.ref if wave.previous else None,
        },
        **result,
    }


def results_published(wave: Wave) -> bool:
    """Results are shown once a wave has closed, and not before.

    While answers still arrive, comparing the results before and after one person answers
    would give away that person's answers, whatever the threshold; once a wave closes its
    answers are final (a closed wave cannot be reopened), so that comparison is impossible.
    """
    return wave.status == WaveStatus.CLOSED


def published_results(wave: Wave) -> dict[str, Any]:
    """The results JSON of a closed wave, or the wave and a note saying when it closes."""
    if results_published(wave):
        return results_dict(wave)
    return {
        "wave": {"id": wave.ref, "title": wave.title, "closes": wave.closes.isoformat()},
        "published": False,
        "message": f"Results are published when the wave closes on {wave.closes:%d %B %Y}.",
    }


# ---- Waves and local statements ------------------------------------------------------


def wave_queryset(access: Access) -> models.QuerySet[Wave]:
    return Wave.objects.in_partnership(access.partnership).select_related("previous")


def get_wave(access: Access, pk: int) -> Wave:
    wave = wave_queryset(access).select_related("partnership").filter(pk=pk).first()
    if wave is None:
        raise Http404("No such wave.")
    return wave


@dataclass(frozen=True)
class WaveRow:
    wave: Wave
    responses: int
    invited: int


@dataclass(frozen=True)
class WaveIndex:
    """What the 7S front page lists: every wave, and the user's open invitations."""

    rows: list[WaveRow]
    invitations: list[Invitation]


def wave_index(access: Access) -> WaveIndex:
    waves = (
        wave_queryset(access)
        .annotate(
            response_count=models.Count("responses", distinct=True),
            invitation_count=models.Count("invitations", distinct=True),
        )
        .order_by("-opens", "-pk")
    )
    rows = [WaveRow(w, w.response_count, w.invitation_count) for w in waves]
    invitations = [
        invitation
        for invitation in Invitation.objects.for_user(access.user)
        .waiting()
        .filter(wave__partnership=access.partnership)
        .select_related("wave")
        if invitation.wave.is_open
    ]
    return WaveIndex(rows, invitations)


def save_wave(access: Access, form: Any) -> Wave:
    """Create or change a wave; a new wave takes the shared instrument's current version."""
    wave: Wave = form.save(commit=False)
    wave.partnership = access.partnership
    if not wave.ref:
        wave.ref = unique_ref(Wave.objects.in_partnership(access.partnership), wave.title)
    if not wave.instrument_version:
        wave.instrument_version = shared_instrument().version
    wave.full_clean()
    wave.save()
    form.save_m2m()
    return wave


def default_previous(access: Access) -> Wave | None:
    return wave_queryset(access).first()


def check_statements_can_change(wave: Wave) -> None:
    if wave.responses.exists():
        raise ValidationError(
            "People have already answered this wave, so its statements can no longer change: "
            "earlier answers would be missing the new statement."
        )


def add_local_statement(wave: Wave, form: Any) -> LocalStatement:
    """Add a statement to this wave only; the shared instrument is not changed."""
    check_statements_can_change(wave)
    statement: LocalStatement = form.save(commit=False)
    statement.wave = wave
    statement.number = (wave.local_statements.aggregate(top=models.Max("number"))["top"] or 0) + 1
    statement.layers = in_layer_order(statement.layers)
    statement.save()
    return statement


def delete_local_statement(statement: LocalStatement) -> None:
    check_statements_can_change(statement.wave)
    for draft in Draft.objects.filter(wave=statement.wave):
        draft.answers.pop(statement.statement_id, None)
        draft.save(update_fields=["answers"])
    statement.delete()


def get_local_statement(wave: Wave, pk: int) -> LocalStatement:
    statement = wave.local_statements.filter(pk=pk).first()
    if statement is None:
        raise Http404("No such statement.")
    return statement


# ---- Invitations -------------------------------------------------------------------


def invitees(wave: Wave) -> models.QuerySet[Person]:
    """Current members of the wave's bodies (membership not ended before the wave opens)."""
    return (
        Person.objects.filter(partnership=wave.partnership, memberships__body__in=wave.bodies.all())
        .filter(Q(memberships__end__isnull=True) | Q(memberships__end__gte=wave.opens))
        .select_related("organisation")
        .distinct()
        .order_by("name", "pk")
    )


@dataclass(frozen=True)
class InviteeRow:
    person: Person
    invitation: Invitation | None


@dataclass(frozen=True)
class InvitationPage:
    wave: Wave
    rows: list[InviteeRow]
    to_invite: int
    issued: list[IssuedLink] = field(default_factory=list)
    problem: str = ""


def invitation_page(
    wave: Wave, issued: list[IssuedLink] | None = None, problem: str = ""
) -> InvitationPage:
    invitations = {i.person_id: i for i in wave.invitations.all()}
    people = list(invitees(wave))
    listed = {person.pk for person in people}
    extra = [
        i.person
        for i in wave.invitations.select_related("person__organisation")
        if i.person_id not in listed
    ]
    rows = [InviteeRow(person, invitations.get(person.pk)) for person in people + extra]
    return InvitationPage(
        wave,
        rows,
        sum(1 for row in rows if row.invitation is None),
        issued or [],
        problem,
    )


def invitation_email(wave: Wave, person: Person, url: str) -> EmailMessage:
    partnership = wave.partnership.name
    body = (
        f"Dear {person.name},\n\n"
        f"{partnership} is asking its members how well the partnership works, using the 7S "
        f"whole-systems self-assessment: {wave.title}.\n\n"
        f"Please answer by {wave.closes:%d %B %Y} using this link:\n{url}\n\n"
        "Your answers are anonymous: they are stored without your name, and no figures are "
        f"shown for any group of fewer than {wave.partnership.anonymity_threshold} people. "
        "The link works for one set of answers only, so please do not forward it. You can "
        "save your answers and come back to them with the same link.\n\n"
        f"It takes about 15 minutes. The survey opens on {wave.opens:%d %B %Y}.\n"
    )
    return EmailMessage(
        subject=f"{partnership}: {wave.title}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.email],
    )


LINK_PURPOSE = "sevens.invitation"


def survey_url(token: str) -> str:
    """The full link to the survey for ``token``, under the configured site address."""
    return absolute(reverse("sevens_public:about", args=[token]))


def issue_link(invitation: Invitation) -> str:
    """Give ``invitation`` a new link and return its token; the old link stops working.

    The token is made from a fresh random key and the site's secret key, so reminders can
    carry the same link again; only its hash is stored, and a saved draft moves to it.
    """
    key = new_link_key()
    token = derived_token(LINK_PURPOSE, key)
    digest = hash_token(token)
    if invitation.pk and invitation.token_hash:
        Draft.objects.filter(token_hash=invitation.token_hash).update(token_hash=digest)
    invitation.link_key = key
    invitation.token_hash = digest
    if invitation.pk:
        invitation.save(update_fields=["link_key", "token_hash"])
    return token


def current_token(invitation: Invitation) -> str | None:
    """The token of the invitation's working link, made again, or None if it cannot be.

    None for a link issued before link keys existed, or after the secret key changed.
    """
    if not invitation.link_key:
        return None
    token = derived_token(LINK_PURPOSE, invitation.link_key)
    return token if hash_token(token) == invitation.token_hash else None


def check_can_invite(wave: Wave) -> None:
    if wave.status == WaveStatus.CLOSED:
        raise ValidationError("This wave has closed, so no more invitations can be sent.")


def send_invitations(wave: Wave, link_for: Callable[[str], str] = survey_url) -> InvitationPage:
    """Invite every current member of the wave's bodies not yet invited, once each.

    Each gets a single-use link; people with an e-mail address are sent it by e-mail (by a
    background task), and all the new links are returned so the manager can pass them on
    by hand.
    """
    check_can_invite(wave)
    already = set(wave.invitations.values_list("person_id", flat=True))
    rows = []
    with transaction.atomic():
        for person in invitees(wave):
            if person.pk in already:
                continue
            invitation = Invitation(wave=wave, person=person)
            token = issue_link(invitation)
            invitation.save()
            rows.append((invitation, token))
    return invitation_page(wave, issued_links(Survey.SEVENS, rows, link_for))


def get_invitation(wave: Wave, pk: int) -> Invitation:
    invitation = wave.invitations.select_related("person").filter(pk=pk).first()
    if invitation is None:
        raise Http404("No such invitation.")
    return invitation


def renew_invitation(
    invitation: Invitation, link_for: Callable[[str], str] = survey_url
) -> InvitationPage:
    """Give a person a new link (the old one stops working); their saved draft is kept."""
    wave = invitation.wave
    check_can_invite(wave)
    if invitation.answered:
        raise ValidationError(f"{invitation.person} has already answered.")
    with transaction.atomic():
        token = issue_link(invitation)
    return invitation_page(wave, issued_links(Survey.SEVENS, [(invitation, token)], link_for))


# ---- Response rates -----------------------------------------------------------------


@dataclass(frozen=True)
class RateRow:
    label: str
    invited: int
    answered: int

    @property
    def percent(self) -> int | None:
        return None if not self.invited else round(100 * self.answered / self.invited)


@dataclass(frozen=True)
class Rates:
    """How many of those invited have answered, overall, by sector and by body."""

    invited: int
    answered: int
    responses: int
    by_sector: list[RateRow]
    by_body: list[RateRow]

    @property
    def total(self) -> RateRow:
        return RateRow("All invited", self.invited, self.answered)


def response_rates(wave: Wave) -> Rates:
    """Response rates from the invitations (answered or not), by sector and by body."""
    invitations = list(wave.invitations.select_related("person__organisation"))
    invited = Counter(i.person.organisation.sector for i in invitations)
    answered = Counter(i.person.organisation.sector for i in invitations if i.answered)
    by_sector = [
        RateRow(label, invited[value], answered[value])
        for value, label in Sector.choices
        if invited[value]
    ]
    status = {i.person_id: i.answered for i in invitations}
    by_body = []
    for body in wave.bodies.order_by("name"):
        members = set(
            body.memberships.filter(Q(end__isnull=True) | Q(end__gte=wave.opens)).values_list(
                "person_id", flat=True
            )
        )
        members &= set(status)
        by_body.append(RateRow(body.name, len(members), sum(status[p] for p in members)))
    return Rates(
        len(invitations),
        sum(1 for i in invitations if i.answered),
        wave.responses.count(),
        by_sector,
        by_body,
    )


@dataclass(frozen=True)
class WavePage:
    """A wave's management page: its rates, and whether its statements can still change."""

    wave: Wave
    rates: Rates
    statements_locked: bool
    local_statements: list[LocalStatement]


def wave_page(wave: Wave) -> WavePage:
    return WavePage(
        wave,
        response_rates(wave),
        wave.responses.exists(),
        list(wave.local_statements.order_by("number")),
    )


def bodies_for(access: Access) -> models.QuerySet[Body]:
    return Body.objects.in_partnership(access.partnership).order_by("name")


# ---- Answering ---------------------------------------------------------------------


def check_unanswered(invitation: Invitation) -> None:
    if invitation.answered:
        raise SurveyRefused(
            "You have already answered",
            "Each invitation takes one set of answers, and yours are in. Thank you.",
            410,
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


def submit(invitation: Invitation) -> None:
    """Store the answers with no link to the person or invitation, and delete the draft.

    The invitation is locked and marked answered in the same transaction, so a link can
    never give two sets of answers.
    """
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().select_related("wave").get(pk=invitation.pk)
        check_can_answer(locked)
        page = check_page(locked)
        if page.problems:
            raise ValidationError(page.problems)
        draft = Draft.objects.get(token_hash=locked.token_hash)
        known = set(instrument_for(locked.wave).ids)
        Response.objects.create(
            wave=locked.wave,
            sector=draft.sector,
            layers=in_layer_order(draft.layers),
            answers={item: parse_answer(a) for item, a in draft.answers.items() if item in known},
        )
        Evidence.objects.bulk_create(
            Evidence(wave=locked.wave, element=element_id, text=text)
            for element_id, text in sorted(draft.evidence.items())
            if text.strip()
        )
        locked.answered = True
        locked.save(update_fields=["answered"])
        draft.delete()
