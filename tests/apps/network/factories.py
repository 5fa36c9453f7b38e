"""Records of the Relationships area for tests: waves, organisations, representatives with
known tokens, and ties."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from partnerscope.apps.common.surveys.links import hash_token
from partnerscope.apps.network.models import Representative, Tie, Wave
from partnerscope.apps.partnerships.models import Organisation, Participation, Person

_numbers = itertools.count(1)


def make_wave(kite: dict[str, Any], *, days_open: tuple[int, int] = (-3, 10), **fields: Any):
    """A relationship survey wave of the kite partnership, open today unless told otherwise."""
    today = timezone.localdate()
    number = next(_numbers)
    values = {
        "partnership": kite["partnership"],
        "ref": f"relationships-{number}",
        "title": f"Kite relationship survey {number}",
        "opens": today + dt.timedelta(days=days_open[0]),
        "closes": today + dt.timedelta(days=days_open[1]),
        **fields,
    }
    return Wave.objects.create(**values)


def make_closed_wave(kite: dict[str, Any], **fields: Any):
    return make_wave(kite, days_open=(-30, -1), **fields)


def add_organisation(
    kite: dict[str, Any], name: str, sector: str = "voluntary_community", *, person: str = ""
) -> Organisation:
    """A new organisation taking part in the kite partnership, with one person if named."""
    number = next(_numbers)
    organisation = Organisation.objects.create(ref=f"kite-org-{number}", name=name, sector=sector)
    Participation.objects.create(partnership=kite["partnership"], organisation=organisation)
    if person:
        Person.objects.create(
            partnership=kite["partnership"],
            ref=f"kite-person-{number}",
            name=person,
            organisation=organisation,
        )
    return organisation


def make_representative(
    wave: Wave, person: Person, token: str | None = None
) -> tuple[Representative, str]:
    """``person`` answers for their organisation, with a link whose token the test knows."""
    token = token or f"network-token-{next(_numbers)}-{person.pk}"
    representative = Representative.objects.create(
        wave=wave, organisation=person.organisation, person=person, token_hash=hash_token(token)
    )
    return representative, token


def tie(wave: Wave, source: Organisation, target: Organisation, level: int, **fields: Any) -> Tie:
    return Tie.objects.create(wave=wave, source=source, target=target, level=level, **fields)


def star(kite: dict[str, Any], wave: Wave, spokes: int = 3, level: int = 3) -> list[Organisation]:
    """The kite council and ``spokes`` voluntary organisations that each work only with it,
    all answering both ways; returns the spokes."""
    made = [add_organisation(kite, f"Spoke {n}") for n in range(1, spokes + 1)]
    for organisation in made:
        tie(wave, organisation, kite["council"], level, trust_reliable=4, trust_committed=3)
        tie(wave, kite["council"], organisation, level)
    return made
