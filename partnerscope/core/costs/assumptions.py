"""The assumptions of an appraisal that sensitivity analysis varies, and their ranges.

Each outcome contributes its cohort, engagement, impact, deadweight, drop-off and optimism
bias; each benefit line its value per success; and ``costs`` is a multiplier on every cost
(1 as given). An assumption is named by its path in the model, ``outcomes[0].engagement``,
``outcomes[0].benefits[1].value`` or ``costs``. The lag, a whole number of years, is not
varied.

Unless the model gives a range, an assumption runs from ``base × (1 − spread)`` to
``base × (1 + spread)``, kept within what it may be (shares between 0 and 1, the rest 0 or
more); an assumption whose base is 0 then has no range.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Final

from partnerscope.core.costs.model import Appraisal, Cost
from partnerscope.core.costs.parse import ModelErrors

__all__ = [
    "COSTS",
    "DEFAULT_SPREAD",
    "OUTCOME_ASSUMPTIONS",
    "Assumption",
    "SensitivitySettings",
    "apply_assumption",
    "assumptions",
    "parse_sensitivity",
]

DEFAULT_SPREAD: Final = 0.2
COSTS: Final = "costs"
OUTCOME_ASSUMPTIONS: Final = (
    "cohort",
    "engagement",
    "impact",
    "deadweight",
    "drop_off",
    "optimism_bias",
)
SHARE_ASSUMPTIONS: Final = frozenset(OUTCOME_ASSUMPTIONS) - {"cohort"}


@dataclass(frozen=True, slots=True)
class Assumption:
    """One assumption: its path, a label for people, its base value, its range and the
    values it may take at all (``upper`` is ``None`` when it has no ceiling)."""

    path: str
    label: str
    base: float
    low: float
    high: float
    lower: float
    upper: float | None

    @property
    def varies(self) -> bool:
        """Whether the range is more than one value."""
        return self.low < self.high

    def to_dict(self) -> dict[str, Any]:
        """``assumption``, ``label``, ``base``, ``low`` and ``high``."""
        return {
            "assumption": self.path,
            "label": self.label,
            "base": self.base,
            "low": self.low,
            "high": self.high,
        }


@dataclass(frozen=True, slots=True)
class SensitivitySettings:
    """The default relative spread and any ranges the model gives, by path."""

    spread: float = DEFAULT_SPREAD
    ranges: Mapping[str, tuple[float, float]] | None = None


def _candidates(appraisal: Appraisal) -> list[tuple[str, str, float, float, float | None]]:
    found: list[tuple[str, str, float, float, float | None]] = []
    for index, outcome in enumerate(appraisal.outcomes):
        for name in OUTCOME_ASSUMPTIONS:
            upper = 1.0 if name in SHARE_ASSUMPTIONS else None
            found.append(
                (
                    f"outcomes[{index}].{name}",
                    f"{outcome.name}: {name.replace('_', ' ')}",
                    float(getattr(outcome, name)),
                    0.0,
                    upper,
                )
            )
        for number, benefit in enumerate(outcome.benefits):
            what = benefit.name or f"{benefit.type} benefit"
            found.append(
                (
                    f"outcomes[{index}].benefits[{number}].value",
                    f"{outcome.name}: {what} to {benefit.agency}, value per success",
                    benefit.value,
                    0.0,
                    None,
                )
            )
    found.append((COSTS, "All costs (multiplier)", 1.0, 0.0, None))
    return found


def assumptions(
    appraisal: Appraisal, settings: SensitivitySettings | None = None
) -> tuple[Assumption, ...]:
    """Every assumption of ``appraisal`` with its range; ranges given for unknown paths,
    or outside what the assumption may be, raise :class:`ModelErrors`."""
    settings = settings or SensitivitySettings()
    given = dict(settings.ranges or {})
    errors: list[str] = []
    found = []
    for path, label, base, lower, upper in _candidates(appraisal):
        if path in given:
            low, high = given.pop(path)
            ceiling = math.inf if upper is None else upper
            where = f"sensitivity.ranges.{path}"
            if not lower <= low <= base <= high <= ceiling:
                bounds = f"{lower:g} to {'no limit' if upper is None else f'{upper:g}'}"
                errors.append(
                    f"{where}: must be [low, high] with low ≤ {base:g} ≤ high, within {bounds}"
                )
                low = high = base
        else:
            low = max(lower, base * (1.0 - settings.spread))
            high = base * (1.0 + settings.spread)
            if upper is not None:
                high = min(upper, high)
        found.append(Assumption(path, label, base, low, high, lower, upper))
    errors.extend(f"sensitivity.ranges.{path}: no such assumption" for path in sorted(given))
    if errors:
        raise ModelErrors(errors)
    return tuple(found)


def parse_sensitivity(data: Any) -> SensitivitySettings:
    """Read the model's optional ``sensitivity`` object: ``spread`` (0 to 1) and
    ``ranges`` (``{"outcomes[0].engagement": [0.3, 0.6], ...}``)."""
    if data is None:
        return SensitivitySettings()
    if not isinstance(data, Mapping):
        raise ModelErrors(["sensitivity: must be an object"])
    errors = [
        f"sensitivity.{key}: unknown field" for key in data if key not in {"spread", "ranges"}
    ]
    spread = data.get("spread", DEFAULT_SPREAD)
    if isinstance(spread, bool) or not isinstance(spread, int | float) or not 0 <= spread <= 1:
        errors.append("sensitivity.spread: must be between 0 and 1")
        spread = DEFAULT_SPREAD
    ranges: dict[str, tuple[float, float]] = {}
    raw_ranges = data.get("ranges", {})
    if not isinstance(raw_ranges, Mapping):
        errors.append("sensitivity.ranges: must be an object")
        raw_ranges = {}
    for path, pair in raw_ranges.items():
        if (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in pair)
        ):
            ranges[str(path)] = (float(pair[0]), float(pair[1]))
        else:
            errors.append(f"sensitivity.ranges.{path}: must be [low, high]")
    if errors:
        raise ModelErrors(errors)
    return SensitivitySettings(float(spread), ranges)


def apply_assumption(appraisal: Appraisal, path: str, value: float) -> Appraisal:
    """``appraisal`` with one assumption set to ``value``.

    Examples
    --------
    >>> from partnerscope.core.costs.model import Appraisal, Cost, CostKind
    >>> model = Appraisal("x", 2025, 2, costs=(Cost("council", CostKind.CAPITAL, 0, 10.0),))
    >>> apply_assumption(model, "costs", 1.5).costs[0].amount
    15.0
    """
    if path == COSTS:
        return replace(
            appraisal,
            costs=tuple(Cost(c.agency, c.kind, c.year, c.amount * value) for c in appraisal.costs),
        )
    head, _, field = path.partition("].")
    index = int(head.removeprefix("outcomes["))
    outcome = appraisal.outcomes[index]
    if field.startswith("benefits["):
        number = int(field.removeprefix("benefits[").partition("]")[0])
        benefits = list(outcome.benefits)
        benefits[number] = replace(benefits[number], value=value)
        changed = replace(outcome, benefits=tuple(benefits))
    elif field in OUTCOME_ASSUMPTIONS:
        changes: dict[str, Any] = {field: value}
        changed = replace(outcome, **changes)
    else:
        raise ValueError(f"{path}: no such assumption")
    outcomes = list(appraisal.outcomes)
    outcomes[index] = changed
    return replace(appraisal, outcomes=tuple(outcomes))
