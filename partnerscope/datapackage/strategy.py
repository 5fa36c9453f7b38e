"""The shared strategy's tables in a data package: the strategy itself and its outcomes'
review dates, and the rules a Table Schema cannot express."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.datapackage.schema import REF_PATTERN, Field, Resource
from partnerscope.datapackage.tables import TableError

__all__ = ["INTERVAL_RANGE", "MINIMUM_RANGE", "RESOURCES", "check_package_tables"]

INTERVAL_RANGE = (1, 20)
MINIMUM_RANGE = (3, 100)

RESOURCES = [
    Resource(
        "strategies",
        "The partnership's sustainable community strategy (at most one row).",
        [
            Field("id", required=True, pattern=REF_PATTERN, description="The strategy's id."),
            Field("title", required=True),
            Field("adopted", "date", description="When the partnership adopted it."),
            Field("last_reviewed", "date", description="When it was last reviewed as a whole."),
            Field(
                "review_interval_years",
                "integer",
                required=True,
                description="Years it may go without a review (1 to 20).",
            ),
            Field(
                "correlation_minimum",
                "integer",
                required=True,
                description="Fewest outcomes before a rank correlation is shown (3 to 100).",
            ),
        ],
        primary_key=["id"],
        optional=True,
    ),
    Resource(
        "outcome_reviews",
        "When each outcome of the strategy is next to be reviewed.",
        [
            Field("outcome", required=True, description="id of the outcome in outcomes.csv."),
            Field("review_date", "date", required=True),
        ],
        primary_key=["outcome"],
        foreign_keys=[(["outcome"], "outcomes", ["id"])],
        optional=True,
    ),
]


def check_package_tables(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[TableError]:
    """One strategy at most; its interval and minimum in range; reviewed no earlier than
    adopted; review dates only with a strategy to hold them.

    >>> check_package_tables({"strategies": [], "outcome_reviews": [{"outcome": "x"}]})[0].message
    'review dates need a strategy in strategies.csv'
    """
    errors: list[TableError] = []
    strategies = list(tables.get("strategies", []))
    for number, row in enumerate(strategies, start=2):
        if number > 2:
            errors.append(
                TableError("strategies.csv", number, "", "a partnership has one strategy")
            )
        for column, (low, high) in (
            ("review_interval_years", INTERVAL_RANGE),
            ("correlation_minimum", MINIMUM_RANGE),
        ):
            value = row.get(column)
            if value is not None and not low <= int(value) <= high:
                errors.append(
                    TableError("strategies.csv", number, column, f"must be from {low} to {high}")
                )
        adopted, reviewed = row.get("adopted"), row.get("last_reviewed")
        if adopted and reviewed and reviewed < adopted:
            errors.append(
                TableError("strategies.csv", number, "last_reviewed", "is before adopted")
            )
    if tables.get("outcome_reviews") and not strategies:
        errors.append(
            TableError(
                "outcome_reviews.csv",
                2,
                "outcome",
                "review dates need a strategy in strategies.csv",
            )
        )
    return errors
