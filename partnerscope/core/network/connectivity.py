"""Where the network hangs together by a thread: cut points, and what removal leaves.

A cut point (articulation point) is an organisation whose loss splits the partnership's
network into more pieces; the fieldwork in *Working better together?* found such
gatekeepers in a community safety partnership.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from partnerscope.core.network.graph import PartnerGraph

__all__ = ["Fragmentation", "cut_points", "fragmentation"]


def cut_points(graph: PartnerGraph) -> npt.NDArray[np.bool_]:
    """True for each articulation point of the undirected network.

    Ties are taken without direction (as ``networkx.articulation_points`` on
    ``G.to_undirected()``).

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> cut_points(build_graph([], [Tie("a", "b"), Tie("c", "b")])).tolist()
    [False, True, False]
    """
    result = np.zeros(graph.size, dtype=bool)
    if graph.size:
        result[graph.undirected.articulation_points()] = True
    return result


@dataclass(frozen=True)
class Fragmentation:
    """What is left when some organisations are taken out of the network.

    ``components`` are the weak components among the rest, ``largest_component`` the size
    of the largest and ``largest_component_share`` its share of the rest, ``isolates`` the
    number of remaining organisations with no tie left, and ``newly_isolated`` the ids of
    those that had ties before.
    """

    removed: int
    remaining: int
    components: int
    largest_component: int
    largest_component_share: float | None
    isolates: int
    newly_isolated: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The fragmentation as JSON-ready values."""
        return {
            "removed": self.removed,
            "remaining": self.remaining,
            "components": self.components,
            "largest_component": self.largest_component,
            "largest_component_share": self.largest_component_share,
            "isolates": self.isolates,
            "newly_isolated": list(self.newly_isolated),
        }


def fragmentation(graph: PartnerGraph, removed: npt.NDArray[np.bool_]) -> Fragmentation:
    """Take out the organisations marked in ``removed`` and describe what remains.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> star = build_graph([], [Tie("hub", "a"), Tie("hub", "b"), Tie("c", "d")])
    >>> fragmentation(star, star.mask(["hub"])).to_dict()["newly_isolated"]
    ['a', 'b']
    """
    keep = np.flatnonzero(~removed)
    before = np.array(graph.graph.degree(), dtype=np.int64)
    if keep.size == 0:
        return Fragmentation(int(removed.sum()), 0, 0, 0, None, 0, ())
    rest = graph.graph.induced_subgraph(keep.tolist())
    sizes = rest.connected_components(mode="weak").sizes()
    after = np.array(rest.degree(), dtype=np.int64)
    alone = keep[after == 0]
    return Fragmentation(
        removed=int(removed.sum()),
        remaining=int(keep.size),
        components=len(sizes),
        largest_component=max(sizes),
        largest_component_share=max(sizes) / keep.size,
        isolates=int(alone.size),
        newly_isolated=tuple(graph.ids[v] for v in alone if before[v] > 0),
    )
