"""The 7S tables travel in the data package: round trips, located errors, all or nothing."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.sevens.demo import demo_tables
from partnerscope.apps.sevens.models import Evidence, LocalStatement, Response, Wave
from partnerscope.apps.sevens.services import results_dict
from partnerscope.datapackage.package import write_package
from tests.apps.sevens.factories import make_closed_wave, make_responses

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


def _responses_csv(folder: Path) -> list[dict[str, str]]:
    with open(folder / "sevens_responses.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _people(rows: list[dict[str, str]]) -> dict[str, tuple[str, str, dict[str, str]]]:
    """Each exported respondent's sector, layers and answers."""
    people: dict[str, tuple[str, str, dict[str, str]]] = {}
    for row in rows:
        sector, layer, answers = people.setdefault(
            row["respondent"], (row["sector"], row["layer"], {})
        )
        assert (sector, layer) == (row["sector"], row["layer"])
        answers[row["item"]] = row["answer"]
    return people


@pytest.fixture
def wave_with_a_lone_officer(kite):
    """Council (strategic) 6 and health (operational) 6 answer 4 and 2; a lone council
    officer in the executive layer answers 1, and two fire officers (strategic) answer 5."""
    wave = make_closed_wave(kite)
    make_responses(wave, 6, "council", 4, ["strategic"])
    make_responses(wave, 6, "health", 2, ["operational"])
    make_responses(wave, 1, "council", 1, ["executive"])
    make_responses(wave, 2, "fire", 5, ["strategic"])
    return wave


def test_export_blanks_the_sector_and_layers_few_share(tmp_path, wave_with_a_lone_officer):
    partnership = wave_with_a_lone_officer.partnership
    export_folder(partnership, tmp_path / "one")
    people = _people(_responses_csv(tmp_path / "one"))
    assert len(people) == 15  # every respondent's rows are kept
    by_answer = {answers["scs.01"]: (sector, layer) for sector, layer, answers in people.values()}
    # The officer (1) and the fire pair (5) share their sector and layers with fewer than
    # five: blank, answers kept. Three blanks would still be a group of three to pick out,
    # so the least shared remaining combination is blanked too: council and strategic (six,
    # tied with health and operational and first in order).
    assert by_answer["1"] == ("", "")
    assert by_answer["5"] == ("", "")
    assert by_answer["4"] == ("", "")
    assert by_answer["2"] == ("health", "operational")
    combinations = Counter(p[:2] for p in people.values())
    assert all(count >= 5 for count in combinations.values()), combinations
    assert not any(sector == "fire" or layer == "executive" for sector, layer, _ in people.values())


def test_an_export_with_blanks_imports_scores_and_round_trips(tmp_path, wave_with_a_lone_officer):
    partnership = wave_with_a_lone_officer.partnership
    export_folder(partnership, tmp_path / "one")
    partnership.delete()
    imported = import_folder(tmp_path / "one")
    assert imported.ok, imported.errors
    wave = Wave.objects.get(partnership=imported.partnership)
    assert wave.responses.count() == 15
    assert wave.responses.filter(sector="").count() >= 5
    assert all(r.layers == [] for r in wave.responses.filter(sector=""))
    result = results_dict(wave)
    assert result["respondents"] == 15
    assert "not_stated" not in json.dumps(result["groups"])
    export_folder(imported.partnership, tmp_path / "two")
    # The 7S tables (the kite fixture's other tables are not ours to round-trip here).
    for path in sorted((tmp_path / "one").glob("sevens_*.csv")):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


def test_a_package_with_no_small_groups_round_trips_unchanged(tmp_path, kite):
    wave = make_closed_wave(kite)
    make_responses(wave, 6, "council", 4, ["strategic", "executive"])
    make_responses(wave, 5, "health", 2, ["operational"])
    export_folder(kite["partnership"], tmp_path / "one")
    rows = _responses_csv(tmp_path / "one")
    assert {(row["sector"], row["layer"]) for row in rows} == {
        ("council", "strategic;executive"),
        ("health", "operational"),
    }
    kite["partnership"].delete()
    imported = import_folder(tmp_path / "one")
    assert imported.ok, imported.errors
    assert not Response.objects.filter(sector="").exists()
    export_folder(imported.partnership, tmp_path / "two")
    # The 7S tables (the kite fixture's other tables are not ours to round-trip here).
    for path in sorted((tmp_path / "one").glob("sevens_*.csv")):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


def test_the_command_line_scores_an_exported_wave_with_blanks(tmp_path, wave_with_a_lone_officer):
    from typer.testing import CliRunner

    from partnerscope.cli import app

    export_folder(wave_with_a_lone_officer.partnership, tmp_path / "one")
    result = CliRunner().invoke(
        app, ["sevens", "score", str(tmp_path / "one" / "sevens_responses.csv"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["respondents"] == 15
    assert "fire" not in data["groups"]["sector"]
