"""Known values on Zachary's karate club and Padgett's Florentine families.

The fixtures are written by ``tests/fixtures/network/generate.py`` from networkx's built-in
graphs; the first test checks they still match. Rounded published values are checked
literally, and every organisation's measures against networkx.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import networkx as nx
import pytest

from partnerscope.core.network import NetworkOptions, NetworkResult, analyse_network
from partnerscope.datapackage.network import read_network
from tests.fixtures.network import generate

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "network"
UNDIRECTED = NetworkOptions(directed=False)


def load(name: str, options: NetworkOptions = UNDIRECTED) -> NetworkResult:
    organisations, ties = read_network(
        FIXTURES / f"{name}_ties.csv", FIXTURES / f"{name}_nodes.csv"
    )
    return analyse_network(organisations, ties, options)


def test_fixtures_are_what_the_generator_writes(tmp_path: Path) -> None:
    for make in (generate.karate, generate.florentine, generate.kite):
        make(tmp_path)
    for written in tmp_path.iterdir():
        assert written.read_bytes() == (FIXTURES / written.name).read_bytes(), written.name


def test_karate_club_published_values() -> None:
    result = load("karate")
    network = result.network
    nodes = {o.id: o for o in result.organisations}
    assert (network.organisations, network.ties) == (34, 78)
    assert network.density == pytest.approx(0.1390, abs=1e-4)
    assert network.paths.average_path_length == pytest.approx(2.4082, abs=1e-4)
    assert network.paths.diameter == 5
    assert nodes["0"].betweenness == pytest.approx(0.4376, abs=1e-4)
    assert nodes["33"].betweenness == pytest.approx(0.3041, abs=1e-4)
    assert nodes["0"].closeness == pytest.approx(0.5690, abs=1e-4)
    assert [o.id for o in result.organisations if o.cut_point] == ["0"]
    # The best known modularity partition of the karate club: Q = 0.4198, four groups.
    assert network.modularity == pytest.approx(0.4198, abs=1e-4)
    assert network.communities == 4


def test_florentine_families_published_values() -> None:
    result = load("florentine")
    nodes = {o.id: o for o in result.organisations}
    assert (result.network.organisations, result.network.ties) == (15, 20)
    assert result.network.density == pytest.approx(0.1905, abs=1e-4)
    assert nodes["Medici"].betweenness == pytest.approx(0.5220, abs=1e-4)
    assert nodes["Medici"].in_degree == 6
    cut = sorted(o.id for o in result.organisations if o.cut_point)
    assert cut == ["Albizzi", "Guadagni", "Medici", "Salviati"]
    assert result.network.paths.diameter == 5


@pytest.mark.parametrize("name", ["karate", "florentine"])
def test_every_measure_agrees_with_networkx(name: str) -> None:
    result = load(name)
    oracle = nx.Graph()
    oracle.add_nodes_from(o.id for o in result.organisations)
    oracle.add_edges_from((t.source, t.target) for t in result.ties)
    expected = {
        "degree": nx.degree_centrality(oracle),
        "betweenness": nx.betweenness_centrality(oracle),
        "closeness": nx.closeness_centrality(oracle),
        "pagerank": nx.pagerank(oracle, tol=1e-10, max_iter=1000),
        "constraint": nx.constraint(oracle),
    }
    for organisation in result.organisations:
        found = {
            "degree": organisation.in_degree_centrality,
            "betweenness": organisation.betweenness,
            "closeness": organisation.closeness,
            "pagerank": organisation.pagerank,
            "constraint": organisation.constraint,
        }
        for measure, values in expected.items():
            assert found[measure] == pytest.approx(values[organisation.id], abs=1e-6), measure
    degrees = dict(oracle.degree())
    top, size = max(degrees.values()), len(degrees)
    freeman = sum(top - d for d in degrees.values()) / ((size - 1) * (size - 2))
    assert result.network.degree_centralization == pytest.approx(freeman)
    club = {o.id: o.sector for o in result.organisations}
    if name == "karate":
        across = sum(club[a] != club[b] for a, b in oracle.edges)
        assert result.network.ei_sector.index == pytest.approx((2 * across - 78) / 78)


def test_results_are_json_and_keep_the_documented_keys() -> None:
    result = load("karate").to_dict()
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    assert {"degree", "degree_centralization"} <= set(result["nodes"][0]) | set(result["network"])
    assert "in_degree" not in result["nodes"][0]
    directed = load("kite", NetworkOptions()).to_dict()
    for key in ("in_centralization", "out_centralization", "betweenness_centralization"):
        assert key in directed["network"]
    assert "degree_centralization" not in directed["network"]
    node = directed["nodes"][0]
    for key in ("in_degree", "out_degree", "betweenness", "closeness", "pagerank", "constraint"):
        assert key in node and not (isinstance(node[key], float) and math.isnan(node[key]))
