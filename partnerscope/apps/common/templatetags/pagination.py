"""The page links of a long list: the first and last pages and those around the current
one, with gaps between, so that a list of thousands of pages stays one short line."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.paginator import Page

register = template.Library()

AROUND_CURRENT = 2
AT_EACH_END = 1


@register.filter
def page_links(page: Page) -> list[Any]:
    """Page numbers to link to, with ``None`` for each gap."""
    numbers = page.paginator.get_elided_page_range(
        page.number, on_each_side=AROUND_CURRENT, on_ends=AT_EACH_END
    )
    ellipsis = page.paginator.ELLIPSIS
    return [None if number == ellipsis else number for number in numbers]
