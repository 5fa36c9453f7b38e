"""Centrality of each organisation: degree and strength, betweenness, closeness, PageRank.

Each measure agrees with the networkx function of the same name at its default settings
(betweenness and closeness count ties, not weights; PageRank uses the tie weights).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from partnerscope.core.network.graph import PartnerGraph
from partnerscope.core.network.paths import PathTotals

__all__ = ["Degrees", "betweenness", "closeness", "degrees", "pagerank"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

PAGERANK_DAMPING = 0.85


@dataclass(frozen=True, eq=False)
class Degrees:
    """Ties in and out of each organisation, counted and weighted (strength).

    On an undirected network ``in_degree`` and ``out_degree`` are both the degree.
    ``*_centrality`` divide by ``n - 1`` (networkx's ``in_degree_centrality`` etc.).
    """

    in_degree: IntArray
    out_degree: IntArray
    in_strength: FloatArray
    out_strength: FloatArray
    in_centrality: FloatArray
    out_centrality: FloatArray


def degrees(graph: PartnerGraph) -> Degrees:
    """Degree, strength and degree centrality of every organisation.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> found = degrees(build_graph([], [Tie("a", "b", weight=2), Tie("c", "b")]))
    >>> found.in_degree.tolist(), found.in_strength.tolist(), found.in_centrality.tolist()
    ([0, 2, 0], [0.0, 3.0, 0.0], [0.0, 1.0, 0.0])
    """
    g = graph.graph
    modes = ("in", "out") if graph.directed else ("all", "all")
    counted = [np.array(g.degree(mode=mode), dtype=np.int64) for mode in modes]
    strengths = [
        np.array(g.strength(mode=mode, weights="weight"), dtype=np.float64) for mode in modes
    ]
    size = graph.size
    if size <= 1:
        scaled = [np.ones(size), np.ones(size)]
    else:
        scaled = [degree / (size - 1) for degree in counted]
    return Degrees(counted[0], counted[1], strengths[0], strengths[1], scaled[0], scaled[1])


def betweenness(graph: PartnerGraph, sources: IntArray | None) -> FloatArray:
    """Betweenness normalised as networkx's ``betweenness_centrality``.

    ``b(v) = sum over s != v != t of sigma_st(v) / sigma_st``, over ordered pairs, divided
    by ``(n - 1)(n - 2)`` (each unordered pair once and ``2 / ((n - 1)(n - 2))`` on an
    undirected network, which is the same). With ``sources`` only paths from those sources
    are counted and the sum is scaled by ``n / k`` (networkx's ``k`` estimator); igraph's
    subset betweenness does the counting.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> betweenness(build_graph([], [Tie("a", "b"), Tie("b", "c")]), None).tolist()
    [0.0, 0.5, 0.0]
    """
    size = graph.size
    if size == 0:
        return np.zeros(0)
    if sources is None:
        raw = np.array(graph.graph.betweenness(directed=graph.directed), dtype=np.float64)
    else:
        chosen = sources.tolist()
        raw = np.array(
            graph.graph.betweenness(directed=graph.directed, sources=chosen), dtype=np.float64
        )
        raw *= size / len(chosen)
    if size <= 2:
        return raw
    pairs = 1 if graph.directed else 2
    return raw * pairs / ((size - 1) * (size - 2))


def closeness(totals: PathTotals) -> FloatArray:
    """Closeness as networkx's ``closeness_centrality`` with its defaults.

    Distances are measured *to* each organisation (incoming paths on a directed network),
    with the Wasserman and Faust scaling for disconnected networks:
    ``C(u) = ((r - 1) / (n - 1)) * ((r - 1) / sum of d(v, u))`` where ``r - 1`` is the
    number of organisations that reach ``u``; 0 when none do. From a sample of ``k``
    sources the same formula is estimated with ``k`` (less ``u`` itself) in place of
    ``n - 1``: the share of sampled sources that reach ``u`` times one over their mean
    distance.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> from partnerscope.core.network.paths import path_totals
    >>> chain = build_graph([], [Tie("a", "b"), Tie("b", "c")])
    >>> closeness(path_totals(chain, None)).tolist()
    [0.0, 0.5, 0.6666666666666666]
    """
    reached = totals.reached_by.astype(np.float64)
    distance = totals.distance_to.astype(np.float64)
    others = totals.other_sources.astype(np.float64)
    result = np.zeros(len(reached))
    has = (distance > 0) & (others > 0)
    result[has] = (reached[has] / others[has]) * (reached[has] / distance[has])
    return result


def pagerank(graph: PartnerGraph) -> FloatArray:
    """PageRank with damping 0.85 on the weighted ties, as ``networkx.pagerank``.

    An organisation with no outgoing tie (dangling) passes its score to every organisation
    equally, as networkx does. igraph's PRPACK solver computes the exact solution.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> pagerank(build_graph([], [Tie("a", "b"), Tie("b", "a")])).round(4).tolist()
    [0.5, 0.5]
    """
    if graph.size == 0:
        return np.zeros(0)
    return np.array(
        graph.graph.pagerank(
            directed=graph.directed,
            damping=PAGERANK_DAMPING,
            weights="weight",
            implementation="prpack",
        ),
        dtype=np.float64,
    )
