"""Filters of the costs pages: pounds and ratios as the results show them."""

from __future__ import annotations

from django import template

from partnerscope.apps.costs.results import money as money_text
from partnerscope.apps.costs.results import ratio as ratio_text

register = template.Library()


@register.filter
def money(value: float | None) -> str:
    """Pounds to the nearest pound (``−£1,234``), a dash for none."""
    return money_text(value)


@register.filter
def ratio(value: float | None) -> str:
    """A ratio to two places, a dash for none."""
    return ratio_text(value)


@register.filter
def percent(value: float | None) -> str:
    """A share as a percentage to one place."""
    return "–" if value is None else f"{value:.1%}"
