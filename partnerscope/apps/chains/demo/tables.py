"""The demo's chain tables for one demo partnership: the entry point the demo calls through
the app's ``demo_tables`` setting. The actions agreed in the chains' workshops are part of
the action plan's demo (``partnerscope.apps.actions.demo``)."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.chains.demo.chains import add_chains
from partnerscope.apps.chains.demo.outlines import Rows
from partnerscope.apps.chains.demo.workshops import add_workshops

TABLES = (
    "chains",
    "chain_nodes",
    "chain_links",
    "chain_workshops",
    "chain_participants",
    "chain_ratings",
)


def demo_tables(tables: dict[str, Any], index: int) -> dict[str, Rows]:
    """The chain rows of demo partnership ``index``: three chains for Northshire (index 0),
    none for the others."""
    result: dict[str, Rows] = {name: [] for name in TABLES}
    if index != 0:
        return result
    slug = tables["partnership"][0]["slug"]
    owners = owner_people(tables, slug)
    add_chains(result, tables, owners)
    add_workshops(result)
    return result


def owner_people(tables: dict[str, Any], slug: str) -> dict[str, dict[str, Any]]:
    """For each organisation suffix, the first person (by id) who works there."""
    owners: dict[str, dict[str, Any]] = {}
    for person in sorted(tables["people"], key=lambda row: row["id"]):
        suffix = person["organisation"].removeprefix(f"{slug}-")
        owners.setdefault(suffix, person)
    return owners
