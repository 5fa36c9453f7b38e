"""The tables of a PartnerScope data package, described as Frictionless Table Schemas.

Each ``Resource`` names its CSV file, its fields (with types, required flags and enumerated
values), its primary key and its foreign keys. ``descriptor()`` turns the list into the
``datapackage.json`` that export writes and import validates against.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from typing import Any

PROFILE = "tabular-data-package"
FORMAT_VERSION = "1.0"

SECTORS = [
    "council",
    "health",
    "police",
    "fire",
    "education",
    "housing",
    "business",
    "voluntary_community",
    "other_public",
]
LAYERS = ["strategic", "executive", "operational"]
FUNCTIONS = [
    "vision",
    "strategy",
    "resource_allocation",
    "performance_management",
    "commissioning",
    "service_delivery",
    "scrutiny",
]
PARTNERSHIP_KINDS = ["lsp", "hwb", "icp", "csp", "combined", "coalition", "other"]
TIERS = ["county", "district", "unitary", "other"]
MEMBERSHIP_ROLES = ["chair", "vice_chair", "member", "adviser", "officer"]
ATTENDANCE = ["present", "apologies", "absent"]


@dataclass(frozen=True)
class Field:
    """One column: its name, Table Schema type, whether it is required, allowed values."""

    name: str
    type: str = "string"
    required: bool = False
    enum: list[str] | None = None
    description: str = ""
    pattern: str | None = None
    added_later: bool = False
    """A column added after the format's first version: a package written before it may
    leave the column out, and is read as if every cell in it were empty."""

    def descriptor(self) -> dict[str, Any]:
        result: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.description:
            result["description"] = self.description
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = self.enum
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            result["constraints"] = constraints
        if self.type == "boolean":
            result["trueValues"] = ["true"]
            result["falseValues"] = ["false"]
        return result


@dataclass(frozen=True)
class Resource:
    """One CSV file of the package."""

    name: str
    description: str
    fields: list[Field]
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[tuple[list[str], str, list[str]]] = field(default_factory=list)
    optional: bool = False
    """A table added after format 1.0: a package without its file reads it as empty, so a
    package exported before the table existed still imports."""

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def field_type(self, name: str) -> str:
        """The Table Schema type of a column, in words for error messages."""
        kinds = {"integer": "whole number", "number": "number", "date": "date (YYYY-MM-DD)"}
        for column in self.fields:
            if column.name == name:
                return kinds.get(column.type, column.type)
        return "value"

    def enum(self, name: str) -> list[str] | None:
        return next((column.enum for column in self.fields if column.name == name), None)

    @property
    def field_names(self) -> list[str]:
        return [column.name for column in self.fields]

    @property
    def added_later_names(self) -> list[str]:
        """Columns an older package may leave out (see :attr:`Field.added_later`)."""
        return [column.name for column in self.fields if column.added_later]

    def descriptor(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"fields": [column.descriptor() for column in self.fields]}
        if self.primary_key:
            schema["primaryKey"] = self.primary_key
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": own, "reference": {"resource": target, "fields": theirs}}
                for own, target, theirs in self.foreign_keys
            ]
        return {
            "name": self.name,
            "path": self.path,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": self.description,
            "schema": schema,
        }


REF_PATTERN = "[A-Za-z0-9_-]+"

RESOURCES: list[Resource] = [
    Resource(
        "partnership",
        "The partnership itself: one row.",
        [
            Field("slug", required=True, pattern=REF_PATTERN, description="Web address name."),
            Field("name", required=True),
            Field("area", required=True),
            Field("kind", required=True, enum=PARTNERSHIP_KINDS),
            Field("tier", required=True, enum=TIERS),
            Field("parent", description="Slug of the county partnership, in a two-tier area."),
            Field("anonymity_threshold", "integer", required=True),
        ],
        primary_key=["slug"],
    ),
    Resource(
        "organisations",
        "Partner organisations; id is stable across partnerships.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("name", required=True),
            Field("sector", required=True, enum=SECTORS),
            Field("statutory", "boolean", required=True),
        ],
        primary_key=["id"],
    ),
    Resource(
        "people",
        "People who sit on the partnership's bodies.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("name", required=True),
            Field("organisation", required=True),
            Field("job_title"),
            Field("email"),
        ],
        primary_key=["id"],
        foreign_keys=[(["organisation"], "organisations", ["id"])],
    ),
    Resource(
        "bodies",
        "Boards, executive groups and theme partnerships, each in a governance layer.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("name", required=True),
            Field("layer", required=True, enum=LAYERS),
            Field("parent", description="id of the body this one reports to."),
            Field("functions", description=f"Separated by ';', from: {', '.join(FUNCTIONS)}."),
        ],
        primary_key=["id"],
        foreign_keys=[(["parent"], "bodies", ["id"])],
    ),
    Resource(
        "memberships",
        "Who sits on which body, in what role, from when to when.",
        [
            Field("person", required=True),
            Field("body", required=True),
            Field("role", required=True, enum=MEMBERSHIP_ROLES),
            Field("start", "date"),
            Field("end", "date"),
        ],
        foreign_keys=[(["person"], "people", ["id"]), (["body"], "bodies", ["id"])],
    ),
    Resource(
        "meetings",
        "Meetings of the bodies.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("body", required=True),
            Field("date", "date", required=True),
            Field("duration_minutes", "integer", required=True),
        ],
        primary_key=["id"],
        foreign_keys=[(["body"], "bodies", ["id"])],
    ),
    Resource(
        "agenda_items",
        "Items of business at each meeting, with the function and layer they belong to.",
        [
            Field("meeting", required=True),
            Field("position", "integer", required=True),
            Field("title", required=True),
            Field("function", required=True, enum=FUNCTIONS),
            Field("layer", required=True, enum=LAYERS),
            Field(
                "presenter",
                description="id of the organisation that presented the item, if recorded.",
                added_later=True,
            ),
        ],
        primary_key=["meeting", "position"],
        foreign_keys=[
            (["meeting"], "meetings", ["id"]),
            (["presenter"], "organisations", ["id"]),
        ],
    ),
    Resource(
        "attendance",
        "Who attended each meeting.",
        [
            Field("meeting", required=True),
            Field("person", required=True),
            Field("status", required=True, enum=ATTENDANCE),
        ],
        primary_key=["meeting", "person"],
        foreign_keys=[(["meeting"], "meetings", ["id"]), (["person"], "people", ["id"])],
    ),
]

AREA_MODULES = (
    "sevens",
    "network",
    "indicators",
    "chains",
    "resources",
    "costs",
    "governance",
    "scrutiny",
    "actions",
    "flags",
    "replies",
    "strategy",
    "learning",
)


def all_resources() -> list[Resource]:
    """The foundation's resources, then each area's (``RESOURCES`` in its own module).

    Each part of the framework declares its tables in ``partnerscope.datapackage.<area>``,
    so adding an area's tables never means editing this file.
    """
    resources = list(RESOURCES)
    for area in AREA_MODULES:
        name = f"partnerscope.datapackage.{area}"
        if importlib.util.find_spec(name) is not None:
            resources += getattr(importlib.import_module(name), "RESOURCES", [])
    return resources


def resource_by_name() -> dict[str, Resource]:
    return {resource.name: resource for resource in all_resources()}


def descriptor(title: str, resources: list[Resource] | None = None) -> dict[str, Any]:
    """The ``datapackage.json`` content for a package of all resources (or of these)."""
    return {
        "name": "partnerscope-partnership",
        "title": title,
        "profile": PROFILE,
        "version": FORMAT_VERSION,
        "description": "A partnership exported from PartnerScope. See docs/datapackage.md.",
        "resources": [resource.descriptor() for resource in resources or all_resources()],
    }
