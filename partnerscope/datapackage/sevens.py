"""Read 7S survey answers and local statements from CSV into the core's types.

Responses: one row per respondent per statement, with columns ``respondent``, ``sector``,
``layer``, ``item`` and ``answer`` (1 to 5, or ``dk`` for "don't know"). ``layer`` names one
or more governance layers separated by ``;``, and must name the same layers on each of a
respondent's rows, as ``sector`` must name the same sector.

Local statements: columns ``id`` (starting ``local.``), ``element``, ``text`` and an
optional ``layers``.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from partnerscope.core.sevens import (
    DONT_KNOW,
    ELEMENT_IDS,
    LAYERS,
    LOCAL_PREFIX,
    NOT_STATED,
    SECTORS,
    Answer,
    Instrument,
    Respondent,
    Statement,
    local_statement,
)
from partnerscope.datapackage.schema import Field, Resource
from partnerscope.datapackage.tables import (
    Column,
    Parser,
    TableError,
    TableErrors,
    choice,
    read_table,
    text,
)
from partnerscope.reference.sevens import load_instrument

__all__ = [
    "ANSWERS",
    "LAYER_LIST_PATTERN",
    "LOCAL_COLUMNS",
    "LOCAL_ID_PATTERN",
    "RESOURCES",
    "check_package_tables",
    "package_instrument",
    "split_list",
    "answer",
    "layer_list",
    "local_id",
    "read_local_statements",
    "read_responses",
    "response_columns",
    "statement_id",
]


def answer(value: str) -> Answer:
    """A 7S answer: a whole number from 1 to 5, or ``dk`` for "don't know"."""
    value = value.strip()
    if value.lower() == DONT_KNOW:
        return DONT_KNOW
    if value in {"1", "2", "3", "4", "5"}:
        return int(value)
    raise ValueError(f"{value!r} is not an answer: use 1 to 5, or {DONT_KNOW} for don't know")


def layer_list(value: str) -> frozenset[str]:
    """One or more governance layers separated by ``;``, e.g. ``strategic;executive``."""
    names = [name.strip() for name in value.split(";") if name.strip()]
    if not names:
        raise ValueError("must name at least one layer")
    unknown = [name for name in names if name not in LAYERS]
    if unknown:
        raise ValueError(
            f"{', '.join(repr(n) for n in unknown)} is not a layer: use {', '.join(LAYERS)}"
        )
    return frozenset(names)


def statement_id(instrument: Instrument) -> Parser:
    """A statement id the instrument (with any local statements) contains."""
    known = set(instrument.ids)

    def parse(value: str) -> str:
        value = value.strip()
        if value not in known:
            raise ValueError(
                f"unknown statement id {value!r} (instrument version {instrument.version})"
            )
        return value

    return parse


def local_id(value: str) -> str:
    """A local statement id, which must start ``local.``, e.g. ``local.1``."""
    value = text(value)
    if not value.startswith(LOCAL_PREFIX) or value == LOCAL_PREFIX:
        raise ValueError(f"{value!r} is not a local statement id: it must start {LOCAL_PREFIX!r}")
    return value


def response_columns(instrument: Instrument) -> tuple[Column, ...]:
    """The columns of a responses file for this instrument."""
    return (
        Column("respondent", text, help="an id for the person; no names"),
        Column(
            "sector",
            choice(*SECTORS),
            required=False,
            default=NOT_STATED,
            help="the sector of the person's organisation; blank if left out",
        ),
        Column(
            "layer",
            layer_list,
            required=False,
            default=frozenset(),
            help="governance layers, separated by ;; blank if left out",
        ),
        Column("item", statement_id(instrument), help="the statement id"),
        Column("answer", answer, help="1 to 5, or dk for don't know"),
    )


LOCAL_COLUMNS: tuple[Column, ...] = (
    Column("id", local_id, help="local statement id, e.g. local.1"),
    Column("element", choice(*ELEMENT_IDS), help="the 7S element the statement measures"),
    Column("text", text, help="the statement respondents rate"),
    Column("layers", layer_list, required=False, default=frozenset(), help="optional layers"),
)


def _data_row_numbers(path: str | Path) -> list[int]:
    """The spreadsheet row number of each non-blank data row, as read_table counts them."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return [
            number
            for number, cells in enumerate(csv.reader(handle), start=1)
            if number > 1 and any(cell.strip() for cell in cells)
        ]


def read_local_statements(path: str | Path, *, label: str | None = None) -> tuple[Statement, ...]:
    """Read a wave's local statements; a repeated id is a ``file:row:id`` error."""
    name = label or str(path)
    rows = read_table(path, LOCAL_COLUMNS, label=name)
    numbers = _data_row_numbers(path)
    errors: list[TableError] = []
    seen: dict[str, int] = {}
    statements: list[Statement] = []
    for number, row in zip(numbers, rows, strict=True):
        if row["id"] in seen:
            errors.append(
                TableError(
                    name, number, "id", f"{row['id']!r} already used on row {seen[row['id']]}"
                )
            )
            continue
        seen[row["id"]] = number
        statements.append(local_statement(row["id"], row["element"], row["text"], row["layers"]))
    if errors:
        raise TableErrors(errors)
    return tuple(statements)


def _same(
    errors: list[TableError],
    name: str,
    number: int,
    column: str,
    person: str,
    first: tuple[int, Any],
    value: Any,
) -> None:
    first_row, first_value = first
    if value != first_value:

        def shown(v: Any) -> str:
            return ";".join(layer for layer in LAYERS if layer in v) if column == "layer" else v

        errors.append(
            TableError(
                name,
                number,
                column,
                f"respondent {person!r} has {column} {shown(value)!r} here "
                f"but {shown(first_value)!r} on row {first_row}",
            )
        )


def read_responses(
    path: str | Path, instrument: Instrument, *, label: str | None = None
) -> tuple[Respondent, ...]:
    """Read one wave's answers into respondents, collecting every error as file:row:column.

    Beyond each cell's own checks, a respondent whose sector or layers differ between rows,
    or who answers the same statement twice, is an error on the later row. The ``sector``
    and ``layer`` columns must be there, but their cells may be blank (as a data package
    leaves them for respondents too few share them with): such a respondent counts in the
    whole wave only, in no sector and no layer group.
    """
    name = label or str(path)
    rows = read_table(path, response_columns(instrument), label=name)
    with open(path, newline="", encoding="utf-8-sig") as handle:
        header = [cell.strip() for cell in next(csv.reader(handle), [])]
    missing = [column for column in ("sector", "layer") if column not in header]
    if missing:
        raise TableErrors(
            [TableError(name, 1, column, "required column is missing") for column in missing]
        )
    numbers = _data_row_numbers(path)
    errors: list[TableError] = []
    sectors: dict[str, tuple[int, str]] = {}
    layers: dict[str, tuple[int, frozenset[str]]] = {}
    answers: dict[str, dict[str, Answer]] = {}
    answered_on: dict[tuple[str, str], int] = {}
    for number, row in zip(numbers, rows, strict=True):
        person = row["respondent"]
        sectors.setdefault(person, (number, row["sector"]))
        layers.setdefault(person, (number, row["layer"]))
        _same(errors, name, number, "sector", person, sectors[person], row["sector"])
        _same(errors, name, number, "layer", person, layers[person], row["layer"])
        key = (person, row["item"])
        if key in answered_on:
            errors.append(
                TableError(
                    name,
                    number,
                    "item",
                    f"respondent {person!r} already answered {row['item']!r} "
                    f"on row {answered_on[key]}",
                )
            )
            continue
        answered_on[key] = number
        answers.setdefault(person, {})[row["item"]] = row["answer"]
    if errors:
        raise TableErrors(errors)
    return tuple(
        Respondent(person, sectors[person][1], layers[person][1], answers[person])
        for person in answers
    )


# ---- The 7S tables of a partnership's data package ---------------------------------------
#
# A wave's answers travel as one row per respondent per statement, with the respondent an
# anonymous sequence id (r001, r002, ...) numbered by the content of the answers, so it says
# nothing of who answered or when. Invitations, tokens and drafts never leave the database.

_LAYER_NAMES = "(?:strategic|executive|operational)"
LAYER_LIST_PATTERN = f"{_LAYER_NAMES}(?:;{_LAYER_NAMES})*"
LOCAL_ID_PATTERN = r"local\.[1-9][0-9]*"
ANSWERS = ["1", "2", "3", "4", "5", DONT_KNOW]
_REF = "[A-Za-z0-9_-]+"

RESOURCES: list[Resource] = [
    Resource(
        "sevens_waves",
        "Waves of the 7S self-assessment: when each ran and whose members were invited.",
        [
            Field("id", required=True, pattern=_REF, description="The wave's id."),
            Field("title", required=True),
            Field("opens", "date", required=True, description="First day answers were taken."),
            Field("closes", "date", required=True, description="Last day answers were taken."),
            Field(
                "bodies",
                description="ids of the bodies whose members were invited, separated by ';'.",
            ),
            Field("previous", description="id of the earlier wave change is measured against."),
            Field(
                "instrument_version",
                required=True,
                description="Version of the shared 7S statements the wave used.",
            ),
        ],
        primary_key=["id"],
        foreign_keys=[(["previous"], "sevens_waves", ["id"])],
    ),
    Resource(
        "sevens_local_statements",
        "Statements a wave added to the shared 7S instrument, scored in their element.",
        [
            Field("wave", required=True),
            Field("id", required=True, pattern=LOCAL_ID_PATTERN, description="local.1, local.2…"),
            Field("element", required=True, enum=list(ELEMENT_IDS)),
            Field("text", required=True, description="The statement people rated."),
            Field(
                "layers",
                pattern=LAYER_LIST_PATTERN,
                description="Governance layers it concerns, separated by ';'.",
            ),
        ],
        primary_key=["wave", "id"],
        foreign_keys=[(["wave"], "sevens_waves", ["id"])],
    ),
    Resource(
        "sevens_responses",
        "7S answers: one row per respondent per statement, with no link to who answered.",
        [
            Field("wave", required=True),
            Field(
                "respondent",
                required=True,
                pattern=_REF,
                description="An anonymous sequence id within the wave, e.g. r001.",
            ),
            Field(
                "sector",
                enum=list(SECTORS),
                description="As stated; blank when fewer than the anonymity threshold share "
                "the respondent's sector and layers.",
            ),
            Field(
                "layer",
                pattern=LAYER_LIST_PATTERN,
                description="Governance layers the respondent sits in, separated by ';'; "
                "blank with the sector.",
            ),
            Field("item", required=True, description="Statement id (instrument or local)."),
            Field(
                "answer",
                required=True,
                enum=ANSWERS,
                description="1 strongly disagree to 5 strongly agree, or dk for don't know.",
            ),
        ],
        primary_key=["wave", "respondent", "item"],
        foreign_keys=[(["wave"], "sevens_waves", ["id"])],
    ),
    Resource(
        "sevens_evidence",
        "Free-text evidence given for an element, linked to no respondent.",
        [
            Field("wave", required=True),
            Field("element", required=True, enum=list(ELEMENT_IDS)),
            Field("text", required=True),
        ],
        foreign_keys=[(["wave"], "sevens_waves", ["id"])],
    ),
]


def split_list(value: Any) -> list[str]:
    """Values separated by ``;`` (empty for an empty cell)."""
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def package_instrument(
    wave: str, version: str, local_rows: Sequence[Mapping[str, Any]]
) -> Instrument:
    """The instrument of one wave of a package: the shared statements plus its local ones."""
    kit = load_instrument()
    if version != kit.version:
        raise ValueError(f"instrument version {version!r} is not known: use {kit.version}")
    return kit.with_local(
        local_statement(row["id"], row["element"], row["text"], split_list(row.get("layers")))
        for row in local_rows
        if row["wave"] == wave
    )


def check_package_tables(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[TableError]:
    """The 7S rules a Table Schema cannot express, each error as ``file:row:column``.

    Waves close on or after they open, use a known instrument version, name known bodies
    and do not compare with themselves; each response names a statement of its wave's
    instrument and keeps one sector and one set of layers per respondent.
    """
    errors: list[TableError] = []
    waves = list(tables.get("sevens_waves", []))
    local_rows = list(tables.get("sevens_local_statements", []))
    body_ids = {row["id"] for row in tables.get("bodies", [])}
    instruments: dict[str, Instrument] = {}
    for number, row in enumerate(waves, start=2):
        where = ("sevens_waves.csv", number)
        if row.get("opens") and row.get("closes") and row["closes"] < row["opens"]:
            errors.append(TableError(*where, "closes", "is before opens"))
        unknown = [body for body in split_list(row.get("bodies")) if body not in body_ids]
        if unknown:
            errors.append(
                TableError(
                    *where, "bodies", f"{', '.join(map(repr, unknown))} is not an id in bodies.csv"
                )
            )
        if row.get("previous") and row["previous"] == row["id"]:
            errors.append(TableError(*where, "previous", "a wave cannot follow itself"))
        try:
            instruments[row["id"]] = package_instrument(
                row["id"], str(row["instrument_version"]), local_rows
            )
        except ValueError as error:
            errors.append(TableError(*where, "instrument_version", str(error)))
    previous = {row["id"]: row.get("previous") for row in waves}
    for number, row in enumerate(waves, start=2):
        seen, current = {row["id"]}, row.get("previous")
        while current:
            if current in seen:
                errors.append(
                    TableError("sevens_waves.csv", number, "previous", "waves follow in a loop")
                )
                break
            seen.add(current)
            current = previous.get(current)
    known = {wave: set(kit.ids) for wave, kit in instruments.items()}
    people: dict[tuple[str, str], tuple[int, str, frozenset[str]]] = {}
    for number, row in enumerate(tables.get("sevens_responses", []), start=2):
        wave = row["wave"]
        if wave in known and row["item"] not in known[wave]:
            errors.append(
                TableError(
                    "sevens_responses.csv",
                    number,
                    "item",
                    f"{row['item']!r} is not a statement of wave {wave!r}",
                )
            )
        layers = frozenset(split_list(row["layer"]))
        key = (wave, row["respondent"])
        first = people.setdefault(key, (number, row["sector"], layers))
        if first[1] != row["sector"]:
            errors.append(
                TableError(
                    "sevens_responses.csv",
                    number,
                    "sector",
                    f"respondent {row['respondent']!r} has sector {row['sector']!r} here "
                    f"but {first[1]!r} on row {first[0]}",
                )
            )
        if first[2] != layers:
            errors.append(
                TableError(
                    "sevens_responses.csv",
                    number,
                    "layer",
                    f"respondent {row['respondent']!r} has other layers here than on row "
                    f"{first[0]}",
                )
            )
    return errors
