"""The shipped 7S instrument and practice notes: complete, well tagged, and loadable."""

from __future__ import annotations

import re
from collections import Counter

from partnerscope.core.sevens import ELEMENT_IDS, LAYERS, kind_of
from partnerscope.reference.sevens import (
    INSTRUMENT_FILE,
    PRACTICE_NOTES_FILE,
    load_instrument,
    load_practice_notes,
    read_data,
)

# The examples column of the seed's 7S table, element by element.
SEED_EXAMPLES = {
    "scs": {"SCS outcomes and goals"},
    "staff_skills": {
        "Ability and competence of political and officer leaders",
        "LSP support staff skills",
    },
    "style": {
        "Chair's leadership style",
        "Meeting arrangements",
        "Relationships between individual partners",
        "LSP profile and promotion",
    },
    "synergies": {"Informal and formal social networks", "Shared services and efficiency projects"},
    "steering": {
        "Influence on mainstream spend",
        "Pooled or aligned funding",
        "Performance and finance sub-groups",
    },
    "systems": {
        "Levels of accountability",
        "Shared systems",
        "Performance, risk and financial reporting",
    },
    "standards": {"Performance and resource management mechanisms", "Data quality standards"},
}


def test_the_instrument_file_has_a_version() -> None:
    raw = read_data(INSTRUMENT_FILE)
    assert isinstance(raw["version"], str) and raw["version"]
    assert load_instrument().version == raw["version"]


def test_six_to_ten_statements_per_element() -> None:
    counts = Counter(s.element for s in load_instrument().statements)
    assert set(counts) == set(ELEMENT_IDS)
    assert all(6 <= counts[e] <= 10 for e in ELEMENT_IDS), counts


def test_ids_are_unique_stable_and_name_their_element() -> None:
    raw = read_data(INSTRUMENT_FILE)["statements"]
    ids = [row["id"] for row in raw]
    assert len(ids) == len(set(ids))
    for row in raw:
        assert re.fullmatch(rf"{row['element']}\.\d{{2}}", row["id"]), row["id"]
    # Within an element the numbers run 01, 02, ... with no gaps.
    for element_id in ELEMENT_IDS:
        numbers = [int(i.split(".")[1]) for i in ids if i.startswith(f"{element_id}.")]
        assert numbers == list(range(1, len(numbers) + 1))


def test_kinds_are_right() -> None:
    for row in read_data(INSTRUMENT_FILE)["statements"]:
        assert row["kind"] == kind_of(row["element"]), row["id"]


def test_every_statement_has_layers_and_a_seed_example() -> None:
    for statement in load_instrument().statements:
        assert statement.layers, statement.id
        assert set(statement.layers) <= set(LAYERS)
        assert statement.tests in SEED_EXAMPLES[statement.element], statement.id
        assert not statement.local


def test_every_seed_example_is_tested_and_every_layer_is_covered() -> None:
    statements = load_instrument().statements
    for element_id, examples in SEED_EXAMPLES.items():
        assert {s.tests for s in statements if s.element == element_id} == examples
    for layer in LAYERS:
        assert any(layer in s.layers for s in statements)


def test_statement_texts_are_distinct_and_written_as_statements() -> None:
    texts = [s.text for s in load_instrument().statements]
    assert len(texts) == len(set(texts))
    assert all(text.endswith(".") and not text.endswith("?") for text in texts)


def test_practice_notes_cover_every_element_with_the_seed_examples() -> None:
    notes = load_practice_notes()
    assert list(notes) == list(ELEMENT_IDS)
    for element_id, note in notes.items():
        assert set(note.examples) == SEED_EXAMPLES[element_id]
        assert len(note.good) > 200
        assert note.warning_signs
        assert note.sources
    assert read_data(PRACTICE_NOTES_FILE)["version"]
