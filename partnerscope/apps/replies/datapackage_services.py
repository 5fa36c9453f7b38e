"""The replies' tables in a partnership's data package: export, check and import.

Each reply travels as its current version, each response with its reply; rows are ordered
by id so export, import and export again give the same files. Imported records start their
history with the import, keeping the dates they were given and changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.replies.models import ManagerResponse, Reply
from partnerscope.datapackage.replies import check_reply_tables
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]


def moment(value: dt.datetime) -> str:
    """A time as the package writes it: UTC, to the second."""
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def parsed_moment(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    parsed = dt.datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    replies = list(
        Reply.objects.in_partnership(partnership)
        .select_related("organisation", "written_by", "response")
        .order_by("ref")
    )
    reply_rows = [
        {
            "id": reply.ref,
            "target_kind": reply.target_kind,
            "target": reply.target_key,
            "target_label": reply.target_label or None,
            "organisation": reply.organisation.ref,
            "position": reply.position,
            "text": reply.text or None,
            "written_by": reply.written_by.ref if reply.written_by else None,
            "written_by_name": reply.written_by_name or None,
            "recorded_by_manager": reply.recorded_by_manager,
            "via_link": reply.via_link,
            "written_at": moment(reply.written_at),
            "updated_at": moment(reply.updated_at),
        }
        for reply in replies
    ]
    response_rows = [
        {
            "reply": reply.ref,
            "text": reply.response.text,
            "responded_by": reply.response.responded_by_name or None,
            "responded_at": moment(reply.response.responded_at),
            "updated_at": moment(reply.response.updated_at),
        }
        for reply in replies
        if hasattr(reply, "response")
    ]
    return {"replies": reply_rows, "reply_responses": response_rows}


def check_tables(tables: Tables) -> list[TableError]:
    return check_reply_tables(tables)


def import_tables(partnership: Partnership, tables: Tables, refs: Any) -> None:
    """Create the replies and responses of a checked package, inside the import's
    transaction."""
    replies: dict[str, Reply] = {}
    for row in tables.get("replies", []):
        written_by = row.get("written_by")
        replies[row["id"]] = Reply.objects.create(
            partnership=partnership,
            ref=row["id"],
            target_kind=row["target_kind"],
            target_key=row["target"],
            target_label=row.get("target_label") or "",
            organisation=refs.organisations[row["organisation"]],
            position=row["position"],
            text=row.get("text") or "",
            written_by=refs.people[written_by] if written_by else None,
            written_by_name=row.get("written_by_name") or "",
            recorded_by_manager=bool(row["recorded_by_manager"]),
            via_link=bool(row["via_link"]),
            written_at=parsed_moment(row["written_at"]),
            updated_at=parsed_moment(row["updated_at"]),
        )
    for row in tables.get("reply_responses", []):
        ManagerResponse.objects.create(
            reply=replies[row["reply"]],
            text=row["text"],
            responded_by_name=row.get("responded_by") or "",
            responded_at=parsed_moment(row["responded_at"]),
            updated_at=parsed_moment(row["updated_at"]),
        )
