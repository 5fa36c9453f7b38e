"""Practice notes: for each 7S element, what good looks like and the signs of trouble.

A report shows the note beside an element's score, so a weak score comes with a picture
of the practice to aim for. The notes themselves are reference data; this module holds
their shape and checks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from partnerscope.core.sevens.elements import ELEMENT_IDS, element

__all__ = ["PracticeNote", "practice_notes_from_mapping"]


@dataclass(frozen=True)
class PracticeNote:
    """What good practice looks like for one element, with the seed's context and examples.

    ``context`` and ``examples`` quote the seed table (Audit Commission, 2009, Table 2);
    ``good`` and ``warning_signs`` are written for PartnerScope.

    Examples
    --------
    >>> note = PracticeNote("style", "Meetings", ("Chair's leadership style",), "Good.", ())
    >>> note.name
    'Style'
    """

    element: str
    context: str
    examples: tuple[str, ...]
    good: str
    warning_signs: tuple[str, ...]
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        element(self.element)
        if not self.good.strip():
            raise ValueError(f"the practice note for {self.element!r} needs its text")

    @property
    def name(self) -> str:
        """The element's display name."""
        return element(self.element).name

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form with keys element, name, context, examples, good,
        warning_signs, sources."""
        return {
            "element": self.element,
            "name": self.name,
            "context": self.context,
            "examples": list(self.examples),
            "good": self.good,
            "warning_signs": list(self.warning_signs),
            "sources": list(self.sources),
        }


def _texts(where: str, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ValueError(f"{where}: {key!r} must be a list of text")
    return tuple(value)


def practice_notes_from_mapping(data: Mapping[str, Any]) -> dict[str, PracticeNote]:
    """Build the notes from parsed TOML or JSON: one table per element under ``notes``.

    Every element must have exactly one note, so no element is shown without guidance.

    Examples
    --------
    >>> rows = [{"element": e, "context": "c", "examples": ["x"], "good": "g",
    ...          "warning_signs": [], "sources": []} for e in ELEMENT_IDS]
    >>> sorted(practice_notes_from_mapping({"notes": rows}))[:2]
    ['scs', 'staff_skills']
    """
    rows = data.get("notes")
    if not isinstance(rows, list):
        raise ValueError("the practice notes need a list of notes")
    notes: dict[str, PracticeNote] = {}
    for position, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise ValueError(f"note {position} is not a table")
        where = f"note {row.get('element', position)!r}"
        for key in ("element", "context", "good"):
            if not isinstance(row.get(key), str):
                raise ValueError(f"{where}: {key!r} must be text")
        if row["element"] in notes:
            raise ValueError(f"{where}: the element has two notes")
        notes[row["element"]] = PracticeNote(
            row["element"],
            row["context"],
            _texts(where, "examples", row.get("examples")),
            row["good"],
            _texts(where, "warning_signs", row.get("warning_signs", [])),
            _texts(where, "sources", row.get("sources", [])),
        )
    missing = [e for e in ELEMENT_IDS if e not in notes]
    if missing:
        raise ValueError(f"no practice note for {', '.join(missing)}")
    return {e: notes[e] for e in ELEMENT_IDS}
