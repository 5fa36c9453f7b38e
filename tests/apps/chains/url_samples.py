"""Sample records of the kite partnership for every chains URL that takes parameters."""

from __future__ import annotations

from tests.apps.chains.builders import falls_chain, workshop_with


def chain(kite):
    return {"pk": falls_chain(kite)["chain"].pk}


def node(kite):
    parts = falls_chain(kite)
    return {"pk": parts["chain"].pk, "node_pk": parts["nurses"].pk}


def link(kite):
    parts = falls_chain(kite)
    return {"pk": parts["chain"].pk, "link_pk": parts["links"][0].pk}


def workshop(kite):
    parts = falls_chain(kite)
    found = parts["chain"].workshops.first() or workshop_with(parts["chain"], 0, 0)
    return {"pk": parts["chain"].pk, "workshop_pk": found.pk}


SAMPLES = {
    "chains:chain_detail": chain,
    "chains:chain_edit": chain,
    "chains:chain_delete": chain,
    "chains:chain_structure": chain,
    "chains:chain_analysis": chain,
    "chains:node_create": chain,
    "chains:node_edit": node,
    "chains:node_delete": node,
    "chains:link_create": chain,
    "chains:link_edit": link,
    "chains:link_delete": link,
    "chains:workshop_list": chain,
    "chains:workshop_create": chain,
    "chains:workshop_detail": workshop,
    "chains:workshop_edit": workshop,
    "chains:workshop_delete": workshop,
    "chains:workshop_invitations": workshop,
    "chains:workshop_rate": workshop,
    "chains:workshop_results": workshop,
    "chains:action_plan": chain,
}
