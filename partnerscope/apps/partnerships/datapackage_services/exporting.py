"""Export a partnership's own tables to a data package, with those of every area.

The rows exchanged here are the plain dictionaries of ``partnerscope.datapackage``, sorted so
that two exports of the same partnership are byte for byte the same.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from partnerscope.apps.common.extensions import datapackage_modules
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
from partnerscope.datapackage.package import write_package


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    """Every table of the partnership as rows, sorted so that exports are reproducible."""
    statutory = dict(
        Participation.objects.filter(partnership=partnership).values_list(
            "organisation__ref", "statutory"
        )
    )
    organisations = [
        {"id": ref, "name": name, "sector": sector, "statutory": statutory[ref]}
        for ref, name, sector in Organisation.objects.in_partnership(partnership)
        .order_by("ref")
        .values_list("ref", "name", "sector")
    ]
    people = [
        {
            "id": p.ref,
            "name": p.name,
            "organisation": p.organisation.ref,
            "job_title": p.job_title,
            "email": p.email,
        }
        for p in Person.objects.in_partnership(partnership).order_by("ref")
    ]
    bodies = [
        {
            "id": b.ref,
            "name": b.name,
            "layer": b.governance_layer,
            "parent": b.parent.ref if b.parent else None,
            "functions": ";".join(b.functions),
        }
        for b in Body.objects.in_partnership(partnership).select_related("parent").order_by("ref")
    ]
    memberships = sorted(
        (
            {
                "person": m.person.ref,
                "body": m.body.ref,
                "role": m.role,
                "start": m.start,
                "end": m.end,
            }
            for m in Membership.objects.in_partnership(partnership)
        ),
        key=lambda row: (
            row["person"],
            row["body"],
            row["role"],
            str(row["start"]),
            str(row["end"]),
        ),
    )
    meetings = Meeting.objects.in_partnership(partnership).select_related("body")
    meeting_rows = sorted(
        (
            {
                "id": m.ref,
                "body": m.body.ref,
                "date": m.date,
                "duration_minutes": m.duration_minutes,
            }
            for m in meetings
        ),
        key=lambda row: row["id"],
    )
    agenda = sorted(
        (
            {
                "meeting": a.meeting.ref,
                "position": a.position,
                "title": a.title,
                "function": a.function,
                "layer": a.governance_layer,
                "presenter": a.presenter.ref if a.presenter else None,
            }
            for a in AgendaItem.objects.filter(
                meeting__body__partnership=partnership
            ).select_related("meeting", "presenter")
        ),
        key=lambda row: (row["meeting"], row["position"]),
    )
    attendance = sorted(
        (
            {"meeting": a.meeting.ref, "person": a.person.ref, "status": a.status}
            for a in Attendance.objects.filter(
                meeting__body__partnership=partnership
            ).select_related("meeting", "person")
        ),
        key=lambda row: (row["meeting"], row["person"]),
    )
    tables = {
        "partnership": [
            {
                "slug": partnership.slug,
                "name": partnership.name,
                "area": partnership.area,
                "kind": partnership.kind,
                "tier": partnership.tier,
                "parent": partnership.parent.slug if partnership.parent else None,
                "anonymity_threshold": partnership.anonymity_threshold,
            }
        ],
        "organisations": organisations,
        "people": people,
        "bodies": bodies,
        "memberships": memberships,
        "meetings": meeting_rows,
        "agenda_items": agenda,
        "attendance": attendance,
    }
    for module in datapackage_modules():
        tables.update(module.export_tables(partnership))
    return tables


def export_folder(partnership: Partnership, folder: str | Path) -> Path:
    """Write the partnership's data package into ``folder``."""
    return write_package(folder, partnership.name, export_tables(partnership))


def export_zip(partnership: Partnership) -> io.BytesIO:
    """The partnership's data package as an in-memory zip file."""
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as folder:
        export_folder(partnership, folder)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(Path(folder).iterdir()):
                archive.write(path, path.name)
    buffer.seek(0)
    return buffer
