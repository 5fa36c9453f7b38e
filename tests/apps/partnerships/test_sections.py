"""Adding, changing and deleting a partnership's records through the web pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerscope.apps.partnerships.models import Body, Membership, Organisation, Person
from tests.apps.partnerships.factories import ParticipationFactory, PartnershipFactory, RoleFactory


def test_manager_adds_an_organisation_with_a_generated_ref(manager_client, kite):
    url = reverse("partnerships:organisation_create", args=["kite"])
    response = manager_client.post(
        url, {"name": "Kite Fire and Rescue", "sector": "fire", "statutory": "on"}
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Kite Fire and Rescue")
    assert organisation.ref == "kite-fire-and-rescue"
    assert organisation.participations.get().statutory is True


def test_a_bad_form_shows_the_error_summary_and_saves_nothing(manager_client, kite):
    before = Organisation.objects.count()
    url = reverse("partnerships:organisation_create", args=["kite"])
    response = manager_client.post(url, {"name": "", "sector": "spaceships"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "govuk-error-summary" in page
    assert 'href="#id_name"' in page
    assert "govuk-input--error" in page
    assert Organisation.objects.count() == before


def test_two_organisations_of_one_name_are_refused(manager_client, kite):
    url = reverse("partnerships:organisation_create", args=["kite"])
    response = manager_client.post(url, {"name": "kite council", "sector": "council"})
    assert response.status_code == 400
    assert "already has an organisation of that name" in response.content.decode()


def test_an_organisation_with_people_cannot_be_removed(manager_client, kite):
    url = reverse("partnerships:organisation_delete", args=["kite", kite["council"].pk])
    response = manager_client.post(url)
    assert response.status_code == 400
    assert "still has people" in response.content.decode()
    assert kite["council"].participations.exists()


def test_an_organisation_shared_with_another_partnership_keeps_its_shared_record(
    manager_client, kite
):
    other = PartnershipFactory()
    ParticipationFactory(partnership=other, organisation=kite["police"])
    kite["bola"].delete()
    url = reverse("partnerships:organisation_delete", args=["kite", kite["police"].pk])
    assert manager_client.post(url).status_code == 302
    assert Organisation.objects.filter(pk=kite["police"].pk).exists()
    assert not kite["police"].participations.filter(partnership=kite["partnership"]).exists()


def test_shared_organisation_fields_are_locked_for_a_manager_of_only_one_side(manager_client, kite):
    ParticipationFactory(partnership=PartnershipFactory(), organisation=kite["police"])
    url = reverse("partnerships:organisation_edit", args=["kite", kite["police"].pk])
    manager_client.post(url, {"name": "Renamed", "sector": "fire"})
    kite["police"].refresh_from_db()
    assert kite["police"].name == "Kite Police"
    assert kite["police"].sector == "police"


def test_people_and_memberships_only_offer_this_partnerships_records(manager_client, kite):
    stranger = Organisation.objects.create(
        ref="elsewhere", name="Elsewhere Council", sector="council"
    )
    url = reverse("partnerships:person_create", args=["kite"])
    response = manager_client.post(url, {"name": "Eve", "organisation": stranger.pk})
    assert response.status_code == 400
    assert not Person.objects.filter(name="Eve").exists()


def test_body_with_functions_and_parent(manager_client, kite):
    url = reverse("partnerships:body_create", args=["kite"])
    response = manager_client.post(
        url,
        {
            "name": "Executive",
            "governance_layer": "executive",
            "parent": kite["board"].pk,
            "functions": ["resource_allocation", "performance_management"],
        },
    )
    assert response.status_code == 302
    body = Body.objects.get(name="Executive")
    assert body.parent == kite["board"]
    assert body.functions == ["resource_allocation", "performance_management"]


def test_membership_end_before_start_is_refused(manager_client, kite):
    url = reverse("partnerships:membership_create", args=["kite"])
    response = manager_client.post(
        url,
        {
            "person": kite["bola"].pk,
            "body": kite["board"].pk,
            "role": "member",
            "start": "2025-01-01",
            "end": "2024-01-01",
        },
    )
    assert response.status_code == 400
    assert "end date must be on or after" in response.content.decode()
    assert Membership.objects.count() == 2


@pytest.mark.parametrize("kind", ["member", "scrutineer", "viewer"])
def test_roles_other_than_manager_read_but_do_not_edit(client, kite, kind):
    user = RoleFactory(partnership=kite["partnership"], kind=kind).user
    client.force_login(user)
    assert client.get(reverse("partnerships:organisation_list", args=["kite"])).status_code == 200
    page = client.get(reverse("partnerships:organisation_list", args=["kite"])).content.decode()
    assert "Add organisation" not in page
    assert client.get(reverse("partnerships:organisation_create", args=["kite"])).status_code == 403


def test_overview_shows_bodies_by_layer_and_organisations_by_sector(manager_client, kite):
    page = manager_client.get(reverse("partnerships:overview", args=["kite"])).content.decode()
    for text in ("Strategic", "Executive", "Operational", "Kite Board", "Police", "Kite Council"):
        assert text in page


def test_changes_keep_history(manager_client, kite):
    url = reverse("partnerships:person_edit", args=["kite", kite["alice"].pk])
    manager_client.post(url, {"name": "Alice Adams-Brown", "organisation": kite["council"].pk})
    assert [h.name for h in kite["alice"].history.order_by("history_date")] == [
        "Alice Adams",
        "Alice Adams-Brown",
    ]


def test_long_lists_are_paged(manager_client, kite):
    from tests.apps.partnerships.factories import PersonFactory

    for _ in range(60):
        PersonFactory(partnership=kite["partnership"], organisation=kite["council"])
    url = reverse("partnerships:person_list", args=["kite"])
    first = manager_client.get(url).content.decode()
    assert "62 people, showing 1 to 50" in first
    assert 'aria-label="Pages"' in first
    second = manager_client.get(url + "?page=2").content.decode()
    assert "showing 51 to 62" in second
