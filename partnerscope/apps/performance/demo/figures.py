"""The demo's numbers: each indicator's five years of values in each area, drifting by its
scenario with seeded noise, its target trajectory, when values arrived and their later
corrections. Everything is deterministic (``random.Random`` seeded from the names)."""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections.abc import Mapping
from typing import Any

from partnerscope.apps.performance.demo.plan import (
    DRIFT,
    FIRST_QUARTER,
    FIRST_YEAR,
    LOCAL,
    NATIONAL,
    QUARTERS,
    TARGET_GAIN,
    YEARS,
)
from partnerscope.core.indicators import Period
from partnerscope.reference.indicators import load_catalogue


def seed(*parts: str) -> int:
    return zlib.crc32("|".join(parts).encode("utf-8"))


def indicator_specs() -> list[dict[str, Any]]:
    """The forty indicators: national ones from the catalogue, then the local ones."""
    catalogue = load_catalogue()
    rows = []
    for code, goal, quarterly, base, scenario, decimals in NATIONAL:
        entry = catalogue.get(code)
        assert entry is not None, code
        rows.append(
            {
                "code": code,
                "goal": goal,
                "title": entry.title,
                "unit": entry.unit,
                "polarity": str(entry.polarity),
                "quarterly": quarterly,
                "base": base,
                "scenario": scenario,
                "decimals": decimals,
                "origin": "national",
            }
        )
    for code, goal, title, unit, polarity, quarterly, base, scenario, decimals in LOCAL:
        rows.append(
            {
                "code": code,
                "goal": goal,
                "title": title,
                "unit": unit,
                "polarity": polarity,
                "quarterly": quarterly,
                "base": base,
                "scenario": scenario,
                "decimals": decimals,
                "origin": "local",
            }
        )
    return rows


def periods_of(quarterly: bool) -> list[Period]:
    start, count = (FIRST_QUARTER, QUARTERS) if quarterly else (FIRST_YEAR, YEARS)
    return [start.shift(step) for step in range(count)]


def series_of(
    spec: Mapping[str, Any], area: str, scale: float, surge: bool = False
) -> list[tuple[Period, float]]:
    """Five years of one indicator in one area, drifting by its scenario, with noise; a
    surge in the latest period when ``surge`` (the demo's special cause)."""
    rng = random.Random(seed(spec["code"], area))
    sign = -1 if spec["polarity"] == "lower_is_better" else 1
    per_year = 4 if spec["quarterly"] else 1
    base = spec["base"] * scale
    values = []
    for step, period in enumerate(periods_of(spec["quarterly"])):
        years = step / per_year
        value = base * (1 + sign * DRIFT[spec["scenario"]] * years)
        value += rng.gauss(0, 0.012) * base
        values.append((period, value))
    if surge:
        period, _ = values[-1]
        values[-1] = (period, base * 1.45)
    if spec["unit"] == "percentage":
        values = [(period, min(value, 99.5)) for period, value in values]
    return [(period, round(value, spec["decimals"])) for period, value in values]


def target_trajectory(
    spec: Mapping[str, Any], baseline: float, decimals: int
) -> list[tuple[Period, float]]:
    """The target trajectory: from the baseline, a steady gain each year, to a year ahead."""
    sign = -1 if spec["polarity"] == "lower_is_better" else 1
    per_year = 4 if spec["quarterly"] else 1
    periods = periods_of(spec["quarterly"])
    first = periods[0]
    last = periods[-1].shift(per_year)
    result = []
    for ordinal in range(periods[-1].ordinal - 2 * per_year + 1, last.ordinal + 1):
        period = Period(first.frequency, ordinal)
        years = (ordinal - first.ordinal) / per_year
        result.append(
            (period, round(baseline * (1 + sign * TARGET_GAIN[spec["scenario"]] * years), decimals))
        )
    return result


def received_on(period: Period, rng: random.Random) -> dt.date:
    return period.end() + dt.timedelta(days=rng.randint(15, 40))


def recorded_at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9, 30), tzinfo=dt.UTC)


def revisions(code: str, row: dict[str, Any]) -> list[dict[str, Any]]:
    """Later versions of a few of the county's values: corrections with their reasons."""
    corrections = {
        ("NI 20", "2025-Q4"): [(1.03, "Revised after the police data audit.")],
        ("NI 156", "2025-Q3"): [
            (1.04, "Late returns from two district councils."),
            (1.18, "Bed-and-breakfast placements had been left out."),
        ],
    }
    later = []
    for version, (factor, reason) in enumerate(corrections.get((code, row["period"]), []), 2):
        when = row["received"] + dt.timedelta(days=21 * (version - 1))
        later.append(
            {
                **row,
                "value": round(row["value"] * factor, 2),
                "version": version,
                "recorded_at": recorded_at(when),
                "reason": reason,
            }
        )
    return later
