"""Inviting the members of a 7S wave's bodies: one single-use link each, e-mailed or handed on.

Links are the survey engine's (``common/surveys/links.py``): derived from a stored key, so
reminders can carry the same link again, and stored only as a hash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404

from partnerscope.apps.common.models import WaveStatus
from partnerscope.apps.common.surveys.links import IssuedLink, SurveyLinks, issued_links
from partnerscope.apps.partnerships.models import Person
from partnerscope.apps.sevens.models import Draft, Invitation, Wave

SURVEY = "sevens"
"""The 7S survey's key in the survey engine's registry and the reminder log."""
LINKS = SurveyLinks(purpose="sevens.invitation", url_name="sevens_public:about")


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


def survey_url(token: str) -> str:
    """The full link to the survey for ``token``, under the configured site address."""
    return LINKS.url(token)


def issue_link(invitation: Invitation) -> str:
    """Give ``invitation`` a new link and return its token; the old link stops working.

    Only the token's hash is stored, and a saved draft moves to it.
    """
    link = LINKS.new()
    if invitation.pk and invitation.token_hash:
        Draft.objects.filter(token_hash=invitation.token_hash).update(token_hash=link.token_hash)
    invitation.link_key = link.key
    invitation.token_hash = link.token_hash
    if invitation.pk:
        invitation.save(update_fields=["link_key", "token_hash"])
    return link.token


def current_token(invitation: Invitation) -> str | None:
    """The token of the invitation's working link, made again, or None if it cannot be."""
    return LINKS.current_token(invitation.link_key, invitation.token_hash)


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
    return invitation_page(wave, issued_links(SURVEY, rows, link_for))


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
    return invitation_page(wave, issued_links(SURVEY, [(invitation, token)], link_for))
