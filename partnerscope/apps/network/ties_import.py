"""Importing a wave's ties from a CSV file, all or nothing, with every problem listed."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from partnerscope.apps.network.choices import Origin
from partnerscope.apps.network.models import Tie, Wave
from partnerscope.apps.network.services import partnership_organisations
from partnerscope.apps.partnerships.models import Organisation
from partnerscope.datapackage.network import RATING_PARTS, read_survey_ties
from partnerscope.datapackage.tables import TableError, TableErrors

# ---- Importing ties from a CSV file ---------------------------------------------------


@dataclass
class ImportOutcome:
    """What an import saved, or every reason it saved nothing."""

    filename: str
    ties: int = 0
    organisations: int = 0
    errors: list[TableError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def import_ties(wave: Wave, upload: Any) -> ImportOutcome:
    """Import a ties file (``from,to,level,...``, the command line's format) into a wave.

    Every row is checked before anything is saved; each problem is reported as
    ``file:row:column: message``. An organisation named in ``from`` must not have answers in
    the wave already. All rows are saved in one transaction, or none.
    """
    filename = Path(getattr(upload, "name", "") or "ties.csv").name
    members = {o.ref: o for o in partnership_organisations(wave.partnership)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ties.csv"
        with open(path, "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            rows = read_survey_ties(path, list(members), label=filename)
        except TableErrors as problem:
            return ImportOutcome(filename, errors=problem.errors)
    answered = set(
        Organisation.objects.filter(network_ties_given__wave=wave).values_list("ref", flat=True)
    )
    errors = [
        TableError(
            filename,
            row["row"],
            "from",
            f"{row['from']!r} already has answers in this wave: remove them or use another wave",
        )
        for row in rows
        if row["from"] in answered
    ]
    if not rows:
        errors.append(TableError(filename, 2, "", "the file has no ties"))
    if errors:
        return ImportOutcome(filename, errors=errors)
    with transaction.atomic():
        Tie.objects.bulk_create(
            Tie(
                wave=wave,
                source=members[row["from"]],
                target=members[row["to"]],
                level=row["level"],
                frequency=row["frequency"],
                flows=list(row["flows"]),
                origin=Origin.IMPORT,
                **{part: row[part] for part in RATING_PARTS},
            )
            for row in rows
        )
    return ImportOutcome(filename, len(rows), len({row["from"] for row in rows}))
