"""The layer analysis's inputs read from the partnership's records.

The records are first written as the data package's rows (the columns of
``partnerscope.datapackage.schema``), then turned into the core's inputs by
:func:`partnerscope.core.layers.governance_from_tables`, the one conversion that
``partnerscope governance check`` also uses on a package folder. So the web pages, the
register and the command line judge the same figures from the same rows.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.partnerships.models import (
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    Membership,
    Organisation,
    Participation,
    Partnership,
    Person,
)
from partnerscope.core.layers import (
    Governance,
    GovernanceResult,
    analyse_governance,
    governance_from_tables,
)

Rows = list[dict[str, Any]]


def governance_rows(partnership: Partnership) -> dict[str, Rows]:
    """The partnership's organisations, people, bodies, memberships, meetings, agenda
    items and attendance as package rows (the tables the layer analysis reads)."""
    statutory = dict(
        Participation.objects.filter(partnership=partnership).values_list(
            "organisation__ref", "statutory"
        )
    )
    return {
        "partnership": [{"slug": partnership.slug, "name": partnership.name}],
        "organisations": [
            {"id": ref, "name": name, "sector": sector, "statutory": statutory.get(ref, False)}
            for ref, name, sector in Organisation.objects.in_partnership(partnership)
            .order_by("ref")
            .values_list("ref", "name", "sector")
        ],
        "people": [
            {"id": ref, "name": name, "organisation": organisation, "job_title": job_title}
            for ref, name, organisation, job_title in Person.objects.in_partnership(partnership)
            .order_by("ref")
            .values_list("ref", "name", "organisation__ref", "job_title")
        ],
        "bodies": [
            {
                "id": body.ref,
                "name": body.name,
                "layer": body.governance_layer,
                "parent": body.parent.ref if body.parent else None,
                "functions": ";".join(body.functions or []),
            }
            for body in Body.objects.in_partnership(partnership)
            .select_related("parent")
            .order_by("ref")
        ],
        "memberships": [
            {"person": person, "body": body, "role": role, "start": start, "end": end}
            for person, body, role, start, end in Membership.objects.in_partnership(
                partnership
            ).values_list("person__ref", "body__ref", "role", "start", "end")
        ],
        "meetings": [
            {"id": ref, "body": body, "date": day, "duration_minutes": minutes}
            for ref, body, day, minutes in Meeting.objects.in_partnership(partnership)
            .order_by("date", "ref")
            .values_list("ref", "body__ref", "date", "duration_minutes")
        ],
        "agenda_items": [
            {
                "meeting": meeting,
                "position": position,
                "title": title,
                "function": function,
                "layer": layer,
                "presenter": presenter,
            }
            for meeting, position, title, function, layer, presenter in AgendaItem.objects.filter(
                meeting__body__partnership=partnership
            ).values_list(
                "meeting__ref",
                "position",
                "title",
                "function",
                "governance_layer",
                "presenter__ref",
            )
        ],
        "attendance": [
            {"meeting": meeting, "person": person, "status": status}
            for meeting, person, status in Attendance.objects.filter(
                meeting__body__partnership=partnership
            ).values_list("meeting__ref", "person__ref", "status")
        ],
    }


def governance_of(partnership: Partnership) -> Governance:
    """The core's picture of the partnership's governance."""
    return governance_from_tables(governance_rows(partnership))


def analysis_of(partnership: Partnership) -> GovernanceResult:
    """The layer measures and rule findings for the partnership, as the pages show them."""
    return analyse_governance(governance_of(partnership))
