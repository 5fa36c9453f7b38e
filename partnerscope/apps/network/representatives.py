"""Who answers for each organisation in a wave: suggested, chosen and changed by the manager."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from partnerscope.apps.network.models import Representative, Wave
from partnerscope.apps.network.services import partnership_organisations, responding_organisations
from partnerscope.apps.partnerships.choices import Layer
from partnerscope.apps.partnerships.models import Organisation, Person

# ---- Suggesting -----------------------------------------------------------------


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
