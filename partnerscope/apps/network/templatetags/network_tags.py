"""Template filters of the Relationships pages: measures shown the same way everywhere."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def measure(value: Any, places: int = 2) -> str:
    """A measure to ``places`` decimals, "–" when there is none."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int):
        return str(value)
    return f"{float(value):.{int(places)}f}"


@register.filter
def signed(value: Any, places: int = 2) -> str:
    """A change with its sign, "–" when there is none."""
    if value is None:
        return "–"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:+d}"
    return f"{float(value):+.{int(places)}f}"


@register.filter
def percent(value: Any) -> str:
    """A share from 0 to 1 as a whole percentage, "–" when there is none."""
    if value is None:
        return "–"
    return f"{100 * float(value):.0f}%"


@register.filter
def lookup(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if mapping else None
