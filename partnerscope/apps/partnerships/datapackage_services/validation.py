"""Check an imported package's tables against the rules Frictionless cannot express.

The schema (``partnerscope.datapackage.schema``) has checked each value already; these rules
look across rows and at the database: one partnership row, a slug not taken, known
functions, bodies that do not report to each other in a loop. Each area adds its own rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.common.extensions import datapackage_modules
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.datapackage.schema import FUNCTIONS
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]


def check_tables(tables: Tables) -> list[TableError]:
    """Rules Frictionless cannot express: one partnership row, a new slug, known functions."""
    errors: list[TableError] = []
    partnership_rows = tables["partnership"]
    if len(partnership_rows) != 1:
        errors.append(TableError("partnership.csv", 2, "", "must hold exactly one row"))
    for row in partnership_rows[:1]:
        if Partnership.objects.filter(slug=row["slug"]).exists():
            errors.append(
                TableError(
                    "partnership.csv", 2, "slug", f"a partnership {row['slug']!r} already exists"
                )
            )
        if row["anonymity_threshold"] < 3:
            errors.append(
                TableError("partnership.csv", 2, "anonymity_threshold", "must be at least 3")
            )
    for number, row in enumerate(tables["bodies"], start=2):
        unknown = [name for name in split_list(row.get("functions")) if name not in FUNCTIONS]
        if unknown:
            errors.append(
                TableError(
                    "bodies.csv",
                    number,
                    "functions",
                    f"unknown function {', '.join(map(repr, unknown))}",
                )
            )
    parents = {row["id"]: row.get("parent") for row in tables["bodies"]}
    for number, row in enumerate(tables["bodies"], start=2):
        seen, current = {row["id"]}, row.get("parent")
        while current:
            if current in seen:
                errors.append(
                    TableError(
                        "bodies.csv", number, "parent", "bodies report to each other in a loop"
                    )
                )
                break
            seen.add(current)
            current = parents.get(current)
    for number, row in enumerate(tables["memberships"], start=2):
        if row.get("start") and row.get("end") and row["end"] < row["start"]:
            errors.append(TableError("memberships.csv", number, "end", "is before start"))
    for module in datapackage_modules():
        errors += module.check_tables(tables)
    return errors


def split_list(value: Any) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]
