"""Orchestration for partnerships: saving records with stable refs, and the overview."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from partnerscope.apps.accounts.models import Role, RoleKind
from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.partnerships.choices import Layer, Sector
from partnerscope.apps.partnerships.models import (
    Body,
    Membership,
    Organisation,
    Participation,
    Partnership,
    Person,
)


def shared_with_others(organisation: Organisation | None, user: Any) -> bool:
    """True when the organisation also takes part in a partnership the user does not manage."""
    if organisation is None or user.is_superuser:
        return False
    managed = Role.objects.filter(user=user, kind=RoleKind.MANAGER).values("partnership")
    return organisation.participations.exclude(partnership__in=managed).exists()


def save_organisation(access: Access, form: Any) -> Organisation:
    """Create or change an organisation and its participation in this partnership."""
    organisation: Organisation = form.save(commit=False)
    if not organisation.ref:
        organisation.ref = unique_ref(Organisation.objects.all(), organisation.name)
    organisation.save()
    Participation.objects.update_or_create(
        partnership=access.partnership,
        organisation=organisation,
        defaults={"statutory": form.cleaned_data.get("statutory", False)},
    )
    return organisation


def organisation_form_kwargs(access: Access, instance: Organisation | None) -> dict[str, Any]:
    initial = {}
    if instance is not None:
        participation = instance.participations.filter(partnership=access.partnership).first()
        initial["statutory"] = bool(participation and participation.statutory)
    return {"initial": initial, "shared_with_others": shared_with_others(instance, access.user)}


def remove_organisation(access: Access, organisation: Organisation) -> None:
    """Take the organisation out of this partnership; delete it if no partnership uses it."""
    if Person.objects.filter(partnership=access.partnership, organisation=organisation).exists():
        raise ValidationError(
            f"{organisation} still has people in this partnership. Move or delete them first."
        )
    Participation.objects.filter(partnership=access.partnership, organisation=organisation).delete()
    if not organisation.participations.exists() and not organisation.people.exists():
        organisation.delete()


def save_person(access: Access, form: Any) -> Person:
    person: Person = form.save(commit=False)
    person.partnership = access.partnership
    if not person.ref:
        person.ref = unique_ref(Person.objects.filter(partnership=access.partnership), person.name)
    person.save()
    return person


def save_body(access: Access, form: Any) -> Body:
    body: Body = form.save(commit=False)
    body.partnership = access.partnership
    if not body.ref:
        body.ref = unique_ref(Body.objects.filter(partnership=access.partnership), body.name)
    body.full_clean()
    body.save()
    return body


def save_membership(access: Access, form: Any) -> Membership:
    membership: Membership = form.save()
    return membership


def delete_record(access: Access, instance: models.Model) -> None:
    instance.delete()


@dataclass(frozen=True)
class Overview:
    """What the overview page shows about one partnership."""

    partnership: Partnership
    organisations_by_sector: list[tuple[str, list[Organisation]]]
    bodies_by_layer: list[tuple[str, str, list[Body]]]
    counts: dict[str, int]
    children: list[Partnership]


def overview(partnership: Partnership) -> Overview:
    organisations = list(Organisation.objects.in_partnership(partnership).order_by("name"))
    by_sector: dict[str, list[Organisation]] = {}
    for organisation in organisations:
        by_sector.setdefault(organisation.sector, []).append(organisation)
    sectors = [
        (Sector(sector).label, by_sector[sector]) for sector in Sector.values if sector in by_sector
    ]
    bodies = list(
        Body.objects.in_partnership(partnership)
        .annotate(member_count=models.Count("memberships"))
        .order_by("name")
    )
    layers = [
        (layer.value, layer.label, [body for body in bodies if body.governance_layer == layer])
        for layer in Layer
    ]
    meetings = Counter(
        Body.objects.in_partnership(partnership).values_list("meetings__id", flat=True)
    )
    meetings.pop(None, None)
    counts = {
        "organisations": len(organisations),
        "people": Person.objects.filter(partnership=partnership).count(),
        "bodies": len(bodies),
        "meetings": len(meetings),
    }
    return Overview(
        partnership=partnership,
        organisations_by_sector=sectors,
        bodies_by_layer=layers,
        counts=counts,
        children=list(partnership.children.all()),
    )
