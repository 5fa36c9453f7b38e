"""Rules on the shape of the chain: owners, return routes, reach and single points of failure."""

from __future__ import annotations

from dataclasses import dataclass

from partnerscope.core.chains.facts import ChainFacts
from partnerscope.core.chains.findings import Finding, Rule
from partnerscope.core.chains.paths import downward_graph

__all__ = ["LinkWithoutOwner", "NoReturnPath", "PeopleNotReached", "SinglePointOfFailure"]


def describe_link(source: str, target: str, kind: str) -> str:
    """A link as text, e.g. ``council -> clinic (funds)``."""
    return f"{source} -> {target} ({kind})"


@dataclass(frozen=True)
class LinkWithoutOwner(Rule):
    """Every link has an owner who answers for making it work.

    Examples
    --------
    >>> from partnerscope.core.chains.facts import build_facts
    >>> from partnerscope.core.chains.model import DeliveryChain, Link, Node
    >>> chain = DeliveryChain(
    ...     "c", (Node("o", "outcome"), Node("s", "service")), (Link("s", "o", "accountable_to"),)
    ... )
    >>> [f.message for f in LinkWithoutOwner().findings(build_facts(chain))]
    ['Link s -> o (accountable_to) has no owner.']
    """

    id = "DC-S01"

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        return tuple(
            self.found(
                f"Link {describe_link(*link.key)} has no owner.",
                nodes=link.pair,
                links=(link.key,),
            )
            for link in facts.chain.links
            if link.owner is None
        )


@dataclass(frozen=True)
class NoReturnPath(Rule):
    """Information flows back up every delivery path: each node between the outcome and the
    people served answers to the outcome through accountability or data links.

    A node answers to the outcome when a route of ``accountable_to`` and ``reports_data_to``
    links, followed as written, leads from it to the outcome.
    """

    id = "DC-S02"

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        results = []
        for path in facts.paths.paths:
            silent = tuple(node for node in path[1:-1] if node not in facts.answering)
            if silent:
                results.append(
                    self.found(
                        f"On the delivery path {' -> '.join(path)}, no accountability or data "
                        f"reaches the outcome from {', '.join(silent)}.",
                        nodes=silent,
                        evidence={"path": path, "not_answering": silent},
                    )
                )
        return tuple(results)


@dataclass(frozen=True)
class PeopleNotReached(Rule):
    """Every group of people served is reached by a delivery path from the outcome."""

    id = "DC-S03"

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        chain = facts.chain
        graph = downward_graph(chain)
        people = set(chain.people)
        reached = {chain.outcome.id}
        frontier = [chain.outcome.id]
        while frontier:
            for lower in graph[frontier.pop()]:
                if lower not in reached:
                    reached.add(lower)
                    if lower not in people:
                        frontier.append(lower)
        return tuple(
            self.found(
                f"No delivery path leads from the outcome to the people served {group!r}.",
                nodes=(group,),
            )
            for group in chain.people
            if group not in reached
        )


@dataclass(frozen=True)
class SinglePointOfFailure(Rule):
    """No single node holds the chain together: losing any one node other than the outcome
    and the people served still leaves every group of people connected to the outcome.

    Connection counts links of any type in either direction.
    """

    id = "DC-S04"

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        return tuple(
            self.found(
                f"Losing {point.node!r} would cut {', '.join(point.cuts_off)} off from the "
                "outcome.",
                nodes=(point.node, *point.cuts_off),
                evidence={"node": point.node, "cuts_off": point.cuts_off},
            )
            for point in facts.single_points
        )
