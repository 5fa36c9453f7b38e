"""The strategy's tables in a partnership's data package: export, check and import.

The strategy (one row) and each outcome's review date travel; rows are written in an order
fixed by their content, so export, import and export again give the same files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.strategy.models import OutcomeReview, Strategy
from partnerscope.datapackage.strategy import check_package_tables
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    strategy = Strategy.objects.in_partnership(partnership).first()
    if strategy is None:
        return {"strategies": [], "outcome_reviews": []}
    return {
        "strategies": [
            {
                "id": strategy.ref,
                "title": strategy.title,
                "adopted": strategy.adopted,
                "last_reviewed": strategy.last_reviewed,
                "review_interval_years": strategy.review_interval_years,
                "correlation_minimum": strategy.correlation_minimum,
            }
        ],
        "outcome_reviews": [
            {"outcome": review.ref, "review_date": review.review_date}
            for review in strategy.reviews.order_by("ref")
        ],
    }


def check_tables(tables: Tables) -> list[TableError]:
    """The strategy's rules Frictionless cannot express (see check_package_tables)."""
    return check_package_tables(tables)


def import_tables(partnership: Partnership, tables: Tables, refs: Any) -> None:
    """Create the strategy and its review dates, inside the import's transaction."""
    rows = tables.get("strategies", [])
    if not rows:
        return
    row = rows[0]
    strategy = Strategy.objects.create(
        partnership=partnership,
        ref=row["id"],
        title=row["title"],
        adopted=row.get("adopted"),
        last_reviewed=row.get("last_reviewed"),
        review_interval_years=int(row["review_interval_years"]),
        correlation_minimum=int(row["correlation_minimum"]),
    )
    OutcomeReview.objects.bulk_create(
        OutcomeReview(strategy=strategy, ref=review["outcome"], review_date=review["review_date"])
        for review in tables.get("outcome_reviews", [])
    )
