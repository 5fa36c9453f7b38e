"""The flags tables of a data package: the managers' decisions about flags and the
partnership's answers to the three questions.

Candidates nobody has decided about do not travel: the rules propose them again from the
evidence. A decided flag travels with its decision, its reason and the evidence it was
proposed on (the finding keys and figures, as JSON), so the decision can still be traced.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from partnerscope.datapackage.schema import Field, Resource
from partnerscope.datapackage.tables import TableError

__all__ = ["COLOURS", "QUESTIONS", "RESOURCES", "STATUSES", "check_flag_tables"]

COLOURS = ["red", "green"]
STATUSES = ["confirmed", "changed", "rejected"]
QUESTIONS = ["priorities", "delivery", "prospects"]
SCOPES = ["outcome", "partnership"]

RESOURCES: list[Resource] = [
    Resource(
        "flag_decisions",
        "Managers' decisions about red and green flags proposed by the flag rules.",
        [
            Field("rule", required=True, description="The flag rule's id."),
            Field("scope", required=True, enum=SCOPES),
            Field(
                "scope_ref",
                required=True,
                description='The outcome\'s id; "partnership" for the whole.',
            ),
            Field("scope_name", description="The outcome's title or the partnership's name."),
            Field("proposed_colour", required=True, enum=COLOURS),
            Field("status", required=True, enum=STATUSES),
            Field("decided_colour", enum=COLOURS, description="The colour given by a change."),
            Field("reason", required=True, description="Why the manager decided so."),
            Field("decided_by", description="Who decided, as they were named."),
            Field("decided_at", required=True, description="When, ISO 8601 with time zone."),
            Field("proposed_at", description="When first proposed, ISO 8601 with time zone."),
            Field(
                "evidence",
                description='At its proposal, JSON: {"findings": [[area, rule, kind, ref]], '
                '"figures": [[name, value]]}.',
            ),
        ],
        primary_key=["rule", "scope", "scope_ref"],
        optional=True,
    ),
    Resource(
        "question_answers",
        "The partnership's answers to the health check's three questions.",
        [
            Field("question", required=True, enum=QUESTIONS),
            Field("narrative", description="The partnership's answer in its own words."),
            Field(
                "self_rating",
                "integer",
                description="Optional: the partnership's own rating, 1 (lowest) to 4.",
            ),
            Field("updated_by", description="Who last wrote it."),
        ],
        primary_key=["question"],
        optional=True,
    ),
]


def check_flag_tables(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[TableError]:
    """What Frictionless cannot check: a change names the other colour, the times and the
    evidence parse, a self-rating lies between 1 and 4."""
    errors: list[TableError] = []
    path = "flag_decisions.csv"
    for number, row in enumerate(tables.get("flag_decisions", []), start=2):
        status, colour = row.get("status"), row.get("decided_colour") or ""
        if status == "changed" and (not colour or colour == row.get("proposed_colour")):
            errors.append(
                TableError(path, number, "decided_colour", "a change needs the other colour")
            )
        if status != "changed" and colour:
            errors.append(
                TableError(path, number, "decided_colour", "only a change gives a colour")
            )
        if not str(row.get("reason") or "").strip():
            errors.append(TableError(path, number, "reason", "every decision needs a reason"))
        for column in ("decided_at", "proposed_at"):
            value = row.get(column)
            if value and not parses_as_time(str(value)):
                errors.append(TableError(path, number, column, "not an ISO 8601 date and time"))
        if row.get("evidence") and not parses_as_evidence(str(row["evidence"])):
            errors.append(
                TableError(path, number, "evidence", "not JSON with findings and figures lists")
            )
    for number, row in enumerate(tables.get("question_answers", []), start=2):
        rating = row.get("self_rating")
        if rating not in (None, "") and not 1 <= int(rating) <= 4:
            errors.append(
                TableError("question_answers.csv", number, "self_rating", "must be 1 to 4")
            )
    return errors


def parses_as_time(value: str) -> bool:
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def parses_as_evidence(value: str) -> bool:
    try:
        parsed = json.loads(value)
    except ValueError:
        return False
    return (
        isinstance(parsed, dict)
        and isinstance(parsed.get("findings", []), list)
        and isinstance(parsed.get("figures", []), list)
    )
