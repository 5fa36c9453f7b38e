"""The typed model of one appraisal: costs, outcomes, benefits and discounting settings.

An appraisal runs over ``years`` appraisal years ``t = 0 … years − 1``; year 0 is the base
year (``base_year`` on the calendar). Costs and benefits are in base-year prices. The
conventions follow HM Treasury, PSTN and New Economy (2014), *Supporting public service
transformation: cost benefit analysis guidance for local partnerships*; docs/costs.md sets
them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

__all__ = [
    "GREEN_BOOK_RATE",
    "GREEN_BOOK_LONG_RATE",
    "GREEN_BOOK_LONG_FROM_YEAR",
    "HEALTH_RATE",
    "MAX_YEARS",
    "Appraisal",
    "Benefit",
    "BenefitType",
    "Cost",
    "CostKind",
    "DiscountSettings",
    "Outcome",
]

GREEN_BOOK_RATE: Final = 0.035
"""The Green Book's discount rate for appraisal years 1 to 30."""
GREEN_BOOK_LONG_RATE: Final = 0.030
"""The Green Book's discount rate from appraisal year 31 (to year 75)."""
GREEN_BOOK_LONG_FROM_YEAR: Final = 31
"""The first appraisal year discounted at the long rate."""
HEALTH_RATE: Final = 0.015
"""The rate a user may choose for health benefits (the Green Book's health rate)."""
MAX_YEARS: Final = 76
"""Appraisal years run at most to year 75, the end of the Green Book's 3.0% band."""


class CostKind(StrEnum):
    """Revenue, capital or in kind (staff time, premises, data or services)."""

    REVENUE = "revenue"
    CAPITAL = "capital"
    IN_KIND = "in_kind"


class BenefitType(StrEnum):
    """Fiscal benefits save public money; economic and social ones add public value."""

    FISCAL = "fiscal"
    ECONOMIC = "economic"
    SOCIAL = "social"


@dataclass(frozen=True, slots=True)
class Cost:
    """Money (or its equivalent in kind) that ``agency`` puts in during appraisal year ``year``."""

    agency: str
    kind: CostKind
    year: int
    amount: float


@dataclass(frozen=True, slots=True)
class Benefit:
    """What one success is worth in a year, of one type, to one agency.

    ``cashable`` is the share of a fiscal benefit the agency can take out as cash (0 for
    economic and social benefits). ``health`` marks a benefit discounted at the health rate.
    """

    type: BenefitType
    agency: str
    value: float
    cashable: float = 0.0
    health: bool = False
    name: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """One outcome: who it reaches, how much of the change is the initiative's own, and
    what each success is worth.

    Successes in year ``t ≥ lag`` are ``cohort × engagement × impact × (1 − deadweight) ×
    (1 − drop_off)^(t − lag)``; none before the lag.
    """

    name: str
    cohort: float
    engagement: float
    impact: float
    deadweight: float
    lag: int
    drop_off: float
    optimism_bias: float
    benefits: tuple[Benefit, ...] = ()
    need: float | None = None
    confidence: str | None = None


@dataclass(frozen=True, slots=True)
class DiscountSettings:
    """Discount rates: ``rate`` up to year ``long_from_year − 1``, ``long_rate`` from then on;
    health benefits use ``health_rate`` and ``health_long_rate`` in the same way."""

    rate: float = GREEN_BOOK_RATE
    long_rate: float = GREEN_BOOK_LONG_RATE
    long_from_year: int = GREEN_BOOK_LONG_FROM_YEAR
    health_rate: float = HEALTH_RATE
    health_long_rate: float = HEALTH_RATE

    @classmethod
    def flat(cls, rate: float) -> DiscountSettings:
        """One rate for every year and every benefit, health ones included."""
        return cls(rate=rate, long_rate=rate, health_rate=rate, health_long_rate=rate)


@dataclass(frozen=True, slots=True)
class Appraisal:
    """One initiative's cost–benefit model."""

    name: str
    base_year: int
    years: int
    costs: tuple[Cost, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    discount: DiscountSettings = field(default_factory=DiscountSettings)
