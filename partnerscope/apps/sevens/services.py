"""Orchestration of the 7S area: waves, local statements, response rates and results.

Services load records, convert them to the core's types (``Instrument``, ``Respondent``),
call the core and save or return. The scoring itself is in ``partnerscope.core.sevens``.
Inviting is in ``invitations.py``, answering in ``answering.py``; the survey engine's
configuration of the 7S is in ``survey.py``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404

import partnerscope
from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.models import WaveStatus
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.partnerships.choices import Sector
from partnerscope.apps.partnerships.models import Body
from partnerscope.apps.sevens.models import (
    Draft,
    Invitation,
    LocalStatement,
    Response,
    Wave,
)
from partnerscope.core.sevens import (
    DONT_KNOW,
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
from partnerscope.reference.sevens import load_instrument

SCORE_CACHE_SECONDS = 24 * 60 * 60

# ---- Converting stored records to the core's types ------------------------------------


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


@dataclass(frozen=True)
class ScoreInputs:
    """Everything a wave's score depends on, read from the database once."""

    respondents: list[Respondent]
    instrument: Instrument
    threshold: int
    previous: list[Respondent] | None
    previous_instrument: Instrument | None

    def score(self) -> WaveResult:
        return score_wave(
            self.respondents,
            self.instrument,
            threshold=self.threshold,
            previous=self.previous,
            previous_instrument=self.previous_instrument,
        )

    def key(self) -> str:
        """A hash of every input (and of this PartnerScope's version), so a score cached
        under it is the score of exactly these answers, statements and threshold."""

        def people(respondents: list[Respondent] | None) -> list[Any] | None:
            if respondents is None:
                return None
            return [[r.id, r.sector, sorted(r.layers), r.answers] for r in respondents]

        def statements(instrument: Instrument | None) -> Any:
            return None if instrument is None else asdict(instrument)

        content = json.dumps(
            [
                partnerscope.__version__,
                self.threshold,
                people(self.respondents),
                statements(self.instrument),
                people(self.previous),
                statements(self.previous_instrument),
            ],
            sort_keys=True,
        )
        return "sevens-score:" + hashlib.sha256(content.encode("utf-8")).hexdigest()


def score_inputs(wave: Wave) -> ScoreInputs:
    instrument = instrument_for(wave)
    previous = wave.previous
    return ScoreInputs(
        respondents_of(wave, instrument),
        instrument,
        wave.partnership.anonymity_threshold,
        respondents_of(previous) if previous else None,
        instrument_for(previous) if previous else None,
    )


def score(wave: Wave) -> WaveResult:
    """Score the wave with the partnership's anonymity threshold, against its previous wave."""
    return score_inputs(wave).score()


def scored(wave: Wave) -> tuple[str, dict[str, Any]]:
    """The key of the wave's score inputs and its score in JSON form, cached under that key.

    Scoring (bootstrap intervals of the change) takes most of the results page's time, while
    reading the answers takes a few milliseconds: any change to an answer, a statement, the
    threshold or the previous wave gives a new key, so a cached score is never stale.
    """
    inputs = score_inputs(wave)
    key = inputs.key()
    result = cache.get(key)
    if result is None:
        result = inputs.score().to_dict()
        cache.set(key, result, SCORE_CACHE_SECONDS)
    return key, result


def results_dict(wave: Wave) -> dict[str, Any]:
    """The wave's results in the documented JSON form, with the wave named (for exports)."""
    return named_results(wave, scored(wave)[1])


def named_results(wave: Wave, result: dict[str, Any]) -> dict[str, Any]:
    """A score in JSON form with its wave named first."""
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
