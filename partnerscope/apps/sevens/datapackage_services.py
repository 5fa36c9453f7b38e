"""The 7S tables in a partnership's data package: export, check and import.

Waves, local statements, responses (one row per respondent per statement, the respondent an
anonymous sequence id) and evidence travel; invitations, tokens and drafts never do. Rows are
written in an order fixed by their content, so export, import and export again give the
same files. A respondent whose sector and layers fewer than the partnership's anonymity
threshold share in the wave is exported with both blank (``rare_combinations``), so the
package cannot pick out a lone officer; their answers stay.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.sevens.models import Evidence, LocalStatement, Response, Wave
from partnerscope.apps.sevens.services import (
    in_layer_order,
    instrument_for,
    parse_answer,
)
from partnerscope.core.anonymity import rare_combinations
from partnerscope.core.sevens import ELEMENT_IDS, LOCAL_PREFIX, Instrument
from partnerscope.datapackage.sevens import check_package_tables, split_list
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]


def exported_responses(
    wave: Wave, instrument: Instrument, threshold: int
) -> list[tuple[str, str, str, Response]]:
    """The wave's responses as exported: sequence id, sector, layers and the response.

    Sector and layers are blank for a respondent whose combination of the two fewer than
    ``threshold`` share (see :func:`partnerscope.core.anonymity.rare_combinations`). The
    sequence ids follow the exported content alone, so their order says nothing of a blanked
    respondent's sector either.
    """
    responses = list(Response.objects.in_wave(wave))
    shown = [(response.sector, ";".join(in_layer_order(response.layers))) for response in responses]
    blank = rare_combinations(Counter(shown), threshold)
    rows = sorted(
        (
            (
                ("", "") if combination in blank else combination,
                tuple(str(response.answers.get(item, "")) for item in instrument.ids),
                response,
            )
            for combination, response in zip(shown, responses, strict=True)
        ),
        key=lambda row: row[:2],
    )
    return [
        (f"r{number:03d}", sector, layers, response)
        for number, ((sector, layers), _, response) in enumerate(rows, start=1)
    ]


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    """The partnership's 7S waves, local statements, responses and evidence as rows."""
    waves = list(
        Wave.objects.in_partnership(partnership)
        .select_related("previous")
        .prefetch_related("bodies")
        .order_by("ref")
    )
    wave_rows = [
        {
            "id": wave.ref,
            "title": wave.title,
            "opens": wave.opens,
            "closes": wave.closes,
            "bodies": ";".join(sorted(body.ref for body in wave.bodies.all())),
            "previous": wave.previous.ref if wave.previous else None,
            "instrument_version": wave.instrument_version,
        }
        for wave in waves
    ]
    local_rows = [
        {
            "wave": statement.wave.ref,
            "id": statement.statement_id,
            "element": statement.element,
            "text": statement.text,
            "layers": ";".join(in_layer_order(statement.layers)) or None,
        }
        for statement in LocalStatement.objects.filter(wave__in=waves)
        .select_related("wave")
        .order_by("wave__ref", "number")
    ]
    response_rows = []
    for wave in waves:
        instrument = instrument_for(wave)
        threshold = partnership.anonymity_threshold
        for respondent, sector, layers, response in exported_responses(wave, instrument, threshold):
            for item in instrument.ids:
                if item in response.answers:
                    response_rows.append(
                        {
                            "wave": wave.ref,
                            "respondent": respondent,
                            "sector": sector or None,
                            "layer": layers or None,
                            "item": item,
                            "answer": str(response.answers[item]),
                        }
                    )
    evidence_rows = sorted(
        (
            {"wave": e.wave.ref, "element": e.element, "text": e.text}
            for e in Evidence.objects.filter(wave__in=waves).select_related("wave")
        ),
        key=lambda row: (row["wave"], ELEMENT_IDS.index(row["element"]), row["text"]),
    )
    return {
        "sevens_waves": wave_rows,
        "sevens_local_statements": local_rows,
        "sevens_responses": response_rows,
        "sevens_evidence": evidence_rows,
    }


def check_tables(tables: Tables) -> list[TableError]:
    """The 7S rules Frictionless cannot express (see check_package_tables)."""
    return check_package_tables(tables)


def import_tables(partnership: Partnership, tables: Tables, refs: Any) -> None:
    """Create the 7S records of a checked package, inside the import's transaction."""
    waves: dict[str, Wave] = {}
    for row in tables.get("sevens_waves", []):
        wave = Wave.objects.create(
            partnership=partnership,
            ref=row["id"],
            title=row["title"],
            opens=row["opens"],
            closes=row["closes"],
            instrument_version=str(row["instrument_version"]),
        )
        wave.bodies.set([refs.bodies[body] for body in split_list(row.get("bodies"))])
        waves[row["id"]] = wave
    for row in tables.get("sevens_waves", []):
        if row.get("previous"):
            wave = waves[row["id"]]
            wave.previous = waves[row["previous"]]
            wave.save(update_fields=["previous"])
    LocalStatement.objects.bulk_create(
        LocalStatement(
            wave=waves[row["wave"]],
            number=int(row["id"].removeprefix(LOCAL_PREFIX)),
            element=row["element"],
            text=row["text"],
            layers=in_layer_order(split_list(row.get("layers"))),
        )
        for row in tables.get("sevens_local_statements", [])
    )
    people: dict[tuple[str, str], Response] = {}
    for row in tables.get("sevens_responses", []):
        key = (row["wave"], row["respondent"])
        if key not in people:
            people[key] = Response(
                wave=waves[row["wave"]],
                sector=row.get("sector") or "",
                layers=in_layer_order(split_list(row.get("layer"))),
                answers={},
            )
        people[key].answers[row["item"]] = parse_answer(row["answer"])
    Response.objects.bulk_create(people.values())
    Evidence.objects.bulk_create(
        Evidence(wave=waves[row["wave"]], element=row["element"], text=row["text"])
        for row in tables.get("sevens_evidence", [])
    )
