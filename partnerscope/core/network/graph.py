"""Build the network from the answers: apply the level threshold, infer missing answers,
and hold the result as a compiled igraph graph.

Every measure in this package takes the :class:`PartnerGraph` that :func:`build_graph`
returns, so the threshold, the direction and the inferred ties are decided once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import igraph
import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]

from partnerscope.core.network.model import NetworkOptions, Organisation, Tie

__all__ = ["CountedTie", "PartnerGraph", "build_graph"]


@dataclass(frozen=True)
class CountedTie:
    """A tie that counts in the network (at or above the threshold).

    ``inferred`` marks a tie added from the other side's answer because this side did not
    respond. On an undirected network a pair reported both ways is one tie: its ``level``
    and ``weight`` are the larger of the two answers, ``trust`` and ``value`` their mean.
    """

    source: str
    target: str
    level: int | None
    trust: float | None
    value: float | None
    weight: float
    inferred: bool = False


@dataclass(frozen=True, eq=False)
class PartnerGraph:
    """The network as the measures see it.

    ``organisations`` fixes the order of the vertices (given organisations first, then any
    id met only in the ties, in the order met); ``ties`` are the counted ties in edge
    order; ``answers`` are all the answers given, before the threshold, for ratings;
    ``graph`` is the igraph graph with an edge attribute ``weight``. Never modify it.
    """

    organisations: tuple[Organisation, ...]
    ties: tuple[CountedTie, ...]
    answers: tuple[Tie, ...]
    directed: bool
    graph: Any

    @property
    def size(self) -> int:
        """The number of organisations."""
        return len(self.organisations)

    @cached_property
    def index(self) -> dict[str, int]:
        """Each organisation id's vertex number."""
        return {organisation.id: number for number, organisation in enumerate(self.organisations)}

    @cached_property
    def ids(self) -> tuple[str, ...]:
        """Organisation ids in vertex order."""
        return tuple(organisation.id for organisation in self.organisations)

    @cached_property
    def edge_array(self) -> npt.NDArray[np.int64]:
        """The counted ties as an ``(m, 2)`` array of vertex numbers."""
        return np.array(self.graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)

    @cached_property
    def weights(self) -> npt.NDArray[np.float64]:
        """Each counted tie's weight, in edge order."""
        return np.array([tie.weight for tie in self.ties], dtype=np.float64)

    @cached_property
    def adjacency(self) -> Any:
        """The 0/1 adjacency matrix (``A[i, j] = 1`` for a tie ``i -> j``) as scipy CSR.

        An undirected network's matrix is symmetric.
        """
        edges = self.edge_array
        if not self.directed:
            edges = np.concatenate([edges, edges[:, ::-1]])
        ones = np.ones(len(edges), dtype=np.float32)
        matrix = sparse.csr_array((ones, (edges[:, 0], edges[:, 1])), shape=(self.size,) * 2)
        matrix.sum_duplicates()
        return matrix

    @cached_property
    def undirected(self) -> Any:
        """The undirected weighted projection: one edge per tied pair, weights summed."""
        if not self.directed:
            return self.graph
        return self.graph.as_undirected(mode="collapse", combine_edges={"weight": "sum"})

    def mask(self, chosen: Iterable[str]) -> npt.NDArray[np.bool_]:
        """A boolean vector, True at the vertices of the ``chosen`` organisation ids."""
        result = np.zeros(self.size, dtype=bool)
        result[[self.index[organisation] for organisation in chosen]] = True
        return result


def _organisations(
    organisations: Sequence[Organisation], ties: Sequence[Tie]
) -> tuple[Organisation, ...]:
    known: dict[str, Organisation] = {}
    for organisation in organisations:
        if organisation.id in known:
            raise ValueError(f"organisation {organisation.id!r} is listed twice")
        known[organisation.id] = organisation
    for tie in ties:
        for end in (tie.source, tie.target):
            if end not in known:
                known[end] = Organisation(end)
    return tuple(known.values())


def _inferred(
    ties: Sequence[Tie], organisations: Sequence[Organisation], options: NetworkOptions
) -> list[Tie]:
    if not (options.symmetrise and options.directed):
        return []
    silent = {organisation.id for organisation in organisations if organisation.responded is False}
    answered = {(tie.source, tie.target) for tie in ties}
    return [
        Tie(tie.target, tie.source, level=tie.level, weight=tie.weight)
        for tie in ties
        if tie.target in silent and (tie.target, tie.source) not in answered
    ]


def _mean(values: Iterable[float | None]) -> float | None:
    given = [value for value in values if value is not None]
    return sum(given) / len(given) if given else None


def _merge_undirected(ties: Sequence[Tie]) -> list[CountedTie]:
    pairs: dict[frozenset[str], list[Tie]] = {}
    for tie in ties:
        pairs.setdefault(frozenset((tie.source, tie.target)), []).append(tie)
    merged = []
    for reports in pairs.values():
        levels = [tie.level for tie in reports if tie.level is not None]
        merged.append(
            CountedTie(
                reports[0].source,
                reports[0].target,
                level=max(levels) if levels else None,
                trust=_mean(tie.trust for tie in reports),
                value=_mean(tie.value for tie in reports),
                weight=max(tie.weight_or_one for tie in reports),
            )
        )
    return merged


def build_graph(
    organisations: Sequence[Organisation],
    ties: Sequence[Tie],
    options: NetworkOptions | None = None,
) -> PartnerGraph:
    """Turn the answers into the network the measures work on.

    A tie counts when its level is at least ``options.min_level`` or it has no level. With
    ``options.symmetrise`` a directed tie ``a -> b`` to an organisation ``b`` that did not
    respond also adds ``b -> a`` (same level and weight, no ratings), marked inferred.
    The same ``from -> to`` pair given twice is an error.

    Examples
    --------
    >>> answers = [Tie("a", "b", level=3), Tie("b", "c", level=1), Tie("c", "a")]
    >>> graph = build_graph([Organisation("a"), Organisation("d")], answers)
    >>> graph.ids
    ('a', 'd', 'b', 'c')
    >>> [(tie.source, tie.target) for tie in graph.ties]
    [('a', 'b'), ('c', 'a')]
    """
    options = options or NetworkOptions()
    seen: set[tuple[str, str]] = set()
    for tie in ties:
        if (tie.source, tie.target) in seen:
            raise ValueError(f"the tie {tie.source} -> {tie.target} is given twice")
        seen.add((tie.source, tie.target))
    members = _organisations(organisations, ties)
    inferred = _inferred(ties, members, options)

    def counts(tie: Tie) -> bool:
        return tie.level is None or tie.level >= options.min_level

    counted_answers = [tie for tie in ties if counts(tie)]
    counted_inferred = [tie for tie in inferred if counts(tie)]
    if options.directed:
        counted = [
            CountedTie(t.source, t.target, t.level, t.trust, t.value, t.weight_or_one)
            for t in counted_answers
        ] + [
            CountedTie(t.source, t.target, t.level, None, None, t.weight_or_one, inferred=True)
            for t in counted_inferred
        ]
    else:
        counted = _merge_undirected(counted_answers)
    index = {organisation.id: number for number, organisation in enumerate(members)}
    graph = igraph.Graph(
        n=len(members),
        edges=[(index[tie.source], index[tie.target]) for tie in counted],
        directed=options.directed,
    )
    graph.es["weight"] = [tie.weight for tie in counted]
    return PartnerGraph(
        organisations=members,
        ties=tuple(counted),
        answers=tuple(ties),
        directed=options.directed,
        graph=graph,
    )
