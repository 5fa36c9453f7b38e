"""Random partnership networks for property tests, and their networkx twins (the oracle)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import networkx as nx
from hypothesis import strategies as st

from partnerscope.core.network import (
    NetworkOptions,
    Organisation,
    PartnerGraph,
    Tie,
    build_graph,
)

SECTORS = ("council", "health", "police", "voluntary", None)
TIERS = ("county", "district", None)


@dataclass(frozen=True)
class Case:
    """A generated network: the answers, the options and the built graph."""

    organisations: tuple[Organisation, ...]
    ties: tuple[Tie, ...]
    options: NetworkOptions
    graph: PartnerGraph


@st.composite
def cases(
    draw: st.DrawFn,
    directed: bool | None = None,
    max_size: int = 25,
    weighted: bool = True,
) -> Case:
    """A network of 1 to ``max_size`` organisations with random ties, sectors and weights."""
    size = draw(st.integers(1, max_size))
    is_directed = draw(st.booleans()) if directed is None else directed
    density = draw(st.sampled_from((0.05, 0.1, 0.2, 0.35, 0.6)))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    organisations = tuple(
        Organisation(f"o{i}", sector=rng.choice(SECTORS), tier=rng.choice(TIERS))
        for i in range(size)
    )
    ties = []
    for i in range(size):
        for j in range(size):
            if i == j or (not is_directed and j < i) or rng.random() >= density:
                continue
            weight = float(rng.randint(1, 3)) if weighted else None
            ties.append(Tie(f"o{i}", f"o{j}", weight=weight))
    options = NetworkOptions(directed=is_directed)
    return Case(organisations, tuple(ties), options, build_graph(organisations, ties, options))


def to_networkx(graph: PartnerGraph) -> nx.Graph:
    """The same network as a networkx graph, nodes in vertex order, with ``weight``."""
    result: nx.Graph = nx.DiGraph() if graph.directed else nx.Graph()
    result.add_nodes_from(graph.ids)
    for tie in graph.ties:
        result.add_edge(tie.source, tie.target, weight=tie.weight)
    return result
