"""How the outcome pages write their figures: shares as percentages, scores, rho, words."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()

WORDS = {
    "green": "On track",
    "amber": "Near target",
    "red": "Off track",
    "improving": "Improving",
    "worsening": "Worsening",
    "no_change": "No change",
    "no_significant_change": "No significant change",
    "increasing": "Increasing",
    "decreasing": "Decreasing",
    "common_cause": "Common cause",
    "special_cause_improving": "Special cause, improving",
    "special_cause_concerning": "Special cause, concerning",
    "special_cause_neither": "Special cause",
}
TAGS = {"green": "govuk-tag--green", "amber": "govuk-tag--yellow", "red": "govuk-tag--red"}


@register.filter
def share(value: float | None) -> str:
    """0.425 as "43%", None as "–"."""
    return "–" if value is None else f"{100 * value:.0f}%"


@register.filter
def score(value: float | None) -> str:
    """A 0–100 score or a 1–4 rating to one decimal place, None as "–"."""
    return "–" if value is None else f"{value:.1f}"


@register.filter
def judgement(value: str) -> str:
    """A stored status or direction in words, "" as "Not judged"."""
    return WORDS.get(value, value.replace("_", " ").capitalize()) if value else "Not judged"


@register.filter
def rag_tag(value: str) -> str:
    return TAGS.get(value, "govuk-tag--grey")


@register.filter
def plain(value: Any) -> str:
    """A figure as text: whole numbers without decimals, others to two places."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:.2f}"
    return str(value)
