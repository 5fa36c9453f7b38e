"""Single-use links for the representatives of a wave, e-mailed or handed on.

Links are the survey engine's (``common/surveys/links.py``): derived from a stored key, so
reminders can carry the same link again, and stored only as a hash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction

from partnerscope.apps.common.models import WaveStatus
from partnerscope.apps.common.surveys.links import IssuedLink, SurveyLinks, issued_links
from partnerscope.apps.network.models import Representative, Wave
from partnerscope.apps.network.representatives import RepresentativeRow, representative_rows

SURVEY = "network"
"""The relationship survey's key in the survey engine's registry and the reminder log."""
LINKS = SurveyLinks(purpose="network.representative", url_name="network_public:start")

# ---- Links ---------------------------------------------------


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


def survey_url(token: str) -> str:
    """The full link to the survey for ``token``, under the configured site address."""
    return LINKS.url(token)


def issue_link(representative: Representative) -> str:
    """Give the representative a new link and return its token; the old link stops working.

    Only the token's hash is stored; answers saved so far stay with the representative.
    """
    link = LINKS.new()
    representative.link_key = link.key
    representative.token_hash = link.token_hash
    representative.emailed = False
    representative.save(update_fields=["link_key", "token_hash", "emailed"])
    return link.token


def current_token(representative: Representative) -> str | None:
    """The token of the representative's working link, made again, or None if it cannot be."""
    return LINKS.current_token(representative.link_key, representative.token_hash)


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
    return invitation_page(wave, issued_links(SURVEY, outgoing, link_for))


def renew_invitation(
    representative: Representative, link_for: Callable[[str], str] = survey_url
) -> InvitationPage:
    """Give a representative a new link (the old one stops working); saved answers stay."""
    wave = representative.wave
    check_can_invite(wave)
    if representative.answered:
        raise ValidationError(f"{representative.organisation} has already answered.")
    token = issue_link(representative)
    return invitation_page(wave, issued_links(SURVEY, [(representative, token)], link_for))
