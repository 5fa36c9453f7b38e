"""Single points of failure checked against a brute-force removal oracle."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings

from partnerscope.core.chains import (
    DeliveryChain,
    FailurePoint,
    Link,
    Node,
    single_points_of_failure,
)
from tests.core.chains.strategies import chains


def removal_oracle(chain: DeliveryChain) -> dict[str, set[str]]:
    """Remove each node in turn and see which connected people lose the outcome."""
    graph = nx.Graph()
    graph.add_nodes_from(node.id for node in chain.nodes)
    graph.add_edges_from(link.pair for link in chain.links)
    outcome = chain.outcome.id
    people = set(chain.people)
    connected = nx.node_connected_component(graph, outcome) & people
    result = {}
    for node in chain.nodes:
        if node.kind in ("outcome", "people"):
            continue
        rest = graph.copy()
        rest.remove_node(node.id)
        lost = connected - nx.node_connected_component(rest, outcome)
        if lost:
            result[node.id] = lost
    return result


def test_single_points_of_failure_by_hand() -> None:
    chain = DeliveryChain(
        "c",
        (
            Node("o", "outcome"),
            Node("board", "body"),
            Node("a", "service"),
            Node("b", "service"),
            Node("front", "front_line"),
            Node("p", "people"),
            Node("q", "people"),
            Node("lonely", "people"),
        ),
        (
            Link("board", "o", "accountable_to"),
            Link("board", "a", "funds"),
            Link("board", "b", "funds"),
            Link("a", "front", "commissions"),
            Link("b", "front", "commissions"),
            Link("front", "p", "delivers_to"),
            Link("a", "q", "delivers_to"),
        ),
    )
    assert single_points_of_failure(chain) == (
        FailurePoint("board", ("p", "q")),
        FailurePoint("a", ("q",)),
        FailurePoint("front", ("p",)),
    )


def test_people_can_connect_through_other_people() -> None:
    chain = DeliveryChain(
        "c",
        (Node("o", "outcome"), Node("s", "service"), Node("p", "people"), Node("q", "people")),
        (
            Link("s", "o", "accountable_to"),
            Link("s", "p", "delivers_to"),
            Link("p", "q", "refers_to"),
        ),
    )
    assert single_points_of_failure(chain) == (FailurePoint("s", ("p", "q")),)


@settings(max_examples=100, deadline=None)
@given(chains(max_nodes=10))
def test_single_points_of_failure_match_removal_oracle(chain: DeliveryChain) -> None:
    found = {point.node: set(point.cuts_off) for point in single_points_of_failure(chain)}
    assert found == removal_oracle(chain)
