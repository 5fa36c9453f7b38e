"""Discount factors: what a pound in appraisal year ``t`` is worth in the base year.

Year 0 is not discounted. Up to year ``long_from_year − 1`` each year divides by
``1 + rate``; from ``long_from_year`` on, each further year divides by ``1 + long_rate``.
With the Green Book's settings the factor is ``1 / 1.035^t`` for ``t ≤ 30`` and
``1 / (1.035^30 × 1.03^(t − 30))`` from year 31.
"""

from __future__ import annotations

from partnerscope.core.costs.model import DiscountSettings

__all__ = ["discount_factor", "discount_factors", "health_discount_factors"]


def discount_factor(t: int, rate: float, long_rate: float, long_from_year: int) -> float:
    """The factor for year ``t``.

    Examples
    --------
    >>> discount_factor(0, 0.035, 0.03, 31)
    1.0
    >>> round(discount_factor(1, 0.035, 0.03, 31), 6)
    0.966184
    >>> round(discount_factor(31, 0.035, 0.03, 31) * 1.035**30 * 1.03, 12)
    1.0
    """
    if t < 0:
        raise ValueError("appraisal years start at 0")
    short_years = min(t, long_from_year - 1)
    long_years = t - short_years
    return float(1.0 / ((1.0 + rate) ** short_years * (1.0 + long_rate) ** long_years))


def discount_factors(years: int, settings: DiscountSettings) -> tuple[float, ...]:
    """The standard factors for years ``0 … years − 1``."""
    return tuple(
        discount_factor(t, settings.rate, settings.long_rate, settings.long_from_year)
        for t in range(years)
    )


def health_discount_factors(years: int, settings: DiscountSettings) -> tuple[float, ...]:
    """The factors for benefits marked as health benefits."""
    return tuple(
        discount_factor(t, settings.health_rate, settings.health_long_rate, settings.long_from_year)
        for t in range(years)
    )
