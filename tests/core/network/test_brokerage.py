"""Gould–Fernandez brokerage roles: a hand-worked example and a brute-force oracle."""

from __future__ import annotations

import itertools

from hypothesis import given, settings

from partnerscope.core.network import (
    ROLES,
    BrokerageRoles,
    NetworkOptions,
    Tie,
    brokerage_roles,
    build_graph,
)
from tests.core.network.strategies import Case, cases, to_networkx

SECTORS = {
    "C1": "council",
    "C2": "council",
    "H1": "health",
    "H2": "health",
    "H3": "health",
    "P1": "police",
}
HAND_TIES = [
    ("H1", "C1"),
    ("C1", "C2"),
    ("C2", "C1"),
    ("C1", "P1"),
    ("C1", "H2"),
    ("H1", "H2"),
    ("H2", "H3"),
]


def hand_network(*, directed: bool = True) -> tuple[list[BrokerageRoles], tuple[str, ...]]:
    graph = build_graph([], [Tie(a, b) for a, b in HAND_TIES], NetworkOptions(directed=directed))
    return brokerage_roles(graph, [SECTORS[o] for o in graph.ids]), graph.ids


def test_hand_worked_example_open_two_paths() -> None:
    # Broker C1 has in-neighbours H1, C2 and out-neighbours C2, P1, H2:
    #   H1 -> C1 -> C2  gatekeeper      (health in to the council)
    #   H1 -> C1 -> P1  liaison         (health, council, police)
    #   H1 -> C1 -> H2  consultant, but H1 -> H2 is a tie: closed, not counted
    #   C2 -> C1 -> P1  representative  (council out to police)
    #   C2 -> C1 -> H2  representative  (council out to health)
    #   C2 -> C1 -> C2  not a two-path (a = c)
    # Broker H2 has in-neighbours H1, C1 and out-neighbour H3:
    #   H1 -> H2 -> H3  coordinator; C1 -> H2 -> H3  gatekeeper
    roles, ids = hand_network()
    by_id = dict(zip(ids, roles, strict=True))
    assert by_id["C1"] == BrokerageRoles(gatekeeper=1, representative=2, liaison=1)
    assert by_id["H2"] == BrokerageRoles(coordinator=1, gatekeeper=1)
    assert all(by_id[o] == BrokerageRoles() for o in ("C2", "H1", "H3", "P1"))
    assert by_id["C1"].to_dict()["total"] == 4


def test_hand_worked_example_all_two_paths() -> None:
    graph = build_graph([], [Tie(a, b) for a, b in HAND_TIES])
    roles = brokerage_roles(graph, [SECTORS[o] for o in graph.ids], open_only=False)
    by_id = dict(zip(graph.ids, roles, strict=True))
    assert by_id["C1"] == BrokerageRoles(gatekeeper=1, representative=2, consultant=1, liaison=1)


def test_unknown_sector_paths_are_not_counted() -> None:
    graph = build_graph([], [Tie("a", "b"), Tie("b", "c")])
    assert brokerage_roles(graph, ["x", None, "y"])[1] == BrokerageRoles()
    assert brokerage_roles(graph, [None, "x", "y"])[1] == BrokerageRoles()


def brute_force(case: Case, open_only: bool) -> list[BrokerageRoles]:
    """Enumerate every two-path through every broker and classify it."""
    oracle = to_networkx(case.graph)
    group = {o.id: o.sector for o in case.graph.organisations}
    found = []
    for b in case.graph.ids:
        counts = dict.fromkeys(ROLES, 0)
        if oracle.is_directed():
            pairs = itertools.product(oracle.predecessors(b), oracle.successors(b))
        else:
            pairs = itertools.combinations(sorted(oracle.neighbors(b)), 2)
        for a, c in pairs:
            if a == c or None in (group[a], group[b], group[c]):
                continue
            if open_only and oracle.has_edge(a, c):
                continue
            ga, gb, gc = group[a], group[b], group[c]
            if ga == gb == gc:
                counts["coordinator"] += 1
            elif ga == gc:
                counts["consultant"] += 1
            elif gb == gc:
                counts["gatekeeper"] += 1
                if not oracle.is_directed():
                    counts["representative"] += 1
            elif ga == gb:
                counts["representative"] += 1
                if not oracle.is_directed():
                    counts["gatekeeper"] += 1
            else:
                counts["liaison"] += 1
        found.append(BrokerageRoles(**counts))
    return found


@settings(max_examples=60, deadline=None)
@given(cases())
def test_roles_agree_with_brute_force(case: Case) -> None:
    sectors = [o.sector for o in case.graph.organisations]
    for open_only in (True, False):
        found = brokerage_roles(case.graph, sectors, open_only=open_only)
        assert found == brute_force(case, open_only)


def test_undirected_paths_count_once() -> None:
    roles, ids = hand_network(directed=False)
    by_id = dict(zip(ids, roles, strict=True))
    # H2's neighbours H1, C1, H3: {H1, H3} coordinator; {C1, H3} one end in H2's group
    # (gatekeeper and representative); {H1, C1} closed by the H1 - C1 tie.
    assert by_id["H2"] == BrokerageRoles(coordinator=1, gatekeeper=1, representative=1)
