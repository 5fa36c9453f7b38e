"""Delivery paths checked by hand and against networkx as the oracle."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings

from partnerscope.core.chains import (
    UPWARD_TYPES,
    DeliveryChain,
    Link,
    Node,
    answering_nodes,
    delivery_paths,
    downward_step,
    steps_leading_to,
)
from tests.core.chains.strategies import chains


def downward_digraph(chain: DeliveryChain) -> nx.DiGraph:
    """The oracle's view: every link as its downward step, people served as dead ends."""
    graph = nx.DiGraph()
    graph.add_nodes_from(node.id for node in chain.nodes)
    people = set(chain.people)
    for link in chain.links:
        upper, lower = downward_step(link)
        if upper not in people:
            graph.add_edge(upper, lower)
    return graph


def kite() -> DeliveryChain:
    nodes = (
        Node("o", "outcome"),
        Node("board", "body", layer="strategic"),
        Node("a", "service"),
        Node("b", "service"),
        Node("p", "people"),
        Node("q", "people"),
    )
    links = (
        Link("board", "o", "accountable_to"),
        Link("board", "a", "commissions"),
        Link("board", "b", "funds"),
        Link("a", "b", "refers_to"),
        Link("a", "p", "delivers_to"),
        Link("b", "p", "delivers_to"),
        Link("p", "q", "refers_to"),
        Link("b", "board", "reports_data_to"),
    )
    return DeliveryChain("kite", nodes, links)


def test_delivery_paths_by_hand() -> None:
    result = delivery_paths(kite())
    assert result.paths == (
        ("o", "board", "a", "b", "p"),
        ("o", "board", "a", "p"),
        ("o", "board", "b", "p"),
    )
    assert result.longest == ("o", "board", "a", "b", "p")
    assert not result.truncated


def test_paths_stop_at_the_limit() -> None:
    result = delivery_paths(kite(), limit=2)
    assert len(result.paths) == 2
    assert result.truncated


def test_no_paths_without_people() -> None:
    chain = DeliveryChain("c", (Node("o", "outcome"), Node("b", "body")), ())
    assert delivery_paths(chain).paths == ()
    assert delivery_paths(chain).longest is None


@settings(max_examples=100, deadline=None)
@given(chains(acyclic=True))
def test_paths_match_networkx_on_dags(chain: DeliveryChain) -> None:
    expected = set(
        map(tuple, nx.all_simple_paths(downward_digraph(chain), chain.outcome.id, chain.people))
    )
    result = delivery_paths(chain)
    assert set(result.paths) == expected
    assert len(result.paths) == len(expected)
    if expected:
        assert result.longest is not None
        assert len(result.longest) == max(map(len, expected))


@settings(max_examples=60, deadline=None)
@given(chains())
def test_paths_match_networkx_with_cycles(chain: DeliveryChain) -> None:
    expected = set(
        map(tuple, nx.all_simple_paths(downward_digraph(chain), chain.outcome.id, chain.people))
    )
    assert set(delivery_paths(chain).paths) == expected


@settings(max_examples=60, deadline=None)
@given(chains())
def test_steps_leading_to_match_networkx(chain: DeliveryChain) -> None:
    graph = downward_digraph(chain)
    outcome = chain.outcome.id
    for node in chain.nodes:
        if node.id == outcome or node.kind == "people":
            continue
        expected = {
            (path[i], path[i + 1])
            for path in nx.all_simple_paths(graph, outcome, node.id)
            for i in range(len(path) - 1)
        }
        assert steps_leading_to(chain, node.id)[0] == expected


def test_steps_leading_to_avoid_a_node() -> None:
    steps, truncated = steps_leading_to(kite(), "b", avoid=("a",))
    assert steps == {("o", "board"), ("board", "b")}
    assert not truncated


@settings(max_examples=60, deadline=None)
@given(chains())
def test_answering_nodes_match_networkx(chain: DeliveryChain) -> None:
    upward = nx.DiGraph()
    upward.add_nodes_from(node.id for node in chain.nodes)
    upward.add_edges_from(link.pair for link in chain.links if link.type in UPWARD_TYPES)
    expected = nx.ancestors(upward, chain.outcome.id) | {chain.outcome.id}
    assert answering_nodes(chain) == expected


def test_answering_nodes_by_hand() -> None:
    assert answering_nodes(kite()) == {"o", "board", "b"}
