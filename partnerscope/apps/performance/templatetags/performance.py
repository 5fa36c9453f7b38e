"""Template filters for performance pages: readable names and figures."""

from __future__ import annotations

from typing import Any

from django import template

from partnerscope.apps.performance.charts import derived as format_derived
from partnerscope.apps.performance.charts import figure as format_figure
from partnerscope.apps.performance.choices import FREQUENCY_WORDS

register = template.Library()


@register.filter
def words(value: Any) -> str:
    """``special_cause_concerning`` as ``Special cause concerning``; a dash for nothing."""
    if value in (None, ""):
        return "–"
    text = str(value).replace("_", " ")
    return text[:1].upper() + text[1:]


@register.filter
def figure(value: Any) -> str:
    """A number to four significant figures, a dash for nothing."""
    if value in (None, ""):
        return "–"
    return format_figure(float(value))


@register.filter
def derived(value: Any, places: int) -> str:
    """A worked-out figure to one decimal place more than the recorded values use."""
    if value in (None, ""):
        return "–"
    return format_derived(float(value), int(places))


@register.filter
def frequency_noun(frequency: str) -> str:
    """``financial_year`` as ``Financial year``: the frequency without an example period."""
    return words(FREQUENCY_WORDS.get(frequency, ("",))[0])
