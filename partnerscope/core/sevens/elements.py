"""The seven elements of the 7S whole-systems model, the governance layers and the sectors.

The Audit Commission (2009, Table 2) adapted the 7S model to partnerships: the shared
long-term goals (SCS) sit at the centre, supported by three soft, transformational elements
and three hard, transactional ones. Scoring needs to know which element is which kind, so
the element list is part of the core rather than a data file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "COUNCIL",
    "ELEMENTS",
    "ELEMENT_IDS",
    "HARD_ELEMENTS",
    "KINDS",
    "LAYERS",
    "SECTORS",
    "SOFT_ELEMENTS",
    "Element",
    "Kind",
    "element",
    "kind_of",
]

Kind = Literal["core", "soft", "hard"]

KINDS: Final[tuple[Kind, ...]] = ("core", "soft", "hard")


@dataclass(frozen=True)
class Element:
    """One element of the 7S model: its stable id, display name and kind.

    Examples
    --------
    >>> element("steering")
    Element(id='steering', name='Steering', kind='hard')
    """

    id: str
    name: str
    kind: Kind


ELEMENTS: Final[tuple[Element, ...]] = (
    Element("scs", "SCS (shared long-term goals)", "core"),
    Element("staff_skills", "Staff and skills", "soft"),
    Element("style", "Style", "soft"),
    Element("synergies", "Synergies", "soft"),
    Element("steering", "Steering", "hard"),
    Element("systems", "Systems", "hard"),
    Element("standards", "Standards", "hard"),
)

ELEMENT_IDS: Final[tuple[str, ...]] = tuple(item.id for item in ELEMENTS)
SOFT_ELEMENTS: Final[tuple[str, ...]] = tuple(e.id for e in ELEMENTS if e.kind == "soft")
HARD_ELEMENTS: Final[tuple[str, ...]] = tuple(e.id for e in ELEMENTS if e.kind == "hard")

LAYERS: Final[tuple[str, ...]] = ("strategic", "executive", "operational")
"""The three governance layers, from oversight and direction down to delivery."""

COUNCIL: Final = "council"
"""The sector compared with all other partners in the council-versus-partners breakdown."""

SECTORS: Final[tuple[str, ...]] = (
    COUNCIL,
    "health",
    "police",
    "fire",
    "education",
    "housing",
    "business",
    "voluntary_community",
    "other_public",
)
"""The sectors a respondent's organisation may belong to."""

_BY_ID: Final[dict[str, Element]] = {item.id: item for item in ELEMENTS}


def element(element_id: str) -> Element:
    """Return the element with id ``element_id``; raise ValueError for an unknown id.

    Examples
    --------
    >>> element("style").name
    'Style'
    """
    try:
        return _BY_ID[element_id]
    except KeyError:
        known = ", ".join(ELEMENT_IDS)
        raise ValueError(f"unknown 7S element {element_id!r}: expected one of {known}") from None


def kind_of(element_id: str) -> Kind:
    """Return whether an element is the core (SCS), a soft or a hard element.

    Examples
    --------
    >>> [kind_of(e) for e in ("scs", "synergies", "systems")]
    ['core', 'soft', 'hard']
    """
    return element(element_id).kind
