"""From the database to the analysis core: a chain's nodes, links and workshop ratings as the
core's types, and the evidence the core cross-checks them against.

The cross-checks against the relationship survey and indicator status read their evidence
through :func:`relationship_evidence` and :func:`indicator_evidence`, the two places where
those areas are wired in, each through the other area's public read module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from partnerscope.apps.chains.models import Chain, ChainLink, ChainNode, Rating, Workshop
from partnerscope.apps.network import selectors as network
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance import selectors as performance
from partnerscope.core import chains as core

Pair = tuple[str, str]


def relationship_evidence(partnership: Partnership) -> core.Relationships:
    """The relationship survey between the partnership's organisations, for the paper-link
    check (rule DC-X01): ``(organisation ref, organisation ref) -> (level 0-4, trust 1-4)``,
    from the latest closed wave of the relationship survey; empty when there is none.
    """
    return network.relationship_levels(partnership)


def indicator_evidence(partnership: Partnership) -> dict[str, core.Rag]:
    """The latest red/amber/green status of each indicator code, for the off-track check
    (rule DC-X02): the stored status in the partnership's first area (its whole area).
    """
    return cast(dict[str, core.Rag], performance.indicator_statuses(partnership))


def core_node(node: ChainNode) -> core.Node:
    return core.Node(
        id=node.ref,
        kind=node.kind,  # type: ignore[arg-type]
        name=node.name,
        layer=node.layer or None,  # type: ignore[arg-type]
        organisation=node.organisation.ref if node.organisation else None,
    )


def core_link(link: ChainLink) -> core.Link:
    both = link.likelihood is not None and link.impact is not None
    return core.Link(
        source=link.source.ref,
        target=link.target.ref,
        type=link.type,  # type: ignore[arg-type]
        owner=link.owner_name or None,
        indicator=link.indicator or None,
        amount=None if link.amount is None else float(link.amount),
        secure_until=link.secure_until,
        frequency=None if link.frequency is None else float(link.frequency),
        risk=core.Risk(link.likelihood, link.impact) if both else None,  # type: ignore[arg-type]
    )


def chain_records(chain: Chain) -> tuple[list[ChainNode], list[ChainLink]]:
    nodes = list(chain.nodes.select_related("organisation", "body"))
    links = list(chain.links.with_ends().order_by("pk"))
    return nodes, links


def core_chain(
    chain: Chain, nodes: Sequence[ChainNode], links: Sequence[ChainLink]
) -> core.DeliveryChain:
    return core.DeliveryChain(
        chain.ref,
        tuple(core_node(node) for node in nodes),
        tuple(core_link(link) for link in links),
    )


def core_ratings(workshop: Workshop, pairs: Iterable[Pair]) -> tuple[core.Rating, ...]:
    """The workshop's ratings as the core's; ratings of links since deleted are left out."""
    known = set(pairs)
    ratings = []
    rows = Rating.objects.filter(participant__workshop=workshop).select_related(
        "participant", "link_source", "link_target"
    )
    for rating in rows.order_by("participant__pk", "pk"):
        link = None
        if rating.link_source is not None and rating.link_target is not None:
            link = (rating.link_source.ref, rating.link_target.ref)
            if link not in known:
                continue
        ratings.append(
            core.Rating(
                participant=rating.participant.ref,
                level=rating.participant.level,  # type: ignore[arg-type]
                question=rating.question,
                rating=rating.value,  # type: ignore[arg-type]
                link=link,
            )
        )
    return tuple(ratings)


def chain_context(chain: Chain) -> core.ChainContext:
    partnership = chain.partnership
    return core.ChainContext(
        target_date=chain.target_date,
        relationships=relationship_evidence(partnership),
        indicator_status=indicator_evidence(partnership),
        min_group_size=partnership.anonymity_threshold,
    )
