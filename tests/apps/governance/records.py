"""Write a hand-made core ``Governance`` (tests/core/layers/kite.py and its variants) into
the database as a partnership's records, so the app's findings can be compared with what the
core finds on the very same inputs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from partnerscope.apps.partnerships import models
from partnerscope.core.layers import Body, Governance, Membership, Person
from tests.core.layers.kite import BODIES, SEATS, kite


def save_governance(governance: Governance, slug: str = "") -> models.Partnership:
    """The partnership with every organisation, person, body, seat, meeting, item and
    attendance of ``governance``; organisations' refs are prefixed by the slug."""
    slug = slug or governance.partnership
    partnership = models.Partnership.objects.create(slug=slug, name=governance.name, area="Kite")
    organisations = {}
    for org in governance.organisations:
        organisations[org.ref] = models.Organisation.objects.create(
            ref=org.ref, name=org.name, sector=org.sector
        )
        models.Participation.objects.create(
            partnership=partnership, organisation=organisations[org.ref], statutory=org.statutory
        )
    people = {
        person.ref: models.Person.objects.create(
            partnership=partnership,
            ref=person.ref,
            name=person.name,
            organisation=organisations[person.organisation],
            job_title=person.job_title,
        )
        for person in governance.people
    }
    bodies = {
        body.ref: models.Body.objects.create(
            partnership=partnership,
            ref=body.ref,
            name=body.name,
            governance_layer=body.layer,
            functions=list(body.functions),
        )
        for body in governance.bodies
    }
    for body in governance.bodies:
        if body.parent:
            bodies[body.ref].parent = bodies[body.parent]
            bodies[body.ref].save()
    for seat in governance.memberships:
        models.Membership.objects.create(
            person=people[seat.person],
            body=bodies[seat.body],
            role=seat.role,
            start=seat.start,
            end=seat.end,
        )
    meetings = {
        meeting.ref: models.Meeting.objects.create(
            body=bodies[meeting.body],
            ref=meeting.ref,
            date=meeting.date,
            duration_minutes=meeting.duration_minutes or 120,
        )
        for meeting in governance.meetings
    }
    models.AgendaItem.objects.bulk_create(
        models.AgendaItem(
            meeting=meetings[item.meeting],
            position=item.position,
            title=item.title,
            function=item.function,
            governance_layer=item.layer,
            presenter=organisations.get(item.presenter or ""),
        )
        for item in governance.agenda_items
    )
    models.Attendance.objects.bulk_create(
        models.Attendance(
            meeting=meetings[row.meeting], person=people[row.person], status=row.status
        )
        for row in governance.attendance
    )
    return partnership


def _attendance(governance: Governance, change) -> Governance:
    return replace(governance, attendance=tuple(change(row) for row in governance.attendance))


def _items(governance: Governance, change) -> Governance:
    return replace(governance, agenda_items=tuple(change(item) for item in governance.agenda_items))


def _police_miss_theme() -> Governance:
    governance = kite()
    missed = set(sorted(m.ref for m in governance.meetings if m.body == "theme")[:7])
    return _attendance(
        governance,
        lambda row: (
            replace(row, status="apologies")
            if row.person == "p1" and row.meeting in missed
            else row
        ),
    )


def _thin_theme() -> Governance:
    governance = kite()
    thin = set(sorted(m.ref for m in governance.meetings if m.body == "theme")[:3])
    return _attendance(
        governance,
        lambda row: (
            replace(row, status="absent") if row.meeting in thin and row.person != "v1" else row
        ),
    )


def _voluntary_stop() -> Governance:
    governance = kite(starts=(date(2024, 4, 1), date(2025, 4, 1)))
    held_on = {meeting.ref: meeting.date for meeting in governance.meetings}
    return _attendance(
        governance,
        lambda row: (
            replace(row, status="absent")
            if row.person == "v2"
            and row.meeting.startswith("exec-")
            and held_on[row.meeting] >= date(2025, 4, 1)
            else row
        ),
    )


def _large_executive() -> Governance:
    extra = tuple(Person(f"x{n}", f"Extra {n}", "police") for n in range(26))
    seats = {**SEATS, "exec": (*SEATS["exec"], *((p.ref, "member") for p in extra))}
    governance = kite(seats=seats)
    return replace(governance, people=governance.people + extra)


def _bottleneck() -> Governance:
    extra = tuple(
        Body(f"theme{n}", f"Theme Group {n}", "operational", ("service_delivery",), "exec")
        for n in (2, 3)
    )
    seats = {
        **SEATS,
        "exec": (*SEATS["exec"], ("v1", "member")),
        "theme2": (("v1", "chair"),),
        "theme3": (("v1", "chair"),),
    }
    governance = kite(seats=seats)
    held = governance.memberships + (Membership("v1", "theme2", "member"),)
    return replace(governance, bodies=governance.bodies + extra, memberships=held)


def _council_chairs() -> Governance:
    seats = {
        "board": SEATS["board"],
        "exec": (("c3", "chair"), ("n2", "member"), ("p2", "member"), ("v2", "member")),
        "theme": (("c4", "chair"), ("v1", "member"), ("p1", "member"), ("n1", "member")),
    }
    return kite(seats=seats)


def _council_presents() -> Governance:
    return _items(
        kite(),
        lambda item: (
            replace(item, presenter="council") if item.meeting.startswith("board-") else item
        ),
    )


VARIANTS = {
    "frequency_below_table8": lambda: kite({"exec": 4}),
    "frequency_above_table8": lambda: kite({"board": 8}),
    "agenda_drift": lambda: _items(
        kite(),
        lambda item: (
            replace(item, layer="operational", function="service_delivery")
            if item.meeting.startswith("board-")
            else item
        ),
    ),
    "executive_without_executive_business": lambda: _items(
        kite(),
        lambda item: (
            replace(item, function="commissioning") if item.meeting.startswith("exec-") else item
        ),
    ),
    "function_missing": lambda: kite(
        bodies=(replace(BODIES[0], functions=("vision", "strategy")), *BODIES[1:])
    ),
    "operational_without_executive_line": lambda: kite(
        bodies=(*BODIES[:2], replace(BODIES[2], parent=None))
    ),
    "body_without_meetings": lambda: kite({"exec": 0}),
    "executive_too_large": _large_executive,
    "statutory_partner_low_attendance": _police_miss_theme,
    "below_quorum": _thin_theme,
    "organisation_sends_no_one": _voluntary_stop,
    "bottleneck_people": _bottleneck,
    "no_chair": lambda: kite(
        seats={**SEATS, "exec": tuple((person, "member") for person, _ in SEATS["exec"])}
    ),
    "council_domination": _council_chairs,
    "council_presents_most": _council_presents,
    "top_table": lambda: kite(
        seats={**SEATS, "board": tuple(row for row in SEATS["board"] if row[0] != "v1")}
    ),
}
"""For each layer rule, the kite partnership changed so that the rule finds something."""
