"""Across outcomes: does performance go with joint working?

One row per outcome with its performance score and three joint-working measures (its
chain's strength, the network density among its partners, the 7S mean of the wave its owning
body answered), and Spearman's rank correlation between performance and each measure over
the outcomes that have both. Only outcomes with no goals under them take part: a theme's
figures are its goals' together, and counting both would count the same indicators twice.
The correlation is descriptive, not causal, and is left out
below the partnership's minimum number of outcomes (``Strategy.correlation_minimum``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.strategy.joint_working import JointWorking, OutcomeWorking, load
from partnerscope.apps.strategy.models import DEFAULT_CORRELATION_MINIMUM, Strategy
from partnerscope.core.strategy import Correlation, spearman_pairs

MEASURES = (
    ("chain_strength", "Chain strength", "share of the twelve questions rated green"),
    ("network_density", "Network density", "share of possible ties among its partners"),
    ("sevens_mean", "7S mean", "mean of the seven element scores, 0 to 100"),
)
"""Each joint-working measure: attribute of :class:`OutcomeWorking`, name, what it is."""


@dataclass(frozen=True)
class MeasureCorrelation:
    key: str
    label: str
    meaning: str
    correlation: Correlation

    @property
    def rho_text(self) -> str:
        rho = self.correlation.rho
        return "–" if rho is None else f"{rho:+.2f}"

    @property
    def strength_words(self) -> str:
        """A plain reading of rho's size (descriptive only)."""
        rho = self.correlation.rho
        if rho is None:
            return self.correlation.reason
        size = abs(rho)
        words = "weak" if size < 0.3 else "moderate" if size < 0.6 else "strong"
        if size < 0.1:
            return "no clear association"
        way = "higher" if rho > 0 else "lower"
        return f"{words}: better-performing outcomes tend to have {way} {self.label.lower()}"


@dataclass(frozen=True)
class AcrossOutcomes:
    rows: list[OutcomeWorking]
    correlations: list[MeasureCorrelation]
    minimum: int
    working: JointWorking

    @property
    def scored(self) -> int:
        return sum(1 for row in self.rows if row.score is not None)

    def chart_points(self, key: str) -> list[dict[str, Any]]:
        return [
            {"outcome": row.title, "performance": row.score, "measure": getattr(row, key)}
            for row in self.rows
            if not row.goals and row.score is not None and getattr(row, key) is not None
        ]


def correlation_minimum(partnership: Partnership) -> int:
    strategy = Strategy.objects.in_partnership(partnership).first()
    return strategy.correlation_minimum if strategy else DEFAULT_CORRELATION_MINIMUM


def across_outcomes(
    partnership: Partnership, working: JointWorking | None = None
) -> AcrossOutcomes:
    """Every outcome's row and the correlations, from one read of the joint working."""
    working = working or load(partnership)
    rows = working.all
    minimum = correlation_minimum(partnership)
    correlations = [
        MeasureCorrelation(
            key,
            label,
            meaning,
            spearman_pairs(
                label, [(row.score, getattr(row, key)) for row in rows if not row.goals], minimum
            ),
        )
        for key, label, meaning in MEASURES
    ]
    return AcrossOutcomes(rows, correlations, minimum, working)
