"""The two-tier view: the county and its districts side by side, the same organisation
across the districts' networks, and who sees which partnership."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerscope.apps.learning.two_tier import two_tier_page
from partnerscope.apps.partnerships.models import Participation
from tests.apps.learning.builders import agree
from tests.apps.network import factories as network
from tests.apps.partnerships.factories import PartnershipFactory, RoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(kite):
    """Kite is the county; Easton shares by name, Westmere shares unnamed, Riverside not."""
    county = kite["partnership"]
    districts = {
        name: PartnershipFactory(slug=name, name=f"{name.title()} Partnership", parent=county)
        for name in ("easton", "westmere", "riverside")
    }
    agree(county, named=True)
    agree(districts["easton"], named=True)
    agree(districts["westmere"], named=False)
    for district in districts.values():
        Participation.objects.create(partnership=district, organisation=kite["council"])
    Participation.objects.create(partnership=districts["easton"], organisation=kite["police"])
    return {"county": county, **districts}


def test_the_county_sees_itself_and_the_districts_that_share_by_name(area):
    page = two_tier_page(area["county"])
    assert [column.label for column in page.columns] == ["Kite Partnership", "Easton Partnership"]
    assert page.hidden == 2
    assert len(page.rows[0].cells) == 2


def test_a_role_in_a_district_shows_it_even_unshared(area, make_user):
    user = RoleFactory(partnership=area["riverside"], kind="viewer").user
    RoleFactory(partnership=area["county"], kind="manager", user=user)
    page = two_tier_page(area["county"], {area["riverside"].pk, area["county"].pk})
    assert "Riverside Partnership" in [column.label for column in page.columns]


def test_a_district_sees_its_county(area):
    page = two_tier_page(area["westmere"])
    assert [column.label for column in page.columns] == [
        "Kite Partnership",
        "Easton Partnership",
        "Westmere Partnership",
    ]


def test_the_same_organisation_across_the_districts_networks(area, kite):
    wave = network.make_closed_wave({"partnership": area["easton"]})
    network.tie(wave, kite["council"], kite["police"], 3)
    network.tie(wave, kite["police"], kite["council"], 3)
    page = two_tier_page(area["county"])
    rows = {row.name: row for row in page.organisations}
    council = rows["Kite Council"]
    assert [cell.text for cell in council.cells] == [
        "no closed relationship wave",
        "2 ties (1 received)",
    ]
    assert rows["Kite Police"].cells[1].text == "2 ties (1 received)"


def test_an_isolated_organisation_is_marked(area, kite):
    wave = network.make_closed_wave({"partnership": area["easton"]})
    network.tie(wave, kite["police"], kite["council"], 0)
    page = two_tier_page(area["county"])
    council = {row.name: row for row in page.organisations}["Kite Council"]
    assert council.cells[1].isolated
    assert "isolated" in council.cells[1].text


def test_outside_a_two_tier_area_the_view_says_so(client, make_user):
    lone = PartnershipFactory(slug="lone")
    user = RoleFactory(partnership=lone, kind="manager").user
    client.force_login(user)
    response = client.get(reverse("learning:two_tier", args=["lone"]))
    assert "not part of a two-tier area" in response.content.decode()


def test_the_two_tier_page_is_for_managers(client, area, role_user):
    client.force_login(role_user("viewer"))
    assert client.get(reverse("learning:two_tier", args=["kite"])).status_code == 403
    client.force_login(role_user("manager"))
    response = client.get(reverse("learning:two_tier", args=["kite"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Easton Partnership" in html
    assert "Westmere Partnership" not in html
    assert "Riverside Partnership" not in html
    assert "2 partnerships of the area are left out" in html
    assert "never by organisation" in html
