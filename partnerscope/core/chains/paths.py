"""Delivery paths: every route from the outcome down to the people served, and the way back up.

A delivery path is a simple path (no node twice) that starts at the outcome, follows links in
their downward orientation (:func:`~partnerscope.core.chains.model.downward_step`) and ends at
a group of people served. Paths stop at the first people node they reach. Information flows
back up a chain through ``accountable_to`` and ``reports_data_to`` links, followed in the
direction they are written.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from partnerscope.core.chains.model import UPWARD_TYPES, DeliveryChain, downward_step

__all__ = [
    "DEFAULT_PATH_LIMIT",
    "DeliveryPaths",
    "answering_nodes",
    "delivery_paths",
    "downward_graph",
    "steps_leading_to",
]

DEFAULT_PATH_LIMIT = 10_000
Path = tuple[str, ...]
Graph = Mapping[str, tuple[str, ...]]


def downward_graph(chain: DeliveryChain) -> dict[str, tuple[str, ...]]:
    """Each node's downward neighbours, without repeats, in the chain's node order.

    Examples
    --------
    >>> from partnerscope.core.chains.model import Link, Node
    >>> chain = DeliveryChain(
    ...     "c",
    ...     (Node("o", "outcome"), Node("b", "body"), Node("p", "people")),
    ...     (Link("b", "o", "accountable_to"), Link("b", "p", "delivers_to")),
    ... )
    >>> downward_graph(chain)
    {'o': ('b',), 'b': ('p',), 'p': ()}
    """
    order = {node.id: index for index, node in enumerate(chain.nodes)}
    successors: dict[str, set[str]] = {node.id: set() for node in chain.nodes}
    for link in chain.links:
        upper, lower = downward_step(link)
        successors[upper].add(lower)
    return {node: tuple(sorted(after, key=order.__getitem__)) for node, after in successors.items()}


def _simple_paths(
    graph: Graph,
    source: str,
    is_end: Callable[[str], bool],
    stop: Collection[str],
    limit: int,
) -> tuple[list[Path], bool]:
    """Simple paths from ``source`` to nodes where ``is_end`` holds, never expanding ``stop``.

    Returns at most ``limit`` paths and whether more exist.
    """
    paths: list[Path] = []
    visited = [source]
    on_path = {source}
    stack = [iter(graph[source])]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            on_path.discard(visited.pop())
            continue
        if child in on_path:
            continue
        if is_end(child):
            if len(paths) == limit:
                return paths, True
            paths.append((*visited, child))
        if child in stop:
            continue
        visited.append(child)
        on_path.add(child)
        stack.append(iter(graph[child]))
    return paths, False


@dataclass(frozen=True)
class DeliveryPaths:
    """The delivery paths of a chain, and whether the list was cut short at the limit."""

    paths: tuple[Path, ...]
    truncated: bool = False

    @property
    def longest(self) -> Path | None:
        """The path with the most links (the first such in path order), or ``None``."""
        if not self.paths:
            return None
        return max(self.paths, key=len)


def delivery_paths(chain: DeliveryChain, limit: int = DEFAULT_PATH_LIMIT) -> DeliveryPaths:
    """Every simple downward path from the outcome to a group of people served.

    Examples
    --------
    >>> from partnerscope.core.chains.model import Link, Node
    >>> chain = DeliveryChain(
    ...     "c",
    ...     (Node("o", "outcome"), Node("b", "body"), Node("s", "service"), Node("p", "people")),
    ...     (
    ...         Link("b", "o", "accountable_to"),
    ...         Link("b", "s", "commissions"),
    ...         Link("s", "p", "delivers_to"),
    ...         Link("b", "p", "delivers_to"),
    ...     ),
    ... )
    >>> delivery_paths(chain).paths
    (('o', 'b', 's', 'p'), ('o', 'b', 'p'))
    """
    people = set(chain.people)
    found, truncated = _simple_paths(
        downward_graph(chain), chain.outcome.id, people.__contains__, people, limit
    )
    return DeliveryPaths(tuple(found), truncated)


def steps_leading_to(
    chain: DeliveryChain,
    node_id: str,
    *,
    avoid: Collection[str] = (),
    limit: int = DEFAULT_PATH_LIMIT,
) -> tuple[frozenset[tuple[str, str]], bool]:
    """Downward steps lying on some simple path from the outcome to ``node_id``.

    Paths do not pass through ``avoid`` or through people served. Returns the steps and
    whether the path search stopped at ``limit`` paths.

    Examples
    --------
    >>> from partnerscope.core.chains.model import Link, Node
    >>> chain = DeliveryChain(
    ...     "c",
    ...     (Node("o", "outcome"), Node("b", "body"), Node("s", "service"), Node("p", "people")),
    ...     (
    ...         Link("b", "o", "accountable_to"),
    ...         Link("b", "s", "funds"),
    ...         Link("s", "p", "refers_to"),
    ...     ),
    ... )
    >>> sorted(steps_leading_to(chain, "s")[0])
    [('b', 's'), ('o', 'b')]
    """
    source = chain.outcome.id
    if node_id == source:
        return frozenset(), False
    graph = downward_graph(chain)
    blocked = set(avoid)
    pruned = {node: tuple(n for n in after if n not in blocked) for node, after in graph.items()}
    stop = {*chain.people, node_id}
    found, truncated = _simple_paths(pruned, source, node_id.__eq__, stop, limit)
    steps = {(path[i], path[i + 1]) for path in found for i in range(len(path) - 1)}
    return frozenset(steps), truncated


def answering_nodes(chain: DeliveryChain) -> frozenset[str]:
    """Nodes with a route of accountability or data links, as written, up to the outcome.

    The outcome itself is included.

    Examples
    --------
    >>> from partnerscope.core.chains.model import Link, Node
    >>> chain = DeliveryChain(
    ...     "c",
    ...     (Node("o", "outcome"), Node("b", "body"), Node("s", "service"), Node("p", "people")),
    ...     (
    ...         Link("b", "o", "accountable_to"),
    ...         Link("b", "s", "funds"),
    ...         Link("s", "p", "delivers_to"),
    ...     ),
    ... )
    >>> sorted(answering_nodes(chain))
    ['b', 'o']
    """
    answers_to: dict[str, set[str]] = {node.id: set() for node in chain.nodes}
    for link in chain.links:
        if link.type in UPWARD_TYPES:
            answers_to[link.target].add(link.source)
    reached = {chain.outcome.id}
    frontier = [chain.outcome.id]
    while frontier:
        upper = frontier.pop()
        for lower in answers_to[upper]:
            if lower not in reached:
                reached.add(lower)
                frontier.append(lower)
    return frozenset(reached)
