"""Cohesion of the whole network: density, reciprocity, components, path lengths.

Density and reciprocity agree with networkx's ``density`` and ``reciprocity``. Average
path length and diameter are defined on disconnected networks too: over the ordered pairs
of organisations with a path between them (see :class:`PathSummary`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from partnerscope.core.network.graph import PartnerGraph
from partnerscope.core.network.paths import PathTotals

__all__ = [
    "ComponentSummary",
    "PathSummary",
    "density",
    "path_summary",
    "reciprocity",
    "weak_components",
]


def density(graph: PartnerGraph) -> float:
    """Ties present as a share of ties possible.

    Directed: ``m / (n (n - 1))``; undirected: ``2m / (n (n - 1))``; 0 with fewer than two
    organisations (as networkx).

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> density(build_graph([], [Tie("a", "b"), Tie("b", "a"), Tie("a", "c")]))
    0.5
    """
    size = graph.size
    if size < 2:
        return 0.0
    possible = size * (size - 1) if graph.directed else size * (size - 1) / 2
    return len(graph.ties) / possible


def reciprocity(graph: PartnerGraph) -> float | None:
    """The share of directed ties that are returned (``a -> b`` with ``b -> a``).

    None on an undirected network or one with no ties. Agrees with
    ``networkx.reciprocity(G)``.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> reciprocity(build_graph([], [Tie("a", "b"), Tie("b", "a"), Tie("a", "c")]))
    0.6666666666666666
    """
    if not graph.directed or not graph.ties:
        return None
    return float(graph.graph.reciprocity(ignore_loops=True, mode="default"))


@dataclass(frozen=True)
class ComponentSummary:
    """Weak components: parts of the network with no tie between them, whatever direction.

    ``largest`` is the number of organisations in the largest one, ``isolates`` the number
    of organisations with no tie at all.
    """

    count: int
    largest: int
    isolates: int

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready values."""
        return {
            "components": self.count,
            "largest_component": self.largest,
            "isolates": self.isolates,
        }


def weak_components(graph: PartnerGraph) -> ComponentSummary:
    """Count weak components (networkx's ``number_weakly_connected_components``).

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Organisation, Tie
    >>> weak_components(build_graph([Organisation("d")], [Tie("a", "b"), Tie("c", "b")]))
    ComponentSummary(count=2, largest=3, isolates=1)
    """
    if graph.size == 0:
        return ComponentSummary(0, 0, 0)
    sizes = graph.graph.connected_components(mode="weak").sizes()
    isolates = int(np.count_nonzero(np.array(graph.graph.degree()) == 0))
    return ComponentSummary(count=len(sizes), largest=max(sizes), isolates=isolates)


@dataclass(frozen=True)
class PathSummary:
    """Shortest path lengths in ties (hops), over ordered pairs with a path between them.

    ``average_path_length`` is the mean distance and ``diameter`` the longest distance over
    the ordered pairs ``(s, t)``, ``s != t``, with a path from ``s`` to ``t`` (directed
    paths on a directed network); pairs with no path are left out, so both are defined on
    disconnected networks and equal networkx's ``average_shortest_path_length`` and
    ``diameter`` on connected ones. ``reachability`` is the share of ordered pairs with a
    path. When ``sampled`` is a number, only paths from that many sampled sources were
    measured: the average and reachability are estimates and the diameter a lower bound.
    """

    average_path_length: float | None
    diameter: int | None
    reachability: float | None
    sampled: int | None


def path_summary(totals: PathTotals, size: int) -> PathSummary:
    """Average path length, diameter and reachability from the searches' totals.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> from partnerscope.core.network.paths import path_totals
    >>> chain = build_graph([], [Tie("a", "b"), Tie("b", "c")])
    >>> path_summary(path_totals(chain, None), chain.size)
    PathSummary(average_path_length=1.3333333333333333, diameter=2, reachability=0.5, sampled=None)
    """
    pairs = totals.reachable_pairs
    possible = totals.sources * (size - 1)
    return PathSummary(
        average_path_length=totals.distance_total / pairs if pairs else None,
        diameter=totals.longest if pairs else None,
        reachability=pairs / possible if possible else None,
        sampled=totals.sources if totals.sampled else None,
    )
