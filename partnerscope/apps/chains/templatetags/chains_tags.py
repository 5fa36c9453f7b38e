"""Small formatting filters for the delivery chain pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

register = template.Library()

RAG_TAGS = {"red": "govuk-tag--red", "amber": "govuk-tag--orange", "green": "govuk-tag--green"}
RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green", "dont_know": "Don't know"}


@register.filter
def percent(value: float | None) -> str:
    """0.416 -> "42%"; nothing -> "–"."""
    return "–" if value is None else f"{value:.0%}"


@register.filter
def points(value: float | None) -> str:
    """A difference of shares as signed percentage points: 0.14 -> "+14"."""
    return "–" if value is None else f"{value * 100:+.0f}"


@register.filter
def money(value: Decimal | float | None) -> str:
    """25000 -> "£25,000"."""
    if value is None:
        return "–"
    return f"£{value:,.0f}" if value == int(value) else f"£{value:,.2f}"


@register.filter
def rag_class(value: str | None) -> str:
    return RAG_TAGS.get(value or "", "govuk-tag--grey")


@register.filter
def rag_label(value: str | None) -> str:
    return RAG_LABELS.get(value or "", "None scored")


@register.filter
def get_item(mapping: dict[str, Any] | None, key: str) -> Any:
    return None if mapping is None else mapping.get(key)
