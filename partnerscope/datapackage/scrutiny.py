"""The scrutiny tables of a data package: committees and their members, reviews with the
partners and bodies they called and their evidence sessions, recommendations, the
partners' responses and progress updates, Councillor Call for Action referrals, and the
training of committee and board members.

A review is named by its committee and id, a recommendation by its committee, review and
id; :func:`check_scrutiny_tables` checks these references, which Frictionless's foreign
keys (one table to another by one column) cannot.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.datapackage.schema import REF_PATTERN, Field, Resource
from partnerscope.datapackage.tables import TableError

__all__ = ["DECISIONS", "RESOURCES", "check_scrutiny_tables", "split_refs"]

KINDS = ["overview_scrutiny", "joint"]
ROLES = ["chair", "vice_chair", "member", "co_opted"]
DECISIONS = ["accepted", "partly_accepted", "rejected"]
REFERRAL_DECISIONS = ["pending", "review", "referred", "no_action"]
COMMITTEE = Field("committee", required=True, pattern=REF_PATTERN, description="Committee id.")
REVIEW = Field("review", required=True, pattern=REF_PATTERN, description="Review id.")
RECOMMENDATION = Field("recommendation", required=True, pattern=REF_PATTERN)
TO_COMMITTEE = (["committee"], "scrutiny_committees", ["id"])


def _id() -> Field:
    return Field("id", required=True, pattern=REF_PATTERN)


RESOURCES: list[Resource] = [
    Resource(
        "scrutiny_committees",
        "Overview and scrutiny committees, including joint committees of two-tier areas.",
        [
            _id(),
            Field("name", required=True),
            Field("kind", required=True, enum=KINDS),
            Field("councils", description="For a joint committee: the councils forming it."),
        ],
        primary_key=["id"],
        optional=True,
    ),
    Resource(
        "scrutiny_committee_members",
        "The councillors and co-opted members of each committee (public office-holders).",
        [
            COMMITTEE,
            _id(),
            Field("name", required=True),
            Field("council"),
            Field("role", required=True, enum=ROLES),
        ],
        primary_key=["committee", "id"],
        foreign_keys=[TO_COMMITTEE],
        optional=True,
    ),
    Resource(
        "scrutiny_reviews",
        "Scrutiny reviews: topic, scope, dates, and the organisations and bodies called "
        "(ids separated by ';').",
        [
            COMMITTEE,
            _id(),
            Field("topic", required=True),
            Field("scope"),
            Field("started", "date", required=True),
            Field("ended", "date"),
            Field("organisations_called", description="Organisation ids, separated by ';'."),
            Field("bodies_called", description="Body ids, separated by ';'."),
        ],
        primary_key=["committee", "id"],
        foreign_keys=[TO_COMMITTEE],
        optional=True,
    ),
    Resource(
        "scrutiny_evidence_sessions",
        "The meetings at which a review heard evidence.",
        [COMMITTEE, REVIEW, _id(), Field("date", "date", required=True), Field("heard_from")],
        primary_key=["committee", "review", "id"],
        optional=True,
    ),
    Resource(
        "scrutiny_recommendations",
        "Each review's recommendations, addressed to one organisation or one body, with the "
        "day the partner received the report (the response is due two months later).",
        [
            COMMITTEE,
            REVIEW,
            _id(),
            Field("text", required=True),
            Field("organisation", description="id of the organisation it is addressed to."),
            Field("body", description="id of the body it is addressed to."),
            Field("received", "date", description="When the partner received the report."),
            Field("made_by", description="Who recorded it."),
        ],
        primary_key=["committee", "review", "id"],
        foreign_keys=[(["organisation"], "organisations", ["id"]), (["body"], "bodies", ["id"])],
        optional=True,
    ),
    Resource(
        "scrutiny_responses",
        "The partners' responses: decision, reasons, proposed action, date published.",
        [
            COMMITTEE,
            REVIEW,
            RECOMMENDATION,
            Field("decision", required=True, enum=DECISIONS),
            Field("reasons"),
            Field("proposed_action"),
            Field("published", "date", required=True),
            Field("written_by"),
        ],
        primary_key=["committee", "review", "recommendation"],
        optional=True,
    ),
    Resource(
        "scrutiny_progress_updates",
        "Dated progress on each recommendation's action, the last closing it.",
        [
            COMMITTEE,
            REVIEW,
            RECOMMENDATION,
            _id(),
            Field("date", "date", required=True),
            Field("text", required=True),
            Field("closes", "boolean", required=True),
            Field("written_by"),
        ],
        primary_key=["committee", "review", "recommendation", "id"],
        optional=True,
    ),
    Resource(
        "scrutiny_referrals",
        "Councillor Call for Action referrals and the committee's decision.",
        [
            COMMITTEE,
            _id(),
            Field("councillor", required=True),
            Field("matter", required=True),
            Field("received", "date", required=True),
            Field("decision", required=True, enum=REFERRAL_DECISIONS),
            Field("decided", "date"),
            Field("reasons"),
        ],
        primary_key=["committee", "id"],
        foreign_keys=[TO_COMMITTEE],
        optional=True,
    ),
    Resource(
        "scrutiny_training",
        "Training and development of board members (a person) and committee members.",
        [
            _id(),
            Field("person", description="id of the person, for a board member."),
            Field("committee", description="The committee, for a committee member."),
            Field("member", description="The committee member's id."),
            Field("topic", required=True),
            Field("date", "date", required=True),
            Field("provider"),
            Field("partnership_working", "boolean", required=True),
        ],
        primary_key=["id"],
        foreign_keys=[(["person"], "people", ["id"])],
        optional=True,
    ),
]

Tables = Mapping[str, Sequence[Mapping[str, Any]]]


def split_refs(value: Any) -> list[str]:
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def check_scrutiny_tables(tables: Tables) -> list[TableError]:
    """The references by committee and review, one addressee per recommendation, one trainee
    per training record, and the ids a review calls."""
    errors: list[TableError] = []
    reviews = {(r["committee"], r["id"]) for r in tables.get("scrutiny_reviews", [])}
    recommendations = {
        (r["committee"], r["review"], r["id"]) for r in tables.get("scrutiny_recommendations", [])
    }
    members = {(r["committee"], r["id"]) for r in tables.get("scrutiny_committee_members", [])}
    organisations = {r["id"] for r in tables.get("organisations", [])}
    bodies = {r["id"] for r in tables.get("bodies", [])}
    for number, row in enumerate(tables.get("scrutiny_reviews", []), start=2):
        for column, known in (("organisations_called", organisations), ("bodies_called", bodies)):
            for ref in split_refs(row.get(column)):
                if ref not in known:
                    errors.append(TableError("scrutiny_reviews.csv", number, column, f"no {ref!r}"))
    for name in ("scrutiny_evidence_sessions", "scrutiny_recommendations"):
        for number, row in enumerate(tables.get(name, []), start=2):
            if (row["committee"], row["review"]) not in reviews:
                errors.append(TableError(f"{name}.csv", number, "review", "no such review"))
    for number, row in enumerate(tables.get("scrutiny_recommendations", []), start=2):
        if bool(row.get("organisation")) == bool(row.get("body")):
            errors.append(
                TableError(
                    "scrutiny_recommendations.csv",
                    number,
                    "organisation",
                    "give one organisation or one body",
                )
            )
    for name in ("scrutiny_responses", "scrutiny_progress_updates"):
        for number, row in enumerate(tables.get(name, []), start=2):
            if (row["committee"], row["review"], row["recommendation"]) not in recommendations:
                errors.append(
                    TableError(f"{name}.csv", number, "recommendation", "no such recommendation")
                )
    for number, row in enumerate(tables.get("scrutiny_training", []), start=2):
        member = (row.get("committee"), row.get("member"))
        if bool(row.get("person")) == bool(row.get("member")):
            errors.append(
                TableError(
                    "scrutiny_training.csv", number, "person", "give one person or one member"
                )
            )
        elif row.get("member") and member not in members:
            errors.append(
                TableError("scrutiny_training.csv", number, "member", "no such committee member")
            )
    return errors
