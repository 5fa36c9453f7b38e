"""The indicator catalogue: national indicators a partnership can adopt.

The catalogue is ``national_indicators_2008.json`` beside this module: a selection of the
2008 National Indicator Set (England, in force April 2008 to March 2011) with each
indicator's number, title, polarity and unit, and the source of the set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from partnerscope.core.indicators.model import Indicator, Polarity

__all__ = ["CatalogueEntry", "Catalogue", "load_catalogue", "parse_catalogue", "CATALOGUE_FILE"]

CATALOGUE_FILE = "national_indicators_2008.json"


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One national indicator: its number, code (``NI 15``), title, polarity and unit."""

    number: int
    code: str
    title: str
    polarity: Polarity
    unit: str
    note: str = ""

    def to_indicator(self) -> Indicator:
        """The entry as an :class:`~partnerscope.core.indicators.model.Indicator`."""
        return Indicator(code=self.code, title=self.title, polarity=self.polarity, unit=self.unit)

    def to_dict(self) -> dict[str, Any]:
        """``number``, ``code``, ``title``, ``polarity``, ``unit`` and ``note``."""
        return {
            "number": self.number,
            "code": self.code,
            "title": self.title,
            "polarity": str(self.polarity),
            "unit": self.unit,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The catalogue, with its source and the dates the set was in force."""

    title: str
    source: str
    in_force_from: date
    in_force_to: date
    entries: tuple[CatalogueEntry, ...]

    def get(self, code: str) -> CatalogueEntry | None:
        """The entry with ``code`` (``NI 15``), or ``None``."""
        for entry in self.entries:
            if entry.code == code:
                return entry
        return None

    def to_dict(self) -> dict[str, Any]:
        """``title``, ``source``, ``in_force`` (``from``, ``to``) and ``indicators``."""
        return {
            "title": self.title,
            "source": self.source,
            "in_force": {
                "from": self.in_force_from.isoformat(),
                "to": self.in_force_to.isoformat(),
            },
            "indicators": [entry.to_dict() for entry in self.entries],
        }


def _entry(raw: dict[str, Any]) -> CatalogueEntry:
    number = raw["number"]
    if not isinstance(number, int) or not 1 <= number <= 198:
        raise ValueError(f"indicator number {number!r} is not from 1 to 198")
    code = raw["code"]
    if code != f"NI {number}":
        raise ValueError(f"indicator {number} has code {code!r}, not 'NI {number}'")
    title = raw["title"].strip()
    unit = raw["unit"].strip()
    if not title or not unit:
        raise ValueError(f"{code} needs a title and a unit")
    return CatalogueEntry(number, code, title, Polarity(raw["polarity"]), unit, raw.get("note", ""))


def parse_catalogue(document: dict[str, Any]) -> Catalogue:
    """Check and convert the catalogue's JSON document; a ``ValueError`` names the problem."""
    try:
        entries = tuple(_entry(raw) for raw in document["indicators"])
        in_force = document["in_force"]
        catalogue = Catalogue(
            title=document["title"],
            source=document["source"],
            in_force_from=date.fromisoformat(in_force["from"]),
            in_force_to=date.fromisoformat(in_force["to"]),
            entries=entries,
        )
    except KeyError as missing:
        raise ValueError(f"the catalogue lacks {missing}") from None
    numbers = [entry.number for entry in entries]
    if numbers != sorted(set(numbers)):
        raise ValueError("catalogue entries must be in number order without repeats")
    return catalogue


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """Read the catalogue file shipped with the package.

    Examples
    --------
    >>> catalogue = load_catalogue()
    >>> catalogue.get("NI 15").title
    'Serious violent crime rate'
    >>> catalogue.in_force_from.isoformat(), catalogue.in_force_to.isoformat()
    ('2008-04-01', '2011-03-31')
    """
    text = resources.files(__name__).joinpath(CATALOGUE_FILE).read_text(encoding="utf-8")
    return parse_catalogue(json.loads(text))
