"""Money in the chain: how much flows into each branch, and funding that runs out too soon.

A *branch* starts at one of the nodes directly below the outcome (a downward neighbour of the
outcome) and holds every node reachable downward from it without passing back through the
outcome or beyond the people served. Money flowing into a branch is the sum of the amounts on
``funds`` links whose target lies in the branch; the part that comes from outside the branch
(a funder not itself in the branch) is reported separately. Branches may share nodes, so the
same money can appear in two branches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from partnerscope.core.chains.model import DeliveryChain, Link
from partnerscope.core.chains.paths import downward_graph

__all__ = ["Branch", "funding_branches", "funding_ending_before"]


@dataclass(frozen=True)
class Branch:
    """One branch below the outcome and the money flowing into it.

    ``funding_links`` counts ``funds`` links into the branch; ``unpriced_links`` those of them
    with no amount, which add nothing to ``amount_in``.
    """

    head: str
    nodes: tuple[str, ...]
    amount_in: float
    amount_from_outside: float
    funding_links: int
    unpriced_links: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``head``, ``nodes``, ``amount_in``, ``amount_from_outside``,
        ``funding_links``, ``unpriced_links``."""
        return {
            "head": self.head,
            "nodes": list(self.nodes),
            "amount_in": self.amount_in,
            "amount_from_outside": self.amount_from_outside,
            "funding_links": self.funding_links,
            "unpriced_links": self.unpriced_links,
        }


def funding_branches(chain: DeliveryChain) -> tuple[Branch, ...]:
    """The branches below the outcome, each with the money flowing into it.

    Examples
    --------
    >>> from partnerscope.core.chains.model import Link, Node
    >>> chain = DeliveryChain(
    ...     "c",
    ...     (
    ...         Node("o", "outcome"),
    ...         Node("council", "organisation"),
    ...         Node("board", "body"),
    ...         Node("clinic", "service"),
    ...         Node("p", "people"),
    ...     ),
    ...     (
    ...         Link("board", "o", "accountable_to"),
    ...         Link("board", "clinic", "commissions"),
    ...         Link("council", "clinic", "funds", amount=50_000.0),
    ...         Link("clinic", "p", "delivers_to"),
    ...     ),
    ... )
    >>> [(b.head, b.amount_in, b.amount_from_outside) for b in funding_branches(chain)]
    [('board', 50000.0, 50000.0)]
    """
    graph = downward_graph(chain)
    outcome = chain.outcome.id
    people = set(chain.people)
    order = {node.id: index for index, node in enumerate(chain.nodes)}
    funds = [link for link in chain.links if link.type == "funds"]
    branches: list[Branch] = []
    for head in graph[outcome]:
        reached = {head}
        frontier = [] if head in people else [head]
        while frontier:
            for lower in graph[frontier.pop()]:
                if lower != outcome and lower not in reached:
                    reached.add(lower)
                    if lower not in people:
                        frontier.append(lower)
        into = [link for link in funds if link.target in reached]
        branches.append(
            Branch(
                head=head,
                nodes=tuple(sorted(reached, key=order.__getitem__)),
                amount_in=sum((link.amount or 0.0 for link in into), 0.0),
                amount_from_outside=sum(
                    (link.amount or 0.0 for link in into if link.source not in reached), 0.0
                ),
                funding_links=len(into),
                unpriced_links=sum(link.amount is None for link in into),
            )
        )
    return tuple(branches)


def funding_ending_before(chain: DeliveryChain, target_date: date) -> tuple[Link, ...]:
    """``funds`` links whose money is secure only until a day before ``target_date``.

    Links with no ``secure_until`` date are not included.

    Examples
    --------
    >>> from partnerscope.core.chains.model import Link, Node
    >>> chain = DeliveryChain(
    ...     "c",
    ...     (Node("o", "outcome"), Node("a", "organisation"), Node("s", "service")),
    ...     (Link("a", "s", "funds", amount=10.0, secure_until=date(2010, 3, 31)),),
    ... )
    >>> [link.pair for link in funding_ending_before(chain, date(2011, 3, 31))]
    [('a', 's')]
    """
    return tuple(
        link
        for link in chain.links
        if link.type == "funds"
        and link.secure_until is not None
        and link.secure_until < target_date
    )
