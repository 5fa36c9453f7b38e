"""The delivery chain: one shared outcome, the nodes that deliver it and the links between them.

A chain is drawn from the outcome at the top down to the people it serves. Every link type
has a *delivery direction*: money, commissioning, delivery and referral run downward from
the link's ``source`` to its ``target``; accountability and data run upward, from the party
that answers (or reports) to the one it answers to, so their downward step is
``target -> source``. :func:`downward_step` applies that orientation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Literal, get_args

__all__ = [
    "DOWNWARD_TYPES",
    "LAYERS",
    "LINK_TYPES",
    "NODE_KINDS",
    "UPWARD_TYPES",
    "DeliveryChain",
    "Layer",
    "Link",
    "LinkKey",
    "LinkType",
    "Node",
    "NodeKind",
    "Risk",
    "downward_step",
    "organisation_of",
]

NodeKind = Literal["outcome", "body", "organisation", "service", "front_line", "people"]
LinkType = Literal[
    "accountable_to", "funds", "commissions", "reports_data_to", "delivers_to", "refers_to"
]
Layer = Literal["strategic", "executive", "operational"]
LinkKey = tuple[str, str, LinkType]

NODE_KINDS: tuple[NodeKind, ...] = get_args(NodeKind)
LINK_TYPES: tuple[LinkType, ...] = get_args(LinkType)
LAYERS: tuple[Layer, ...] = get_args(Layer)
DOWNWARD_TYPES: frozenset[LinkType] = frozenset(
    {"funds", "commissions", "delivers_to", "refers_to"}
)
UPWARD_TYPES: frozenset[LinkType] = frozenset({"accountable_to", "reports_data_to"})


@dataclass(frozen=True)
class Node:
    """One place in the chain: the outcome, a body, an organisation, a service, the front line
    or a group of people served.

    ``layer`` is the governance layer of a body; ``organisation`` names the organisation the
    node belongs to, so the chain can be checked against the relationship survey.
    """

    id: str
    kind: NodeKind
    name: str = ""
    layer: Layer | None = None
    organisation: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a node needs an id")
        if self.kind not in NODE_KINDS:
            raise ValueError(f"node {self.id!r}: {self.kind!r} is not a node kind")
        if self.layer is not None and self.layer not in LAYERS:
            raise ValueError(f"node {self.id!r}: {self.layer!r} is not a governance layer")
        if self.layer is not None and self.kind != "body":
            raise ValueError(f"node {self.id!r}: only a body sits in a governance layer")


@dataclass(frozen=True)
class Risk:
    """The risk that a link fails: likelihood and impact, each scored 1 (low) to 5 (high)."""

    likelihood: int
    impact: int

    def __post_init__(self) -> None:
        for name, value in (("likelihood", self.likelihood), ("impact", self.impact)):
            if not 1 <= value <= 5:
                raise ValueError(f"risk {name} {value} is not between 1 and 5")

    @property
    def score(self) -> int:
        """Likelihood times impact, 1 to 25."""
        return self.likelihood * self.impact


@dataclass(frozen=True)
class Link:
    """A typed, owned tie between two nodes of a chain.

    ``amount`` and ``secure_until`` belong to ``funds`` links, ``frequency`` (times a year) to
    ``reports_data_to`` links. ``indicator`` names the indicator the link should move.
    """

    source: str
    target: str
    type: LinkType
    owner: str | None = None
    indicator: str | None = None
    amount: float | None = None
    secure_until: date | None = None
    frequency: float | None = None
    risk: Risk | None = None

    def __post_init__(self) -> None:
        if self.type not in LINK_TYPES:
            raise ValueError(f"{self.type!r} is not a link type")
        if self.source == self.target:
            raise ValueError(f"link {self.source!r} -> {self.target!r} joins a node to itself")
        if self.type != "funds" and (self.amount is not None or self.secure_until is not None):
            raise ValueError("amount and secure_until apply only to funds links")
        if self.type != "reports_data_to" and self.frequency is not None:
            raise ValueError("frequency applies only to reports_data_to links")
        if self.amount is not None and self.amount < 0:
            raise ValueError(f"amount {self.amount} is negative")
        if self.frequency is not None and self.frequency <= 0:
            raise ValueError(f"frequency {self.frequency} is not a positive number of times")

    @property
    def key(self) -> LinkKey:
        """``(source, target, type)``: a link's identity within its chain."""
        return (self.source, self.target, self.type)

    @property
    def pair(self) -> tuple[str, str]:
        """``(source, target)`` as written, whatever the type."""
        return (self.source, self.target)


def downward_step(link: Link) -> tuple[str, str]:
    """The link as a step from the outcome towards the people served.

    Examples
    --------
    >>> downward_step(Link("council", "service", "funds"))
    ('council', 'service')
    >>> downward_step(Link("service", "board", "accountable_to"))
    ('board', 'service')
    """
    if link.type in UPWARD_TYPES:
        return (link.target, link.source)
    return (link.source, link.target)


def organisation_of(node: Node) -> str | None:
    """The organisation a node belongs to: its ``organisation``, or its own id if it is one."""
    if node.organisation is not None:
        return node.organisation
    if node.kind == "organisation":
        return node.id
    return None


@dataclass(frozen=True)
class DeliveryChain:
    """One outcome's delivery chain: exactly one ``outcome`` node, other nodes and links.

    Node ids are unique within the chain, every link joins two of its nodes, and no two links
    share source, target and type.

    Examples
    --------
    >>> chain = DeliveryChain(
    ...     "teenage-pregnancy",
    ...     (Node("o", "outcome"), Node("clinic", "service"), Node("young", "people")),
    ...     (Link("clinic", "o", "accountable_to"), Link("clinic", "young", "delivers_to")),
    ... )
    >>> chain.outcome.id, chain.people
    ('o', ('young',))
    """

    id: str
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]

    def __post_init__(self) -> None:
        ids = [node.id for node in self.nodes]
        seen: set[str] = set()
        for node_id in ids:
            if node_id in seen:
                raise ValueError(f"chain {self.id!r}: node {node_id!r} appears twice")
            seen.add(node_id)
        outcomes = [node.id for node in self.nodes if node.kind == "outcome"]
        if len(outcomes) != 1:
            raise ValueError(
                f"chain {self.id!r} needs exactly one outcome node, found {len(outcomes)}"
            )
        keys: set[LinkKey] = set()
        for link in self.links:
            for end in (link.source, link.target):
                if end not in seen:
                    raise ValueError(f"chain {self.id!r}: link names unknown node {end!r}")
            if link.key in keys:
                raise ValueError(f"chain {self.id!r}: link {link.key} appears twice")
            keys.add(link.key)

    @property
    def outcome(self) -> Node:
        """The outcome node the chain serves."""
        return next(node for node in self.nodes if node.kind == "outcome")

    @property
    def people(self) -> tuple[str, ...]:
        """Ids of the groups of people served, in input order."""
        return tuple(node.id for node in self.nodes if node.kind == "people")

    @cached_property
    def nodes_by_id(self) -> dict[str, Node]:
        """Each node by its id."""
        return {node.id: node for node in self.nodes}

    def node(self, node_id: str) -> Node:
        """The node with id ``node_id`` (``KeyError`` if there is none)."""
        return self.nodes_by_id[node_id]
