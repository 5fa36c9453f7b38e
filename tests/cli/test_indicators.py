"""`partnerscope indicators ...` run through Typer's test runner against the real app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerscope.cli import app

runner = CliRunner()

VALUES = """indicator,area,period,value,lower,upper
NI 15,E1,2023-Q1,12.0,,
NI 15,E1,2023-Q2,12.5,,
NI 15,E1,2023-Q3,11.8,,
NI 15,E1,2023-Q4,11.0,,
NI 15,E1,2024-Q1,10.6,,
NI 15,E2,2024-Q1,13.0,12.0,14.0
LOCAL 1,E1,2022/23,40,,
LOCAL 1,E1,2023/24,44,,
"""
TARGETS = """indicator,area,period,target
NI 15,E1,2024-Q1,10.2
NI 15,E1,2024-Q3,9.5
LOCAL 1,E1,2023/24,50
"""
INDICATORS = """indicator,title,polarity,tolerance
LOCAL 1,Residents who volunteer,higher_is_better,0.1
"""


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, text in (("values", VALUES), ("targets", TARGETS), ("indicators", INDICATORS)):
        path = tmp_path / f"{name}.csv"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def invoke(*args):
    return runner.invoke(app, ["indicators", *map(str, args)])


def test_status_json(files):
    result = invoke(
        "status",
        files["values"],
        "--targets",
        files["targets"],
        "--indicators",
        files["indicators"],
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    records = {(r["indicator"], r["area"]): r for r in output["results"]}
    assert list(records) == [("NI 15", "E1"), ("NI 15", "E2"), ("LOCAL 1", "E1")]
    crime = records[("NI 15", "E1")]
    # NI 15's polarity comes from the national catalogue: lower is better. 10.6 misses 10.2
    # by 0.4, within 5% x 10.2 = 0.51.
    assert crime["polarity"] == "lower_is_better"
    assert crime["rag"] == "amber"
    assert crime["latest"] == {"period": "2024-Q1", "value": 10.6}
    assert crime["direction"]["previous"]["direction"] == "improving"
    assert crime["forecast"]["period"] == "2024-Q3"
    assert set(crime["spc"]) >= {
        "mean",
        "lower_limit",
        "upper_limit",
        "variation",
        "assurance",
        "signals",
    }
    assert crime["quality"] == []
    # LOCAL 1 (higher is better, tolerance 10%): 44 misses 50 by 6 > 5: red.
    volunteers = records[("LOCAL 1", "E1")]
    assert (volunteers["title"], volunteers["rag"]) == ("Residents who volunteer", "red")
    assert volunteers["direction"]["year_ago"]["direction"] == "improving"


def test_status_as_of_and_due_days(files):
    result = invoke(
        "status", files["values"], "--as-of", "2024-08-20", "--due-days", "45", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert output["as_of"] == "2024-08-20"
    overdue = [
        (r["indicator"], r["area"], f["period"])
        for r in output["results"]
        for f in r["quality"]
        if f["rule"] == "quality_overdue"
    ]
    # 2024-Q2 ended on 30 June and was due 45 days later, on 14 August; LOCAL 1's next
    # year (2024/25) has not yet ended.
    assert overdue == [("NI 15", "E1", "2024-Q2"), ("NI 15", "E2", "2024-Q2")]


def test_status_text_summary(files):
    result = invoke("status", files["values"], "--targets", files["targets"])
    assert result.exit_code == 0, result.output
    assert "Indicator status" in result.stdout
    assert "amber" in result.stdout


def test_status_without_polarity_gives_no_rating(tmp_path):
    values = tmp_path / "values.csv"
    values.write_text("indicator,area,period,value\nX,A,2024,1\nX,A,2025,2\n", encoding="utf-8")
    targets = tmp_path / "targets.csv"
    targets.write_text("indicator,area,period,target\nX,A,2025,3\n", encoding="utf-8")
    result = invoke("status", values, "--targets", targets, "--format", "json")
    record = json.loads(result.stdout)["results"][0]
    assert record["rag"] is None
    assert record["rag_rule"]["name"] == "rag_no_polarity"
    assert record["direction"]["previous"]["direction"] == "increasing"


def errors_of(result):
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_mixed_periods_and_duplicates_are_located(tmp_path):
    values = tmp_path / "values.csv"
    values.write_text(
        "indicator,area,period,value\n"
        "NI 15,E1,2024-Q1,1\n"
        "NI 15,E1,2024-04,2\n"
        "NI 15,E1,2024-Q1,3\n"
        "NI 15,E2,2024-13,4\n"
        "NI 15,E2,2024-Q2,many\n",
        encoding="utf-8",
    )
    result = invoke("status", values, "--format", "json")
    assert result.exit_code == 2
    lines = errors_of(result)
    assert lines[0].startswith(f"{values}:5:period: ") and "'2024-13'" in lines[0]
    assert lines[1].startswith(f"{values}:6:value: ")
    # Cell errors stop the reading before series are checked; fix them and rerun.
    values.write_text(
        "indicator,area,period,value\nNI 15,E1,2024-Q1,1\nNI 15,E1,2024-04,2\nNI 15,E1,2024-Q1,3\n",
        encoding="utf-8",
    )
    result = invoke("status", values, "--format", "json")
    assert result.exit_code == 2
    lines = errors_of(result)
    assert lines[0].startswith(f"{values}:3:period: 2024-04 is a month period")
    assert lines[1] == f"{values}:4:period: NI 15 for E1 in 2024-Q1 repeats row 2"


def test_unknown_polarity_is_located(files, tmp_path):
    indicators = tmp_path / "indicators.csv"
    indicators.write_text(
        "indicator,title,polarity\nA,First,higher_is_better\nB,Second,up\nA,Again,lower_is_better\n",
        encoding="utf-8",
    )
    result = invoke("status", files["values"], "--indicators", indicators)
    assert result.exit_code == 2
    assert errors_of(result)[0].startswith(f"{indicators}:3:polarity: 'up' is not one of")


def test_target_period_format_must_match(files, tmp_path):
    targets = tmp_path / "targets.csv"
    targets.write_text(
        "indicator,area,period,target\nNI 15,E1,2024,9\nNI 15,E1,2024-Q2,9\nNI 15,E1,2024-Q2,8\n",
        encoding="utf-8",
    )
    result = invoke("status", files["values"], "--targets", targets)
    assert result.exit_code == 2
    assert errors_of(result) == [
        f"{targets}:2:period: 2024 is a year period but the values of NI 15 for E1 are "
        "quarter periods",
        f"{targets}:4:period: target for NI 15 for E1 in 2024-Q2 repeats row 3",
    ]


def test_interval_problems_are_located(tmp_path):
    values = tmp_path / "values.csv"
    values.write_text(
        "indicator,area,period,value,lower,upper\nA,X,2024,5,6,7\nA,X,2025,5,4,\n",
        encoding="utf-8",
    )
    result = invoke("status", values)
    assert result.exit_code == 2
    assert errors_of(result) == [
        f"{values}:2:value: 5.0 is outside its interval 6.0 to 7.0",
        f"{values}:3:upper: lower and upper must be given together",
    ]


def test_bad_as_of(files):
    result = invoke("status", files["values"], "--as-of", "tomorrow")
    assert result.exit_code == 2
    assert "--as-of 'tomorrow'" in result.stderr


def test_missing_file(tmp_path):
    result = invoke("status", tmp_path / "nope.csv")
    assert result.exit_code == 2
    assert "file not found" in result.stderr


def test_catalogue_json():
    result = invoke("catalogue", "--format", "json")
    assert result.exit_code == 0
    output = json.loads(result.stdout)
    assert output["in_force"] == {"from": "2008-04-01", "to": "2011-03-31"}
    codes = [entry["code"] for entry in output["indicators"]]
    assert "NI 15" in codes and len(codes) >= 40
    assert set(output["indicators"][0]) == {"number", "code", "title", "polarity", "unit", "note"}


def test_catalogue_text():
    result = invoke("catalogue")
    assert result.exit_code == 0
    assert "NI 192" in result.stdout


def test_benchmark(files):
    result = invoke(
        "benchmark",
        files["values"],
        "--indicator",
        "NI 15",
        "--period",
        "2024-Q1",
        "--area",
        "E1",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    # Lower is better: E1 (10.6) ranks 1, E2 (13.0) ranks 2; the median is 11.8.
    assert [(r["area"], r["rank"], r["quartile"]) for r in output["areas"]] == [
        ("E1", 1, 1),
        ("E2", 2, 3),
    ]
    assert output["areas"][0]["difference_from_median"] == pytest.approx(-1.2)
    assert output["neighbours"]["nearest"][0]["area"] == "E2"
    text = invoke("benchmark", files["values"], "--indicator", "NI 15", "--period", "2024-Q1")
    assert text.exit_code == 0 and "E2" in text.stdout


def test_benchmark_needs_polarity_and_values(files):
    result = invoke("benchmark", files["values"], "--indicator", "ZZ", "--period", "2024-Q1")
    assert result.exit_code == 2
    assert "ZZ has no polarity" in result.stderr
    result = invoke("benchmark", files["values"], "--indicator", "NI 15", "--period", "2019-Q1")
    assert result.exit_code == 2
    assert "no area has a value" in result.stderr


def test_docs_name_every_command():
    from partnerscope.cli.indicators import app as indicators_app

    docs = (Path(__file__).parents[2] / "docs" / "indicators.md").read_text(encoding="utf-8")
    for command in indicators_app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"partnerscope indicators {name}" in docs
