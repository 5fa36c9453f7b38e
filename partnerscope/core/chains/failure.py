"""Single points of failure: nodes whose loss would cut people served off from the outcome.

Connection here ignores link type and direction: a group of people is connected to the
outcome when some chain of links of any kind joins them. A node other than the outcome and
the people served is a single point of failure when removing it leaves a connected group of
people with no connection at all. These are the articulation points of the undirected chain
that separate the outcome from people, found with one depth-first search (Hopcroft and
Tarjan, 1973): a node ``v`` cuts off the subtree of a child ``c`` when no edge from that
subtree reaches above ``v`` (``low[c] >= disc[v]``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnerscope.core.chains.model import DeliveryChain

__all__ = ["FailurePoint", "single_points_of_failure"]


@dataclass(frozen=True)
class FailurePoint:
    """A node, and the groups of people served who would lose all connection without it."""

    node: str
    cuts_off: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``node`` and ``cuts_off`` (people node ids)."""
        return {"node": self.node, "cuts_off": list(self.cuts_off)}


def single_points_of_failure(chain: DeliveryChain) -> tuple[FailurePoint, ...]:
    """Every node whose removal disconnects some group of people served from the outcome.

    Returned in the chain's node order, each with the people it cuts off in node order.

    Examples
    --------
    >>> from partnerscope.core.chains.model import Link, Node
    >>> chain = DeliveryChain(
    ...     "c",
    ...     (
    ...         Node("o", "outcome"),
    ...         Node("board", "body"),
    ...         Node("a", "service"),
    ...         Node("b", "service"),
    ...         Node("p", "people"),
    ...     ),
    ...     (
    ...         Link("board", "o", "accountable_to"),
    ...         Link("board", "a", "funds"),
    ...         Link("board", "b", "funds"),
    ...         Link("a", "p", "delivers_to"),
    ...         Link("b", "p", "delivers_to"),
    ...     ),
    ... )
    >>> single_points_of_failure(chain)
    (FailurePoint(node='board', cuts_off=('p',)),)
    """
    order = {node.id: index for index, node in enumerate(chain.nodes)}
    neighbours: dict[str, set[str]] = {node.id: set() for node in chain.nodes}
    for link in chain.links:
        neighbours[link.source].add(link.target)
        neighbours[link.target].add(link.source)
    adjacency = {node: sorted(near, key=order.__getitem__) for node, near in neighbours.items()}
    people = set(chain.people)
    root = chain.outcome.id

    discovered: dict[str, int] = {root: 0}
    low: dict[str, int] = {root: 0}
    below: dict[str, set[str]] = {root: set()}
    cut: dict[str, set[str]] = {}
    stack: list[tuple[str, int]] = [(root, 0)]
    parents: dict[str, str] = {}
    while stack:
        node, position = stack[-1]
        if position < len(adjacency[node]):
            stack[-1] = (node, position + 1)
            child = adjacency[node][position]
            if child not in discovered:
                parents[child] = node
                discovered[child] = low[child] = len(discovered)
                below[child] = {child} if child in people else set()
                stack.append((child, 0))
            elif child != parents.get(node):
                low[node] = min(low[node], discovered[child])
            continue
        stack.pop()
        if node == root:
            continue
        parent = parents[node]
        low[parent] = min(low[parent], low[node])
        below[parent] |= below[node]
        if parent != root and low[node] >= discovered[parent] and below[node]:
            cut.setdefault(parent, set()).update(below[node])
    return tuple(
        FailurePoint(node.id, tuple(sorted(cut[node.id], key=order.__getitem__)))
        for node in chain.nodes
        if node.id in cut and node.kind != "people"
    )
