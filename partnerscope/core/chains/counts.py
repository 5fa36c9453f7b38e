"""How big a chain is: its nodes, links and the organisations taking part."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnerscope.core.chains.model import (
    LINK_TYPES,
    NODE_KINDS,
    DeliveryChain,
    organisation_of,
)

__all__ = ["ChainCounts", "count_chain"]


@dataclass(frozen=True)
class ChainCounts:
    """Nodes, links and distinct organisations in one chain, with nodes by kind and links
    by type (every kind and type listed, zero included)."""

    nodes: int
    links: int
    organisations: tuple[str, ...]
    nodes_by_kind: tuple[tuple[str, int], ...]
    links_by_type: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``nodes``, ``links``, ``organisations`` (the count),
        ``organisation_ids``, ``nodes_by_kind`` and ``links_by_type``."""
        return {
            "nodes": self.nodes,
            "links": self.links,
            "organisations": len(self.organisations),
            "organisation_ids": list(self.organisations),
            "nodes_by_kind": dict(self.nodes_by_kind),
            "links_by_type": dict(self.links_by_type),
        }


def count_chain(chain: DeliveryChain) -> ChainCounts:
    """Count a chain's nodes, links and organisations.

    A node belongs to the organisation named in its ``organisation`` field; a node of kind
    ``organisation`` with no such field is its own organisation.

    Examples
    --------
    >>> from partnerscope.core.chains.model import Link, Node
    >>> chain = DeliveryChain(
    ...     "c",
    ...     (
    ...         Node("o", "outcome"),
    ...         Node("pct", "organisation"),
    ...         Node("clinic", "service", organisation="pct"),
    ...         Node("p", "people"),
    ...     ),
    ...     (Link("clinic", "p", "delivers_to"),),
    ... )
    >>> counts = count_chain(chain)
    >>> counts.nodes, counts.links, counts.organisations
    (4, 1, ('pct',))
    """
    organisations: list[str] = []
    for node in chain.nodes:
        organisation = organisation_of(node)
        if organisation is not None and organisation not in organisations:
            organisations.append(organisation)
    return ChainCounts(
        nodes=len(chain.nodes),
        links=len(chain.links),
        organisations=tuple(organisations),
        nodes_by_kind=tuple(
            (kind, sum(node.kind == kind for node in chain.nodes)) for kind in NODE_KINDS
        ),
        links_by_type=tuple(
            (kind, sum(link.type == kind for link in chain.links)) for kind in LINK_TYPES
        ),
    )
