"""Comparing two waves of the relationship survey: the whole-network measures side by side,
the ties made and lost, and the organisations that became isolated or central.

Every figure comes from the core's ``compare_waves``; this module loads both waves and
arranges the comparison for its page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from partnerscope.apps.network.analysis import Options, analyse, wave_network
from partnerscope.apps.network.models import Wave
from partnerscope.apps.partnerships.models import Organisation
from partnerscope.core import network as core

HEADLINES: list[tuple[str, str, str]] = [
    ("nodes", "Organisations", "count"),
    ("ties", "Ties counted", "count"),
    ("density", "Density", "share"),
    ("reciprocity", "Reciprocity", "share"),
    ("in_centralization", "In-degree centralisation", "share"),
    ("out_centralization", "Out-degree centralisation", "share"),
    ("betweenness_centralization", "Betweenness centralisation", "share"),
    ("components", "Separate parts (components)", "count"),
    ("isolates", "Isolated organisations", "count"),
    ("modularity", "Modularity of the communities", "number"),
    ("average_path_length", "Average path length (ties)", "number"),
]
"""The whole-network measures the comparison page shows, with their labels."""


@dataclass(frozen=True)
class MeasureRow:
    label: str
    kind: str
    before: Any
    after: Any
    change: Any


@dataclass(frozen=True)
class ComparePage:
    wave: Wave
    before: Wave | None
    after: Wave | None
    choices: list[Wave]
    options: Options
    measures: list[MeasureRow] = field(default_factory=list)
    new_ties: list[tuple[Organisation, Organisation]] = field(default_factory=list)
    lost_ties: list[tuple[Organisation, Organisation]] = field(default_factory=list)
    kept_ties: int = 0
    lists: list[tuple[str, str, list[Organisation]]] = field(default_factory=list)
    top_share: float = core.DEFAULT_TOP_SHARE

    @property
    def other(self) -> Wave | None:
        """The wave this one is compared with."""
        return self.before if self.after == self.wave else self.after


def default_other(wave: Wave) -> Wave | None:
    if wave.previous_id:
        return wave.previous
    return (
        Wave.objects.in_partnership(wave.partnership)
        .filter(opens__lt=wave.opens)
        .order_by("-opens", "-pk")
        .first()
    )


def compare_page(wave: Wave, other_pk: int | None, options: Options) -> ComparePage:
    """Compare ``wave`` with another wave of the partnership (its previous one by default)."""
    choices = list(Wave.objects.in_partnership(wave.partnership).exclude(pk=wave.pk))
    other = next((w for w in choices if w.pk == other_pk), None) if other_pk else None
    other = other or default_other(wave)
    if other is None:
        return ComparePage(wave, None, None, choices, options)
    before, after = sorted([wave, other], key=lambda w: (w.opens, w.pk))
    first, second = wave_network(before), wave_network(after)
    comparison = core.compare_waves(analyse(first, options), analyse(second, options))
    names = {**first.organisations, **second.organisations}

    def named(refs: Sequence[str]) -> list[Organisation]:
        return sorted((names[ref] for ref in refs), key=lambda o: o.name.casefold())

    def pairs(ties: Sequence[tuple[str, str]]) -> list[tuple[Organisation, Organisation]]:
        return sorted(
            ((names[a], names[b]) for a, b in ties),
            key=lambda pair: (pair[0].name.casefold(), pair[1].name.casefold()),
        )

    share = f"{comparison.top_share:.0%}"
    return ComparePage(
        wave=wave,
        before=before,
        after=after,
        choices=choices,
        options=options,
        measures=[
            MeasureRow(
                label,
                kind,
                comparison.before.get(key),
                comparison.after.get(key),
                comparison.change.get(key),
            )
            for key, label, kind in HEADLINES
        ],
        new_ties=pairs(comparison.new_ties),
        lost_ties=pairs(comparison.lost_ties),
        kept_ties=comparison.kept_ties,
        lists=[
            ("became-isolated", "Became isolated", named(comparison.became_isolated)),
            ("no-longer-isolated", "No longer isolated", named(comparison.no_longer_isolated)),
            (
                "became-central",
                f"Became central (top {share} by betweenness)",
                named(comparison.became_central),
            ),
            ("no-longer-central", "No longer central", named(comparison.no_longer_central)),
            ("joined", "Joined the partnership", named(comparison.joined)),
            ("left", "Left the partnership", named(comparison.left)),
        ],
        top_share=comparison.top_share,
    )
