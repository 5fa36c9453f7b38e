"""Sensitivity: one-way ranges (tornado data), break-even values and a seeded Monte Carlo.

All three evaluate the appraisal for many sets of assumptions at once: each row of a
matrix holds one value per assumption (in the order of
:func:`~partnerscope.core.costs.assumptions.assumptions`), and numpy computes the present
values of every row together. The present value of a benefit line is

    value × (1 − optimism_bias) × cohort × engagement × impact × (1 − deadweight)
    × Σ_{t = lag}^{years − 1} (1 − drop_off)^(t − lag) × factor_t

which is the same sum :func:`~partnerscope.core.costs.cba.appraise` adds up year by year.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from partnerscope.core.costs.assumptions import COSTS, Assumption
from partnerscope.core.costs.discount import discount_factors, health_discount_factors
from partnerscope.core.costs.model import Appraisal, BenefitType

__all__ = [
    "BreakEven",
    "MonteCarlo",
    "OneWay",
    "PresentValues",
    "Sensitivity",
    "break_even",
    "draw_rows",
    "evaluate",
    "monte_carlo",
    "one_way",
    "sensitivity",
]

Matrix = npt.NDArray[np.float64]
BISECTION_STEPS = 60
SECANT_STEPS = 6
HORNER_FROM_ROWS = 500


@dataclass(frozen=True, slots=True)
class PresentValues:
    """Present values of each evaluated row."""

    costs: Matrix
    fiscal: Matrix
    benefits: Matrix

    @property
    def nppv(self) -> Matrix:
        """Net present public value of each row."""
        return self.benefits - self.costs


def evaluate(appraisal: Appraisal, order: Sequence[Assumption], rows: Matrix) -> PresentValues:
    """Present values of ``appraisal`` with the assumptions set as in each row of ``rows``."""
    column = {assumption.path: j for j, assumption in enumerate(order)}
    standard = np.asarray(discount_factors(appraisal.years, appraisal.discount))
    health = np.asarray(health_discount_factors(appraisal.years, appraisal.discount))
    base_costs = sum(cost.amount * float(standard[cost.year]) for cost in appraisal.costs)
    count = rows.shape[0]
    fiscal = np.zeros(count)
    benefits = np.zeros(count)
    for index, outcome in enumerate(appraisal.outcomes):
        if not outcome.benefits or outcome.lag >= appraisal.years:
            continue

        def get(name: str, index: int = index) -> Matrix:
            return rows[:, column[f"outcomes[{index}].{name}"]]

        reached = get("cohort") * get("engagement") * get("impact") * (1.0 - get("deadweight"))
        kept = 1.0 - get("drop_off")
        sums = {
            health_rate: _decayed_sum(kept, factors[outcome.lag :])
            for health_rate, factors in ((False, standard), (True, health))
            if any(benefit.health is health_rate for benefit in outcome.benefits)
        }
        scale = reached * (1.0 - get("optimism_bias"))
        for number, benefit in enumerate(outcome.benefits):
            value = get(f"benefits[{number}].value")
            present = value * scale * sums[benefit.health]
            benefits += present
            if benefit.type is BenefitType.FISCAL:
                fiscal += present
    costs = rows[:, column[COSTS]] * base_costs
    return PresentValues(costs=costs, fiscal=fiscal, benefits=benefits)


def _decayed_sum(kept: Matrix, factors: Matrix) -> Matrix:
    """``Σ_k kept^k × factors[k]`` for each row's ``kept``: as a matrix product for a few
    rows, by Horner's rule (one pass per year, no powers) for many."""
    if kept.size <= HORNER_FROM_ROWS:
        steps = np.arange(factors.size, dtype=np.float64)
        result: Matrix = (kept[:, None] ** steps[None, :]) @ factors
        return result
    total = np.full(kept.shape, factors[-1])
    for factor in factors[-2::-1]:
        total = total * kept + factor
    return total


def _base_rows(order: Sequence[Assumption], count: int) -> Matrix:
    return np.tile(np.asarray([a.base for a in order], dtype=np.float64), (count, 1))


def _ratio(benefits: float, costs: float) -> float | None:
    return None if costs == 0 else benefits / costs


@dataclass(frozen=True, slots=True)
class OneWay:
    """Net present public value and BCR with one assumption at its low and high values."""

    assumption: Assumption
    nppv_low: float
    nppv_high: float
    bcr_low: float | None
    bcr_high: float | None

    @property
    def swing(self) -> float:
        """How far the net present public value moves across the range."""
        return abs(self.nppv_high - self.nppv_low)

    def to_dict(self) -> dict[str, Any]:
        """The assumption's fields, ``nppv_low``, ``nppv_high``, ``bcr_low``, ``bcr_high``
        and ``swing``."""
        return {
            **self.assumption.to_dict(),
            "nppv_low": self.nppv_low,
            "nppv_high": self.nppv_high,
            "bcr_low": self.bcr_low,
            "bcr_high": self.bcr_high,
            "swing": self.swing,
        }


def one_way(appraisal: Appraisal, order: Sequence[Assumption]) -> tuple[OneWay, ...]:
    """Each assumption that has a range, at its low and its high value with the rest at
    base: tornado data, the widest swing first."""
    varying = [j for j, a in enumerate(order) if a.varies]
    rows = _base_rows(order, 2 * len(varying))
    for k, j in enumerate(varying):
        rows[2 * k, j] = order[j].low
        rows[2 * k + 1, j] = order[j].high
    values = evaluate(appraisal, order, rows)
    results = []
    for k, j in enumerate(varying):
        low, high = 2 * k, 2 * k + 1
        results.append(
            OneWay(
                order[j],
                nppv_low=float(values.nppv[low]),
                nppv_high=float(values.nppv[high]),
                bcr_low=_ratio(float(values.benefits[low]), float(values.costs[low])),
                bcr_high=_ratio(float(values.benefits[high]), float(values.costs[high])),
            )
        )
    return tuple(sorted(results, key=lambda r: (-r.swing, r.assumption.path)))


@dataclass(frozen=True, slots=True)
class BreakEven:
    """The value of one assumption, the rest at base, at which net present public value
    is 0 (``None`` when no value the assumption may take gets there)."""

    assumption: Assumption
    value: float | None

    def to_dict(self) -> dict[str, Any]:
        """``assumption``, ``label``, ``base`` and ``break_even``."""
        return {
            "assumption": self.assumption.path,
            "label": self.assumption.label,
            "base": self.assumption.base,
            "break_even": self.value,
        }


def _nppv_with(
    appraisal: Appraisal, order: Sequence[Assumption], columns: Sequence[int], points: Matrix
) -> Matrix:
    """Net present public value with assumption ``columns[k]`` at ``points[k]`` in row k."""
    rows = _base_rows(order, len(columns))
    rows[np.arange(len(columns)), np.asarray(columns, dtype=np.intp)] = points
    return evaluate(appraisal, order, rows).nppv


def _linear_roots(
    appraisal: Appraisal, order: Sequence[Assumption], columns: Sequence[int]
) -> dict[int, float | None]:
    """Roots of assumptions in which net present public value is a straight line: the
    secant through two points, repeated from the new point a few times so that rounding
    in a nearly flat line does not throw the root off."""
    lower = np.asarray([order[j].lower for j in columns], dtype=np.float64)
    probe = np.asarray(
        [
            order[j].upper if order[j].upper is not None else max(2 * order[j].base, 1.0)
            for j in columns
        ],
        dtype=np.float64,
    )
    at_lower = _nppv_with(appraisal, order, columns, lower)
    at_probe = _nppv_with(appraisal, order, columns, probe)
    flat = at_probe == at_lower
    x0, f0, x1, f1 = lower, at_lower, probe, at_probe
    for _ in range(SECANT_STEPS):
        moving = (f1 != f0) & (f1 != 0)
        if not moving.any():
            break
        step = np.where(moving, f1 * (x1 - x0) / np.where(moving, f1 - f0, 1.0), 0.0)
        x2 = x1 - step
        f2 = np.where(moving, _nppv_with(appraisal, order, columns, x2), f1)
        x0, f0 = np.where(moving, x1, x0), np.where(moving, f1, f0)
        x1, f1 = np.where(moving, x2, x1), f2
    roots: dict[int, float | None] = {}
    for k, j in enumerate(columns):
        upper = order[j].upper
        ceiling = math.inf if upper is None else upper
        slack = 1e-12 * max(1.0, abs(float(x1[k])))
        if at_lower[k] == 0:
            roots[j] = float(lower[k])
        elif flat[k] or not lower[k] - slack <= x1[k] <= ceiling + slack:
            roots[j] = None
        else:
            roots[j] = min(max(float(x1[k]), float(lower[k])), ceiling)
    return roots


def _bisected_roots(
    appraisal: Appraisal, order: Sequence[Assumption], columns: Sequence[int]
) -> dict[int, float | None]:
    """Roots of bounded assumptions in which net present public value moves one way, by
    bisection between the least and the greatest value each may take."""
    if not columns:
        return {}
    low = np.asarray([order[j].lower for j in columns], dtype=np.float64)
    high = np.asarray([order[j].upper for j in columns], dtype=np.float64)
    at_low = _nppv_with(appraisal, order, columns, low)
    at_high = _nppv_with(appraisal, order, columns, high)
    found = (np.sign(at_low) != np.sign(at_high)) | (at_low == 0) | (at_high == 0)
    start_low, start_high, first_low, first_high = low.copy(), high.copy(), at_low, at_high
    for _ in range(BISECTION_STEPS):
        middle = (low + high) / 2.0
        at_middle = _nppv_with(appraisal, order, columns, middle)
        same = np.sign(at_middle) == np.sign(at_low)
        low = np.where(same, middle, low)
        at_low = np.where(same, at_middle, at_low)
        high = np.where(same, high, middle)
        if np.all(high - low <= 1e-12):
            break
    roots = np.where(
        first_low == 0, start_low, np.where(first_high == 0, start_high, (low + high) / 2.0)
    )
    return {j: float(roots[k]) if found[k] else None for k, j in enumerate(columns)}


def break_even(appraisal: Appraisal, order: Sequence[Assumption]) -> tuple[BreakEven, ...]:
    """The break-even value of every assumption: where net present public value is 0 with
    the other assumptions at base (``None`` if no value it may take gets there).

    Net present public value is a straight line in every assumption but drop-off, so those
    roots follow from two evaluations; drop-off (between 0 and 1, and moving net present
    public value one way only) is found by bisection.
    """
    curved = [j for j, a in enumerate(order) if a.path.endswith(".drop_off")]
    straight = [j for j, a in enumerate(order) if not a.path.endswith(".drop_off")]
    roots = _linear_roots(appraisal, order, straight) | _bisected_roots(appraisal, order, curved)
    return tuple(BreakEven(order[j], roots[j]) for j in range(len(order)))


@dataclass(frozen=True, slots=True, eq=False)
class MonteCarlo:
    """The spread of results over random draws of every assumption within its range;
    ``nppv_draws`` and ``bcr_draws`` keep each draw's result (for a histogram)."""

    draws: int
    seed: int
    p_bcr_above_1: float
    bcr: tuple[float, float, float] | None
    nppv: tuple[float, float, float]
    nppv_draws: Matrix
    bcr_draws: Matrix | None = None

    def histogram(self, bins: int = 20, measure: str = "nppv") -> list[dict[str, float]]:
        """Counts of draws in ``bins`` equal bins of ``nppv`` or ``bcr``: ``from``, ``to``
        and ``count`` of each (empty for ``bcr`` when some draw had no costs)."""
        values = self.nppv_draws if measure == "nppv" else self.bcr_draws
        if values is None:
            return []
        counts, edges = np.histogram(values, bins=bins)
        return [
            {"from": float(edges[i]), "to": float(edges[i + 1]), "count": int(counts[i])}
            for i in range(len(counts))
        ]

    def to_dict(self) -> dict[str, Any]:
        """``draws``, ``seed``, ``distribution``, ``p_bcr_above_1``, ``bcr`` and
        ``net_present_public_value`` (each ``p10``, ``p50``, ``p90``)."""

        def percentiles(values: tuple[float, float, float] | None) -> dict[str, float] | None:
            return None if values is None else dict(zip(("p10", "p50", "p90"), values, strict=True))

        return {
            "draws": self.draws,
            "seed": self.seed,
            "distribution": "triangular (low, base, high)",
            "p_bcr_above_1": self.p_bcr_above_1,
            "bcr": percentiles(self.bcr),
            "net_present_public_value": percentiles(self.nppv),
        }


def draw_rows(order: Sequence[Assumption], draws: int, seed: int) -> Matrix:
    """``draws`` rows, each assumption with a range drawn from a triangular distribution
    (low, base, high), in the order of ``order``, from a generator seeded with ``seed``."""
    generator = np.random.default_rng(seed)
    rows = _base_rows(order, draws)
    for j, assumption in enumerate(order):
        if assumption.varies:
            rows[:, j] = generator.triangular(
                assumption.low, assumption.base, assumption.high, draws
            )
    return rows


def _three(values: Matrix) -> tuple[float, float, float]:
    p10, p50, p90 = np.percentile(values, [10, 50, 90])
    return float(p10), float(p50), float(p90)


def monte_carlo(
    appraisal: Appraisal, order: Sequence[Assumption], draws: int, seed: int
) -> MonteCarlo:
    """P(BCR > 1) and the 10th, 50th and 90th percentiles of BCR and net present public
    value over ``draws`` seeded draws. The same seed gives the same result."""
    if draws < 1:
        raise ValueError("--monte-carlo: the number of draws must be 1 or more")
    values = evaluate(appraisal, order, draw_rows(order, draws, seed))
    above = float(np.mean(values.benefits > values.costs))
    bcr = None
    ratios = None
    if np.all(values.costs > 0):
        ratios = values.benefits / values.costs
        bcr = _three(ratios)
    return MonteCarlo(draws, seed, above, bcr, _three(values.nppv), values.nppv, ratios)


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """One-way results, break-even values and (when asked for) a Monte Carlo."""

    assumptions: tuple[Assumption, ...]
    one_way: tuple[OneWay, ...]
    break_even: tuple[BreakEven, ...]
    monte_carlo: MonteCarlo | None

    def to_dict(self) -> dict[str, Any]:
        """``one_way`` (tornado data), ``break_even`` and ``monte_carlo`` (or ``null``)."""
        return {
            "one_way": [result.to_dict() for result in self.one_way],
            "break_even": [result.to_dict() for result in self.break_even],
            "monte_carlo": None if self.monte_carlo is None else self.monte_carlo.to_dict(),
        }


def sensitivity(
    appraisal: Appraisal,
    order: Sequence[Assumption],
    draws: int = 0,
    seed: int = 0,
) -> Sensitivity:
    """All three analyses; the Monte Carlo only when ``draws`` is above 0."""
    return Sensitivity(
        assumptions=tuple(order),
        one_way=one_way(appraisal, order),
        break_even=break_even(appraisal, order),
        monte_carlo=monte_carlo(appraisal, order, draws, seed) if draws > 0 else None,
    )
