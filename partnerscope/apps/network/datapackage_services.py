"""The relationship survey's tables in a partnership's data package: export, check, import.

Waves, representatives and every answer travel; links' token hashes and drafts never do.
``network_ties`` also lists the ties the pages infer for organisations that did not answer
(``inferred`` true, with the answering side's level), so a reader of the package sees what
the pages count; an import skips those rows, since they follow from the answers. Rows are
written in an order fixed by their content, so export, import and export again give the
same files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.utils import timezone

from partnerscope.apps.network.choices import Origin
from partnerscope.apps.network.models import Representative, Tie, Wave
from partnerscope.apps.network.results import Options, wave_network
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core import network as core
from partnerscope.datapackage.network import FLOWS, RATING_PARTS, check_package_tables
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]


def inferred_ties(wave: Wave) -> list[core.CountedTie]:
    """The ties the pages infer (at any level) for organisations that did not answer."""
    network = wave_network(wave)
    graph = core.build_graph(
        network.members, network.answers, Options(min_level=0, infer=True).core()
    )
    return [tie for tie in graph.ties if tie.inferred]


def answered_day(representative: Representative) -> dt.date | None:
    if representative.answered is None:
        return None
    return timezone.localtime(representative.answered).date()


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    """The partnership's relationship survey waves, representatives and ties as rows."""
    waves = list(
        Wave.objects.in_partnership(partnership).select_related("previous").order_by("ref")
    )
    wave_rows = [
        {
            "id": wave.ref,
            "title": wave.title,
            "opens": wave.opens,
            "closes": wave.closes,
            "previous": wave.previous.ref if wave.previous else None,
        }
        for wave in waves
    ]
    representative_rows = sorted(
        (
            {
                "wave": r.wave.ref,
                "organisation": r.organisation.ref,
                "person": r.person.ref,
                "answered": answered_day(r),
            }
            for r in Representative.objects.filter(wave__in=waves).select_related(
                "wave", "organisation", "person"
            )
        ),
        key=lambda row: (row["wave"], row["organisation"]),
    )
    tie_rows = []
    for wave in waves:
        for tie in Tie.objects.in_wave(wave):
            tie_rows.append(
                {
                    "wave": wave.ref,
                    "from": tie.source.ref,
                    "to": tie.target.ref,
                    "level": tie.level,
                    "frequency": tie.frequency or None,
                    "flows": ";".join(f for f in FLOWS if f in tie.flows) or None,
                    **{part: getattr(tie, part) for part in RATING_PARTS},
                    "inferred": False,
                }
            )
        for inferred in inferred_ties(wave):
            tie_rows.append(
                {
                    "wave": wave.ref,
                    "from": inferred.source,
                    "to": inferred.target,
                    "level": inferred.level,
                    "inferred": True,
                }
            )
    tie_rows.sort(key=lambda row: (row["wave"], row["from"], row["to"]))
    return {
        "network_waves": wave_rows,
        "network_representatives": representative_rows,
        "network_ties": tie_rows,
    }


def check_tables(tables: Tables) -> list[TableError]:
    """The relationship survey's rules Frictionless cannot express."""
    return check_package_tables(tables)


def import_tables(partnership: Partnership, tables: Tables, refs: Any) -> None:
    """Create the relationship survey's records of a checked package, inside the import's
    transaction; inferred ties are skipped (they follow from the answers)."""
    waves: dict[str, Wave] = {}
    for row in tables.get("network_waves", []):
        waves[row["id"]] = Wave.objects.create(
            partnership=partnership,
            ref=row["id"],
            title=row["title"],
            opens=row["opens"],
            closes=row["closes"],
        )
    for row in tables.get("network_waves", []):
        if row.get("previous"):
            wave = waves[row["id"]]
            wave.previous = waves[row["previous"]]
            wave.save(update_fields=["previous"])
    Representative.objects.bulk_create(
        Representative(
            wave=waves[row["wave"]],
            organisation=refs.organisations[row["organisation"]],
            person=refs.people[row["person"]],
            answered=timezone.make_aware(dt.datetime.combine(row["answered"], dt.time(12)))
            if row.get("answered")
            else None,
        )
        for row in tables.get("network_representatives", [])
    )
    Tie.objects.bulk_create(
        Tie(
            wave=waves[row["wave"]],
            source=refs.organisations[row["from"]],
            target=refs.organisations[row["to"]],
            level=row["level"],
            frequency=row.get("frequency") or "",
            flows=[flow for flow in FLOWS if flow in (row.get("flows") or "").split(";")],
            origin=Origin.IMPORT,
            **{part: row.get(part) for part in RATING_PARTS},
        )
        for row in tables.get("network_ties", [])
        if not row.get("inferred")
    )
