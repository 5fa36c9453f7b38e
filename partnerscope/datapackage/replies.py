"""The replies' tables of the data package: partners' replies to findings and flags, and the
managers' responses saying what changed because of them.

A reply names its finding by the finding's key written ``area|rule|subject kind|subject
ref`` and a flag by the flag's own key, so it survives a refresh of the register and an
import into a new site. Each reply travels as its current version with the dates it was
first given and last changed; a response travels with its reply's id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.datapackage.schema import REF_PATTERN, Field, Resource
from partnerscope.datapackage.tables import TableError

__all__ = ["POSITIONS", "RESOURCES", "TARGET_KINDS", "check_reply_tables"]

TARGET_KINDS = ["finding", "flag"]
POSITIONS = ["agree", "disagree", "context", "correction"]
TEXT_REQUIRED = {"disagree", "context", "correction"}
FINDING_KEY_PARTS = 4

RESOURCES: list[Resource] = [
    Resource(
        "replies",
        "Partner organisations' replies to the findings and flags that name them.",
        [
            Field("id", required=True, pattern=REF_PATTERN, description="The reply's id."),
            Field("target_kind", required=True, enum=TARGET_KINDS),
            Field(
                "target",
                required=True,
                description="The finding's key (area|rule|subject kind|subject ref) or the "
                "flag's key (rule:scope kind:scope ref).",
            ),
            Field("target_label", description="What the finding or flag said when replied to."),
            Field("organisation", required=True, description="id of the replying organisation."),
            Field("position", required=True, enum=POSITIONS),
            Field("text", description="The reply; required unless the position is agree."),
            Field("written_by", description="id of the person who wrote it, if known."),
            Field("written_by_name", description="Name of who wrote it, as recorded."),
            Field("recorded_by_manager", "boolean", required=True),
            Field("via_link", "boolean", required=True),
            Field("written_at", "datetime", required=True, description="When first given."),
            Field("updated_at", "datetime", required=True, description="When last changed."),
        ],
        primary_key=["id"],
        foreign_keys=[
            (["organisation"], "organisations", ["id"]),
            (["written_by"], "people", ["id"]),
        ],
        optional=True,
    ),
    Resource(
        "reply_responses",
        "What the partnership changed because of each reply, recorded by a manager.",
        [
            Field("reply", required=True, description="id of the reply answered."),
            Field("text", required=True),
            Field("responded_by", description="Name of the manager who recorded it."),
            Field("responded_at", "datetime", required=True, description="When first recorded."),
            Field("updated_at", "datetime", required=True, description="When last changed."),
        ],
        primary_key=["reply"],
        foreign_keys=[(["reply"], "replies", ["id"])],
        optional=True,
    ),
]


def check_reply_tables(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[TableError]:
    """What the schema cannot say: a finding's key has four parts, a reply other than an
    agreement has text, and it was not changed before it was given."""
    errors: list[TableError] = []
    for number, row in enumerate(tables.get("replies", []), start=2):
        target = str(row.get("target") or "")
        if row.get("target_kind") == "finding":
            parts = target.split("|")
            if len(parts) != FINDING_KEY_PARTS or not all(parts):
                errors.append(
                    TableError(
                        "replies.csv",
                        number,
                        "target",
                        f"{target!r} is not a finding's key: write area|rule|subject kind|"
                        "subject ref",
                    )
                )
        if row.get("position") in TEXT_REQUIRED and not str(row.get("text") or "").strip():
            errors.append(
                TableError(
                    "replies.csv",
                    number,
                    "text",
                    f"a reply that says {row['position']} needs its text (reasons, context "
                    "or the correction asked for)",
                )
            )
        written, updated = row.get("written_at"), row.get("updated_at")
        if written and updated and updated < written:
            errors.append(TableError("replies.csv", number, "updated_at", "is before written_at"))
    return errors
