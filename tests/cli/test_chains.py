"""The `partnerscope chains` commands, run through Typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerscope.cli import app
from partnerscope.cli.output import console, error_console

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep each ``file:row:column`` error on one line, however long the temporary path."""
    for each in (console, error_console):
        monkeypatch.setattr(each, "_width", 1000)


NODES = """chain,id,kind,name,layer,organisation
tp,outcome,outcome,Fewer under-18 conceptions,,
tp,lsp,body,LSP board,strategic,
tp,trust,body,Children's trust,executive,
tp,council,organisation,County council,,
tp,pct,organisation,Primary care trust,,
tp,clinic,service,Sexual health clinic,,pct
tp,nurses,front_line,School nurses,,council
tp,young,people,Young people,,
nt,o2,outcome,Fewer young people not in work or learning,,
nt,college,service,College,,
nt,leavers,people,School leavers,,
"""
LINKS = """chain,from,to,type,owner,indicator,amount,secure_until,frequency,likelihood,impact
tp,lsp,outcome,accountable_to,chair,NI 112,,,,,
tp,trust,lsp,accountable_to,director,NI 112,,,,,
tp,trust,lsp,reports_data_to,analyst,NI 112,,,2,,
tp,council,trust,accountable_to,chief executive,,,,,,
tp,pct,trust,accountable_to,chief executive,NI 112,,,,,
tp,council,nurses,funds,finance,NI 112,50000,2010-03-31,,4,4
tp,pct,clinic,funds,commissioner,NI 112,120000,,,,
tp,clinic,young,delivers_to,manager,NI 112,,,,,
tp,nurses,young,delivers_to,,NI 112,,,,,
tp,nurses,clinic,refers_to,lead nurse,NI 112,,,,,
nt,college,o2,accountable_to,principal,NI 117,,,,,
nt,college,leavers,delivers_to,principal,NI 117,,,,,
"""
RATINGS = """chain,participant,level,question,rating,from,to
tp,ann,strategic,q01,green,,
tp,bob,strategic,q01,green,,
tp,cat,operational,q01,amber,,
tp,cat,operational,q05,red,council,nurses
tp,bob,strategic,q05,red,council,nurses
nt,dan,operational,q02,green,,
"""


def write(folder: Path, name: str, content: str) -> str:
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return str(path)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    return {
        "nodes": write(tmp_path, "nodes.csv", NODES),
        "links": write(tmp_path, "links.csv", LINKS),
        "ratings": write(tmp_path, "ratings.csv", RATINGS),
        "relationships": write(tmp_path, "ties.csv", "from,to,level,trust\ncouncil,pct,1,3\n"),
        "indicators": write(tmp_path, "status.csv", "indicator,rag\nNI 112,red\nNI 117,green\n"),
    }


def test_analyse_json(files: dict[str, str]) -> None:
    result = runner.invoke(
        app,
        [
            "chains",
            "analyse",
            files["nodes"],
            files["links"],
            "--ratings",
            files["ratings"],
            "--target-date",
            "2011-03-31",
            "--relationships",
            files["relationships"],
            "--indicators",
            files["indicators"],
            "--min-group-size",
            "1",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    tp, nt = document["chains"]
    assert tp["chain"] == "tp" and tp["outcome"] == "outcome"
    assert len(tp["paths"]) == 3
    assert tp["longest_path"] == ["outcome", "lsp", "trust", "council", "nurses", "clinic", "young"]
    assert [p["node"] for p in tp["single_points_of_failure"]] == ["lsp", "trust"]
    weak = {(w["from"], w["to"]): w["rules"] for w in tp["weak_links"]}
    assert weak[("council", "nurses")] == ["DC-F02", "DC-W01", "DC-W02"]
    assert weak[("nurses", "clinic")] == ["DC-X01"]
    assert tp["strength"] == pytest.approx(1 / 12)
    assert tp["questions"][0]["by_level"]["strategic"]["green"] == 2
    assert {f["rule"] for f in tp["findings"]} >= {"DC-S01", "DC-S02", "DC-S04", "DC-X02"}
    assert nt["paths"] == [["o2", "college", "leavers"]]
    assert nt["strength"] == pytest.approx(1 / 12)
    assert {rule["id"] for rule in document["rules"]} >= {"DC-W01", "DC-X02"}


def test_analyse_text_summary(files: dict[str, str]) -> None:
    result = runner.invoke(app, ["chains", "analyse", files["nodes"], files["links"]])
    assert result.exit_code == 0, result.output
    assert "Weak links" in result.stdout
    assert "Single points of failure" in result.stdout


def test_questions_json() -> None:
    result = runner.invoke(app, ["chains", "questions", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [q["id"] for q in document["questions"]] == [f"q{i:02d}" for i in range(1, 13)]
    assert {"title", "source", "scale"} <= set(document)


def test_questions_text() -> None:
    result = runner.invoke(app, ["chains", "questions"])
    assert result.exit_code == 0
    assert "q12" in result.stdout


def test_rules_json() -> None:
    result = runner.invoke(app, ["chains", "rules", "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["rules"]) == 12


def errors_of(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_bad_nodes_and_links_get_located_errors(tmp_path: Path) -> None:
    nodes = write(
        tmp_path,
        "nodes.csv",
        "chain,id,kind,name\n"
        "a,o,outcome,Outcome\n"
        "a,s,service,Service\n"
        "b,s,service,No outcome here\n"
        "a,s,body,Twice\n"
        "a,x,planet,Bad kind\n",
    )
    links = write(
        tmp_path,
        "links.csv",
        "chain,from,to,type,amount\n"
        "a,s,o,accountable_to,\n"
        "a,s,ghost,funds,10\n"
        "a,s,o,emails,\n"
        "a,s,o,delivers_to,5\n"
        "c,s,o,funds,\n",
    )
    result = runner.invoke(app, ["chains", "analyse", nodes, links, "--format", "json"])
    assert result.exit_code == 2
    assert errors_of(result) == [
        f"{nodes}:6:kind: 'planet' is not one of outcome, body, organisation, service, "
        "front_line, people",
        f"{links}:4:type: 'emails' is not one of accountable_to, funds, commissions, "
        "reports_data_to, delivers_to, refers_to",
    ]
    fixed_nodes = write(tmp_path, "nodes2.csv", "\n".join(NODES_WITH_PROBLEMS) + "\n")
    fixed_links = write(tmp_path, "links2.csv", "\n".join(LINKS_WITH_PROBLEMS) + "\n")
    result = runner.invoke(app, ["chains", "analyse", fixed_nodes, fixed_links])
    assert result.exit_code == 2
    assert errors_of(result) == [
        f"{fixed_nodes}:5:id: node 's' is already in chain 'a' (row 3)",
        f"{fixed_nodes}:6:layer: only a body sits in a governance layer",
        f"{fixed_nodes}:4:kind: chain 'b' has no outcome node",
        f"{fixed_links}:3:to: chain 'a' has no node 'ghost'",
        f"{fixed_links}:4:amount: amount applies only to funds links",
        f"{fixed_links}:5:chain: chain 'c' has no nodes in the nodes file",
        f"{fixed_links}:6:type: this accountable_to link is already given (row 2)",
        f"{fixed_links}:7:impact: a risk needs both likelihood and impact",
    ]


NODES_WITH_PROBLEMS = [
    "chain,id,kind,name,layer",
    "a,o,outcome,Outcome,",
    "a,s,service,Service,",
    "b,s,service,No outcome here,",
    "a,s,body,Twice,",
    "a,f,front_line,Front line,operational",
]
LINKS_WITH_PROBLEMS = [
    "chain,from,to,type,amount,likelihood,impact",
    "a,s,o,accountable_to,,,",
    "a,s,ghost,funds,10,,",
    "a,s,o,delivers_to,5,,",
    "c,s,o,funds,,,",
    "a,s,o,accountable_to,,,",
    "a,o,s,commissions,,3,",
]


def test_bad_ratings_get_located_errors(files: dict[str, str], tmp_path: Path) -> None:
    ratings = write(
        tmp_path,
        "bad_ratings.csv",
        "chain,participant,level,question,rating,from,to\n"
        "tp,ann,strategic,q01,green,,\n"
        "tp,ann,operational,q02,green,,\n"
        "tp,ann,strategic,q01,red,,\n"
        "tp,bob,strategic,q13,red,,\n"
        "tp,bob,strategic,q03,red,young,lsp\n"
        "tp,bob,strategic,q04,red,council,\n"
        "zz,bob,strategic,q04,red,,\n",
    )
    result = runner.invoke(
        app, ["chains", "analyse", files["nodes"], files["links"], "--ratings", ratings]
    )
    assert result.exit_code == 2
    lines = errors_of(result)
    assert lines[0].startswith(f"{ratings}:5:question: 'q13' is not one of q01")
    mended = fixed_ratings(ratings)
    result = runner.invoke(
        app, ["chains", "analyse", files["nodes"], files["links"], "--ratings", mended]
    )
    assert result.exit_code == 2
    assert errors_of(result) == [
        f"{ratings}:3:level: participant 'ann' is strategic at row 2",
        f"{ratings}:4:question: participant 'ann' already rated q01 (row 2)",
        f"{ratings}:6:from: chain 'tp' has no link young -> lsp",
        f"{ratings}:7:to: a link rating needs both from and to",
        f"{ratings}:8:chain: no chain 'zz'",
    ]


def fixed_ratings(path: str) -> str:
    """The same file with its one unparseable cell mended, so cross-row checks run."""
    text = Path(path).read_text(encoding="utf-8").replace("q13", "q12")
    Path(path).write_text(text, encoding="utf-8")
    return path


def test_bad_target_date_and_missing_file(files: dict[str, str], tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["chains", "analyse", files["nodes"], files["links"], "--target-date", "31/03/2011"]
    )
    assert result.exit_code == 2
    assert "--target-date" in result.stderr
    missing = str(tmp_path / "nowhere.csv")
    result = runner.invoke(app, ["chains", "analyse", missing, files["links"]])
    assert result.exit_code == 2
    assert errors_of(result) == [f"{missing}:0:: file not found"]


def test_analyse_withholds_a_level_split_few_rated(files: dict[str, str], tmp_path: Path) -> None:
    """Five strategic and six operational participants rate q01; only one strategic rates
    q02. The level split shows for q01 but not for q02, whose strategic counts would be
    that one person's rating."""
    rows = ["chain,participant,level,question,rating,from,to"]
    rows += [f"tp,s{i},strategic,q01,green,," for i in range(5)]
    rows += [f"tp,o{i},operational,q01,amber,," for i in range(6)]
    rows += ["tp,s0,strategic,q02,red,,"]
    rows += [f"tp,o{i},operational,q02,green,," for i in range(6)]
    ratings = write(tmp_path, "few.csv", "\n".join(rows) + "\n")
    result = runner.invoke(
        app,
        ["chains", "analyse", files["nodes"], files["links"], "--ratings", ratings]
        + ["--min-group-size", "5", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    first, second = json.loads(result.stdout)["chains"][0]["questions"][:2]
    assert first["by_level"]["strategic"]["green"] == 5
    assert second["by_level"] == {"strategic": None, "operational": None}
    assert second["counts"]["red"] == 1 and second["counts"]["green"] == 6
