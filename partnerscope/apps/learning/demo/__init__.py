"""The learning area's demo: every Northshire partnership shares its figures (the county,
Easton, Kirkby Moor and Southam Vale agree to be named; Riverside and Westmere do not), the
county keeps one practice entry of its own, and the site-wide library holds a few made-up
examples linked to rules the demo's register finds.

``demo_tables`` gives each demo partnership's rows to the ordinary package import;
``after_demo`` imports the site-wide library (``library.csv``) through the same function
as the ``import_practice_library`` command.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from partnerscope.apps.learning.library import import_library

LIBRARY = Path(__file__).with_name("library.csv")
NAMED_DISTRICTS = ("-easton", "-kirkby-moor", "-southam-vale")


def demo_tables(tables: dict[str, Any], index: int) -> dict[str, list[dict[str, Any]]]:
    """The sharing agreement of every demo partnership, and the county's own practice."""
    partnership = tables["partnership"][0]
    county = partnership["parent"] in (None, "")
    slug = partnership["slug"]
    named = county or slug.endswith(NAMED_DISTRICTS)
    rows: dict[str, list[dict[str, Any]]] = {
        "learning_sharing": [
            {
                "shares": True,
                "may_be_named": named,
                "agreed_by": "Partnership manager, on behalf of the board",
                "agreed_on": "2026-04-01",
            }
        ],
        "learning_practice": [],
    }
    if county:
        rows["learning_practice"].append(
            {
                "id": "chain-indicator-clinic",
                "practice": "Indicator clinic for delivery chain links",
                "description": "Theme leads bring each chain link without an indicator to a "
                "monthly clinic with the performance team, which agrees a measure and who "
                "reports it.",
                "where": f"{partnership['name']}",
                "evidence": "Made-up example: links without an indicator fell from eight to two "
                "in six months.",
                "framework_part": "chain",
                "contact": "Performance team, county council",
                "rule_ids": "DC-W03;crowding_no_indicator",
                "example": True,
            }
        )
    return rows


def after_demo(partnerships: Sequence[Any]) -> None:
    """Import the site-wide library of made-up examples."""
    import_library(LIBRARY)
