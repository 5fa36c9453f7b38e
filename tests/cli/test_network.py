"""The `partnerscope network` commands, run through Typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from partnerscope.cli import app
from partnerscope.cli.output import console, error_console

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "network"
KITE_TIES = str(FIXTURES / "kite_ties.csv")
KITE_NODES = str(FIXTURES / "kite_nodes.csv")


@pytest.fixture(autouse=True)
def wide_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep each ``file:row:column`` error on one line, however long the temporary path."""
    for each in (console, error_console):
        monkeypatch.setattr(each, "_width", 1000)


def run_json(*arguments: str) -> dict:
    result = runner.invoke(app, [*arguments, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_metrics_json_has_the_documented_keys() -> None:
    result = run_json("network", "metrics", KITE_TIES, "--nodes", KITE_NODES)
    network = result["network"]
    for key in (
        "nodes",
        "ties",
        "density",
        "reciprocity",
        "in_centralization",
        "out_centralization",
        "betweenness_centralization",
        "components",
        "modularity",
        "average_path_length",
        "diameter",
        "response_rate",
        "inferred_ties",
        "ei_index",
        "trust",
        "value",
        "council",
    ):
        assert key in network, key
    node = result["nodes"][0]
    for key in (
        "id",
        "in_degree",
        "out_degree",
        "betweenness",
        "closeness",
        "pagerank",
        "constraint",
        "cut_point",
        "community",
        "brokerage",
    ):
        assert key in node, key
    assert network["nodes"] == 10 and network["min_level"] == 2


def test_metrics_agree_with_networkx_on_the_plain_file(tmp_path: Path) -> None:
    ties = write(tmp_path, "ties.csv", "from,to\na,b\nb,c\nc,a\nc,d\n")
    result = run_json("network", "metrics", ties)
    oracle = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    betweenness = nx.betweenness_centrality(oracle)
    assert result["network"]["density"] == pytest.approx(nx.density(oracle))
    for node in result["nodes"]:
        assert node["betweenness"] == pytest.approx(betweenness[node["id"]])


def test_undirected_gives_degree_instead_of_in_and_out() -> None:
    result = run_json("network", "metrics", KITE_TIES, "--nodes", KITE_NODES, "--undirected")
    assert "degree_centralization" in result["network"]
    assert "in_centralization" not in result["network"]
    assert "degree" in result["nodes"][0] and "in_degree" not in result["nodes"][0]
    assert result["network"]["reciprocity"] is None


def test_min_level_and_symmetrise_change_the_ties() -> None:
    plain = run_json("network", "metrics", KITE_TIES, "--nodes", KITE_NODES)
    low = run_json("network", "metrics", KITE_TIES, "--nodes", KITE_NODES, "--min-level", "1")
    filled = run_json("network", "metrics", KITE_TIES, "--nodes", KITE_NODES, "--symmetrise")
    assert low["network"]["ties"] == plain["network"]["ties"] + 3
    assert filled["network"]["inferred_ties"] == [["parish", "youth_trust"]]
    assert filled["network"]["ties"] == plain["network"]["ties"] + 1


def test_sample_is_reported() -> None:
    result = run_json(
        "network", "metrics", KITE_TIES, "--nodes", KITE_NODES, "--sample", "4", "--seed", "1"
    )
    assert result["network"]["betweenness_sampled"] == 4
    assert result["network"]["council"]["sampled"] is not None


def test_text_summary() -> None:
    result = runner.invoke(app, ["network", "metrics", KITE_TIES, "--nodes", KITE_NODES])
    assert result.exit_code == 0, result.output
    assert "Partnership network" in result.stdout and "county_council" in result.stdout


def test_bad_rows_give_file_row_column_errors(tmp_path: Path) -> None:
    nodes = write(tmp_path, "nodes.csv", "id,sector,responded\na,council,yes\nb,health,maybe\n")
    ties = write(
        tmp_path,
        "ties.csv",
        "from,to,level,trust\na,b,5,2\nb,b,2,2\n\na,b,2,9\nc,a,2,1\n",
    )
    result = runner.invoke(app, ["network", "metrics", ties, "--nodes", nodes])
    assert result.exit_code == 2
    assert f"{nodes}:3:responded: 'maybe' is not yes or no" in result.stderr
    nodes = write(tmp_path, "nodes.csv", "id,sector\na,council\nb,health\n")
    result = runner.invoke(app, ["network", "metrics", ties, "--nodes", nodes])
    assert result.exit_code == 2
    assert f"{ties}:2:level: 5 is not between 0 and 4" in result.stderr
    assert f"{ties}:5:trust: 9 is not between 1 and 4" in result.stderr
    fixed = write(tmp_path, "ties.csv", "from,to\na,b\nb,b\n\na,b\nc,a\n")
    result = runner.invoke(app, ["network", "metrics", fixed, "--nodes", nodes])
    assert result.exit_code == 2
    assert f"{fixed}:3:to: a tie from 'b' to itself is not allowed" in result.stderr
    assert f"{fixed}:5:to: the tie a -> b is already given on row 2" in result.stderr
    assert f"{fixed}:6:from: 'c' is not an id in {nodes}" in result.stderr


def test_missing_columns_and_files(tmp_path: Path) -> None:
    ties = write(tmp_path, "ties.csv", "source,target\na,b\n")
    result = runner.invoke(app, ["network", "metrics", ties])
    assert result.exit_code == 2
    assert f"{ties}:1:from: required column is missing" in result.stderr
    result = runner.invoke(app, ["network", "metrics", str(tmp_path / "absent.csv")])
    assert result.exit_code == 2 and "file not found" in result.stderr


def test_exact_and_sample_together_are_refused() -> None:
    result = runner.invoke(app, ["network", "metrics", KITE_TIES, "--exact", "--sample", "3"])
    assert result.exit_code == 2
    assert "--exact and --sample" in result.stderr


def test_compare(tmp_path: Path) -> None:
    before = write(tmp_path, "before.csv", "from,to,level\na,b,3\nb,c,2\nc,d,1\n")
    after = write(tmp_path, "after.csv", "from,to,level\na,b,3\nb,d,2\nc,d,2\n")
    result = run_json("network", "compare", before, after)
    assert result["new_ties"] == [["b", "d"], ["c", "d"]]
    assert result["lost_ties"] == [["b", "c"]]
    # d is named in the first wave, by a level-1 answer that does not count as a tie.
    assert result["joined"] == [] and result["no_longer_isolated"] == ["d"]
    assert result["change"]["ties"] == 1
    text = runner.invoke(app, ["network", "compare", before, after])
    assert text.exit_code == 0 and "Change between waves" in text.stdout


def test_export_writes_files_that_parse(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_json("network", "export", KITE_TIES, str(out), "--nodes", KITE_NODES)
    names = sorted(Path(path).name for path in result["files"])
    assert names == ["edges.csv", "network.gexf", "network.graphml", "nodes.csv"]
    graph = nx.read_gexf(out / "network.gexf")
    assert graph.number_of_nodes() == 10
    only = run_json("network", "export", KITE_TIES, str(tmp_path / "g"), "--no-graphml", "--no-csv")
    assert [Path(path).name for path in only["files"]] == ["network.gexf"]
