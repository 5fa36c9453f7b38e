"""Optimism bias from the confidence grade of the evidence behind an outcome.

The 2014 guidance corrects benefits for optimism bias according to how good the evidence
is. The percentages it publishes are not confirmed here, so they are a settings table with
its source recorded (``partnerscope/reference/costs/optimism_bias.json`` ships one), and a
partnership may use its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["OptimismBiasTable", "optimism_bias_table"]


@dataclass(frozen=True, slots=True)
class OptimismBiasTable:
    """Confidence grades and the optimism bias (a share, 0 to 1) each one implies."""

    grades: Mapping[str, float]
    descriptions: Mapping[str, str]
    source: str
    confirmed: bool

    def bias_for(self, grade: str) -> float:
        """The optimism bias of ``grade``.

        Examples
        --------
        >>> table = optimism_bias_table({"grades": [{"grade": "1", "bias": 0.0},
        ...                                          {"grade": "2", "bias": 0.1}],
        ...                              "source": "ours", "confirmed": False})
        >>> table.bias_for("2")
        0.1
        """
        try:
            return self.grades[grade]
        except KeyError:
            known = ", ".join(self.grades)
            raise ValueError(f"unknown confidence grade {grade!r} (known: {known})") from None

    def to_dict(self) -> dict[str, Any]:
        """``grades`` (``grade``, ``bias``, ``description``), ``source`` and ``confirmed``."""
        return {
            "grades": [
                {"grade": g, "bias": b, "description": self.descriptions.get(g, "")}
                for g, b in self.grades.items()
            ],
            "source": self.source,
            "confirmed": self.confirmed,
        }


def optimism_bias_table(raw: Mapping[str, Any]) -> OptimismBiasTable:
    """Build a table from its plain form (as in the reference file), checking each bias."""
    grades: dict[str, float] = {}
    descriptions: dict[str, str] = {}
    for entry in raw["grades"]:
        grade = str(entry["grade"])
        bias = float(entry["bias"])
        if not 0.0 <= bias <= 1.0:
            raise ValueError(f"optimism bias of grade {grade}: must be between 0 and 1")
        grades[grade] = bias
        descriptions[grade] = str(entry.get("description", ""))
    return OptimismBiasTable(
        grades=grades,
        descriptions=descriptions,
        source=str(raw["source"]),
        confirmed=bool(raw.get("confirmed", False)),
    )
