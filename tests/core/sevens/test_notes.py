"""Practice notes: one per element, checked when read."""

from __future__ import annotations

from typing import Any

import pytest

from partnerscope.core.sevens import ELEMENT_IDS, practice_notes_from_mapping


def _rows() -> list[dict[str, Any]]:
    return [
        {"element": e, "context": "c", "examples": ["x"], "good": "g", "warning_signs": ["w"]}
        for e in ELEMENT_IDS
    ]


def test_one_note_per_element_in_element_order() -> None:
    notes = practice_notes_from_mapping({"notes": list(reversed(_rows()))})
    assert list(notes) == list(ELEMENT_IDS)
    assert notes["style"].name == "Style"
    assert notes["style"].to_dict()["warning_signs"] == ["w"]


def test_a_missing_or_repeated_note_is_refused() -> None:
    with pytest.raises(ValueError, match="no practice note for scs"):
        practice_notes_from_mapping({"notes": _rows()[1:]})
    with pytest.raises(ValueError, match="two notes"):
        practice_notes_from_mapping({"notes": [*_rows(), _rows()[0]]})
    rows = _rows()
    rows[0]["good"] = " "
    with pytest.raises(ValueError, match="needs its text"):
        practice_notes_from_mapping({"notes": rows})
