"""Saving a chain and its structure: the chain itself, its nodes and the links between them.

A new chain gets its outcome node, which follows the outcome's title and stays while the
chain exists.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.chains.choices import NodeKind
from partnerscope.apps.chains.models import Chain, ChainLink, ChainNode
from partnerscope.apps.common.records import unique_ref


def save_chain(access: Access, form: Any) -> Chain:
    """Create or change a chain; a new chain gets its outcome node, and the outcome node's
    name follows the outcome's title."""
    chain: Chain = form.save(commit=False)
    chain.partnership = access.partnership
    if not chain.ref:
        chain.ref = unique_ref(
            Chain.objects.in_partnership(access.partnership), chain.outcome_title
        )
    chain.save()
    outcome = chain.nodes.outcomes().first()
    if outcome is None:
        ChainNode.objects.create(
            chain=chain, ref="outcome", kind=NodeKind.OUTCOME, name=chain.outcome_title
        )
    elif outcome.name != chain.outcome_title:
        outcome.name = chain.outcome_title
        outcome.save()
    return chain


def delete_chain(access: Access, chain: Chain) -> None:
    chain.delete()


def save_node(chain: Chain, form: Any) -> ChainNode:
    node: ChainNode = form.save(commit=False)
    node.chain = chain
    if not node.ref:
        node.ref = unique_ref(chain.nodes.all(), node.name)
    node.save()
    return node


def delete_node(chain: Chain, node: ChainNode) -> None:
    """Delete a node and its links; the outcome stays while the chain exists."""
    if node.kind == NodeKind.OUTCOME:
        raise ValidationError("The outcome cannot be deleted: delete the whole chain instead.")
    node.delete()


def save_link(chain: Chain, form: Any) -> ChainLink:
    link: ChainLink = form.save(commit=False)
    link.chain = chain
    link.save()
    return link


def delete_link(chain: Chain, link: ChainLink) -> None:
    link.delete()
