"""The 7S tables travel in the data package: round trips, located errors, all or nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.sevens.demo import demo_tables
from partnerscope.apps.sevens.models import Evidence, LocalStatement, Response, Wave
from partnerscope.datapackage.package import write_package

pytestmark = pytest.mark.django_db


@pytest.fixture
def northshire(tmp_path):
    tables = next(demo_packages(1))
    tables.update(demo_tables(tables, 0))
    return write_package(tmp_path / "demo", "Northshire", tables)


def rewrite(path: Path, row_index: int, column: str, value: str) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[row_index][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_export_import_export_gives_identical_files(tmp_path, northshire):
    first = import_folder(northshire)
    assert first.ok, first.errors
    export_folder(first.partnership, tmp_path / "one")
    first.partnership.delete()
    second = import_folder(tmp_path / "one")
    assert second.ok, second.errors
    export_folder(second.partnership, tmp_path / "two")
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
    assert Wave.objects.count() == 2
    assert Response.objects.count() == 61
    assert LocalStatement.objects.get().statement_id == "local.1"
    assert Evidence.objects.exists()
    folder = tmp_path / "two"
    with open(folder / "sevens_responses.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["wave", "respondent", "sector", "layer", "item", "answer"]
    assert rows[0]["respondent"] == "r001"
    assert {row["answer"] for row in rows} == {"1", "2", "3", "4", "5", "dk"}
    assert any(";" in row["layer"] for row in rows)
    assert any(row["item"] == "local.1" for row in rows)
    waves = list(csv.DictReader((folder / "sevens_waves.csv").read_text().splitlines()))
    assert [w["id"] for w in waves] == ["autumn-2024", "autumn-2025"]
    assert waves[1]["previous"] == "autumn-2024"


def test_bad_7s_rows_are_located_and_nothing_is_saved(northshire):
    rewrite(northshire / "sevens_responses.csv", 0, "answer", "6")
    rewrite(northshire / "sevens_responses.csv", 1, "layer", "strategic;galactic")
    rewrite(northshire / "sevens_waves.csv", 0, "closes", "2024-09-01")
    rewrite(northshire / "sevens_local_statements.csv", 0, "id", "extra.1")
    result = import_folder(northshire)
    assert not result.ok
    assert "sevens_responses.csv:2:answer: '6' is not one of 1, 2, 3, 4, 5, dk" in result.errors
    assert any(e.startswith("sevens_responses.csv:3:layer:") for e in result.errors)
    assert any(e.startswith("sevens_local_statements.csv:2:id:") for e in result.errors)
    assert not Partnership.objects.exists()


def test_rules_beyond_the_schema_are_located(northshire):
    rewrite(northshire / "sevens_waves.csv", 0, "closes", "2024-09-01")
    rewrite(northshire / "sevens_waves.csv", 1, "bodies", "board;no-such-body")
    rewrite(northshire / "sevens_responses.csv", 0, "item", "style.99")
    rewrite(northshire / "sevens_responses.csv", 1, "sector", "police")
    rewrite(northshire / "sevens_waves.csv", 1, "instrument_version", "9.9")
    result = import_folder(northshire)
    assert "sevens_waves.csv:2:closes: is before opens" in result.errors
    assert "sevens_waves.csv:3:bodies: 'no-such-body' is not an id in bodies.csv" in result.errors
    assert (
        "sevens_responses.csv:2:item: 'style.99' is not a statement of wave 'autumn-2024'"
        in result.errors
    )
    assert any(e.startswith("sevens_responses.csv:3:sector: respondent") for e in result.errors)
    assert (
        "sevens_waves.csv:3:instrument_version: instrument version '9.9' is not known: use 1.0"
        in result.errors
    )
    assert not Wave.objects.exists()
