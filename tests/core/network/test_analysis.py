"""The whole suite on the kite partnership, checked against networkx and by hand."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from partnerscope.core.network import (
    NetworkOptions,
    Organisation,
    Tie,
    analyse_network,
)
from partnerscope.datapackage.network import read_network

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "network"


def kite(options: NetworkOptions):
    organisations, ties = read_network(FIXTURES / "kite_ties.csv", FIXTURES / "kite_nodes.csv")
    return organisations, ties, analyse_network(organisations, ties, options)


def test_kite_partnership_against_networkx() -> None:
    organisations, ties, result = kite(NetworkOptions(symmetrise=True))
    oracle = nx.DiGraph()
    oracle.add_nodes_from(o.id for o in organisations)
    oracle.add_edges_from((t.source, t.target) for t in result.ties)
    network = result.network
    assert network.ties == oracle.number_of_edges() == 36
    assert network.density == pytest.approx(nx.density(oracle))
    assert network.reciprocity == pytest.approx(nx.reciprocity(oracle))
    assert network.paths.average_path_length == pytest.approx(
        nx.average_shortest_path_length(oracle)
    )
    assert network.response.inferred_ties == (("parish", "youth_trust"),)
    assert network.response.rate == pytest.approx(0.9)
    expected = {
        "betweenness": nx.betweenness_centrality(oracle),
        "closeness": nx.closeness_centrality(oracle),
        "pagerank": nx.pagerank(oracle, tol=1e-10, max_iter=1000),
        "in_degree_centrality": nx.in_degree_centrality(oracle),
    }
    for organisation in result.organisations:
        for measure, values in expected.items():
            assert getattr(organisation, measure) == pytest.approx(
                values[organisation.id], abs=1e-6
            )
    in_degrees = dict(oracle.in_degree())
    top = max(in_degrees.values())
    assert network.in_centralization == pytest.approx(
        sum(top - d for d in in_degrees.values()) / 81
    )
    betweenness = expected["betweenness"]
    top_b = max(betweenness.values())
    assert network.betweenness_centralization == pytest.approx(
        sum(top_b - b for b in betweenness.values()) / 9
    )


def test_kite_without_symmetrising_leaves_parish_receiving_only() -> None:
    _, _, result = kite(NetworkOptions())
    parish = next(o for o in result.organisations if o.id == "parish")
    assert (parish.in_degree, parish.out_degree, parish.responded) == (1, 0, False)
    assert result.network.response.inferred_ties == ()


def test_council_dominated_star_by_hand() -> None:
    members = [
        Organisation("council", "council", "county", True),
        Organisation("nhs", "health", "county", True),
        Organisation("police", "police", "county", True),
        Organisation("cvs", "voluntary", "district", False),
    ]
    answers = [
        Tie("council", "nhs", 3, 4, 4),
        Tie("nhs", "council", 3, 3, 4),
        Tie("council", "police", 2, 2, 3),
        Tie("police", "council", 4, 4, 4),
        Tie("council", "cvs", 2, None, 2),
        Tie("nhs", "police", 1, 1, 1),
    ]
    result = analyse_network(members, answers, NetworkOptions(symmetrise=True))
    network = result.network
    # Ties: council <-> nhs, council <-> police, council -> cvs and the inferred cvs -> council.
    assert network.ties == 6
    assert network.response.inferred_ties == (("cvs", "council"),)
    # Every path between two non-council partners runs through the council.
    assert network.council.dependency == 1.0
    assert network.council_removal is not None
    assert network.council_removal.isolates == 3
    by_id = {o.id: o for o in result.organisations}
    assert by_id["council"].cut_point and by_id["council"].betweenness == 1.0
    # Ratings received: council from nhs (3) and police (4); nhs from council (4);
    # police from council (2) and nhs (1, below the threshold but still a rating).
    assert by_id["council"].trust.mean == 3.5
    assert by_id["police"].trust.mean == 1.5
    assert by_id["cvs"].trust.ratings == 0
    assert network.trust.mean == pytest.approx((3.5 + 4 + 1.5) / 3)
    # The council brokers liaison paths between three other sectors.
    assert by_id["council"].brokerage.liaison == 6
    assert network.ei_sector.index == 1.0


def test_sampling_is_reported_and_repeats() -> None:
    members = [Organisation(f"o{i}") for i in range(40)]
    answers = [Tie(f"o{i}", f"o{(i * 7 + 3) % 40}") for i in range(40) if (i * 7 + 3) % 40 != i]
    options = NetworkOptions(sample_sources=10, seed=4)
    first = analyse_network(members, answers, options).to_dict()["network"]
    second = analyse_network(members, answers, options).to_dict()["network"]
    assert first == second
    assert first["betweenness_sampled"] == 10 and first["paths_sampled"] == 10


def test_empty_network() -> None:
    result = analyse_network([], [])
    assert result.to_dict()["network"]["nodes"] == 0
    assert result.network.density == 0.0
    assert result.network.modularity is None
