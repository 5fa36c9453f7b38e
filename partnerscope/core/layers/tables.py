"""Build the layer analysis's inputs from a data package's rows (plain dictionaries keyed by
the schema's column names, as ``partnerscope.datapackage`` reads them).

Examples
--------
>>> governance = governance_from_tables({
...     "partnership": [{"slug": "kite", "name": "Kite Partnership"}],
...     "bodies": [{"id": "board", "name": "Board", "layer": "strategic",
...                 "functions": "vision;strategy"}],
... })
>>> governance.bodies[0].functions
('vision', 'strategy')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, cast

from partnerscope.core.layers.model import (
    AgendaItem,
    Attendance,
    Body,
    Governance,
    Layer,
    Meeting,
    Membership,
    Organisation,
    Person,
)

__all__ = ["governance_from_tables"]

Tables = Mapping[str, Sequence[Mapping[str, Any]]]


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _number(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)


def governance_from_tables(tables: Tables) -> Governance:
    """The partnership's governance from its package tables; absent tables are empty."""
    partnership = (tables.get("partnership") or [{}])[0]
    return Governance(
        partnership=str(partnership.get("slug") or "partnership"),
        name=str(partnership.get("name") or partnership.get("slug") or "Partnership"),
        organisations=tuple(
            Organisation(row["id"], row["name"], row["sector"], bool(row.get("statutory")))
            for row in tables.get("organisations", [])
        ),
        people=tuple(
            Person(row["id"], row["name"], row["organisation"], row.get("job_title") or "")
            for row in tables.get("people", [])
        ),
        bodies=tuple(
            Body(
                row["id"],
                row["name"],
                cast(Layer, row["layer"]),
                tuple(
                    part.strip() for part in (row.get("functions") or "").split(";") if part.strip()
                ),
                row.get("parent") or None,
            )
            for row in tables.get("bodies", [])
        ),
        memberships=tuple(
            Membership(
                row["person"],
                row["body"],
                row["role"],
                _day(row.get("start")),
                _day(row.get("end")),
            )
            for row in tables.get("memberships", [])
        ),
        meetings=tuple(
            Meeting(
                row["id"],
                row["body"],
                cast(date, _day(row["date"])),
                _number(row.get("duration_minutes")),
            )
            for row in tables.get("meetings", [])
        ),
        agenda_items=tuple(
            AgendaItem(
                row["meeting"],
                int(row["position"]),
                row["title"],
                row["function"],
                cast(Layer, row["layer"]),
                _number(row.get("duration_minutes")),
                row.get("presenter") or None,
            )
            for row in tables.get("agenda_items", [])
        ),
        attendance=tuple(
            Attendance(row["meeting"], row["person"], row["status"])
            for row in tables.get("attendance", [])
        ),
    )
