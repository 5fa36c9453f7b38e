"""Is the council leading the partnership or holding it together alone?

Two views: how many of the shortest routes between the other partners run through a
council organisation (dependency), and how the network falls apart without the council
(fragmentation). The study warns against a council that dominates its partnership.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from partnerscope.core.network.connectivity import Fragmentation, fragmentation
from partnerscope.core.network.graph import PartnerGraph
from partnerscope.core.network.paths import PathTotals

__all__ = ["CouncilDependency", "council_dependency", "council_removal"]


@dataclass(frozen=True)
class CouncilDependency:
    """The share of shortest paths between non-council organisations that pass through the
    council.

    For every ordered pair ``(s, t)`` of distinct non-council organisations with a path,
    ``sigma_st(C) / sigma_st`` is the share of all its shortest paths that pass through at
    least one council organisation ``C`` (a path through several counts once).
    ``dependency`` is the mean of that share over the ``pairs`` with a path;
    ``group_betweenness`` divides the same sum by all ordered pairs of non-council
    organisations (Everett and Borgatti's normalised group betweenness, as
    ``networkx.group_betweenness_centrality`` on a connected network). ``sampled`` gives
    the number of non-council sources when paths were measured from a sample.
    """

    council: tuple[str, ...]
    pairs: int
    dependency: float | None
    group_betweenness: float | None
    sampled: int | None

    def to_dict(self) -> dict[str, Any]:
        """The dependency as JSON-ready values."""
        return {
            "organisations": list(self.council),
            "pairs": self.pairs,
            "dependency": self.dependency,
            "group_betweenness": self.group_betweenness,
            "sampled": self.sampled,
        }


def council_dependency(
    graph: PartnerGraph, council: npt.NDArray[np.bool_], totals: PathTotals
) -> CouncilDependency:
    """Council dependency from searches run with ``council`` marked.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> from partnerscope.core.network.paths import path_totals
    >>> pairs = [("a", "c"), ("c", "b"), ("a", "d"), ("d", "b")]
    >>> net = build_graph([], [Tie(s, t) for s, t in pairs])
    >>> council = net.mask(["c"])
    >>> found = council_dependency(net, council, path_totals(net, None, council))
    >>> found.pairs, round(found.dependency, 4)
    (3, 0.1667)
    """
    ids = tuple(graph.ids[v] for v in np.flatnonzero(council))
    others = graph.size - len(ids)
    if not ids or others < 2:
        return CouncilDependency(ids, 0, None, None, None)
    through = totals.council_through
    scale = others / totals.council_sources if totals.council_sources else 0.0
    return CouncilDependency(
        council=ids,
        pairs=totals.council_pairs,
        dependency=through / totals.council_pairs if totals.council_pairs else None,
        group_betweenness=through * scale / (others * (others - 1)),
        sampled=totals.council_sources if totals.sampled else None,
    )


def council_removal(graph: PartnerGraph, council: npt.NDArray[np.bool_]) -> Fragmentation | None:
    """How the network fragments without the council organisations; None without any.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> net = build_graph([], [Tie("council", "a"), Tie("council", "b")])
    >>> council_removal(net, net.mask(["council"])).components
    2
    """
    if not council.any():
        return None
    return fragmentation(graph, council)
