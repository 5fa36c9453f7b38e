"""Factories for partnerships, their organisations, people, bodies and users with roles."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from partnerscope.apps.accounts.models import Role
from partnerscope.apps.partnerships import models


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Partnership

    name = factory.Sequence(lambda n: f"Kite Partnership {n}")
    slug = factory.Sequence(lambda n: f"kite-{n}")
    area = "Kiteshire"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisation

    ref = factory.Sequence(lambda n: f"org-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = "council"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Participation

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    partnership = factory.SubFactory(PartnershipFactory)
    ref = factory.Sequence(lambda n: f"person-{n}")
    name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Body

    partnership = factory.SubFactory(PartnershipFactory)
    ref = factory.Sequence(lambda n: f"body-{n}")
    name = factory.Sequence(lambda n: f"Body {n}")
    governance_layer = "strategic"
    functions = ["vision"]


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)
    start = dt.date(2024, 1, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Meeting

    body = factory.SubFactory(BodyFactory)
    ref = factory.Sequence(lambda n: f"meeting-{n}")
    date = dt.date(2024, 6, 1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    kind = "manager"


def kite_partnership() -> dict:
    """The kite partnership: two organisations, two people, a body, a membership, a meeting."""
    partnership = PartnershipFactory(slug="kite", name="Kite Partnership")
    council = OrganisationFactory(ref="kite-council", name="Kite Council", sector="council")
    police = OrganisationFactory(ref="kite-police", name="Kite Police", sector="police")
    for organisation in (council, police):
        ParticipationFactory(partnership=partnership, organisation=organisation)
    alice = PersonFactory(partnership=partnership, organisation=council, name="Alice Adams")
    bola = PersonFactory(partnership=partnership, organisation=police, name="Bola Bello")
    board = BodyFactory(partnership=partnership, name="Kite Board")
    membership = MembershipFactory(person=alice, body=board, role="chair")
    MembershipFactory(person=bola, body=board)
    meeting = MeetingFactory(body=board)
    return {
        "partnership": partnership,
        "council": council,
        "police": police,
        "alice": alice,
        "bola": bola,
        "board": board,
        "membership": membership,
        "meeting": meeting,
    }
