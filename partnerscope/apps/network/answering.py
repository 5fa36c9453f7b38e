"""Answering the relationship survey: who may answer, pages by sector, search, saving, sending.

The survey engine (``common/surveys``) refuses, locks and routes; this module supplies the
survey's own pages (the other organisations, by sector) and records the organisation's
answers as its ties.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

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
from partnerscope.apps.network.choices import Level, Origin
from partnerscope.apps.network.models import Draft, Representative, Tie
from partnerscope.apps.network.services import get_wave, partnership_organisations
from partnerscope.apps.partnerships.choices import Sector
from partnerscope.apps.partnerships.models import Organisation
from partnerscope.datapackage.network import RATING_PARTS

PAGE_SIZE = 12
"""The most organisations on one page of the survey: a larger sector is split in parts."""
DETAIL_FIELDS = ("frequency", "flows", *RATING_PARTS)
"""What a representative may add about a relationship besides its level."""

# ---- Who may answer -----------------------------------------------------------------------


def check_unanswered(representative: Representative) -> None:
    if representative.answered:
        raise already_answered(
            "Your organisation has already answered",
            f"{representative.organisation}'s answers are in. Thank you.",
        )


def check_can_answer(representative: Representative) -> None:
    """Refuse a representative whose organisation has answered, or a wave not open today."""
    check_unanswered(representative)
    check_open(representative.wave)


def representative_by_token(token: str) -> Representative:
    """The open, unanswered representative whose link carries ``token``, or SurveyRefused."""
    representatives = Representative.objects.select_related(
        "wave__partnership", "organisation", "person"
    )
    return respondent_by_token_hash(representatives, hash_token(token), check_can_answer)


def representative_for_user(access: Access, pk: int) -> Representative:
    """The signed-in user's place as a representative in wave ``pk``, or SurveyRefused."""
    wave = get_wave(access, pk)
    return admitted(
        Representative.objects.for_user(access.user)
        .filter(wave=wave)
        .select_related("wave__partnership", "organisation", "person")
        .order_by("answered", "organisation__name")
        .first(),
        lambda: SurveyRefused(
            "You are not a representative in this wave",
            f"Each organisation answers {wave.title} through one named person. If you "
            "answer for your organisation, ask your partnership manager to name you and to "
            "link your sign-in account to your name, or use the link you were sent.",
            200,
        ),
        check_can_answer,
    )


@dataclass(frozen=True)
class SurveyPage:
    """One page of the survey: the organisations of one sector (or part of a large one)."""

    number: int
    sector: str
    sector_label: str
    part: int
    parts: int
    organisations: list[Organisation]

    @property
    def title(self) -> str:
        if self.parts == 1:
            return self.sector_label
        return f"{self.sector_label} (part {self.part} of {self.parts})"


READS = "_survey_reads"
"""Where a representative object keeps what its request has read of the survey."""


def read_once(representative: Representative, key: str, read: Callable[[], Any]) -> Any:
    """``read()``, done once for this representative object and kept on it.

    A representative is loaded afresh for each request, and one page asks several times
    for the other organisations and the saved answers (the page, the progress, the task
    list): each is read from the database once a request.
    """
    reads: dict[str, Any] = representative.__dict__.setdefault(READS, {})
    if key not in reads:
        reads[key] = read()
    return reads[key]


def others(representative: Representative) -> list[Organisation]:
    """The organisations the representative answers about: every other one of the partnership."""
    found: list[Organisation] = read_once(
        representative,
        "others",
        lambda: list(
            partnership_organisations(representative.wave.partnership).exclude(
                pk=representative.organisation_id
            )
        ),
    )
    return list(found)


def survey_pages(representative: Representative) -> list[SurveyPage]:
    """The survey's pages: organisations grouped by sector, at most PAGE_SIZE to a page."""
    by_sector: dict[str, list[Organisation]] = {}
    for organisation in others(representative):
        by_sector.setdefault(organisation.sector, []).append(organisation)
    pages: list[SurveyPage] = []
    for sector, label in Sector.choices:
        members = by_sector.get(sector, [])
        chunks = [members[i : i + PAGE_SIZE] for i in range(0, len(members), PAGE_SIZE)]
        for part, chunk in enumerate(chunks, start=1):
            pages.append(SurveyPage(len(pages) + 1, sector, label, part, len(chunks), chunk))
    return pages


def survey_page(representative: Representative, number: int) -> tuple[SurveyPage, int]:
    pages = survey_pages(representative)
    if not 1 <= number <= len(pages):
        raise Http404("No such page of the survey.")
    return pages[number - 1], len(pages)


def saved_answers(representative: Representative) -> dict[str, dict[str, Any]]:
    """The answers saved so far, by the other organisation's id as text."""

    def read() -> dict[str, dict[str, Any]]:
        draft = Draft.objects.filter(representative=representative).first()
        return dict(draft.answers) if draft else {}

    return dict(read_once(representative, "saved", read))


def save_answers(
    representative: Representative, answers: Mapping[int, Mapping[str, Any] | None]
) -> None:
    """Keep some organisations' answers in the draft; None removes an earlier answer."""
    allowed = {organisation.pk for organisation in others(representative)}
    draft, _ = Draft.objects.get_or_create(representative=representative)
    for organisation_id, answer in answers.items():
        if organisation_id not in allowed:
            continue
        key = str(organisation_id)
        if answer is None:
            draft.answers.pop(key, None)
        else:
            draft.answers[key] = clean_answer(answer)
    draft.save()
    representative.__dict__.setdefault(READS, {})["saved"] = dict(draft.answers)


def clean_answer(answer: Mapping[str, Any]) -> dict[str, Any]:
    """An answer in its stored form: the level, and details only when they work together."""
    level = int(answer["level"])
    if level not in Level.values:
        raise ValueError(f"{level} is not a level")
    stored: dict[str, Any] = {"level": level}
    if level > Level.NONE:
        if answer.get("frequency"):
            stored["frequency"] = answer["frequency"]
        if answer.get("flows"):
            stored["flows"] = list(answer["flows"])
        for part in RATING_PARTS:
            if answer.get(part) not in (None, ""):
                stored[part] = int(answer[part])
    return stored


def none_for_rest(representative: Representative, page: SurveyPage) -> int:
    """Answer "not at all" for every organisation of the page not answered yet."""
    saved = saved_answers(representative)
    rest = {o.pk: {"level": Level.NONE} for o in page.organisations if str(o.pk) not in saved}
    save_answers(representative, rest)
    return len(rest)


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def unanswered(self) -> int:
        return self.total - self.answered

    @property
    def label(self) -> str:
        return f"{self.answered} of {self.total} organisations answered"


def progress(representative: Representative) -> Progress:
    saved = saved_answers(representative)
    total = others(representative)
    return Progress(sum(1 for o in total if str(o.pk) in saved), len(total))


@dataclass(frozen=True)
class PageStatus:
    page: SurveyPage
    answered: int

    @property
    def complete(self) -> bool:
        return self.answered == len(self.page.organisations)


def page_statuses(representative: Representative) -> list[PageStatus]:
    saved = saved_answers(representative)
    return [
        PageStatus(page, sum(1 for o in page.organisations if str(o.pk) in saved))
        for page in survey_pages(representative)
    ]


def search_organisations(representative: Representative, query: str) -> list[Organisation]:
    """Other organisations whose name or id contains ``query`` (at most 25)."""
    words = query.strip()
    if not words:
        return []
    matches = [
        organisation
        for organisation in others(representative)
        if words.casefold() in organisation.name.casefold()
        or words.casefold() in organisation.ref.casefold()
    ]
    return matches[:25]


def check_can_submit(representative: Representative) -> None:
    if not saved_answers(representative):
        raise ValidationError("Answer about at least one organisation before sending.")
    if Tie.objects.filter(wave=representative.wave, source=representative.organisation).exists():
        raise ValidationError(
            f"Answers for {representative.organisation} are already recorded in this wave "
            "(imported by the partnership manager)."
        )


def record_ties(representative: Representative) -> int:
    """Record a locked representative's answers as ties and delete the draft."""
    check_can_submit(representative)
    saved = saved_answers(representative)
    ties = []
    for organisation in others(representative):
        answer = clean_answer(saved.get(str(organisation.pk), {"level": Level.NONE}))
        ties.append(
            Tie(
                wave=representative.wave,
                source=representative.organisation,
                target=organisation,
                level=answer["level"],
                frequency=answer.get("frequency", ""),
                flows=answer.get("flows", []),
                origin=Origin.SURVEY,
                **{part: answer.get(part) for part in RATING_PARTS},
            )
        )
    Tie.objects.bulk_create(ties)
    representative.answered = timezone.now()
    representative.save(update_fields=["answered"])
    Draft.objects.filter(representative=representative).delete()
    return len(ties)


def submit(representative: Representative) -> int:
    """Record the organisation's answers as ties, "not at all" for any left unanswered.

    The engine locks the representative and it is marked answered in the same
    transaction, so a link gives one set of answers. Returns the number of ties recorded.
    """
    return submit_once(
        Representative.objects.select_related("wave", "organisation"),
        representative.pk,
        check_can_answer,
        record_ties,
    )
