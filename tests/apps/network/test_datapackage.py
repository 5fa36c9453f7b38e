"""The relationship survey travels in the data package: round trips, located errors."""

from __future__ import annotations

import csv
from itertools import islice
from pathlib import Path

import pytest

from partnerscope.apps.network.demo import demo_tables
from partnerscope.apps.network.models import Representative, Tie, Wave
from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.datapackage.package import write_package

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def kirkby_moor_tables():
    tables = next(islice(demo_packages(1), 4, None))
    tables["partnership"][0]["parent"] = None
    tables.update(demo_tables(tables, 4))
    return tables


@pytest.fixture
def kirkby_moor(tmp_path, kirkby_moor_tables):
    return write_package(tmp_path / "demo", "Kirkby Moor", kirkby_moor_tables)


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def rewrite(path: Path, row_index: int, column: str, value: str) -> None:
    rows = rows_of(path)
    rows[row_index][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_export_import_export_gives_identical_files(tmp_path, kirkby_moor):
    first = import_folder(kirkby_moor)
    assert first.ok, first.errors
    export_folder(first.partnership, tmp_path / "one")
    first.partnership.delete()
    second = import_folder(tmp_path / "one")
    assert second.ok, second.errors
    export_folder(second.partnership, tmp_path / "two")
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
    wave = Wave.objects.get()
    assert wave.representatives.filter(answered__isnull=False).count() == 5
    assert Tie.objects.filter(wave=wave).count() == 25
    ties = rows_of(tmp_path / "two" / "network_ties.csv")
    assert list(ties[0]) == [
        "wave",
        "from",
        "to",
        "level",
        "frequency",
        "flows",
        "trust_reliable",
        "trust_committed",
        "trust_open",
        "value_power",
        "value_involvement",
        "value_resources",
        "inferred",
    ]
    inferred = [row for row in ties if row["inferred"] == "true"]
    assert inferred and all(row["from"].endswith("traders") for row in inferred)
    assert all(row["trust_reliable"] == "" for row in inferred)
    assert any(";" in row["flows"] for row in ties)
    representatives = rows_of(tmp_path / "two" / "network_representatives.csv")
    assert list(representatives[0]) == ["wave", "organisation", "person", "answered"]


def test_a_flow_outside_the_list_is_refused_by_the_schema(kirkby_moor):
    rewrite(kirkby_moor / "network_ties.csv", 1, "flows", "information;gossip")
    result = import_folder(kirkby_moor)
    assert any(error.startswith("network_ties.csv:3:flows:") for error in result.errors)
    assert not Partnership.objects.exists()


def test_bad_relationship_rows_are_located_and_nothing_is_saved(kirkby_moor):
    ties = kirkby_moor / "network_ties.csv"
    rewrite(ties, 0, "level", "7")
    rewrite(ties, 2, "to", rows_of(ties)[2]["from"])
    rewrite(ties, 3, "trust_open", "0")
    rewrite(kirkby_moor / "network_waves.csv", 0, "closes", "2025-01-01")
    people = rows_of(kirkby_moor / "people.csv")
    representatives = rows_of(kirkby_moor / "network_representatives.csv")
    stranger = next(
        p["id"] for p in people if p["organisation"] != representatives[0]["organisation"]
    )
    rewrite(kirkby_moor / "network_representatives.csv", 0, "person", stranger)
    result = import_folder(kirkby_moor)
    assert not result.ok
    errors = "\n".join(result.errors)
    assert "network_ties.csv:2:level: 7 is not between 0 and 4" in errors
    assert "network_ties.csv:4:to: a tie from an organisation to itself" in errors
    assert "network_ties.csv:5:trust_open: 0 is not between 1 and 4" in errors
    assert "network_waves.csv:2:closes: is before opens" in errors
    assert "network_representatives.csv:2:person:" in errors
    assert not Partnership.objects.exists()
    assert not Representative.objects.exists()


def test_an_inferred_tie_with_answers_of_its_own_is_refused(tmp_path, kirkby_moor):
    made = import_folder(kirkby_moor)
    export_folder(made.partnership, tmp_path / "out")
    made.partnership.delete()
    ties = tmp_path / "out" / "network_ties.csv"
    number = next(i for i, row in enumerate(rows_of(ties)) if row["inferred"] == "true")
    rewrite(ties, number, "trust_open", "3")
    result = import_folder(tmp_path / "out")
    assert (
        f"network_ties.csv:{number + 2}:trust_open: an inferred tie has no answers of its own: "
        "trust_open"
    ) in result.errors
