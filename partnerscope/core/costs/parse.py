"""From a plain model (as read from MODEL.json) to a typed :class:`Appraisal`.

Every problem is reported with the path of the field it concerns, for example
``outcomes[2].engagement: must be between 0 and 1``; all problems are collected before
:class:`ModelErrors` is raised, so a user can fix them in one go.
"""

from __future__ import annotations

from collections.abc import Mapping
from math import isfinite
from typing import Any

from partnerscope.core.costs.model import (
    MAX_YEARS,
    Appraisal,
    Benefit,
    BenefitType,
    Cost,
    CostKind,
    DiscountSettings,
    Outcome,
)
from partnerscope.core.costs.optimism import OptimismBiasTable

__all__ = ["ModelErrors", "parse_appraisal"]

MODEL_FIELDS = frozenset(
    {
        "name",
        "base_year",
        "years",
        "discount_rate",
        "discount",
        "costs",
        "outcomes",
        "sensitivity",
        "description",
    }
)
COST_FIELDS = frozenset({"agency", "kind", "year", "amount", "description"})
OUTCOME_FIELDS = frozenset(
    {
        "name",
        "cohort",
        "need",
        "engagement",
        "impact",
        "deadweight",
        "lag",
        "drop_off",
        "optimism_bias",
        "confidence",
        "benefits",
        "description",
    }
)
BENEFIT_FIELDS = frozenset({"type", "agency", "value", "cashable", "health", "name"})
DISCOUNT_FIELDS = frozenset(
    {"rate", "long_rate", "long_from_year", "health_rate", "health_long_rate"}
)
SHARES = ("engagement", "impact", "deadweight", "drop_off")
KIND_ALIASES = {"in kind": CostKind.IN_KIND, "in-kind": CostKind.IN_KIND}


class ModelErrors(ValueError):
    """The model has problems; ``errors`` lists each as ``path: message``."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


class _Reader:
    """Reads typed values out of plain data, noting each problem against its path."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    def mapping(self, value: Any, path: str) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.fail(path, "must be an object")
        return None

    def known(self, data: Mapping[str, Any], fields: frozenset[str], prefix: str) -> None:
        for key in data:
            if key not in fields:
                self.fail(f"{prefix}{key}", "unknown field")

    def text(self, data: Mapping[str, Any], key: str, path: str, default: str | None = None) -> str:
        value = data.get(key, default)
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.fail(path, "required" if value is None else "must be non-empty text")
        return ""

    def number(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        low: float | None = None,
        high: float | None = None,
        default: float | None = None,
    ) -> float:
        value = data.get(key, default)
        if value is None:
            self.fail(path, "required")
            return 0.0
        if isinstance(value, bool) or not isinstance(value, int | float) or not isfinite(value):
            self.fail(path, "must be a number")
            return 0.0
        if low is not None and high is not None and not low <= value <= high:
            self.fail(path, f"must be between {low:g} and {high:g}")
        elif low is not None and value < low:
            self.fail(path, f"must be {low:g} or more")
        return float(value)

    def whole(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        low: int,
        high: int | None = None,
        default: int | None = None,
    ) -> int:
        value = data.get(key, default)
        if value is None:
            self.fail(path, "required")
            return low
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, "must be a whole number")
            return low
        if high is not None and not low <= value <= high:
            self.fail(path, f"must be a whole number from {low} to {high}")
        elif value < low:
            self.fail(path, f"must be {low} or more")
        return value

    def items(self, data: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = data.get(key, [])
        if isinstance(value, list):
            return value
        self.fail(path, "must be a list")
        return []


def _discount(reader: _Reader, data: Mapping[str, Any]) -> DiscountSettings:
    if "discount_rate" in data and "discount" in data:
        reader.fail("discount_rate", "give either discount_rate or discount, not both")
    if "discount_rate" in data:
        return DiscountSettings.flat(reader.number(data, "discount_rate", "discount_rate", 0, 1))
    if "discount" not in data:
        return DiscountSettings()
    given = reader.mapping(data["discount"], "discount")
    if given is None:
        return DiscountSettings()
    reader.known(given, DISCOUNT_FIELDS, "discount.")
    base = DiscountSettings()
    return DiscountSettings(
        rate=reader.number(given, "rate", "discount.rate", 0, 1, base.rate),
        long_rate=reader.number(given, "long_rate", "discount.long_rate", 0, 1, base.long_rate),
        long_from_year=reader.whole(
            given, "long_from_year", "discount.long_from_year", 1, None, base.long_from_year
        ),
        health_rate=reader.number(
            given, "health_rate", "discount.health_rate", 0, 1, base.health_rate
        ),
        health_long_rate=reader.number(
            given, "health_long_rate", "discount.health_long_rate", 0, 1, base.health_long_rate
        ),
    )


def _cost(reader: _Reader, raw: Any, path: str, years: int) -> Cost | None:
    data = reader.mapping(raw, path)
    if data is None:
        return None
    reader.known(data, COST_FIELDS, f"{path}.")
    kind_text = data.get("kind")
    kind = CostKind.REVENUE
    if isinstance(kind_text, str) and kind_text.strip().lower() in KIND_ALIASES:
        kind = KIND_ALIASES[kind_text.strip().lower()]
    elif isinstance(kind_text, str) and kind_text.strip().lower() in set(CostKind):
        kind = CostKind(kind_text.strip().lower())
    else:
        reader.fail(f"{path}.kind", "must be one of " + ", ".join(CostKind))
    return Cost(
        agency=reader.text(data, "agency", f"{path}.agency"),
        kind=kind,
        year=reader.whole(data, "year", f"{path}.year", 0, max(years - 1, 0)),
        amount=reader.number(data, "amount", f"{path}.amount", 0),
    )


def _benefit(reader: _Reader, raw: Any, path: str) -> Benefit | None:
    data = reader.mapping(raw, path)
    if data is None:
        return None
    reader.known(data, BENEFIT_FIELDS, f"{path}.")
    type_text = data.get("type")
    kind = BenefitType.FISCAL
    if isinstance(type_text, str) and type_text.strip().lower() in set(BenefitType):
        kind = BenefitType(type_text.strip().lower())
    else:
        reader.fail(f"{path}.type", "must be one of " + ", ".join(BenefitType))
    cashable = reader.number(data, "cashable", f"{path}.cashable", 0, 1, 0.0)
    if cashable and kind is not BenefitType.FISCAL:
        reader.fail(f"{path}.cashable", "only fiscal benefits can be cashable")
    health = data.get("health", False)
    if not isinstance(health, bool):
        reader.fail(f"{path}.health", "must be true or false")
        health = False
    name = data.get("name", "")
    if not isinstance(name, str):
        reader.fail(f"{path}.name", "must be text")
        name = ""
    return Benefit(
        type=kind,
        agency=reader.text(data, "agency", f"{path}.agency"),
        value=reader.number(data, "value", f"{path}.value", 0),
        cashable=cashable,
        health=health,
        name=name.strip(),
    )


def _optimism_bias(
    reader: _Reader, data: Mapping[str, Any], path: str, table: OptimismBiasTable | None
) -> tuple[float, str | None]:
    grade = data.get("confidence")
    if grade is not None and not isinstance(grade, str | int):
        reader.fail(f"{path}.confidence", "must be a grade, as text or a whole number")
        grade = None
    grade_text = None if grade is None else str(grade)
    if "optimism_bias" in data:
        return reader.number(data, "optimism_bias", f"{path}.optimism_bias", 0, 1), grade_text
    if grade_text is None:
        reader.fail(f"{path}.optimism_bias", "required (or give a confidence grade)")
        return 0.0, None
    if table is None:
        reader.fail(f"{path}.confidence", "no optimism bias table to look the grade up in")
        return 0.0, grade_text
    try:
        return table.bias_for(grade_text), grade_text
    except ValueError as problem:
        reader.fail(f"{path}.confidence", str(problem))
        return 0.0, grade_text


def _outcome(
    reader: _Reader, raw: Any, path: str, table: OptimismBiasTable | None
) -> Outcome | None:
    data = reader.mapping(raw, path)
    if data is None:
        return None
    reader.known(data, OUTCOME_FIELDS, f"{path}.")
    cohort = reader.number(data, "cohort", f"{path}.cohort", 0)
    need = None
    if data.get("need") is not None:
        need = reader.number(data, "need", f"{path}.need", 0)
        if need < cohort:
            reader.fail(f"{path}.cohort", "must not be more than the need")
    shares = {key: reader.number(data, key, f"{path}.{key}", 0, 1) for key in SHARES}
    bias, grade = _optimism_bias(reader, data, path, table)
    benefits = [
        _benefit(reader, item, f"{path}.benefits[{index}]")
        for index, item in enumerate(reader.items(data, "benefits", f"{path}.benefits"))
    ]
    return Outcome(
        name=reader.text(data, "name", f"{path}.name"),
        cohort=cohort,
        lag=reader.whole(data, "lag", f"{path}.lag", 0, None, 0),
        optimism_bias=bias,
        benefits=tuple(b for b in benefits if b is not None),
        need=need,
        confidence=grade,
        **shares,
    )


def parse_appraisal(data: Any, optimism_table: OptimismBiasTable | None = None) -> Appraisal:
    """Check ``data`` and build the appraisal, or raise :class:`ModelErrors`.

    ``optimism_table`` turns an outcome's ``confidence`` grade into its optimism bias
    when the outcome gives no ``optimism_bias`` of its own.

    Examples
    --------
    >>> parse_appraisal({"name": "x", "base_year": 2025, "years": 3,
    ...                  "outcomes": [{"name": "o", "cohort": 1, "engagement": 2,
    ...                                "impact": 1, "deadweight": 0, "drop_off": 0,
    ...                                "optimism_bias": 0}]})
    Traceback (most recent call last):
    ...
    partnerscope.core.costs.parse.ModelErrors: outcomes[0].engagement: must be between 0 and 1
    """
    reader = _Reader()
    model = reader.mapping(data, "model")
    if model is None:
        raise ModelErrors(reader.errors)
    reader.known(model, MODEL_FIELDS, "")
    years = reader.whole(model, "years", "years", 1, MAX_YEARS)
    costs = [
        _cost(reader, item, f"costs[{index}]", years)
        for index, item in enumerate(reader.items(model, "costs", "costs"))
    ]
    outcomes = [
        _outcome(reader, item, f"outcomes[{index}]", optimism_table)
        for index, item in enumerate(reader.items(model, "outcomes", "outcomes"))
    ]
    appraisal = Appraisal(
        name=reader.text(model, "name", "name"),
        base_year=reader.whole(model, "base_year", "base_year", 1900, 2200),
        years=years,
        costs=tuple(c for c in costs if c is not None),
        outcomes=tuple(o for o in outcomes if o is not None),
        discount=_discount(reader, model),
    )
    if reader.errors:
        raise ModelErrors(reader.errors)
    return appraisal
