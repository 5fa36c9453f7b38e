"""Template filters of the resources area: money and shares as people read them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

register = template.Library()


@register.filter
def money(value: Any) -> str:
    """Pounds with thousands separators and no pence: ``£12,500``; empty as a dash."""
    if value is None or value == "":
        return "–"
    amount = Decimal(str(value)).quantize(Decimal(1))
    sign = "−" if amount < 0 else ""
    return f"{sign}£{abs(amount):,}"


@register.filter
def percent(value: Any) -> str:
    """A share from 0 to 1 as a whole percentage: ``0.25`` → ``25%``."""
    if value is None or value == "":
        return "–"
    return f"{Decimal(str(value)) * 100:.0f}%"
