"""The demo's chains as rows: each chain, its nodes and its links, from their outlines."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.chains.demo.outlines import CHAINS, Rows

OUTCOME_OF_CHAIN = {"domestic-abuse": "domestic-abuse", "neet": "learning", "carbon": "carbon"}
"""The performance demo's outcome each demo chain serves (its ``outcome_ref``)."""


def add_chains(
    result: dict[str, Rows], tables: dict[str, Any], owners: dict[str, dict[str, Any]]
) -> None:
    """Add the rows of ``chains``, ``chain_nodes`` and ``chain_links`` to ``result``, with
    organisations, bodies and link owners from the partnership's foundation ``tables``."""
    slug = tables["partnership"][0]["slug"]
    area = tables["partnership"][0]["area"]
    organisations = {row["id"] for row in tables["organisations"]}
    bodies = {row["id"] for row in tables["bodies"]}
    for chain, outcome, description, target, nodes, links in CHAINS:
        result["chains"].append(
            {
                "id": chain,
                "outcome": outcome,
                "description": description,
                "target_date": target,
                "outcome_ref": OUTCOME_OF_CHAIN.get(chain),
            }
        )
        for ref, kind, name, organisation, body in nodes:
            org_id = f"{slug}-{organisation}" if organisation else None
            result["chain_nodes"].append(
                {
                    "chain": chain,
                    "id": ref,
                    "kind": kind,
                    "name": name.format(area=area),
                    "layer": layer_of(tables, body) if body in bodies else None,
                    "organisation": org_id if org_id in organisations else None,
                    "body": body if body in bodies else None,
                }
            )
        for source, target_ref, kind, extras in links:
            owner = owners.get(extras.get("owner", ""))
            result["chain_links"].append(
                {
                    "chain": chain,
                    "from": source,
                    "to": target_ref,
                    "type": kind,
                    "owner": owner["name"] if owner else None,
                    "indicator": extras.get("indicator"),
                    "amount": extras.get("amount"),
                    "secure_until": extras.get("secure_until"),
                    "frequency": extras.get("frequency"),
                    "likelihood": extras.get("likelihood"),
                    "impact": extras.get("impact"),
                    "owner_person": owner["id"] if owner else None,
                }
            )


def layer_of(tables: dict[str, Any], body: str | None) -> str | None:
    return next((row["layer"] for row in tables["bodies"] if row["id"] == body), None)
