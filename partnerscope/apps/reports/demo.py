"""The demo's published public report: Northshire's public version, published by its
manager once every other area's demo work is done (this hook runs last)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from partnerscope.apps.reports.publishing import live_publication, publish

DEMO_SLUG = "northshire"
DEMO_PUBLISHER = "Demo manager"


def publish_demo(partnerships: Sequence[Any]) -> None:
    """Publish Northshire's public version, unless one is live already (a demo run again)."""
    for partnership in partnerships:
        if partnership.slug == DEMO_SLUG and live_publication(partnership) is None:
            publish(partnership, by=DEMO_PUBLISHER)
