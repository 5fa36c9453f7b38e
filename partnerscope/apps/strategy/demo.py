"""The demo's strategies: each demo partnership's sustainable community strategy and its
outcomes' review dates, imported through the ordinary data-package import.

Northshire's strategy was last reviewed more than three years ago and one outcome's review
date (less homelessness) has passed; the districts reviewed theirs last year. Dates are
set from the day the demo is built, so the review finds the same things whenever it runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils import timezone

PASSED = "homelessness"
"""The outcome whose review date has passed in Northshire's demo."""


def shifted(day: dt.date, *, years: int = 0, days: int = 0) -> dt.date:
    try:
        moved = day.replace(year=day.year + years)
    except ValueError:
        moved = day.replace(year=day.year + years, day=28)
    return moved + dt.timedelta(days=days)


def demo_tables(tables: Mapping[str, Any], index: int) -> dict[str, list[dict[str, Any]]]:
    """The strategy rows of demo partnership ``index`` (0 is Northshire, the county)."""
    today = timezone.localdate()
    partnership = tables["partnership"][0]
    county = index == 0
    outcomes = [row["id"] for row in tables.get("outcomes", [])]
    strategy = {
        "id": "scs",
        "title": f"{partnership['area']} 2030: our sustainable community strategy",
        "adopted": shifted(today, years=-7, days=-120),
        "last_reviewed": shifted(today, years=-4, days=-45) if county else shifted(today, years=-1),
        "review_interval_years": 3,
        "correlation_minimum": 5,
    }
    reviews = []
    for number, ref in enumerate(outcomes):
        if county and ref == PASSED:
            day = shifted(today, days=-40)
        else:
            day = shifted(today, days=90 + 30 * (number % 18))
        reviews.append({"outcome": ref, "review_date": day})
    result: dict[str, list[dict[str, Any]]] = {
        "strategies": [strategy],
        "outcome_reviews": reviews,
    }
    return result
