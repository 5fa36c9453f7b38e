"""The versioned record the areas share: its history kept, and a stable ``ref``.

Every record that travels in a data package carries a ``ref``: a short slug, unique within
the record's parent (a partnership, a chain, a body), that stays the same through export,
import and export again. Every change to such a record is kept as a new version by
django-simple-history, never an overwrite.

``VersionedRecord`` registers the history once for all its subclasses
(``HistoricalRecords(inherit=True)``), which builds the same historical models, tables and
migration state as declaring ``history = HistoricalRecords()`` on each record; a record
whose many-to-many links are versioned too names them in ``_history_m2m_fields``. The
``ref`` field itself is declared by each record with ``ref_field()``, where it stands among
the record's own fields: a field declared on an abstract model always sorts before the
subclass's fields, which would reorder the admin's forms and the backups' fields.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

REF_HELP = "A short stable identifier used in data packages; letters, digits and hyphens."
REF_LENGTH = 64
"""How long a ``ref`` may be, unless a record needs longer ones (a meeting's, a participant's)."""


def ref_field(max_length: int = REF_LENGTH, *, unique: bool = False) -> models.SlugField:
    """The ``ref`` field of a record: a slug used in data packages.

    ``unique`` is for records without a parent (an organisation, shared by partnerships);
    other records make their ref unique within their parent with ``ref_unique_within``.
    """
    return models.SlugField(max_length=max_length, unique=unique, help_text=REF_HELP)


def ref_unique_within(parent: str, *, name: str) -> models.UniqueConstraint:
    """The constraint that keeps a ``ref`` unique among the records of one ``parent``."""
    return models.UniqueConstraint(fields=[parent, "ref"], name=name)


def unique_ref(queryset: models.QuerySet[Any], text: str, max_length: int = REF_LENGTH) -> str:
    """A slug of ``text`` unused as ``ref`` in ``queryset``, with a numeric suffix if needed."""
    base = (slugify(text) or "item")[: max_length - 6].strip("-")
    candidate, suffix = base, 1
    while queryset.filter(ref=candidate).exists():
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


class VersionedRecord(models.Model):
    """A record with a stable ``ref`` whose every change is kept as a version.

    A subclass declares ``ref = ref_field()`` and, in its ``Meta``, the constraint
    ``ref_unique_within(parent, name=...)``; its history is registered here, with the
    many-to-many fields listed in its ``_history_m2m_fields`` (the 7S wave's bodies).
    """

    ref: str
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
