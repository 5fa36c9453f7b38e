"""Burt's constraint: how far an organisation's contacts are tied to each other.

An organisation whose partners all work with one another has little room to broker
(high constraint); one whose partners are otherwise unconnected spans structural holes
(low constraint).
"""

from __future__ import annotations

import math

from partnerscope.core.network.graph import PartnerGraph

__all__ = ["constraint"]


def constraint(graph: PartnerGraph) -> list[float | None]:
    """Burt's constraint of every organisation, as ``networkx.constraint(G, weight="weight")``.

    ``c(i) = sum over j in N(i) of (p_ij + sum over q of p_iq p_qj)^2`` where ``N(i)`` are
    the organisations tied to ``i`` in either direction and
    ``p_ij = (a_ij + a_ji) / sum over k of (a_ik + a_ki)`` is the share of ``i``'s
    (mutual) tie weight invested in ``j``. With every weight 1 this is networkx's default.
    None for an organisation with no ties (networkx gives NaN). Computed by igraph.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> star = build_graph([], [Tie("hub", "a"), Tie("hub", "b"), Tie("hub", "c")])
    >>> [round(c, 4) for c in constraint(star)]
    [0.3333, 1.0, 1.0, 1.0]
    """
    if graph.size == 0:
        return []
    values = graph.graph.constraint(weights="weight")
    return [None if math.isnan(value) else float(value) for value in values]
