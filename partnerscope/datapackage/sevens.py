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
from pathlib import Path
from typing import Any

from partnerscope.core.sevens import (
    DONT_KNOW,
    ELEMENT_IDS,
    LAYERS,
    LOCAL_PREFIX,
    SECTORS,
    Answer,
    Instrument,
    Respondent,
    Statement,
    local_statement,
)
from partnerscope.datapackage.tables import (
    Column,
    Parser,
    TableError,
    TableErrors,
    choice,
    read_table,
    text,
)

__all__ = [
    "LOCAL_COLUMNS",
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
        Column("sector", choice(*SECTORS), help="the sector of the person's organisation"),
        Column("layer", layer_list, help="governance layers, separated by ;"),
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
    or who answers the same statement twice, is an error on the later row.
    """
    name = label or str(path)
    rows = read_table(path, response_columns(instrument), label=name)
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
