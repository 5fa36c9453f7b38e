"""Density, reciprocity, components and path lengths against networkx."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings

from partnerscope.core.network import (
    NetworkOptions,
    Organisation,
    Tie,
    build_graph,
    choose_sources,
    density,
    path_summary,
    path_totals,
    reciprocity,
    weak_components,
)
from tests.core.network.strategies import Case, cases, to_networkx

FAST = settings(max_examples=60, deadline=None)


@FAST
@given(cases())
def test_density_agrees_with_networkx(case: Case) -> None:
    assert density(case.graph) == pytest.approx(nx.density(to_networkx(case.graph)), abs=1e-12)


@FAST
@given(cases(directed=True))
def test_reciprocity_agrees_with_networkx(case: Case) -> None:
    oracle = to_networkx(case.graph)
    expected = nx.reciprocity(oracle) if oracle.number_of_edges() else None
    assert reciprocity(case.graph) == pytest.approx(expected, abs=1e-12)


def test_reciprocity_is_not_defined_undirected() -> None:
    graph = build_graph([], [Tie("a", "b")], NetworkOptions(directed=False))
    assert reciprocity(graph) is None


@FAST
@given(cases())
def test_weak_components_agree_with_networkx(case: Case) -> None:
    oracle = to_networkx(case.graph)
    parts = list(
        nx.weakly_connected_components(oracle)
        if oracle.is_directed()
        else nx.connected_components(oracle)
    )
    found = weak_components(case.graph)
    assert found.count == len(parts)
    assert found.largest == max(len(part) for part in parts)
    assert found.isolates == len(list(nx.isolates(oracle)))


def reachable_distances(oracle: nx.Graph) -> list[int]:
    """Every finite distance between ordered pairs of distinct nodes."""
    return [
        distance
        for source, lengths in nx.all_pairs_shortest_path_length(oracle)
        for target, distance in lengths.items()
        if target != source
    ]


@FAST
@given(cases())
def test_average_path_and_diameter_over_reachable_pairs(case: Case) -> None:
    oracle = to_networkx(case.graph)
    distances = reachable_distances(oracle)
    found = path_summary(path_totals(case.graph, None), case.graph.size)
    size = case.graph.size
    if not distances:
        assert found.average_path_length is None and found.diameter is None
        return
    assert found.average_path_length == pytest.approx(sum(distances) / len(distances))
    assert found.diameter == max(distances)
    assert found.reachability == pytest.approx(len(distances) / (size * (size - 1)))
    assert found.sampled is None


@FAST
@given(cases())
def test_connected_networks_agree_with_networkx_path_functions(case: Case) -> None:
    oracle = to_networkx(case.graph)
    connected = (
        nx.is_strongly_connected(oracle) if oracle.is_directed() else nx.is_connected(oracle)
    )
    if case.graph.size < 2 or not connected:
        return
    found = path_summary(path_totals(case.graph, None), case.graph.size)
    assert found.average_path_length == pytest.approx(nx.average_shortest_path_length(oracle))
    assert found.diameter == nx.diameter(oracle)


@FAST
@given(cases())
def test_sampled_paths_use_only_the_sampled_sources(case: Case) -> None:
    size = case.graph.size
    wanted = max(1, size // 3)
    sources = choose_sources(size, NetworkOptions(sample_sources=wanted, seed=7))
    if sources is None:
        assert wanted >= size
        return
    oracle = to_networkx(case.graph)
    ids = case.graph.ids
    distances = [
        distance
        for source in sources
        for target, distance in nx.single_source_shortest_path_length(oracle, ids[source]).items()
        if target != ids[source]
    ]
    found = path_summary(path_totals(case.graph, sources), size)
    assert found.sampled == wanted
    if distances:
        assert found.average_path_length == pytest.approx(sum(distances) / len(distances))
        assert found.diameter == max(distances)


def test_sources_are_sampled_by_size_and_repeat() -> None:
    options = NetworkOptions(exact_limit=100, auto_sample=10, seed=3)
    assert choose_sources(100, options) is None
    first = choose_sources(101, options)
    assert first is not None and len(first) == 10 and len(set(first.tolist())) == 10
    assert first.tolist() == choose_sources(101, options).tolist()
    assert choose_sources(5, NetworkOptions(sample_sources=5)) is None


def test_empty_and_single_networks() -> None:
    empty = build_graph([], [])
    assert density(empty) == 0.0
    assert weak_components(empty).count == 0
    single = build_graph([Organisation("a")], [])
    assert density(single) == 0.0
    assert path_summary(path_totals(single, None), 1).average_path_length is None


def test_a_long_chain_is_searched_to_the_end() -> None:
    names = [f"n{i}" for i in range(300)]
    graph = build_graph([], [Tie(a, b) for a, b in itertools.pairwise(names)])
    found = path_summary(path_totals(graph, None), graph.size)
    assert found.diameter == 299
