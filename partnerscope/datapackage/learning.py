"""The learning area's tables: a partnership's agreement to share its headline figures and
its own entries of notable practice; and the columns of the site-wide library's CSV file.

The site-wide library is not part of any partnership's package (it belongs to the site): it
is read from a CSV file with the same columns as ``learning_practice`` by
``partnerscope/apps/learning/management/commands/import_practice_library.py``, through
:func:`read_library`, so the two share one set of rules and errors.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from partnerscope.datapackage.schema import REF_PATTERN, Field, Resource
from partnerscope.datapackage.tables import (
    Column,
    TableError,
    TableErrors,
    choice,
    read_table,
    text,
)

__all__ = [
    "FRAMEWORK_PARTS",
    "LIBRARY_COLUMNS",
    "RESOURCES",
    "check_package_tables",
    "read_library",
    "rule_ids",
    "rule_ids_text",
    "yes_no",
]

FRAMEWORK_PARTS = [
    "sevens",
    "layer",
    "network",
    "chain",
    "performance",
    "resources",
    "scrutiny",
]
RULE_ID = re.compile(r"^[A-Za-z0-9_.-]+$")

PRACTICE_FIELDS = [
    Field("id", required=True, pattern=REF_PATTERN, description="The entry's id."),
    Field("practice", required=True, description="The practice, in a short title."),
    Field("description", required=True, description="What was done, and how."),
    Field("where", required=True, description="Where it was done."),
    Field("evidence", required=True, description="The evidence that it worked."),
    Field("framework_part", required=True, enum=FRAMEWORK_PARTS),
    Field("contact", required=True, description="Who to ask about it."),
    Field(
        "rule_ids",
        description="The finding rules it could help with, separated by ';' (e.g. "
        "weak_element;isolated_partner).",
    ),
    Field("example", "boolean", required=True, description="true for a made-up example."),
]

RESOURCES: list[Resource] = [
    Resource(
        "learning_sharing",
        "Whether the partnership shares its headline figures with the other partnerships "
        "on the site, and may be named beside them: at most one row.",
        [
            Field("shares", "boolean", required=True),
            Field("may_be_named", "boolean", required=True),
            Field("agreed_by", required=True, description="Who agreed for the partnership."),
            Field("agreed_on", "date", required=True, description="The day it was agreed."),
        ],
        optional=True,
    ),
    Resource(
        "learning_practice",
        "The partnership's own entries of notable practice (the site-wide library travels "
        "in a file of its own, with the same columns).",
        PRACTICE_FIELDS,
        primary_key=["id"],
        optional=True,
    ),
]


def rule_ids(value: str | None) -> list[str]:
    """Rule ids written ``a;b`` (commas and spaces also separate them), each checked.

    >>> rule_ids("weak_element; DC-W03,isolated_partner")
    ['weak_element', 'DC-W03', 'isolated_partner']
    """
    found = [part for part in re.split(r"[;,\s]+", value or "") if part]
    for part in found:
        if not RULE_ID.match(part):
            raise ValueError(f"{part!r} is not a rule id (letters, digits, '_', '-', '.')")
    return list(dict.fromkeys(found))


def rule_ids_text(ids: Sequence[str]) -> str | None:
    """Rule ids as one cell, ``a;b``; None when there are none."""
    return ";".join(ids) or None


def yes_no(value: str) -> bool:
    """``true``/``false`` (also ``yes``/``no``), any case."""
    answer = value.strip().casefold()
    if answer in ("true", "yes"):
        return True
    if answer in ("false", "no"):
        return False
    raise ValueError(f"{value.strip()!r} is not true or false")


def _ref(value: str) -> str:
    value = text(value)
    if not re.fullmatch(REF_PATTERN, value):
        raise ValueError(f"{value!r} is not an id (letters, digits, '_' and '-')")
    return value


LIBRARY_COLUMNS = [
    Column("id", _ref),
    Column("practice", text),
    Column("description", text),
    Column("where", text),
    Column("evidence", text),
    Column("framework_part", choice(*FRAMEWORK_PARTS)),
    Column("contact", text),
    Column("rule_ids", rule_ids, required=False, default=[]),
    Column("example", yes_no, required=False, default=False),
]
"""The site-wide library's CSV columns: those of ``learning_practice``."""


def read_library(path: str | Path) -> list[dict[str, Any]]:
    """Read the site-wide library's CSV file; every error raised together, located."""
    rows = read_table(path, LIBRARY_COLUMNS, label=Path(path).name, row_number_key="_row")
    errors = duplicate_ids(rows, Path(path).name)
    if errors:
        raise TableErrors(errors)
    return rows


def duplicate_ids(rows: Sequence[Mapping[str, Any]], name: str) -> list[TableError]:
    seen: set[str] = set()
    errors = []
    for index, row in enumerate(rows, start=2):
        number = row.get("_row", index)
        if row["id"] in seen:
            errors.append(TableError(name, number, "id", f"{row['id']!r} is given twice"))
        seen.add(row["id"])
    return errors


def check_package_tables(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[TableError]:
    """The learning tables' rules Frictionless cannot express: one sharing row at most, and
    rule ids written as rule ids."""
    errors = []
    if len(tables.get("learning_sharing", [])) > 1:
        errors.append(TableError("learning_sharing.csv", 3, "", "only one row is allowed"))
    for number, row in enumerate(tables.get("learning_practice", []), start=2):
        try:
            rule_ids(row.get("rule_ids"))
        except ValueError as problem:
            errors.append(TableError("learning_practice.csv", number, "rule_ids", str(problem)))
    return errors
