"""Orchestration of the Relationships area: waves, representatives, links, answering, imports.

The relationship survey is not anonymous: each organisation answers once, through the
person the manager names as its representative, and its answers are kept as its own.
Services load records, convert them to the core's types and call the core (see
``results.py`` for the analysis pages); only hashes of the single-use links' tokens are
stored, as in the 7S survey, whose token helpers are reused.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import Count
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

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
from partnerscope.apps.network.choices import Level, Origin
from partnerscope.apps.network.models import Draft, Representative, Tie, Wave
from partnerscope.apps.notifications.links import IssuedLink, issued_links
from partnerscope.apps.notifications.models import Survey
from partnerscope.apps.partnerships.choices import Layer, Sector, Tier
from partnerscope.apps.partnerships.models import Organisation, Participation, Person
from partnerscope.apps.sevens.services import hash_token
from partnerscope.core.network import combined_rating
from partnerscope.datapackage.network import (
    RATING_PARTS,
    TRUST_PARTS,
    VALUE_PARTS,
    read_survey_ties,
)
from partnerscope.datapackage.tables import TableError, TableErrors

PAGE_SIZE = 12
"""The most organisations on one page of the survey: a larger sector is split in parts."""
DETAIL_FIELDS = ("frequency", "flows", *RATING_PARTS)
"""What a representative may add about a relationship besides its level."""

# ---- Waves ---------------------------------------------------------------------------


def wave_queryset(access: Access) -> models.QuerySet[Wave]:
    return Wave.objects.in_partnership(access.partnership).select_related("previous")


def get_wave(access: Access, pk: int) -> Wave:
    wave = wave_queryset(access).select_related("partnership").filter(pk=pk).first()
    if wave is None:
        raise Http404("No such wave.")
    return wave


def partnership_organisations(partnership: Any) -> models.QuerySet[Organisation]:
    return Organisation.objects.in_partnership(partnership).order_by("name", "pk")


@dataclass(frozen=True)
class WaveRow:
    wave: Wave
    organisations: int
    answered: int


@dataclass(frozen=True)
class WaveIndex:
    """What the Relationships front page lists: every wave and the user's open surveys."""

    rows: list[WaveRow]
    waiting: list[Representative]
    latest: Wave | None


def responding_organisations(wave: Wave) -> set[int]:
    """Ids of the organisations whose answers are in: every one that gave a tie."""
    return set(Tie.objects.filter(wave=wave).values_list("source_id", flat=True).distinct())


def wave_index(access: Access) -> WaveIndex:
    waves = list(
        wave_queryset(access)
        .annotate(answered_count=Count("ties__source", distinct=True))
        .order_by("-opens", "-pk")
    )
    size = partnership_organisations(access.partnership).count()
    rows = [WaveRow(wave, size, wave.answered_count) for wave in waves]
    waiting = [
        representative
        for representative in Representative.objects.for_user(access.user)
        .waiting()
        .filter(wave__partnership=access.partnership)
        .select_related("wave", "organisation")
        if representative.wave.is_open
    ]
    return WaveIndex(rows, waiting, waves[0] if waves else None)


def default_previous(access: Access) -> Wave | None:
    return wave_queryset(access).first()


def save_wave(access: Access, form: Any) -> Wave:
    """Create or change a wave; a new wave gets a suggested representative per organisation."""
    wave: Wave = form.save(commit=False)
    created = wave.pk is None
    wave.partnership = access.partnership
    if not wave.ref:
        wave.ref = unique_ref(Wave.objects.in_partnership(access.partnership), wave.title)
    wave.full_clean()
    with transaction.atomic():
        wave.save()
        if created:
            suggest_representatives(wave)
    return wave


# ---- Representatives -----------------------------------------------------------------


def _suggested_person(
    organisation: Organisation, people: Sequence[Person], before: Person | None
) -> Person | None:
    if before is not None and before.organisation_id == organisation.pk:
        return before
    return people[0] if people else None


def suggest_representatives(wave: Wave) -> int:
    """Name a representative for each organisation that has none: the person who answered
    for it in the previous wave, else its first person sitting on a strategic body, else its
    first person by name. Returns how many were named."""
    partnership = wave.partnership
    taken = set(wave.representatives.values_list("organisation_id", flat=True))
    before = {}
    if wave.previous_id:
        before = {
            r.organisation_id: r.person
            for r in Representative.objects.filter(wave_id=wave.previous_id).select_related(
                "person"
            )
        }
    strategic = set(
        Person.objects.filter(
            partnership=partnership,
            memberships__body__governance_layer=Layer.STRATEGIC,
        ).values_list("pk", flat=True)
    )
    people: dict[int, list[Person]] = {}
    for person in Person.objects.in_partnership(partnership).order_by("name", "pk"):
        people.setdefault(person.organisation_id, []).append(person)
    made = []
    for organisation in partnership_organisations(partnership):
        if organisation.pk in taken:
            continue
        ranked = sorted(
            people.get(organisation.pk, []), key=lambda p: (p.pk not in strategic, p.name, p.pk)
        )
        person = _suggested_person(organisation, ranked, before.get(organisation.pk))
        if person is not None:
            made.append(Representative(wave=wave, organisation=organisation, person=person))
    Representative.objects.bulk_create(made)
    return len(made)


@dataclass(frozen=True)
class RepresentativeRow:
    organisation: Organisation
    people: list[Person]
    representative: Representative | None


def representative_rows(wave: Wave) -> list[RepresentativeRow]:
    """Every organisation of the partnership, its people and its representative."""
    chosen = {
        r.organisation_id: r for r in wave.representatives.select_related("person", "organisation")
    }
    people: dict[int, list[Person]] = {}
    for person in Person.objects.in_partnership(wave.partnership).order_by("name", "pk"):
        people.setdefault(person.organisation_id, []).append(person)
    return [
        RepresentativeRow(
            organisation, people.get(organisation.pk, []), chosen.get(organisation.pk)
        )
        for organisation in partnership_organisations(wave.partnership)
    ]


@dataclass(frozen=True)
class WaveRepresentative:
    row: RepresentativeRow
    answered: bool


@dataclass(frozen=True)
class WavePage:
    """A wave's page: each organisation, who answers for it and whether it has."""

    wave: Wave
    rows: list[WaveRepresentative]

    @property
    def answered(self) -> int:
        return sum(1 for row in self.rows if row.answered)

    @property
    def named(self) -> int:
        return sum(1 for row in self.rows if row.row.representative)


def wave_page(wave: Wave) -> WavePage:
    answered = responding_organisations(wave)
    return WavePage(
        wave,
        [
            WaveRepresentative(row, row.organisation.pk in answered)
            for row in representative_rows(wave)
        ],
    )


def save_representatives(wave: Wave, choices: Mapping[int, int | None]) -> int:
    """Set each organisation's representative from ``{organisation id: person id or None}``.

    A new person's old link stops working (they get a new one when invitations are sent);
    the answers saved so far stay with the organisation. An organisation that has answered
    keeps its representative. Returns how many representatives changed.
    """
    rows = {row.organisation.pk: row for row in representative_rows(wave)}
    changed = 0
    with transaction.atomic():
        for organisation_id, person_id in choices.items():
            row = rows.get(organisation_id)
            if row is None:
                continue
            current = row.representative
            if current is not None and current.answered:
                continue
            if person_id is None:
                if current is not None:
                    current.delete()
                    changed += 1
                continue
            person = next((p for p in row.people if p.pk == person_id), None)
            if person is None:
                raise ValidationError(
                    f"{row.organisation}: choose a person who works for the organisation."
                )
            if current is None:
                Representative.objects.create(
                    wave=wave, organisation=row.organisation, person=person
                )
                changed += 1
            elif current.person_id != person.pk:
                current.person = person
                current.token_hash = None
                current.emailed = False
                current.save(update_fields=["person", "token_hash", "emailed"])
                changed += 1
    return changed


def get_representative(wave: Wave, pk: int) -> Representative:
    representative = (
        wave.representatives.select_related("person", "organisation").filter(pk=pk).first()
    )
    if representative is None:
        raise Http404("No such representative.")
    return representative


# ---- Invitations: single-use links ---------------------------------------------------


@dataclass(frozen=True)
class InvitationPage:
    wave: Wave
    rows: list[RepresentativeRow]
    to_invite: int
    issued: list[IssuedLink] = field(default_factory=list)
    problem: str = ""


def invitation_page(
    wave: Wave, issued: list[IssuedLink] | None = None, problem: str = ""
) -> InvitationPage:
    rows = representative_rows(wave)
    to_invite = sum(
        1
        for row in rows
        if row.representative
        and not row.representative.token_hash
        and not row.representative.answered
    )
    return InvitationPage(wave, rows, to_invite, issued or [], problem)


def invitation_email(wave: Wave, representative: Representative, url: str) -> EmailMessage:
    partnership = wave.partnership.name
    organisation = representative.organisation.name
    body = (
        f"Dear {representative.person.name},\n\n"
        f"{partnership} is mapping how its partner organisations work together: "
        f"{wave.title}. You have been named to answer for {organisation}.\n\n"
        f"Please answer by {wave.closes:%d %B %Y} using this link:\n{url}\n\n"
        "Your answers are not anonymous. They are recorded as "
        f"{organisation}'s view of each other organisation, and everyone with a role in "
        "the partnership can see them, so that each tie between two named organisations "
        "can be mapped.\n\n"
        "The link works for one set of answers only, so please do not forward it. You can "
        "save your answers and come back to them with the same link.\n\n"
        f"The survey opens on {wave.opens:%d %B %Y}.\n"
    )
    return EmailMessage(
        subject=f"{partnership}: {wave.title}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[representative.person.email],
    )


LINK_PURPOSE = "network.representative"


def survey_url(token: str) -> str:
    """The full link to the survey for ``token``, under the configured site address."""
    return absolute(reverse("network_public:start", args=[token]))


def issue_link(representative: Representative) -> str:
    """Give the representative a new link and return its token; the old link stops working.

    The token is made from a fresh random key and the site's secret key, so reminders can
    carry the same link again; only its hash is stored.
    """
    key = new_link_key()
    token = derived_token(LINK_PURPOSE, key)
    representative.link_key = key
    representative.token_hash = hash_token(token)
    representative.emailed = False
    representative.save(update_fields=["link_key", "token_hash", "emailed"])
    return token


def current_token(representative: Representative) -> str | None:
    """The token of the representative's working link, made again, or None if it cannot be."""
    if not representative.link_key or not representative.token_hash:
        return None
    token = derived_token(LINK_PURPOSE, representative.link_key)
    return token if hash_token(token) == representative.token_hash else None


def check_can_invite(wave: Wave) -> None:
    if wave.status == WaveStatus.CLOSED:
        raise ValidationError("This wave has closed, so no more links can be sent.")


def send_invitations(wave: Wave, link_for: Callable[[str], str] = survey_url) -> InvitationPage:
    """Give every representative without a link a single-use one, once each."""
    check_can_invite(wave)
    outgoing = []
    with transaction.atomic():
        for representative in wave.representatives.select_related(
            "person", "organisation", "wave__partnership"
        ).filter(token_hash__isnull=True, answered__isnull=True):
            outgoing.append((representative, issue_link(representative)))
    return invitation_page(wave, issued_links(Survey.NETWORK, outgoing, link_for))


def renew_invitation(
    representative: Representative, link_for: Callable[[str], str] = survey_url
) -> InvitationPage:
    """Give a representative a new link (the old one stops working); saved answers stay."""
    wave = representative.wave
    check_can_invite(wave)
    if representative.answered:
        raise ValidationError(f"{representative.organisation} has already answered.")
    token = issue_link(representative)
    return invitation_page(wave, issued_links(Survey.NETWORK, [(representative, token)], link_for))


# ---- Answering -----------------------------------------------------------------------


def check_unanswered(representative: Representative) -> None:
    if representative.answered:
        raise SurveyRefused(
            "Your organisation has already answered",
            f"{representative.organisation}'s answers are in. Thank you.",
            410,
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


def submit(representative: Representative) -> int:
    """Record the organisation's answers as ties, "not at all" for any left unanswered.

    The representative is locked and marked answered in the same transaction, so a link
    gives one set of answers. Returns the number of ties recorded.
    """
    with transaction.atomic():
        locked = (
            Representative.objects.select_for_update()
            .select_related("wave", "organisation")
            .get(pk=representative.pk)
        )
        check_can_answer(locked)
        check_can_submit(locked)
        saved = saved_answers(locked)
        ties = []
        for organisation in others(locked):
            answer = clean_answer(saved.get(str(organisation.pk), {"level": Level.NONE}))
            ties.append(
                Tie(
                    wave=locked.wave,
                    source=locked.organisation,
                    target=organisation,
                    level=answer["level"],
                    frequency=answer.get("frequency", ""),
                    flows=answer.get("flows", []),
                    origin=Origin.SURVEY,
                    **{part: answer.get(part) for part in RATING_PARTS},
                )
            )
        Tie.objects.bulk_create(ties)
        locked.answered = timezone.now()
        locked.save(update_fields=["answered"])
        Draft.objects.filter(representative=locked).delete()
    return len(ties)


# ---- Importing ties from a CSV file ---------------------------------------------------


@dataclass
class ImportOutcome:
    """What an import saved, or every reason it saved nothing."""

    filename: str
    ties: int = 0
    organisations: int = 0
    errors: list[TableError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def import_ties(wave: Wave, upload: Any) -> ImportOutcome:
    """Import a ties file (``from,to,level,...``, the command line's format) into a wave.

    Every row is checked before anything is saved; each problem is reported as
    ``file:row:column: message``. An organisation named in ``from`` must not have answers in
    the wave already. All rows are saved in one transaction, or none.
    """
    filename = Path(getattr(upload, "name", "") or "ties.csv").name
    members = {o.ref: o for o in partnership_organisations(wave.partnership)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ties.csv"
        with open(path, "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            rows = read_survey_ties(path, list(members), label=filename)
        except TableErrors as problem:
            return ImportOutcome(filename, errors=problem.errors)
    answered = set(
        Organisation.objects.filter(network_ties_given__wave=wave).values_list("ref", flat=True)
    )
    errors = [
        TableError(
            filename,
            row["row"],
            "from",
            f"{row['from']!r} already has answers in this wave: remove them or use another wave",
        )
        for row in rows
        if row["from"] in answered
    ]
    if not rows:
        errors.append(TableError(filename, 2, "", "the file has no ties"))
    if errors:
        return ImportOutcome(filename, errors=errors)
    with transaction.atomic():
        Tie.objects.bulk_create(
            Tie(
                wave=wave,
                source=members[row["from"]],
                target=members[row["to"]],
                level=row["level"],
                frequency=row["frequency"],
                flows=list(row["flows"]),
                origin=Origin.IMPORT,
                **{part: row[part] for part in RATING_PARTS},
            )
            for row in rows
        )
    return ImportOutcome(filename, len(rows), len({row["from"] for row in rows}))


# ---- Tiers, and the relationship evidence other areas use -----------------------------


def organisation_tiers(organisations: Iterable[Organisation]) -> dict[int, str | None]:
    """Each organisation's tier in a two-tier area, from the partnerships it takes part in.

    The rule: an organisation that takes part in exactly one district partnership is a
    *district* organisation; one that takes part in two or more district partnerships, or
    in a county partnership and no district one, is *county-wide* (``county``). Any other
    (such as the members of a unitary partnership) has no tier and is left out of the tier
    E–I index.
    """
    ids = [organisation.pk for organisation in organisations]
    tiers: dict[int, list[str]] = {pk: [] for pk in ids}
    for organisation_id, tier in Participation.objects.filter(organisation_id__in=ids).values_list(
        "organisation_id", "partnership__tier"
    ):
        tiers[organisation_id].append(tier)
    result: dict[int, str | None] = {}
    for pk, found in tiers.items():
        districts = found.count(Tier.DISTRICT)
        if districts == 1:
            result[pk] = Tier.DISTRICT.value
        elif districts > 1 or Tier.COUNTY in found:
            result[pk] = Tier.COUNTY.value
        else:
            result[pk] = None
    return result


def latest_closed_wave(partnership: Any, day: dt.date | None = None) -> Wave | None:
    today = day or timezone.localdate()
    return (
        Wave.objects.in_partnership(partnership).closed_by(today).order_by("-closes", "-pk").first()
    )


def tie_trust(tie: Tie) -> float | None:
    """The tie's trust score: the mean of its three parts (PARTNER's convention)."""
    return combined_rating([getattr(tie, part) for part in TRUST_PARTS])


def tie_value(tie: Tie) -> float | None:
    """The tie's value score: the mean of its three parts."""
    return combined_rating([getattr(tie, part) for part in VALUE_PARTS])
