"""Communities: groups of organisations more tied among themselves than to the rest.

Found with the Leiden algorithm optimising modularity on the undirected weighted
projection (a pair tied both ways counts the sum of the two weights), with a fixed seed so
the same data always gives the same groups.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import igraph

from partnerscope.core.network.graph import PartnerGraph

__all__ = ["Communities", "detect_communities"]

_STABLE_UP_TO = 10_000
_RANDOM_LOCK = threading.Lock()


@dataclass(frozen=True)
class Communities:
    """Each organisation's community (numbered from 1, largest first) and the modularity.

    Modularity ``Q = (1 / 2m) sum_ij (A_ij - k_i k_j / 2m) [c_i = c_j]`` on the undirected
    weighted projection (resolution 1), as ``networkx.community.modularity``; None when
    there are no ties.
    """

    membership: tuple[int, ...]
    count: int
    modularity: float | None


@contextmanager
def _seeded(seed: int) -> Iterator[None]:
    """Run igraph's random choices from a generator seeded with ``seed``, then restore.

    igraph's generator is process-wide, so a lock keeps two threads (a threaded web server)
    from drawing from each other's generator.
    """
    with _RANDOM_LOCK:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            igraph.set_random_number_generator(random)


def detect_communities(graph: PartnerGraph, seed: int = 42) -> Communities:
    """Leiden communities (modularity objective) and their modularity.

    Up to 10,000 organisations the algorithm runs until no move improves the partition;
    above, for two iterations (igraph's default). Communities are renumbered from 1 by size,
    largest first (ties broken by the first member's position).

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> pairs = [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"),
    ...          ("d", "f")]
    >>> found = detect_communities(build_graph([], [Tie(s, t) for s, t in pairs],))
    >>> found.membership, found.count, round(found.modularity, 4)
    ((1, 1, 1, 2, 2, 2), 2, 0.3571)
    """
    if graph.size == 0:
        return Communities((), 0, None)
    projection = graph.undirected
    iterations = -1 if graph.size <= _STABLE_UP_TO else 2
    with _seeded(seed):
        found = projection.community_leiden(
            objective_function="modularity", weights="weight", n_iterations=iterations
        )
    raw = list(found.membership)
    members: dict[int, list[int]] = {}
    for vertex, label in enumerate(raw):
        members.setdefault(label, []).append(vertex)
    order = sorted(members, key=lambda label: (-len(members[label]), members[label][0]))
    renumber = {label: number for number, label in enumerate(order, start=1)}
    membership = tuple(renumber[label] for label in raw)
    modularity = None
    if projection.ecount():
        modularity = float(projection.modularity(raw, weights="weight"))
    return Communities(membership, len(order), modularity)
