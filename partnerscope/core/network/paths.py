"""Shortest paths from many sources at once: distances, reach and council dependency.

One breadth-first search from each source organisation (all of them, or a seeded sample
on large networks) gives, for every organisation, how many sources reach it and how far
they are, which closeness, the average path length and the diameter need. The same search
counts shortest paths two ways, all of them and those that avoid the council, which the
council dependency needs. The searches run level by level for a batch of sources at once
on the sparse adjacency matrix.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]

from partnerscope.core.network.graph import PartnerGraph
from partnerscope.core.network.model import NetworkOptions

__all__ = ["PathTotals", "choose_sources", "path_totals"]

_BATCH_CELLS = 1_000_000
_MIN_BATCH = 100
_RESCALE_ABOVE = 2.0**60
_RESCALE_BY = 2.0**-60
_SMALLEST = np.float32(2.0**-100)


def choose_sources(size: int, options: NetworkOptions) -> npt.NDArray[np.int64] | None:
    """The vertex numbers to search from, or None to search from every organisation.

    With ``options.sample_sources`` unset, networks up to ``options.exact_limit``
    organisations are searched exactly and larger ones from ``options.auto_sample``
    sources. The sample is drawn without replacement with ``options.seed``.

    Examples
    --------
    >>> choose_sources(100, NetworkOptions()) is None
    True
    >>> len(choose_sources(100, NetworkOptions(sample_sources=10)))
    10
    """
    wanted = options.sample_sources
    if wanted is None and size > options.exact_limit:
        wanted = options.auto_sample
    if wanted is None or wanted >= size:
        return None
    generator = np.random.default_rng(options.seed)
    return np.sort(generator.choice(size, size=wanted, replace=False)).astype(np.int64)


@dataclass(frozen=True, eq=False)
class PathTotals:
    """What the searches found.

    Attributes
    ----------
    sources
        The number of sources searched from; ``sampled`` says whether they were a sample.
    reached_by, distance_to
        Per organisation: how many *other* sources reach it, and the sum of their distances.
    other_sources
        Per organisation: how many sources other than itself were searched from.
    reachable_pairs, distance_total, longest
        Over all (source, target) pairs with a path: their number, the sum of the distances
        and the longest distance.
    council_pairs, council_through
        Over pairs of non-council organisations with a path (source among the searched):
        their number, and the sum over them of the share of their shortest paths that pass
        through a council organisation.
    council_sources
        The number of non-council sources searched from.
    """

    sources: int
    sampled: bool
    reached_by: npt.NDArray[np.int64]
    distance_to: npt.NDArray[np.int64]
    other_sources: npt.NDArray[np.int64]
    reachable_pairs: int
    distance_total: int
    longest: int
    council_pairs: int
    council_through: float
    council_sources: int


@dataclass
class _Tally:
    reached_by: npt.NDArray[np.int64]
    distance_to: npt.NDArray[np.int64]
    pairs: int = 0
    distance_total: int = 0
    longest: int = 0
    council_pairs: int = 0
    council_through: float = 0.0


def _search_batch(
    adjacency: sparse.csr_array,
    batch: npt.NDArray[np.int64],
    council: npt.NDArray[np.bool_],
    growth: float,
    tally: _Tally,
) -> None:
    """Search from every source in ``batch`` at once, adding what is found to ``tally``.

    The frontier holds, for each vertex at the current distance and each source, the number
    of shortest paths reaching it (one column per source, non-council sources first), then
    for each non-council source the number of those paths that avoid council vertices. A
    column whose counts could grow past 2^60 (``growth`` bounds the growth per level) is
    rescaled by a power of two, which keeps every ratio exact; counts that would then fall
    below 2^-100 are held there, so a vertex reached is never lost (only the council share
    of a vertex with 2^160 times fewer paths than another at the same distance is then
    approximate).
    """
    size = adjacency.shape[0]
    batch = np.concatenate([batch[~council[batch]], batch[council[batch]]])
    width = len(batch)
    extra = int(np.count_nonzero(~council[batch]))
    columns = np.arange(width)
    seen = np.zeros((size, width), dtype=bool)
    seen[batch, columns] = True
    frontier_rows = batch
    frontier = np.zeros((width, width + extra), dtype=np.float32)
    frontier[columns, columns] = 1.0
    frontier[columns[:extra], width + columns[:extra]] = 1.0
    bound = 1.0
    level = 0
    while frontier_rows.size:
        level += 1
        rows = adjacency[frontier_rows]
        if rows.nnz == 0:
            break
        targets, local = np.unique(rows.indices, return_inverse=True)
        step = sparse.csr_array(
            (rows.data, local.reshape(-1), rows.indptr), shape=(len(frontier_rows), len(targets))
        )
        reached = np.asarray(step.T @ frontier, dtype=np.float32)
        counts = reached[:, :width]
        unseen = ~seen[targets]
        new = counts > 0
        new &= unseen
        found = int(np.count_nonzero(new))
        if found == 0:
            break
        unseen &= ~new
        seen[targets] = ~unseen
        per_target = np.count_nonzero(new, axis=1)
        tally.reached_by[targets] += per_target
        tally.distance_to[targets] += level * per_target
        tally.pairs += found
        tally.distance_total += level * found
        tally.longest = level
        keep = np.flatnonzero(per_target)
        frontier_rows = targets[keep]
        frontier = reached[keep]
        new = new[keep]
        frontier[:, :width] *= new
        if extra:
            inside = council[frontier_rows]
            avoiding = frontier[:, width:]
            avoiding[inside] = 0.0
            avoiding *= new[:, :extra]
            pairs = new[:, :extra].copy()
            pairs[inside] = False
            if pairs.any():
                total = frontier[:, :extra][pairs].astype(np.float64)
                tally.council_pairs += int(np.count_nonzero(pairs))
                tally.council_through += float(np.sum(1.0 - avoiding[pairs] / total))
        bound *= growth
        if bound > _RESCALE_ABOVE:
            largest = frontier[:, :width].max(axis=0, initial=0.0)
            scale = np.where(largest > _RESCALE_ABOVE, _RESCALE_BY, 1.0).astype(np.float32)
            positive = frontier > 0
            frontier[:, :width] *= scale
            frontier[:, width:] *= scale[:extra]
            np.maximum(frontier, _SMALLEST, out=frontier, where=positive)
            bound = float((largest * scale).max(initial=1.0))


def path_totals(
    graph: PartnerGraph,
    sources: npt.NDArray[np.int64] | None,
    council: npt.NDArray[np.bool_] | None = None,
) -> PathTotals:
    """Search from ``sources`` (None: every organisation) and total what was found.

    Distances count ties (hops); on a directed network they follow ties from source to
    target, so ``reached_by`` and ``distance_to`` describe paths *to* each organisation.
    ``council`` marks the council organisations (a boolean vector in vertex order) for
    the council totals.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> chain = build_graph([], [Tie("a", "b"), Tie("b", "c")])
    >>> totals = path_totals(chain, None, council=chain.mask(["b"]))
    >>> totals.reachable_pairs, totals.distance_total, totals.longest
    (3, 4, 2)
    >>> totals.reached_by.tolist()
    [0, 1, 2]
    >>> totals.council_pairs, totals.council_through
    (1, 1.0)
    """
    chosen = np.arange(graph.size, dtype=np.int64) if sources is None else sources
    marked = np.zeros(graph.size, dtype=bool) if council is None else council
    return _totals(graph, chosen, marked, sampled=sources is not None)


def _totals(
    graph: PartnerGraph,
    chosen: npt.NDArray[np.int64],
    council: npt.NDArray[np.bool_],
    *,
    sampled: bool,
) -> PathTotals:
    size = graph.size
    tally = _Tally(
        reached_by=np.zeros(size, dtype=np.int64), distance_to=np.zeros(size, dtype=np.int64)
    )
    if size:
        adjacency = graph.adjacency
        growth = max(1.0, float(adjacency.sum(axis=0).max(initial=1.0)))
        batch_size = max(1, min(len(chosen), max(_MIN_BATCH, _BATCH_CELLS // size)))
        for start in range(0, len(chosen), batch_size):
            _search_batch(adjacency, chosen[start : start + batch_size], council, growth, tally)
    is_source = np.zeros(size, dtype=np.int64)
    is_source[chosen] = 1
    return PathTotals(
        sources=len(chosen),
        sampled=sampled,
        reached_by=tally.reached_by,
        distance_to=tally.distance_to,
        other_sources=len(chosen) - is_source,
        reachable_pairs=tally.pairs,
        distance_total=tally.distance_total,
        longest=tally.longest,
        council_pairs=tally.council_pairs,
        council_through=tally.council_through,
        council_sources=int(np.count_nonzero(~council[chosen])),
    )
