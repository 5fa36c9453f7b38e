"""E–I index by hand."""

from __future__ import annotations

import pytest

from partnerscope.core.network import NetworkOptions, Tie, build_graph, ei_index

TIES = [("H1", "C1"), ("C1", "C2"), ("C2", "C1"), ("C1", "P1"), ("C1", "H2"), ("H1", "H2")]
SECTOR = {"C1": "council", "C2": "council", "H1": "health", "H2": "health", "P1": "police"}
TIER = {"C1": "county", "C2": "district", "H1": "county", "H2": "district", "P1": "county"}


def test_sector_e_i_index_by_hand() -> None:
    # External: H1-C1, C1-P1, C1-H2 (3); internal: C1-C2, C2-C1, H1-H2 (3).
    graph = build_graph([], [Tie(a, b) for a, b in TIES])
    found = ei_index(graph, [SECTOR[o] for o in graph.ids])
    assert (found.external, found.internal, found.index) == (3, 3, 0.0)


def test_tier_e_i_index_by_hand() -> None:
    # County-district ties: C1-C2, C2-C1, C1-H2, H1-H2 (4); within a tier: H1-C1, C1-P1 (2).
    graph = build_graph([], [Tie(a, b) for a, b in TIES])
    found = ei_index(graph, [TIER[o] for o in graph.ids])
    assert found.index == pytest.approx((4 - 2) / 6)


def test_undirected_pairs_count_once_and_unknown_groups_are_left_out() -> None:
    graph = build_graph([], [Tie(a, b) for a, b in TIES], NetworkOptions(directed=False))
    groups = [None if o == "P1" else SECTOR[o] for o in graph.ids]
    found = ei_index(graph, groups)
    assert (found.external, found.internal) == (2, 2)
    assert found.to_dict() == {"index": 0.0, "external": 2, "internal": 2}


def test_no_ties_no_index() -> None:
    assert ei_index(build_graph([], []), []).index is None
