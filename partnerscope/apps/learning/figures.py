"""The headline figures of one partnership, each read through its area's selectors and
computed by that area's own analysis, so a figure here is the figure on the area's page.

* 7S element scores: the latest closed wave, as its results page publishes them (none when
  the wave has fewer respondents than the anonymity threshold);
* density, in-degree centralisation and the E–I index by sector: the latest closed
  relationship wave, analysed as the measures page shows it by default;
* chain strength: the mean over the partnership's chains that have a strength;
* share of indicators on track: green among the indicators with a stored status;
* cost of the partnership per year: not recorded until the resources area lands (the
  measure keeps its row so that it fills in then).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from partnerscope.apps.chains import selectors as chains
from partnerscope.apps.network import selectors as network
from partnerscope.apps.performance import selectors as performance
from partnerscope.apps.sevens import selectors as sevens
from partnerscope.core.sevens import ELEMENTS

Figures = dict[str, float | None]


def _score(value: float | None) -> str:
    return f"{value:.0f}"


def _percent(value: float | None) -> str:
    return f"{100 * (value or 0):.0f}%"


def _measure(value: float | None) -> str:
    return f"{value:.2f}".replace("-", "−")


def _money(value: float | None) -> str:
    return f"£{value:,.0f}"


@dataclass(frozen=True)
class Measure:
    """One headline measure: its key, label, what it means, and how its figure is written."""

    key: str
    label: str
    help: str
    shows: Callable[[float | None], str]
    missing: str = "no figure"

    def text(self, value: float | None) -> str:
        return self.missing if value is None else self.shows(value)


MEASURES: tuple[Measure, ...] = (
    *(
        Measure(
            f"sevens_{info.id}",
            f"7S: {info.name}",
            "Element score, 0 to 100, in the latest closed 7S wave.",
            _score,
        )
        for info in ELEMENTS
    ),
    Measure(
        "network_density",
        "Network density",
        "Share of all possible ties that are there (latest closed relationship wave).",
        _percent,
    ),
    Measure(
        "network_centralisation",
        "Network centralisation",
        "In-degree centralisation: 0 when every organisation is alike, 1 when one is at "
        "the centre of everything.",
        _measure,
    ),
    Measure(
        "network_ei",
        "E–I index (sectors)",
        "+1 when every tie joins different sectors, −1 when every tie stays within one.",
        _measure,
    ),
    Measure(
        "chain_strength",
        "Delivery chain strength",
        "Share of the twelve questions rated green, the mean over the partnership's chains.",
        _percent,
    ),
    Measure(
        "indicators_on_track",
        "Indicators on track",
        "Share of the indicators with a status whose latest status is green.",
        _percent,
    ),
    Measure(
        "cost_per_year",
        "Cost of the partnership per year",
        "What running the partnership costs in a year (support team, meetings, events).",
        _money,
        missing="not recorded",
    ),
)
MEASURE_KEYS = tuple(measure.key for measure in MEASURES)


def headline_figures(partnership: Any) -> Figures:
    """Every measure's figure for the partnership, None where it has none."""
    figures: Figures = dict.fromkeys(MEASURE_KEYS)
    scores = sevens.published_element_scores(partnership)
    if scores is not None:
        for element_id, score in scores["elements"].items():
            figures[f"sevens_{element_id}"] = score
    measures = network.latest_wave_measures(partnership)
    if measures is not None:
        figures["network_density"] = measures["density"]
        figures["network_centralisation"] = measures["in_centralisation"]
        figures["network_ei"] = measures["ei_sector"]
    strengths = [s for s in chains.chain_strengths(partnership).values() if s is not None]
    figures["chain_strength"] = fmean(strengths) if strengths else None
    statuses = list(performance.indicator_statuses(partnership).values())
    figures["indicators_on_track"] = (
        sum(1 for status in statuses if status == "green") / len(statuses) if statuses else None
    )
    return figures
