"""The `partnerscope costs` commands, run through Typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from partnerscope.cli import app
from partnerscope.cli.output import console, error_console
from tests.core.costs.oracle import assert_agrees, oracle
from tests.core.costs.strategies import models

runner = CliRunner()
DOCS = Path(__file__).resolve().parents[2] / "docs"
EXAMPLE = DOCS / "examples" / "cba-model.json"


@pytest.fixture(autouse=True)
def wide_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    for each in (console, error_console):
        monkeypatch.setattr(each, "_width", 1000)


def run(*arguments: str):
    return runner.invoke(app, ["costs", *arguments])


def cba_json(path: Path, *extra: str) -> dict:
    result = run("cba", str(path), "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_json_output_has_the_documented_keys():
    result = cba_json(EXAMPLE)
    assert set(result) >= {"financial_case", "economic_case", "by_agency", "years", "sensitivity"}
    assert set(result["financial_case"]) == {
        "pv_costs",
        "pv_fiscal_benefits",
        "net_present_budget_impact",
        "financial_roi",
        "payback_year",
        "cashable",
    }
    assert {"pv_benefits", "net_present_public_value", "bcr"} <= set(result["economic_case"])
    for row in result["by_agency"]:
        assert {"agency", "pv_costs", "pv_fiscal_benefits", "net"} <= set(row)
    assert len(result["years"]) == 5
    assert result["sensitivity"]["monte_carlo"] is None
    assert result["sensitivity"]["one_way"] and result["sensitivity"]["break_even"]
    assert [(w["payer"], w["beneficiary"]) for w in result["wrong_pocket"]][0] == (
        "council",
        "health",
    )
    assert result["notes"] and "unconfirmed" in result["notes"][0]


def test_the_example_in_the_docs_is_the_commands_output():
    result = cba_json(EXAMPLE)
    text = (DOCS / "costs.md").read_text(encoding="utf-8")
    financial = result["financial_case"]
    assert f"£{financial['pv_costs']:,.0f}" in text
    assert f"£{result['economic_case']['net_present_public_value']:,.0f}" in text
    assert financial["payback_year"] is None and "| Payback year | never |" in text
    assert f"{result['economic_case']['bcr']:.2f}" in text


def test_the_example_agrees_with_the_independent_implementation():
    model = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    outcome = model["outcomes"][1]
    outcome["optimism_bias"] = 0.15  # the shipped table's grade 4
    del outcome["confidence"]
    del model["sensitivity"], model["description"]
    assert_agrees(cba_json(EXAMPLE), oracle(model))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(model=models(max_years=35))
def test_partnerscope_costs_cba_agrees_with_an_independent_implementation_on_random_models(
    model, tmp_path
):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    assert_agrees(cba_json(path), oracle(model))


def test_monte_carlo_is_reproducible_with_a_seed():
    first = cba_json(EXAMPLE, "--monte-carlo", "2000", "--seed", "42")
    second = cba_json(EXAMPLE, "--monte-carlo", "2000", "--seed", "42")
    other = cba_json(EXAMPLE, "--monte-carlo", "2000", "--seed", "43")
    monte = first["sensitivity"]["monte_carlo"]
    assert monte == second["sensitivity"]["monte_carlo"]
    assert monte != other["sensitivity"]["monte_carlo"]
    assert (monte["draws"], monte["seed"]) == (2000, 42)
    assert set(monte["bcr"]) == {"p10", "p50", "p90"}
    assert 0 <= monte["p_bcr_above_1"] <= 1


def test_text_output_for_people():
    result = run("cba", str(EXAMPLE), "--monte-carlo", "500", "--seed", "1")
    assert result.exit_code == 0, result.output
    for words in (
        "Net present budget impact",
        "Benefit-cost ratio",
        "Payback year",
        "Who pays, who benefits",
        "Wrong pocket: council",
        "P(BCR > 1)",
    ):
        assert words in result.stdout


def write(tmp_path: Path, model) -> Path:
    path = tmp_path / "model.json"
    path.write_text(model if isinstance(model, str) else json.dumps(model), encoding="utf-8")
    return path


def test_a_bad_field_is_named_and_the_command_fails(tmp_path):
    model = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    model["outcomes"][2]["engagement"] = 1.2
    model["costs"][0]["year"] = 9
    result = run("cba", str(write(tmp_path, model)), "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "costs[0].year: must be a whole number from 0 to 4",
        "outcomes[2].engagement: must be between 0 and 1",
    ]


def test_a_bad_sensitivity_range_is_named(tmp_path):
    model = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    model["sensitivity"]["ranges"] = {"outcomes[7].impact": [0, 1]}
    result = run("cba", str(write(tmp_path, model)))
    assert result.exit_code == 2
    assert "sensitivity.ranges.outcomes[7].impact: no such assumption" in result.stderr


def test_broken_json_and_a_missing_file(tmp_path):
    result = run("cba", str(write(tmp_path, '{"name": "x",\n "years": }')))
    assert result.exit_code == 2
    assert "not valid JSON (line 2, column 11" in result.stderr
    missing = tmp_path / "nowhere.json"
    result = run("cba", str(missing))
    assert result.exit_code == 2
    assert f"{missing}: no such file" in result.stderr


def test_negative_draws_are_refused():
    result = run("cba", str(EXAMPLE), "--monte-carlo", "-1")
    assert result.exit_code != 0


def test_unit_costs_are_restated_at_the_base_year():
    result = run(
        "unit-costs",
        str(DOCS / "examples" / "unit-costs.csv"),
        "--base-year",
        "2025",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["deflator"]["illustrative"] is True
    first = data["unit_costs"][0]
    assert (first["code"], first["original_value"], first["original_price_year"]) == (
        "EX-H01",
        160.0,
        2019,
    )
    assert first["value"] == pytest.approx(160 * 1.02**6)
    assert first["price_year"] == 2025
    text = run("unit-costs", str(DOCS / "examples" / "unit-costs.csv"), "--base-year", "2025")
    assert "EX-C01" in text.stdout


def test_bad_unit_costs_are_named_by_row(tmp_path):
    path = tmp_path / "costs.csv"
    path.write_text("Code,Description,Unit,Cost,Agency,Price year\nA,b,c,x,NHS,2019\n")
    result = run("unit-costs", str(path), "--base-year", "2025")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{path}: row 2: Cost: must be a number",
        f"{path}: row 2: Source: required",
    ]
    result = run("unit-costs", str(path), "--base-year", "2099", "--source", "s")
    assert result.exit_code == 2
