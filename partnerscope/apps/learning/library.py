"""The library of notable practice: the site-wide entries every partnership reads, a
partnership's own entries, the entries that could help with a finding, and the import of
the site-wide library from a CSV file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.http import Http404

from partnerscope.apps.common.extensions import Panel, finding_sources
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.learning.choices import FrameworkPart
from partnerscope.apps.learning.models import PracticeEntry
from partnerscope.datapackage.learning import read_library


def known_rules() -> dict[str, str]:
    """Every rule id an area's findings may cite, with its short label."""
    rules: dict[str, str] = {}
    for source in finding_sources().values():
        for rule in source.rules():
            rules.setdefault(rule.id, rule.label)
    return rules


@dataclass(frozen=True)
class LibraryPage:
    part: str
    parts: list[tuple[str, str]]
    site_wide: list[PracticeEntry]
    own: list[PracticeEntry]

    @property
    def count(self) -> int:
        return len(self.site_wide) + len(self.own)


def library_page(partnership: Any, part: str = "") -> LibraryPage:
    """The site-wide library and the partnership's own entries, of one framework part or all."""
    entries = PracticeEntry.objects.readable_by(partnership)
    if part in FrameworkPart.values:
        entries = entries.filter(framework_part=part)
    else:
        part = ""
    listed = list(entries)
    return LibraryPage(
        part,
        list(FrameworkPart.choices),
        [entry for entry in listed if entry.site_wide],
        [entry for entry in listed if not entry.site_wide],
    )


def get_entry(partnership: Any, pk: int) -> PracticeEntry:
    """An entry the partnership may read (site-wide or its own), or 404."""
    entry = PracticeEntry.objects.readable_by(partnership).filter(pk=pk).first()
    if entry is None:
        raise Http404("No such practice entry.")
    return entry


def get_own_entry(partnership: Any, pk: int) -> PracticeEntry:
    """One of the partnership's own entries (the only ones its managers change), or 404."""
    entry = PracticeEntry.objects.own(partnership).filter(pk=pk).first()
    if entry is None:
        raise Http404("No such practice entry of this partnership.")
    return entry


def save_entry(partnership: Any, form: Any) -> PracticeEntry:
    """Save the partnership's own entry (a new version when it is changed)."""
    entry = form.save(commit=False)
    entry.partnership = partnership
    if not entry.ref:
        entry.ref = unique_ref(PracticeEntry.objects.own(partnership), entry.practice)
    entry.save()
    return entry


def entries_for_rules(partnership: Any, rule_ids: Iterable[str]) -> list[PracticeEntry]:
    """The entries the partnership reads whose rule ids include any of ``rule_ids``."""
    wanted = set(rule_ids)
    return [
        entry
        for entry in PracticeEntry.objects.readable_by(partnership)
        if wanted.intersection(entry.rule_ids)
    ]


def finding_panel(request: Any, partnership: Any, key: tuple[str, str, str, str]) -> Panel | None:
    """On a finding's page: the practice entries that could help with its rule."""
    entries = entries_for_rules(partnership, [key[1]])
    if not entries:
        return None
    return Panel(
        "learning/includes/_finding_panel.html",
        {"entries": entries, "slug": partnership.slug, "rule_id": key[1]},
    )


def entry_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """An entry's fields from a row of ``learning_practice`` or of the library's file."""
    return {
        "practice": row["practice"],
        "description": row["description"],
        "where": row["where"],
        "evidence": row["evidence"],
        "framework_part": row["framework_part"],
        "contact": row["contact"],
        "rule_ids": list(row.get("rule_ids") or []),
        "example": bool(row.get("example")),
    }


@dataclass(frozen=True)
class LibraryImport:
    added: int
    changed: int


def import_library_rows(rows: Sequence[Mapping[str, Any]]) -> LibraryImport:
    """Add or change site-wide entries by id, all or nothing; entries not named stay."""
    added = changed = 0
    with transaction.atomic():
        for row in rows:
            entry = PracticeEntry.objects.site_wide().filter(ref=row["id"]).first()
            values = entry_values(row)
            if entry is None:
                PracticeEntry.objects.create(partnership=None, ref=row["id"], **values)
                added += 1
            elif any(getattr(entry, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(entry, name, value)
                entry.save()
                changed += 1
    return LibraryImport(added, changed)


def import_library(path: str | Path) -> LibraryImport:
    """Read the site-wide library's CSV file (raising every error together) and import it."""
    return import_library_rows(read_library(path))
