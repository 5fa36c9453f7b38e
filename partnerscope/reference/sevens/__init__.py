"""Load the 7S instrument and practice notes shipped with PartnerScope.

The files live beside this module (``instrument.toml``, ``practice_notes.toml``) and are
read with :mod:`importlib.resources`, so they work from a wheel as well as a checkout.
Reading is I/O, so it lives here; checking and building the objects is done by
:mod:`partnerscope.core.sevens`.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from partnerscope.core.sevens import (
    Instrument,
    PracticeNote,
    instrument_from_mapping,
    practice_notes_from_mapping,
)

__all__ = [
    "INSTRUMENT_FILE",
    "PRACTICE_NOTES_FILE",
    "load_instrument",
    "load_practice_notes",
    "read_data",
]

INSTRUMENT_FILE = "instrument.toml"
PRACTICE_NOTES_FILE = "practice_notes.toml"


def read_data(name: str) -> dict[str, Any]:
    """Parse one of the TOML files shipped in this package."""
    text = files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def load_instrument() -> Instrument:
    """Return the shipped 7S instrument (statements, version)."""
    return instrument_from_mapping(read_data(INSTRUMENT_FILE))


@cache
def load_practice_notes() -> dict[str, PracticeNote]:
    """Return the shipped practice notes, one per element, in element order."""
    return practice_notes_from_mapping(read_data(PRACTICE_NOTES_FILE))
