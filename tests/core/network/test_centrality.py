"""Degree, betweenness, closeness, PageRank and centralisation against networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings

from partnerscope.core.network import (
    NetworkOptions,
    Tie,
    betweenness,
    betweenness_centralisation,
    build_graph,
    choose_sources,
    closeness,
    degree_centralisation,
    degrees,
    pagerank,
    path_totals,
)
from tests.core.network.strategies import Case, cases, to_networkx

FAST = settings(max_examples=60, deadline=None)


def in_order(values: dict[str, float], ids: tuple[str, ...]) -> list[float]:
    return [values[organisation] for organisation in ids]


@FAST
@given(cases())
def test_degrees_agree_with_networkx(case: Case) -> None:
    oracle = to_networkx(case.graph)
    ids = case.graph.ids
    found = degrees(case.graph)
    if oracle.is_directed():
        assert found.in_degree.tolist() == in_order(dict(oracle.in_degree()), ids)
        assert found.out_degree.tolist() == in_order(dict(oracle.out_degree()), ids)
        in_strength = dict(oracle.in_degree(weight="weight"))
        assert found.in_strength.tolist() == pytest.approx(in_order(in_strength, ids))
        expected = in_order(nx.in_degree_centrality(oracle), ids)
        assert found.in_centrality.tolist() == pytest.approx(expected)
        expected = in_order(nx.out_degree_centrality(oracle), ids)
        assert found.out_centrality.tolist() == pytest.approx(expected)
    else:
        assert found.in_degree.tolist() == in_order(dict(oracle.degree()), ids)
        assert found.out_strength.tolist() == pytest.approx(
            in_order(dict(oracle.degree(weight="weight")), ids)
        )
        expected = in_order(nx.degree_centrality(oracle), ids)
        assert found.in_centrality.tolist() == pytest.approx(expected)


@FAST
@given(cases())
def test_betweenness_agrees_with_networkx(case: Case) -> None:
    expected = in_order(nx.betweenness_centrality(to_networkx(case.graph)), case.graph.ids)
    assert betweenness(case.graph, None).tolist() == pytest.approx(expected, abs=1e-6)


@FAST
@given(cases())
def test_sampled_betweenness_is_networkx_subset_betweenness_scaled(case: Case) -> None:
    size = case.graph.size
    sources = choose_sources(size, NetworkOptions(sample_sources=max(1, size // 2), seed=1))
    if sources is None or size < 3:
        return
    oracle = to_networkx(case.graph)
    ids = case.graph.ids
    chosen = [ids[v] for v in sources]
    raw = nx.betweenness_centrality_subset(oracle, chosen, list(oracle), normalized=False)
    pairs = 1 if oracle.is_directed() else 2
    scale = pairs * size / len(chosen) / ((size - 1) * (size - 2))
    expected = [raw[organisation] * scale for organisation in ids]
    assert betweenness(case.graph, sources).tolist() == pytest.approx(expected, abs=1e-6)


@FAST
@given(cases())
def test_closeness_agrees_with_networkx(case: Case) -> None:
    expected = in_order(nx.closeness_centrality(to_networkx(case.graph)), case.graph.ids)
    found = closeness(path_totals(case.graph, None))
    assert found.tolist() == pytest.approx(expected, abs=1e-6)


@FAST
@given(cases())
def test_pagerank_agrees_with_networkx_including_dangling(case: Case) -> None:
    oracle = to_networkx(case.graph)
    expected = in_order(nx.pagerank(oracle, alpha=0.85, tol=1e-10, max_iter=10_000), case.graph.ids)
    assert pagerank(case.graph).tolist() == pytest.approx(expected, abs=1e-6)
    assert float(np.sum(pagerank(case.graph))) == pytest.approx(1.0)


def test_pagerank_matches_networkx_defaults_on_a_dangling_star() -> None:
    graph = build_graph([], [Tie("hub", leaf) for leaf in "abcd"])
    expected = in_order(nx.pagerank(to_networkx(graph)), graph.ids)
    assert pagerank(graph).tolist() == pytest.approx(expected, abs=1e-6)


def test_freeman_centralisation_of_stars_is_one() -> None:
    star = build_graph([], [Tie("hub", leaf) for leaf in "abcd"])
    counted = degrees(star)
    assert degree_centralisation(counted.out_degree.tolist(), directed=True) == 1.0
    # In-degrees: the hub 0, each leaf 1, so only the hub falls short of the maximum.
    assert degree_centralisation(counted.in_degree.tolist(), directed=True) == 1 / 16
    undirected = build_graph(
        [], [Tie("hub", leaf) for leaf in "abcd"], NetworkOptions(directed=False)
    )
    assert degree_centralisation(degrees(undirected).in_degree.tolist(), directed=False) == 1.0
    assert betweenness_centralisation(betweenness(undirected, None).tolist()) == 1.0


def test_freeman_centralisation_by_hand() -> None:
    # Path a - b - c - d: degrees 1, 2, 2, 1; betweenness (normalised) 0, 2/3, 2/3, 0.
    assert degree_centralisation([1, 2, 2, 1], directed=False) == pytest.approx(2 / 6)
    assert betweenness_centralisation([0, 2 / 3, 2 / 3, 0]) == pytest.approx((4 / 3) / 3)
    assert degree_centralisation([0, 1], directed=True) == 1.0
    assert degree_centralisation([1, 1], directed=False) is None
    assert betweenness_centralisation([0.0]) is None
