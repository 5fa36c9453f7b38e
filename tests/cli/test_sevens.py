"""The `partnerscope sevens` commands, run through Typer's test runner."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerscope.cli import app
from partnerscope.cli.output import console, error_console
from partnerscope.core.sevens import ELEMENT_IDS, Respondent
from partnerscope.reference.sevens import load_instrument

runner = CliRunner()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "sevens.md"
HEADER = ["respondent", "sector", "layer", "item", "answer"]


@pytest.fixture(autouse=True)
def wide_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep each ``file:row:column`` error on one line, however long the temporary path."""
    for each in (console, error_console):
        monkeypatch.setattr(each, "_width", 1000)


def write(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def wave_rows(shift: int = 0) -> list[list[Any]]:
    """Six council officers and six health partners answer every statement.

    Council answers 4 (or 5 with ``shift``), health 2 (or 3); r0 (council) and r6 (health)
    say "don't know" to style.01. So with no shift every element's mean is (4 + 2) / 2 = 3,
    score 50. The council sit in the strategic and executive layers, health in the
    operational, so no sector-and-layer group is smaller than the threshold.
    """
    rows: list[list[Any]] = []
    for index in range(12):
        sector = "council" if index < 6 else "health"
        layer = "strategic;executive" if sector == "council" else "operational"
        for statement in load_instrument().statements:
            answer: Any = (4 if sector == "council" else 2) + shift
            if index in (0, 6) and statement.id == "style.01":
                answer = "dk"
            rows.append([f"r{index}", sector, layer, statement.id, answer])
    return rows


def run_json(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_instrument_lists_every_statement() -> None:
    data = run_json("sevens", "instrument")
    assert data["version"] == load_instrument().version
    assert len(data["items"]) == len(load_instrument().statements)
    first = data["items"][0]
    assert {"id", "element", "kind", "text", "layers", "tests"} <= set(first)
    assert first["id"] == "scs.01" and first["kind"] == "core"
    steering = [item for item in data["items"] if item["element"] == "steering"]
    assert {item["kind"] for item in steering} == {"hard"}


def test_instrument_with_local_statements(tmp_path: Path) -> None:
    local = write(
        tmp_path / "local.csv",
        [["local.1", "style", "Meetings start on time.", "operational"]],
        ["id", "element", "text", "layers"],
    )
    data = run_json("sevens", "instrument", "--local", str(local))
    last = data["items"][-1]
    assert last["id"] == "local.1" and last["local"] is True and last["layers"] == ["operational"]


def test_instrument_text_summary() -> None:
    result = runner.invoke(app, ["sevens", "instrument"])
    assert result.exit_code == 0
    assert "steering.01" in result.stdout


def test_score_a_wave(tmp_path: Path) -> None:
    responses = write(tmp_path / "wave.csv", wave_rows())
    data = run_json("sevens", "score", str(responses))
    assert data["respondents"] == 12
    assert list(data["elements"]) == list(ELEMENT_IDS)
    for element_id in ELEMENT_IDS:
        figures = data["elements"][element_id]
        assert {"mean", "score", "consensus", "n", "dont_know_share"} <= set(figures)
        # Half answer 4 and half 2: mean 3, score 50, consensus 1 + log2(1 - 1/4) = 0.585.
        assert (figures["mean"], figures["score"], figures["consensus"]) == (3.0, 50.0, 0.585)
        assert figures["n"] == 12
    assert data["soft"] == 50.0 and data["hard"] == 50.0
    # style.01: five council 4s, five health 2s and two "don't know": mean 30/10 = 3.
    assert data["items"]["style.01"]["dont_know"] == 2
    assert data["items"]["style.01"]["dont_know_share"] == round(2 / 12, 4)
    assert data["items"]["style.01"]["mean"] == 3.0
    assert data["elements"]["style"]["dont_know_share"] == round(2 / (12 * 8), 4)
    groups = data["groups"]
    assert groups["sector"]["council"]["elements"]["scs"]["score"] == 75.0
    assert groups["sector"]["health"]["elements"]["scs"]["score"] == 25.0
    assert groups["layer"]["strategic"]["respondents"] == 6
    assert groups["layer"]["executive"]["respondents"] == 6
    # The gap is council minus partners: 75 - 25.
    assert groups["council_vs_partners"]["gap"]["scs"] == 50.0
    assert data["withheld"] == []
    assert "change" not in data


def test_score_with_a_previous_wave(tmp_path: Path) -> None:
    before = write(tmp_path / "before.csv", wave_rows())
    after = write(tmp_path / "after.csv", wave_rows(shift=1))
    data = run_json("sevens", "score", str(after), "--previous", str(before), "--resamples", "300")
    steering = data["change"]["steering"]
    # Every answer one point higher: the mean rises from 3 to 4, the score from 50 to 75.
    assert (steering["previous_score"], steering["score"], steering["difference"]) == (
        50.0,
        75.0,
        25.0,
    )
    assert steering["significant"] is True
    assert data["bootstrap"]["resamples"] == 300


def test_small_groups_are_withheld_by_name(tmp_path: Path) -> None:
    rows = wave_rows() + [
        ["p1", "police", "operational", "scs.01", "1"],
        ["p2", "police", "operational", "scs.01", "1"],
    ]
    data = run_json("sevens", "score", str(write(tmp_path / "wave.csv", rows)))
    assert "sector:police" in data["withheld"]
    assert "police" not in data["groups"]["sector"]
    data = run_json("sevens", "score", str(write(tmp_path / "wave.csv", rows)), "--threshold", "7")
    assert "sector:council" in data["withheld"]


def test_text_summary(tmp_path: Path) -> None:
    before = write(tmp_path / "before.csv", wave_rows())
    result = runner.invoke(
        app, ["sevens", "score", str(before), "--previous", str(before), "--resamples", "50"]
    )
    assert result.exit_code == 0, result.output
    assert "Steering" in result.stdout and "Soft score 50.0" in result.stdout


def test_bad_rows_get_file_row_column_errors(tmp_path: Path) -> None:
    rows = [
        ["r1", "council", "strategic", "scs.01", "4"],
        ["r1", "health", "strategic", "scs.02", "4"],
        ["r1", "council", "strategic", "scs.99", "4"],
        ["r2", "police", "strategic", "scs.01", "6"],
        ["r3", "space", "boardroom", "scs.01", "dk"],
    ]
    path = write(tmp_path / "bad.csv", rows)
    result = runner.invoke(app, ["sevens", "score", str(path)])
    assert result.exit_code == 2
    errors = result.stderr
    assert f"{path}:4:item: unknown statement id 'scs.99'" in errors
    assert f"{path}:5:answer: '6' is not an answer" in errors
    assert f"{path}:6:sector: 'space' is not one of" in errors
    assert f"{path}:6:layer: 'boardroom' is not a layer" in errors


def test_a_sector_that_changes_between_rows_is_an_error(tmp_path: Path) -> None:
    rows = [
        ["r1", "council", "strategic", "scs.01", "4"],
        [],
        ["r1", "health", "strategic", "scs.02", "4"],
        ["r1", "council", "executive;strategic", "scs.03", "4"],
        ["r1", "council", "strategic", "scs.03", "5"],
    ]
    path = write(tmp_path / "bad.csv", rows)
    result = runner.invoke(app, ["sevens", "score", str(path)])
    assert result.exit_code == 2
    errors = result.stderr
    assert (
        f"{path}:4:sector: respondent 'r1' has sector 'health' here but 'council' on row 2"
        in errors
    )
    assert (
        f"{path}:5:layer: respondent 'r1' has layer 'strategic;executive' here "
        f"but 'strategic' on row 2" in errors
    )
    assert f"{path}:6:item: respondent 'r1' already answered 'scs.03' on row 5" in errors


def test_layers_may_be_listed_in_any_order(tmp_path: Path) -> None:
    rows = [
        [f"r{i}", "health", order, "scs.01", "3"]
        for i in range(5)
        for order in (("strategic;executive",) if i % 2 else ("executive; strategic",))
    ]
    data = run_json("sevens", "score", str(write(tmp_path / "ok.csv", rows)))
    assert data["groups"]["layer"]["executive"]["respondents"] == 5


def test_missing_columns_files_and_a_low_threshold_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path / "short.csv", [["r1", "council"]], ["respondent", "sector"])
    result = runner.invoke(app, ["sevens", "score", str(path)])
    assert result.exit_code == 2
    assert f"{path}:1:item: required column is missing" in result.stderr
    result = runner.invoke(app, ["sevens", "score", str(tmp_path / "absent.csv")])
    assert result.exit_code == 2 and "file not found" in result.stderr
    ok = write(tmp_path / "ok.csv", wave_rows())
    result = runner.invoke(app, ["sevens", "score", str(ok), "--threshold", "2"])
    assert result.exit_code == 2
    assert "threshold must be at least 3" in result.stderr


def test_bad_local_statements_are_located(tmp_path: Path) -> None:
    local = write(
        tmp_path / "local.csv",
        [["local.1", "style", "One."], ["style.42", "style", "Two."], ["local.1", "vision", ""]],
        ["id", "element", "text"],
    )
    result = runner.invoke(app, ["sevens", "instrument", "--local", str(local)])
    assert result.exit_code == 2
    assert f"{local}:3:id: 'style.42' is not a local statement id" in result.stderr
    assert f"{local}:4:element: 'vision' is not one of" in result.stderr
    assert f"{local}:4:text: must not be empty" in result.stderr


def test_local_statements_are_scored_and_flagged(tmp_path: Path) -> None:
    local = write(
        tmp_path / "local.csv",
        [["local.1", "style", "Meetings start on time."]],
        ["id", "element", "text"],
    )
    rows = wave_rows() + [
        [
            f"r{i}",
            "council" if i < 6 else "health",
            "strategic;executive" if i < 6 else "operational",
            "local.1",
            "5",
        ]
        for i in range(12)
    ]
    path = write(tmp_path / "wave.csv", rows)
    data = run_json("sevens", "score", str(path), "--local", str(local))
    assert data["items"]["local.1"]["local"] is True
    assert data["strongest"][0]["id"] == "local.1"
    result = runner.invoke(app, ["sevens", "score", str(path)])
    assert result.exit_code == 2
    assert "unknown statement id 'local.1'" in result.stderr


def test_docs_name_every_command_and_json_key(tmp_path: Path) -> None:
    text = DOCS.read_text(encoding="utf-8")
    for command in ("instrument", "score"):
        assert f"partnerscope sevens {command}" in text
    for option in ("--previous", "--threshold", "--local", "--resamples", "--seed", "--format"):
        assert option in text
    before = write(tmp_path / "before.csv", wave_rows())
    data = run_json("sevens", "score", str(before), "--previous", str(before), "--resamples", "20")
    keys: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if not re.fullmatch(r"[a-z]+[a-z_]*\.\d+|\d|" + "|".join(ELEMENT_IDS), key):
                    keys.add(key)
                collect(inner)
        elif isinstance(value, list):
            for inner in value:
                collect(inner)

    collect(data)
    collect(run_json("sevens", "instrument"))
    missing = sorted(key for key in keys if f"`{key}`" not in text)
    assert not missing, missing


def test_score_gives_nothing_to_subtract_for_a_lone_executive_officer(tmp_path: Path) -> None:
    """Fifty partners in the strategic and executive layers, one council officer in the
    executive alone: `sevens score` must not show both layers, in JSON or as text."""
    from tests.core.sevens.test_overlapping_groups import check_adversary

    rows: list[list[Any]] = []
    people = []
    for index in range(51):
        officer = index == 50
        sector = "council" if officer else ("health", "police")[index % 2]
        layers = ("executive",) if officer else ("strategic", "executive")
        value = 1 if officer else 4
        answers = {s.id: value for s in load_instrument().statements}
        people.append(Respondent(f"r{index}", sector, frozenset(layers), answers))
        rows += [[f"r{index}", sector, ";".join(layers), item, value] for item in answers]
    path = write(tmp_path / "wave.csv", rows)
    data = run_json("sevens", "score", str(path))
    assert not {"strategic", "executive"} <= set(data["groups"]["layer"])
    check_adversary(people, data, 5)
    text = runner.invoke(app, ["sevens", "score", str(path)]).output
    assert not ("strategic (50)" in text and "executive (51)" in text)
    assert "layer:strategic" in text


def test_blank_sector_and_layer_cells_are_read_but_the_columns_are_required(
    tmp_path: Path,
) -> None:
    """A data package blanks the sector and layers few share; the command reads such rows
    as respondents in the whole wave only, but a file without the columns is an error."""
    rows = wave_rows() + [[f"x{i}", "", "", "scs.01", "1"] for i in range(5)]
    data = run_json("sevens", "score", str(write(tmp_path / "blank.csv", rows)))
    assert data["respondents"] == 17
    assert data["groups"]["sector"]["council"]["respondents"] == 6
    assert data["groups"]["layer"]["operational"]["respondents"] == 6
    narrow = write(
        tmp_path / "narrow.csv",
        [[row[0], row[3], row[4]] for row in wave_rows()],
        ["respondent", "item", "answer"],
    )
    result = runner.invoke(app, ["sevens", "score", str(narrow)])
    assert result.exit_code == 2
    assert f"{narrow}:1:sector: required column is missing" in result.stderr
    assert f"{narrow}:1:layer: required column is missing" in result.stderr
    # Two blanks alone would be the whole wave minus the groups shown, so health (with the
    # operational layer and the partners, the same six people) goes to hide them.
    few = wave_rows() + [[f"x{i}", "", "", "scs.01", "1"] for i in range(2)]
    data = run_json("sevens", "score", str(write(tmp_path / "few.csv", few)))
    assert list(data["groups"]["sector"]) == ["council"]
    assert data["withheld_rules"]["sector:health"] == "difference"
    assert data["withheld_rules"]["layer:operational"] == "difference"
