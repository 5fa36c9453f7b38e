"""Krackhardt and Stern's E–I index: do ties cross group lines or stay inside them?

Across sectors it shows whether health, police, council and voluntary partners work with
each other or mostly with their own kind; across tiers whether the county and district
organisations of a two-tier area are joined up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from partnerscope.core.network.graph import PartnerGraph

__all__ = ["EIIndex", "ei_index"]


@dataclass(frozen=True)
class EIIndex:
    """``(E - I) / (E + I)``: +1 when every tie crosses groups, -1 when none does.

    ``external`` counts ties between organisations in different groups, ``internal`` ties
    within one group; ties with an end of unknown group are left out. ``index`` is None
    when no tie is left.
    """

    external: int
    internal: int

    @property
    def index(self) -> float | None:
        """The E–I index, or None without ties."""
        total = self.external + self.internal
        return (self.external - self.internal) / total if total else None

    def to_dict(self) -> dict[str, Any]:
        """The index and its counts as JSON-ready values."""
        return {"index": self.index, "external": self.external, "internal": self.internal}


def ei_index(graph: PartnerGraph, groups: Sequence[str | None]) -> EIIndex:
    """The E–I index of the counted ties for the grouping ``groups`` (vertex order).

    Each directed tie counts once (a pair tied both ways counts twice); on an undirected
    network each tied pair counts once.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> net = build_graph([], [Tie("a", "b"), Tie("a", "c"), Tie("b", "c")])
    >>> found = ei_index(net, ["health", "health", "police"])
    >>> found.external, found.internal, round(found.index, 4)
    (2, 1, 0.3333)
    """
    if not graph.ties:
        return EIIndex(0, 0)
    labels = {group: number for number, group in enumerate(sorted({g for g in groups if g}))}
    code = np.array([labels.get(group, -1) if group else -1 for group in groups])
    edges = graph.edge_array
    first, second = code[edges[:, 0]], code[edges[:, 1]]
    known = (first >= 0) & (second >= 0)
    internal = int(np.count_nonzero(known & (first == second)))
    return EIIndex(external=int(np.count_nonzero(known)) - internal, internal=internal)
