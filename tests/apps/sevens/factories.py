"""Records of the 7S area for tests: waves, invitations with known tokens, responses."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from partnerscope.apps.common.surveys.links import hash_token
from partnerscope.apps.partnerships.models import Organisation, Participation, Person
from partnerscope.apps.sevens.models import Invitation, LocalStatement, Response, Wave
from partnerscope.reference.sevens import load_instrument

_numbers = itertools.count(1)


def make_wave(kite: dict[str, Any], *, days_open: tuple[int, int] = (-3, 10), **fields: Any):
    """A wave of the kite partnership inviting its board, open today unless told otherwise."""
    today = timezone.localdate()
    number = next(_numbers)
    values = {
        "partnership": kite["partnership"],
        "ref": f"wave-{number}",
        "title": f"Kite 7S wave {number}",
        "opens": today + dt.timedelta(days=days_open[0]),
        "closes": today + dt.timedelta(days=days_open[1]),
        "instrument_version": load_instrument().version,
        **fields,
    }
    wave = Wave.objects.create(**values)
    wave.bodies.set([kite["board"]])
    return wave


def make_closed_wave(kite: dict[str, Any], **fields: Any):
    """A wave that closed yesterday, so its results are published."""
    return make_wave(kite, days_open=(-20, -1), **fields)


def make_invitation(wave: Wave, person: Person, token: str | None = None) -> tuple[Invitation, str]:
    """An invitation whose token the test knows (only its hash is stored)."""
    token = token or f"test-token-{next(_numbers)}-{person.pk}"
    invitation = Invitation.objects.create(wave=wave, person=person, token_hash=hash_token(token))
    return invitation, token


def make_local(wave: Wave, element: str = "style", text: str = "Meetings start on time."):
    number = (wave.local_statements.count() or 0) + 1
    return LocalStatement.objects.create(wave=wave, number=number, element=element, text=text)


def answers(value: Any, elements: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The same answer to every shared statement (of some elements, if given)."""
    return {
        s.id: value
        for s in load_instrument().statements
        if elements is None or s.element in elements
    }


def make_responses(
    wave: Wave, count: int, sector: str, value: Any = 4, layers: list[str] | None = None
) -> None:
    for _ in range(count):
        Response.objects.create(
            wave=wave, sector=sector, layers=layers or ["strategic"], answers=answers(value)
        )


def add_person(kite: dict[str, Any], name: str, sector: str, email: str = "") -> Person:
    """A person in a new organisation of ``sector``, sitting on the kite board."""
    from partnerscope.apps.partnerships.models import Membership

    organisation = Organisation.objects.create(
        ref=f"org-{next(_numbers)}", name=f"{name}'s organisation", sector=sector
    )
    Participation.objects.create(partnership=kite["partnership"], organisation=organisation)
    person = Person.objects.create(
        partnership=kite["partnership"],
        ref=f"p-{next(_numbers)}",
        name=name,
        organisation=organisation,
        email=email,
    )
    Membership.objects.create(person=person, body=kite["board"])
    return person
