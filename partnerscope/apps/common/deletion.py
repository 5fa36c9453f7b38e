"""Counting what a bulk delete removed, for purges that report how much they deleted."""

from __future__ import annotations

from typing import Any


def deleted(queryset: Any) -> int:
    """Delete ``queryset`` and return how many rows of its own model went (not cascades)."""
    return int(queryset.delete()[1].get(queryset.model._meta.label, 0))
