"""How figures are rounded in the JSON form of every 7S result."""

from __future__ import annotations

from typing import Final

__all__ = ["DIGITS", "rounded"]

DIGITS: Final = 4
"""Decimal places kept in JSON: ample for a 1 to 5 mean or a 0 to 100 score."""


def rounded(value: float | None) -> float | None:
    """Round a figure for the JSON form; None stays None.

    Examples
    --------
    >>> rounded(2 / 3), rounded(None)
    (0.6667, None)
    """
    return None if value is None else round(value, DIGITS)
