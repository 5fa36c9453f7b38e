"""Elected members' development: who sits on a scrutiny committee or the partnership board
(a strategic-layer body), and their training on partnership working."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from partnerscope.apps.partnerships.models import Body, Membership
from partnerscope.apps.scrutiny.models import Committee, Training
from partnerscope.core.scrutiny import MemberDevelopment

BOARD_LAYER = "strategic"


def groups(
    partnership: Any, today: date
) -> Iterator[tuple[str, str, str, list[MemberDevelopment]]]:
    """Each scrutiny committee and strategic body: (subject ref, name, kind, members)."""
    training = Training.objects.filter(partnership=partnership, partnership_working=True)
    by_member: dict[int, list[date]] = {}
    by_person: dict[int, list[date]] = {}
    for record in training:
        if record.member_id:
            by_member.setdefault(record.member_id, []).append(record.date)
        if record.person_id:
            by_person.setdefault(record.person_id, []).append(record.date)
    for committee in Committee.objects.filter(partnership=partnership).prefetch_related("members"):
        members = [
            MemberDevelopment(
                member.ref,
                member.name,
                f"{member.get_role_display()}, {committee.name}",
                tuple(by_member.get(member.pk, [])),
            )
            for member in committee.members.all()
        ]
        yield f"scrutiny-{committee.ref}", committee.name, "committee", members
    for body in Body.objects.filter(partnership=partnership, governance_layer=BOARD_LAYER):
        seats = Membership.objects.filter(body=body).select_related("person")
        members = [
            MemberDevelopment(
                seat.person.ref,
                seat.person.name,
                f"{seat.get_role_display()}, {body.name}",
                tuple(by_person.get(seat.person_id, [])),
            )
            for seat in seats
            if seat.end is None or seat.end >= today
        ]
        yield body.ref, body.name, "board", members


def records(partnership: Any) -> list[Training]:
    return list(
        Training.objects.filter(partnership=partnership).select_related(
            "person__organisation", "member__committee"
        )
    )
