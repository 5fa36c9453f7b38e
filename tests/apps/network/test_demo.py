"""The demo tells the stories it is meant to: Northshire opens up, Kirkby Moor stays apart."""

from __future__ import annotations

import pytest

from partnerscope.apps.network.demo import demo_tables
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.core.network import NetworkOptions, Organisation, Tie, analyse_network
from partnerscope.datapackage.network import check_package_tables


@pytest.fixture(scope="module")
def packages():
    made = list(demo_packages(1))
    for index, tables in enumerate(made):
        tables.update(demo_tables(tables, index))
    return made


def analyse(tables, wave):
    answers = [row for row in tables["network_ties"] if row["wave"] == wave]
    answered = {row["from"] for row in answers}
    members = [
        Organisation(row["id"], row["sector"], responded=row["id"] in answered)
        for row in tables["organisations"]
    ]
    ties = [Tie(row["from"], row["to"], level=row["level"]) for row in answers]
    return analyse_network(members, ties, NetworkOptions(symmetrise=True)).network


def test_only_northshire_and_kirkby_moor_have_waves_and_their_rows_are_valid(packages):
    slugs = [t["partnership"][0]["slug"] for t in packages if t.get("network_waves")]
    assert slugs == ["northshire", "northshire-kirkby-moor"]
    for tables in packages:
        assert check_package_tables(tables) == []


def test_northshire_starts_council_centred_and_opens_up(packages):
    northshire = packages[0]
    waves = [row["id"] for row in northshire["network_waves"]]
    assert waves == ["relationships-2024", "relationships-2025"]
    before, after = (analyse(northshire, wave) for wave in waves)
    assert before.council.dependency > 0.9
    assert after.council.dependency < before.council.dependency - 0.15
    assert after.density > before.density
    assert after.in_centralization < before.in_centralization
    assert after.ei_sector.index < before.ei_sector.index, "more ties within sectors"
    assert before.response.not_responded > after.response.not_responded > 0


def test_kirkby_moor_is_poorly_connected(packages):
    kirkby = packages[4]
    network = analyse(kirkby, "relationships-2025")
    assert network.organisations == 6
    assert network.components.count >= 3
    assert network.response.not_responded == 1


def test_the_demo_is_the_same_every_time(packages):
    again = list(demo_packages(1))[0]
    assert demo_tables(again, 0) == {
        key: packages[0][key]
        for key in ("network_waves", "network_representatives", "network_ties")
    }
