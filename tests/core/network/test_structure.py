"""Constraint, cut points, fragmentation and communities against networkx."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings

from partnerscope.core.network import (
    NetworkOptions,
    Organisation,
    Tie,
    build_graph,
    constraint,
    cut_points,
    detect_communities,
    fragmentation,
)
from tests.core.network.strategies import Case, cases, to_networkx

FAST = settings(max_examples=60, deadline=None)


@FAST
@given(cases(weighted=False))
def test_constraint_agrees_with_networkx_default(case: Case) -> None:
    expected = nx.constraint(to_networkx(case.graph))
    for organisation, found in zip(case.graph.ids, constraint(case.graph), strict=True):
        if math.isnan(expected[organisation]):
            assert found is None
        else:
            assert found == pytest.approx(expected[organisation], abs=1e-6)


@FAST
@given(cases(weighted=True))
def test_constraint_agrees_with_networkx_weighted(case: Case) -> None:
    expected = nx.constraint(to_networkx(case.graph), weight="weight")
    for organisation, found in zip(case.graph.ids, constraint(case.graph), strict=True):
        if math.isnan(expected[organisation]):
            assert found is None
        else:
            assert found == pytest.approx(expected[organisation], abs=1e-6)


@FAST
@given(cases())
def test_cut_points_are_networkx_articulation_points(case: Case) -> None:
    oracle = to_networkx(case.graph).to_undirected()
    expected = set(nx.articulation_points(oracle))
    found = {o for o, cut in zip(case.graph.ids, cut_points(case.graph), strict=True) if cut}
    assert found == expected


@FAST
@given(cases())
def test_fragmentation_agrees_with_networkx(case: Case) -> None:
    removed = case.graph.mask(case.graph.ids[::3])
    oracle = to_networkx(case.graph).to_undirected()
    rest = oracle.subgraph([o for o, out in zip(case.graph.ids, removed, strict=True) if not out])
    found = fragmentation(case.graph, removed)
    assert found.remaining == rest.number_of_nodes()
    if found.remaining == 0:
        return
    parts = list(nx.connected_components(rest))
    assert found.components == len(parts)
    assert found.largest_component == max(len(part) for part in parts)
    assert found.isolates == len(list(nx.isolates(rest)))
    assert set(found.newly_isolated) == set(nx.isolates(rest)) - set(nx.isolates(oracle))


@FAST
@given(cases())
def test_modularity_agrees_with_networkx_on_the_found_partition(case: Case) -> None:
    found = detect_communities(case.graph, seed=5)
    ids = case.graph.ids
    assert sorted(set(found.membership)) == list(range(1, found.count + 1))
    oracle = to_networkx(case.graph)
    projection = nx.Graph()
    projection.add_nodes_from(oracle)
    for source, target, data in oracle.edges(data=True):
        previous = projection.get_edge_data(source, target, {"weight": 0.0})["weight"]
        projection.add_edge(source, target, weight=previous + data["weight"])
    groups = [
        {ids[v] for v, label in enumerate(found.membership) if label == community}
        for community in range(1, found.count + 1)
    ]
    if projection.number_of_edges() == 0:
        assert found.modularity is None
        return
    expected = nx.community.modularity(projection, groups, weight="weight")
    assert found.modularity == pytest.approx(expected, abs=1e-6)


@FAST
@given(cases())
def test_communities_repeat_with_the_same_seed(case: Case) -> None:
    assert detect_communities(case.graph, seed=9) == detect_communities(case.graph, seed=9)


def test_communities_are_numbered_largest_first() -> None:
    ties = [Tie(a, b) for a, b in ("xy", "ab", "bc", "ca", "cd", "da")]
    found = detect_communities(build_graph([], ties, NetworkOptions(directed=False)))
    assert found.membership[0] == found.membership[1] == 2
    assert found.count == 2


def test_an_isolate_removed_from_a_star_leaves_the_rest_whole() -> None:
    graph = build_graph(
        [Organisation("alone")], [Tie("hub", leaf) for leaf in "abc"] + [Tie("a", "b")]
    )
    found = fragmentation(graph, graph.mask(["hub"]))
    assert (found.components, found.largest_component, found.isolates) == (3, 2, 2)
    assert found.newly_isolated == ("c",)
    assert found.largest_component_share == pytest.approx(2 / 4)
