"""Import a data package, from a folder or a zip file, all or nothing.

The demo partnership is built through this same import, so export, import and demo agree.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DataError, IntegrityError, transaction

from partnerscope.apps.accounts.models import Role, RoleKind
from partnerscope.apps.common.extensions import datapackage_modules
from partnerscope.apps.partnerships.datapackage_services.access import (
    MAY_NOT_CREATE,
    fresh_organisation_refs,
    may_create_by_import,
    shareable_organisations,
)
from partnerscope.apps.partnerships.datapackage_services.validation import (
    Tables,
    check_tables,
    split_list,
)
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
from partnerscope.datapackage.archive import Limits, extract_package
from partnerscope.datapackage.package import read_package, rename_ids
from partnerscope.datapackage.tables import TableError, TableErrors


@dataclass(frozen=True)
class ImportRefs:
    """The foundation records just imported, by their package ids, for the areas' imports."""

    organisations: dict[str, Organisation]
    people: dict[str, Person]
    bodies: dict[str, Body]
    meetings: dict[str, Meeting]


@dataclass
class ImportResult:
    """What an import did, or every reason it did nothing."""

    partnership: Partnership | None = None
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        return ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in self.counts.items())


def import_limits() -> Limits:
    """The site's limits on an imported package's unzipped size (see docs/settings.md)."""
    return Limits(
        table_bytes=settings.IMPORT_MAX_TABLE_BYTES,
        package_bytes=settings.IMPORT_MAX_PACKAGE_BYTES,
    )


def import_folder(
    folder: str | Path, importer: Any = None, limits: Limits | None = None
) -> ImportResult:
    """Validate and import the package in ``folder``; nothing is saved if anything is wrong.

    A folder the operator names on the command line is read whole (``limits`` None): the
    size limits guard the server against what people upload, not the operator's own files.
    """
    if not may_create_by_import(importer):
        return ImportResult(errors=[MAY_NOT_CREATE])
    try:
        tables = read_package(folder, limits)
    except TableErrors as problem:
        return ImportResult(errors=[str(error) for error in problem.errors])
    return import_tables(tables, importer)


def import_zip(upload: Any, importer: Any = None) -> ImportResult:
    """Import a zipped data package (uploaded through the web, or a file on the command line).

    The archive is unzipped in a streaming way into a temporary folder under the site's
    limits, so a damaged or oversized archive is refused with a message, not a traceback.
    """
    if not may_create_by_import(importer):
        return ImportResult(errors=[MAY_NOT_CREATE])
    with tempfile.TemporaryDirectory() as folder:
        try:
            extract_package(upload, folder, import_limits())
        except TableErrors as problem:
            return ImportResult(errors=[archive_message(error) for error in problem.errors])
        return import_folder(folder, importer, import_limits())


def archive_message(error: TableError) -> str:
    """A problem with the whole archive as a sentence, one in a file as ``file:row:column``."""
    if error.path == "archive":
        return error.message[0].upper() + error.message[1:] + "."
    return str(error)


def import_tables(tables: Tables, importer: Any = None) -> ImportResult:
    """Create the partnership and all its records from validated rows, in one transaction.

    A value the database refuses (text longer than its column, say) rolls the whole import
    back and is reported like any other problem, never as a server error. See
    :func:`create_from_tables` for who may import and how organisations are kept apart.
    """
    try:
        return create_from_tables(tables, importer)
    except (DataError, IntegrityError) as problem:
        first_line = str(problem).strip().splitlines()[0] if str(problem).strip() else ""
        return ImportResult(
            errors=[
                f"The database refused a value of the package ({first_line}); nothing was saved."
            ]
        )


@transaction.atomic
def create_from_tables(tables: Tables, importer: Any = None) -> ImportResult:
    """Create the partnership and all its records from validated rows, in one transaction.

    ``importer`` is the signed-in account importing, which becomes the new partnership's
    manager; ``None`` is the site's operator on the command line (and the demo). Organisations
    the importer may not share (see :func:`shareable_organisations`) are imported as new
    organisations under new refs, carried into every table that names them.
    """
    if not may_create_by_import(importer):
        return ImportResult(errors=[MAY_NOT_CREATE])
    errors = check_tables(tables)
    if errors:
        return ImportResult(errors=[str(error) for error in errors])
    result = ImportResult()
    package_ids = [r["id"] for r in tables["organisations"]]
    in_database = set(
        Organisation.objects.filter(ref__in=package_ids).values_list("ref", flat=True)
    )
    new_refs = fresh_organisation_refs(
        in_database - shareable_organisations(importer, package_ids), set(package_ids)
    )
    if new_refs:
        tables = rename_ids(tables, "organisations", new_refs)
        result.notes.append(
            f"{len(new_refs)} organisation ids were already in use elsewhere, so those "
            "organisations were imported as new ones: "
            + ", ".join(f"{old} → {new}" for old, new in sorted(new_refs.items()))
            + "."
        )
    row = tables["partnership"][0]
    parent = Partnership.objects.filter(slug=row["parent"]).first() if row.get("parent") else None
    if row.get("parent") and parent is None:
        result.notes.append(
            f"Parent partnership {row['parent']!r} is not here; imported without it."
        )
    partnership = Partnership.objects.create(
        slug=row["slug"],
        name=row["name"],
        area=row["area"],
        kind=row["kind"],
        tier=row["tier"],
        parent=parent,
        anonymity_threshold=row["anonymity_threshold"],
    )
    existing = Organisation.objects.in_bulk(
        [r["id"] for r in tables["organisations"]], field_name="ref"
    )
    new_organisations = [
        Organisation(ref=r["id"], name=r["name"], sector=r["sector"])
        for r in tables["organisations"]
        if r["id"] not in existing
    ]
    Organisation.objects.bulk_create(new_organisations)
    if existing:
        result.notes.append(f"{len(existing)} organisations were already known and are shared.")
    organisations = Organisation.objects.in_bulk(
        [r["id"] for r in tables["organisations"]], field_name="ref"
    )
    Participation.objects.bulk_create(
        Participation(
            partnership=partnership, organisation=organisations[r["id"]], statutory=r["statutory"]
        )
        for r in tables["organisations"]
    )
    Person.objects.bulk_create(
        Person(
            partnership=partnership,
            ref=r["id"],
            name=r["name"],
            organisation=organisations[r["organisation"]],
            job_title=r.get("job_title") or "",
            email=r.get("email") or "",
        )
        for r in tables["people"]
    )
    people = {p.ref: p for p in Person.objects.filter(partnership=partnership)}
    Body.objects.bulk_create(
        Body(
            partnership=partnership,
            ref=r["id"],
            name=r["name"],
            governance_layer=r["layer"],
            functions=split_list(r.get("functions")),
        )
        for r in tables["bodies"]
    )
    bodies = {b.ref: b for b in Body.objects.filter(partnership=partnership)}
    for r in tables["bodies"]:
        if r.get("parent"):
            bodies[r["id"]].parent = bodies[r["parent"]]
    Body.objects.bulk_update(list(bodies.values()), ["parent"])
    Membership.objects.bulk_create(
        Membership(
            person=people[r["person"]],
            body=bodies[r["body"]],
            role=r["role"],
            start=r.get("start"),
            end=r.get("end"),
        )
        for r in tables["memberships"]
    )
    Meeting.objects.bulk_create(
        Meeting(
            body=bodies[r["body"]],
            ref=r["id"],
            date=r["date"],
            duration_minutes=r["duration_minutes"],
        )
        for r in tables["meetings"]
    )
    meetings = {m.ref: m for m in Meeting.objects.filter(body__partnership=partnership)}
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meetings[r["meeting"]],
            position=r["position"],
            title=r["title"],
            function=r["function"],
            governance_layer=r["layer"],
            presenter=organisations[r["presenter"]] if r.get("presenter") else None,
        )
        for r in tables["agenda_items"]
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=meetings[r["meeting"]], person=people[r["person"]], status=r["status"])
        for r in tables["attendance"]
    )
    refs = ImportRefs(organisations=organisations, people=people, bodies=bodies, meetings=meetings)
    for module in datapackage_modules():
        module.import_tables(partnership, tables, refs)
    if importer is not None:
        Role.objects.get_or_create(
            user=importer, partnership=partnership, defaults={"kind": RoleKind.MANAGER}
        )
    result.partnership = partnership
    result.counts = {
        name: len(tables.get(name, []))
        for name in (
            "organisations",
            "people",
            "bodies",
            "memberships",
            "meetings",
            "agenda_items",
            "attendance",
        )
    }
    return result
