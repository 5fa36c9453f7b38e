"""The comparison page: this partnership's headline figures beside those of the other
partnerships on the site that share theirs, with its position as a rank and a quartile.

Nothing of the others is read unless this partnership shares too and at least the minimum
number of partnerships (this one included) share; below that, only how many share and how
many more are needed. The arithmetic is ``partnerscope.core.learning.compare``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnerscope.apps.learning import sharing
from partnerscope.apps.learning.figures import MEASURE_KEYS, MEASURES, Measure, headline_figures
from partnerscope.core.learning import Comparison, compare


@dataclass(frozen=True)
class ComparisonRow:
    measure: Measure
    own: str
    peers: list[str]
    position: str
    compared: int


@dataclass(frozen=True)
class ComparisonPage:
    """What the comparison page (and the report's learning section) shows."""

    shares: bool
    sharing: int | None
    minimum: int
    shown: bool
    more_needed: int
    peer_labels: list[str]
    rows: list[ComparisonRow]

    @property
    def peer_count(self) -> int:
        return len(self.peer_labels)


def comparison_page(partnership: Any) -> ComparisonPage:
    """The comparison as this partnership may see it."""
    minimum = sharing.minimum_sharing()
    own = headline_figures(partnership)
    if not sharing.shares(partnership):
        return ComparisonPage(False, None, minimum, False, 0, [], own_rows(own))
    peers = [p for p in sharing.sharing_partnerships() if p.pk != partnership.pk]
    if 1 + len(peers) < minimum:
        return ComparisonPage(
            True, 1 + len(peers), minimum, False, minimum - 1 - len(peers), [], own_rows(own)
        )
    labels = sharing.labels_for(peers)
    peers.sort(key=lambda peer: labels[peer.slug].casefold())
    table = compare(own, [headline_figures(peer) for peer in peers], MEASURE_KEYS, minimum=minimum)
    return ComparisonPage(
        True,
        table.sharing,
        minimum,
        table.shown,
        table.more_needed,
        [labels[peer.slug] for peer in peers],
        rows(table) if table.shown else own_rows(own),
    )


def own_rows(own: dict[str, float | None]) -> list[ComparisonRow]:
    return [ComparisonRow(m, m.text(own[m.key]), [], "", 0) for m in MEASURES]


def rows(table: Comparison) -> list[ComparisonRow]:
    by_key = {measure.key: measure for measure in MEASURES}
    result = []
    for row in table.measures:
        measure = by_key[row.key]
        if row.position is not None:
            position = row.position.words
        elif row.own is None:
            position = "no figure to place"
        else:
            position = f"too few figures to place (fewer than {table.minimum})"
        result.append(
            ComparisonRow(
                measure,
                measure.text(row.own),
                [measure.text(value) for value in row.peers],
                position,
                row.with_figures,
            )
        )
    return result
