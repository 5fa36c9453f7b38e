"""Page links: every page of a short list; the ends and the pages around the current one
of a long list, with gaps between, each link keeping the page's other choices."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string

from partnerscope.apps.common.templatetags.pagination import page_links


def page_of(count, number):
    return Paginator(range(count), 100).get_page(number)


def test_a_short_list_links_every_page():
    assert page_links(page_of(450, 2)) == [1, 2, 3, 4, 5]


def test_a_long_list_links_the_ends_and_around_the_current_page():
    assert page_links(page_of(323_287, 7)) == [1, None, 5, 6, 7, 8, 9, None, 3233]
    assert page_links(page_of(323_287, 1)) == [1, 2, 3, None, 3233]
    assert page_links(page_of(323_287, 3233)) == [1, None, 3231, 3232, 3233]


def test_the_links_keep_the_query_and_mark_the_current_page():
    html = render_to_string(
        "common/includes/_pagination.html",
        {"page": page_of(323_287, 1200), "query": "area=north&reason=red"},
    )
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs[0] == "?area=north&amp;reason=red&amp;page=1199"
    assert "?area=north&amp;reason=red&amp;page=3233" in hrefs
    assert len(hrefs) == 9
    assert 'aria-current="page">1200<' in html
    assert html.count("govuk-pagination__item--ellipses") == 2
    assert "1,200" not in html


def test_one_page_needs_no_links():
    assert (
        render_to_string("common/includes/_pagination.html", {"page": page_of(40, 1)}).strip() == ""
    )
