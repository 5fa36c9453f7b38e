"""Write a data package folder, and read one back after validating it with Frictionless.

This module does file I/O but knows nothing of Django: rows go in and come out as plain
dictionaries keyed by the schema's field names.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from partnerscope.datapackage.archive import Limits
from partnerscope.datapackage.csvfiles import CsvWriter
from partnerscope.datapackage.schema import all_resources, descriptor, resource_by_name
from partnerscope.datapackage.tables import TableError, TableErrors, first_row_not_utf8

Rows = list[dict[str, Any]]


def cell(value: Any) -> str:
    """A value as CSV text: ISO dates, lower-case booleans, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_package(
    folder: str | Path, title: str, tables: Mapping[str, Sequence[Mapping[str, Any]]]
) -> Path:
    """Write every resource's rows as CSV plus ``datapackage.json``; returns the folder."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for resource in all_resources():
        with open(target / resource.path, "w", newline="", encoding="utf-8") as handle:
            writer = CsvWriter(handle, for_spreadsheets=False)
            writer.writerow(resource.field_names)
            for row in tables.get(resource.name, []):
                writer.writerow([cell(row.get(name)) for name in resource.field_names])
    (target / "datapackage.json").write_text(
        json.dumps(descriptor(title), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return target


def read_package(folder: str | Path, limits: Limits | None = None) -> dict[str, Rows]:
    """Validate the package in ``folder`` and return its typed rows, or raise TableErrors.

    Types, required fields, enumerated values, unique keys and foreign keys are checked by
    Frictionless against PartnerScope's own schema (not the one in the folder, which may have
    been edited), so a package is accepted only if it fits what PartnerScope expects. Before
    that, each table must be UTF-8 text and, with ``limits``, no larger than they allow.
    """
    from frictionless import Package, system

    source = Path(folder)
    errors: list[TableError] = []
    if not (source / "datapackage.json").exists():
        raise TableErrors([TableError("datapackage.json", 0, "", "file not found")])
    errors = check_files(source, limits)
    if errors:
        raise TableErrors(errors)
    absent: dict[str, list[str]] = {}
    present = [
        resource
        for resource in all_resources()
        if not resource.optional or (source / resource.path).exists()
    ]
    for resource in present:
        path = source / resource.path
        if not path.exists():
            errors.append(TableError(resource.path, 0, "", "file not found"))
            continue
        with open(path, newline="", encoding="utf-8-sig") as handle:
            header = next(csv.reader(handle), [])
        missing = [name for name in resource.field_names if name not in header]
        errors += [
            TableError(resource.path, 1, name, "required column is missing")
            for name in missing
            if name not in resource.added_later_names
        ]
        absent[resource.name] = [name for name in missing if name in resource.added_later_names]
    if errors:
        raise TableErrors(errors)
    package_descriptor = without_columns(descriptor("import", present), absent)
    with system.use_context(trusted=True):
        package = Package(package_descriptor, basepath=str(source))
        report = package.validate()
        for task in report.tasks:
            for error in task.errors:
                errors.append(frictionless_error(task.name, error))
        if errors:
            raise TableErrors(sorted(errors, key=lambda e: (e.path, e.row, e.column)))
        names = {resource.name for resource in present}
        return {
            resource.name: [
                dict(row) | dict.fromkeys(absent.get(resource.name, []))
                for row in package.get_resource(resource.name).read_rows()
            ]
            if resource.name in names
            else []
            for resource in all_resources()
        }


def without_columns(package: dict[str, Any], absent: Mapping[str, list[str]]) -> dict[str, Any]:
    """The package descriptor without the later-added columns a package leaves out (and
    without the foreign keys through them), so an older package still validates."""
    for resource in package["resources"]:
        names = set(absent.get(resource["name"], []))
        if not names:
            continue
        schema = resource["schema"]
        schema["fields"] = [f for f in schema["fields"] if f["name"] not in names]
        if "foreignKeys" in schema:
            schema["foreignKeys"] = [
                key for key in schema["foreignKeys"] if not names & set(key["fields"])
            ]
    return package


def check_files(source: Path, limits: Limits | None) -> list[TableError]:
    """Each table's size within ``limits`` and its bytes UTF-8 text, read in chunks."""
    errors: list[TableError] = []
    total = 0
    for resource in all_resources():
        path = source / resource.path
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if limits and size > limits.table_bytes:
            errors.append(
                TableError(
                    resource.path,
                    0,
                    "",
                    f"larger than {Limits.describe(limits.table_bytes)}: split the data or ask "
                    "the site's operator to raise PARTNERSCOPE_IMPORT_MAX_TABLE_MB",
                )
            )
            continue
        row = first_row_not_utf8(path)
        if row is not None:
            errors.append(TableError(resource.path, row, "", "not UTF-8 text"))
    if limits and not errors and total > limits.package_bytes:
        errors.append(
            TableError(
                "datapackage.json",
                0,
                "",
                f"the tables are larger than {Limits.describe(limits.package_bytes)} together: "
                "ask the site's operator to raise PARTNERSCOPE_IMPORT_MAX_PACKAGE_MB",
            )
        )
    return errors


def frictionless_error(resource_name: str, error: Any) -> TableError:
    """Turn a Frictionless error into PartnerScope's ``file:row:column: message`` form."""
    by_name = resource_by_name()
    resource = by_name.get(resource_name)
    path = resource.path if resource else resource_name
    row = getattr(error, "row_number", None) or 0
    column = getattr(error, "field_name", None) or ""
    value = getattr(error, "cell", None)
    kind = error.type
    if kind == "type-error":
        expected = resource.field_type(column) if resource else "value"
        message = f"{value!r} is not a valid {expected}"
    elif kind == "constraint-error" and resource and resource.enum(column):
        message = f"{value!r} is not one of {', '.join(resource.enum(column) or [])}"
    elif kind == "constraint-error" and not value:
        message = "must not be empty"
    elif kind == "foreign-key":
        column = ",".join(error.field_names)
        target = by_name[error.reference_name].path if error.reference_name in by_name else ""
        values = ", ".join(repr(cell) for cell in error.field_cells)
        message = f"{values} is not an id in {target or error.reference_name}"
    elif kind == "primary-key":
        column = ",".join(resource.primary_key) if resource else ""
        message = "duplicate of an earlier row: each row needs its own " + (column or "key")
    else:
        message = f"{error.title.lower()}: {error.note}" if error.note else error.message
    return TableError(path, row, column, message)


def rename_ids(
    tables: Mapping[str, Sequence[Mapping[str, Any]]],
    resource_name: str,
    new_ids: Mapping[str, str],
) -> dict[str, Any]:
    """The tables with some ids of ``resource_name`` replaced, in every column that refers to them.

    The columns are found from the schema's foreign keys, so every table naming an
    organisation (people, ties, indicators' owners, chain nodes…) follows the new id and the
    package stays consistent. Tables not touched are returned as they were.

    >>> tables = {"organisations": [{"id": "council"}], "people": [{"organisation": "council"}]}
    >>> rename_ids(tables, "organisations", {"council": "council-2"})["people"]
    [{'organisation': 'council-2'}]
    """
    columns: dict[str, list[str]] = {resource_name: ["id"]}
    for resource in all_resources():
        for own, target, theirs in resource.foreign_keys:
            if target == resource_name:
                columns.setdefault(resource.name, []).extend(
                    column for column, their in zip(own, theirs, strict=True) if their == "id"
                )
    renamed: dict[str, Any] = dict(tables)
    for name, names in columns.items():
        if name not in tables or not new_ids:
            continue
        renamed[name] = [
            {
                key: new_ids.get(value, value) if key in names and isinstance(value, str) else value
                for key, value in row.items()
            }
            for row in tables[name]
        ]
    return renamed
