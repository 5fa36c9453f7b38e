"""The `partnerscope governance` commands: the rules, a check of a data package folder, its
errors, an independent count on altered packages, and the demo's planted problems."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.cli import app
from partnerscope.cli.output import console, error_console
from partnerscope.core.layers import DEFAULT_RULES
from partnerscope.datapackage.package import write_package
from tests.cli import governance_oracle as oracle

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    for each in (console, error_console):
        monkeypatch.setattr(each, "_width", 1000)


@pytest.fixture(scope="module")
def northshire() -> dict[str, list[dict[str, Any]]]:
    return next(demo_packages(1))


def check(folder: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["governance", "check", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_governance_rules_lists_every_rule_with_its_text() -> None:
    result = runner.invoke(app, ["governance", "rules", "--format", "json"])
    assert result.exit_code == 0
    rules = json.loads(result.stdout)["rules"]
    assert [rule["id"] for rule in rules] == [rule.id for rule in DEFAULT_RULES]
    assert all(rule["text"] and rule["label"] for rule in rules)
    table8 = next(rule for rule in rules if rule["id"] == "frequency_below_table8")
    assert "Table 8" in table8["text"]
    text = runner.invoke(app, ["governance", "rules"])
    assert text.exit_code == 0 and "agenda_drift" in text.stdout


def test_governance_check_prints_bodies_findings_and_rules(tmp_path, northshire) -> None:
    folder = write_package(tmp_path / "pkg", "Northshire", northshire)
    result = check(folder)
    assert set(result) >= {"bodies", "findings", "rules", "years", "leadership"}
    board = next(body for body in result["bodies"] if body["body"] == "board")
    assert set(board) >= {
        "body",
        "layer",
        "meetings_per_year",
        "drift_share",
        "attendance_rate",
        "chair_sector",
    }
    assert board["layer"] == "strategic" and board["chair_sector"] == "council"
    for finding in result["findings"]:
        assert set(finding) >= {"rule", "subject", "text", "evidence"}
        assert finding["rule"] in {rule["id"] for rule in result["rules"]}
    text = runner.invoke(app, ["governance", "check", str(folder)])
    assert text.exit_code == 0 and "Findings" in text.stdout


def test_a_missing_or_invalid_folder_gets_a_clear_error(tmp_path, northshire) -> None:
    missing = runner.invoke(app, ["governance", "check", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "no such folder" in missing.stderr
    (tmp_path / "file.zip").write_bytes(b"PK")
    a_file = runner.invoke(app, ["governance", "check", str(tmp_path / "file.zip")])
    assert a_file.exit_code == 2 and "not a folder" in a_file.stderr
    (tmp_path / "empty").mkdir()
    empty = runner.invoke(app, ["governance", "check", str(tmp_path / "empty")])
    assert empty.exit_code == 2 and "datapackage.json:0:: file not found" in empty.stderr
    folder = write_package(tmp_path / "bad", "Northshire", northshire)
    meetings = (folder / "meetings.csv").read_text(encoding="utf-8").splitlines()
    meetings[1] = meetings[1].replace(meetings[1].split(",")[2], "2024-02-30")
    (folder / "meetings.csv").write_text("\n".join(meetings) + "\n", encoding="utf-8")
    bad = runner.invoke(app, ["governance", "check", str(folder)])
    assert bad.exit_code == 2
    assert "meetings.csv:2:date: '2024-02-30' is not a valid date (YYYY-MM-DD)" in bad.stderr


def alter(tables: dict[str, list[dict[str, Any]]], seed: int) -> dict[str, list[dict[str, Any]]]:
    """Drop some meetings, move some items to other layers, add some meetings."""
    rng = random.Random(seed)
    dropped = {m["id"] for m in tables["meetings"] if rng.random() < 0.2}
    altered = dict(tables)
    altered["meetings"] = [dict(m) for m in tables["meetings"] if m["id"] not in dropped]
    for name in ("agenda_items", "attendance"):
        altered[name] = [dict(row) for row in tables[name] if row["meeting"] not in dropped]
    for item in altered["agenda_items"]:
        if rng.random() < 0.3:
            item["layer"] = rng.choice(["strategic", "executive", "operational"])
    extra = rng.choice(tables["bodies"])["id"]
    for number in range(rng.randint(1, 12)):
        day = altered["meetings"][0]["date"].replace(day=1, month=rng.randint(1, 12))
        altered["meetings"].append(
            {"id": f"extra-{number}", "body": extra, "date": day, "duration_minutes": 60}
        )
    return altered


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_independent_count_agrees_on_altered_packages(tmp_path, northshire, seed) -> None:
    folder = write_package(tmp_path / "pkg", "Northshire", alter(northshire, seed))
    result = check(folder)
    counted = oracle.count(folder)
    assert result["years"] == [oracle.year_name(year) for year in counted.years]
    for body in result["bodies"]:
        for row in body["years"]:
            year = int(row["year"][:4])
            assert row["meetings"] == counted.meetings[(body["body"], year)], body["body"]
            assert row["drift_share"] == counted.drift(body["body"], year), body["body"]
    found = {(f["rule"], f["subject"]["ref"]) for f in result["findings"]}
    frequency = {key for key in found if key[0].startswith("frequency_")}
    assert frequency == counted.frequency_findings()
    assert {key for key in found if key[0] == "agenda_drift"} == counted.drift_findings()


PLANTED = {
    ("agenda_drift", "board"),
    ("frequency_below_table8", "executive"),
    ("top_table", "board"),
    ("council_presents_most", "board"),
}


@pytest.fixture
def exported_demo(tmp_path, db) -> Path:
    """The county demo (with every area's rows) imported and exported, as `export` does."""
    from partnerscope.apps.common.extensions import demo_builders
    from partnerscope.apps.partnerships.datapackage_services import export_folder, import_tables

    tables = next(demo_packages(1))
    for builder in demo_builders():
        tables.update(builder(tables, 0))
    outcome = import_tables(tables)
    assert outcome.ok, outcome.errors[:5]
    return export_folder(outcome.partnership, tmp_path / "northshire")


def test_the_demo_shows_its_planted_problems_and_nothing_unsupported(exported_demo) -> None:
    result = check(exported_demo)
    found = {(f["rule"], f["subject"]["ref"]): f for f in result["findings"]}
    assert set(found) >= PLANTED
    assert found[("frequency_below_table8", "executive")]["evidence"]["meetings 2025-26"] == 4
    assert found[("agenda_drift", "board")]["period"] == "2025-26"
    assert found[("top_table", "board")]["evidence"]["chair sector"] == "council"
    stopped = [
        f
        for f in result["findings"]
        if f["rule"] == "organisation_sends_no_one" and "the year before" in f["text"]
    ]
    organisations = {row["id"]: row for row in oracle.read(exported_demo, "organisations")}
    assert [organisations[f["subject"]["ref"]]["sector"] for f in stopped] == [
        "voluntary_community"
    ]
    verify_every_finding(exported_demo, result)


def verify_every_finding(folder: Path, result: dict[str, Any]) -> None:
    """Each finding of the demo, recomputed from the CSV files in plain code."""
    counted = oracle.count(folder)
    seen = oracle.representation(folder)
    organisations = {row["id"]: row for row in oracle.read(folder, "organisations")}
    bodies = {row["id"]: row for row in oracle.read(folder, "bodies")}
    judged = set(counted.years)
    expected = counted.frequency_findings() | counted.drift_findings()
    for (organisation, _body, year), (seated, came) in seen.items():
        if year not in judged:
            continue
        if organisations[organisation]["statutory"] == "true" and came < seated / 2:
            expected.add(("statutory_partner_low_attendance", organisation))
        if came == 0 and seated >= 2:
            expected.add(("organisation_sends_no_one", organisation))
    functions = {f for row in bodies.values() for f in row["functions"].split(";")}
    if {"performance_management", "resource_allocation", "scrutiny"} - functions:
        expected.add(("function_missing", result["partnership"]))
    expected |= presented_and_top_table(folder, judged)
    found = {(f["rule"], f["subject"]["ref"]) for f in result["findings"]}
    assert found == expected


def presented_and_top_table(folder: Path, judged: set[int]) -> set[tuple[str, str]]:
    """Bodies where the council presents most items, and council top tables."""
    sector = {row["id"]: row["sector"] for row in oracle.read(folder, "organisations")}
    meetings = {row["id"]: row for row in oracle.read(folder, "meetings")}
    presented: Counter = Counter()
    by_council: Counter = Counter()
    for item in oracle.read(folder, "agenda_items"):
        meeting = meetings[item["meeting"]]
        key = (meeting["body"], oracle.financial_year(meeting["date"]))
        if item["presenter"] and key[1] in judged:
            presented[key] += 1
            by_council[key] += sector[item["presenter"]] == "council"
    expected = {
        ("council_presents_most", body)
        for (body, year), n in presented.items()
        if by_council[(body, year)] * 2 > n
    }
    person_sector = {
        row["id"]: sector[row["organisation"]] for row in oracle.read(folder, "people")
    }
    as_of = max(row["date"] for row in meetings.values())
    on_body: dict[str, set[str]] = {}
    for row in oracle.read(folder, "memberships"):
        if oracle.seat_held(row, as_of):
            on_body.setdefault(row["body"], set()).add(row["person"])
    layers = {row["id"]: row["layer"] for row in oracle.read(folder, "bodies")}
    voluntary_below = any(
        person_sector[person] == "voluntary_community"
        for body, people in on_body.items()
        if layers[body] == "operational"
        for person in people
    )
    for body, people in on_body.items():
        sectors = {person_sector[person] for person in people}
        council_only = "council" in sectors and "voluntary_community" not in sectors
        if layers[body] == "strategic" and voluntary_below and council_only:
            expected.add(("top_table", body))
    return expected
