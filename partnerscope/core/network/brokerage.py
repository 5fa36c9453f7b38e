"""Gould and Fernandez brokerage roles: who links whom across the sectors.

An organisation ``b`` brokers a two-path ``a -> b -> c`` (``a``, ``b``, ``c`` distinct).
Its role depends on the groups (here sectors) of the three:

==============  ==========================  ==========================================
role            groups                      what the broker does
==============  ==========================  ==========================================
coordinator     a, b, c all in one group    links members of its own group
gatekeeper      a outside; b, c together    lets an outsider in to its own group
representative  a, b together; c outside    speaks for its own group to an outsider
consultant      a, c together; b outside    links two members of another group
liaison         a, b, c all different       links two other groups, from outside both
==============  ==========================  ==========================================

Convention (Gould and Fernandez 1989): only *open* two-paths count, those where ``a`` has
no tie to ``c`` of its own, since a broker is not needed between partners already tied.
``open_only=False`` counts every two-path. Two-paths through an organisation with no
sector are not counted. On an undirected network each path ``a - b - c`` is counted once;
one with just one end in the broker's group is both gatekeeping and representative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]

from partnerscope.core.network.graph import PartnerGraph

__all__ = ["ROLES", "BrokerageRoles", "brokerage_roles"]

ROLES = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")


@dataclass(frozen=True)
class BrokerageRoles:
    """How many two-paths an organisation brokers in each Gould–Fernandez role."""

    coordinator: int = 0
    gatekeeper: int = 0
    representative: int = 0
    consultant: int = 0
    liaison: int = 0

    @property
    def total(self) -> int:
        """All brokered two-paths (a path in two roles counts in both)."""
        return (
            self.coordinator
            + self.gatekeeper
            + self.representative
            + self.consultant
            + self.liaison
        )

    def to_dict(self) -> dict[str, Any]:
        """The counts by role, then ``total``."""
        return {role: getattr(self, role) for role in ROLES} | {"total": self.total}


def _row_sums(matrix: Any) -> npt.NDArray[np.float64]:
    return np.asarray(matrix.sum(axis=1), dtype=np.float64).reshape(-1)


def _closed(first: Any, second: Any, last: Any) -> npt.NDArray[np.float64]:
    """For each broker b: pairs (a, c) with a -> b in ``first``, a -> c in ``second`` and
    b -> c in ``last``."""
    return _row_sums((first.T @ second).multiply(last))


def brokerage_roles(
    graph: PartnerGraph, groups: Sequence[str | None], *, open_only: bool = True
) -> list[BrokerageRoles]:
    """Count each organisation's brokerage two-paths by role.

    ``groups`` gives each organisation's group in vertex order (None: unknown).

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> net = build_graph([], [Tie("nhs", "council"), Tie("council", "police")])
    >>> brokerage_roles(net, ["health", "council", "police"])[1].liaison
    1
    """
    size = graph.size
    labels = sorted({group for group in groups if group is not None})
    code = np.array(
        [-1 if group is None else labels.index(group) for group in groups], dtype=np.int64
    )
    if size == 0 or not labels:
        return [BrokerageRoles() for _ in range(size)]
    coo = graph.adjacency.tocoo()
    rows, cols = coo.row, coo.col
    known = (code[rows] >= 0) & (code[cols] >= 0)
    rows, cols = rows[known], cols[known]
    same = code[rows] == code[cols]

    def matrix(chosen: npt.NDArray[np.bool_]) -> Any:
        ones = np.ones(int(chosen.sum()), dtype=np.float64)
        return sparse.csr_array((ones, (rows[chosen], cols[chosen])), shape=(size, size))

    inside, across = matrix(same), matrix(~same)
    everything = inside + across
    member = sparse.csr_array(
        (np.ones(size), (np.arange(size), np.maximum(code, 0))), shape=(size, len(labels))
    )
    member = member.multiply((code >= 0)[:, None]).tocsr()
    incoming = np.asarray((everything.T @ member).toarray())
    outgoing = np.asarray((everything @ member).toarray())
    own = np.maximum(code, 0)
    vertices = np.arange(size)
    in_same, out_same = incoming[vertices, own], outgoing[vertices, own]
    in_other = incoming.sum(axis=1) - in_same
    out_other = outgoing.sum(axis=1) - out_same
    mutual_same = _row_sums(inside.multiply(inside.T))
    mutual_other = _row_sums(across.multiply(across.T))
    same_outside = (incoming * outgoing).sum(axis=1) - in_same * out_same
    counts = {
        "coordinator": in_same * out_same - mutual_same,
        "gatekeeper": in_other * out_same,
        "representative": in_same * out_other,
        "consultant": same_outside - mutual_other,
        "liaison": in_other * out_other - same_outside,
    }
    if open_only:
        counts["coordinator"] -= _closed(inside, inside, inside)
        counts["gatekeeper"] -= _closed(across, across, inside)
        counts["representative"] -= _closed(inside, across, across)
        counts["consultant"] -= _closed(across, inside, across)
        counts["liaison"] -= _closed(across, across, across)
    if not graph.directed:
        for role in ("coordinator", "consultant", "liaison"):
            counts[role] = counts[role] / 2
    unknown = code < 0
    table = {
        role: np.where(unknown, 0, np.rint(values)).astype(np.int64)
        for role, values in counts.items()
    }
    return [
        BrokerageRoles(**{role: int(table[role][vertex]) for role in ROLES})
        for vertex in range(size)
    ]
