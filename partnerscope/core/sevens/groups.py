"""Breakdowns of the element scores by sector, by governance layer, and council v. partners.

A respondent who sits in several layers counts in each of them. The council-versus-partners
gap is the council's element score minus the other partners' (positive: the council rates
the partnership more highly than its partners do, the kind of perception gap the 2009 study
found between coordinators and members).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from partnerscope.core.sevens.anonymity import Withholding, withhold
from partnerscope.core.sevens.elements import COUNCIL, ELEMENT_IDS, LAYERS, SECTORS
from partnerscope.core.sevens.figures import rounded
from partnerscope.core.sevens.instrument import Instrument
from partnerscope.core.sevens.responses import Respondent
from partnerscope.core.sevens.rules import DIFFERENCE
from partnerscope.core.sevens.scores import (
    ElementResult,
    hard_score,
    score_elements,
    soft_score,
)

__all__ = [
    "COUNCIL_VS_PARTNERS",
    "DIMENSIONS",
    "LAYER",
    "PARTNERS",
    "SECTOR",
    "Breakdowns",
    "GroupResult",
    "breakdowns",
]

SECTOR: Final = "sector"
LAYER: Final = "layer"
COUNCIL_VS_PARTNERS: Final = "council_vs_partners"
DIMENSIONS: Final = (SECTOR, LAYER, COUNCIL_VS_PARTNERS)
PARTNERS: Final = "partners"
"""The name of the group of every respondent whose sector is not the council."""


@dataclass(frozen=True)
class GroupResult:
    """The element figures of one shown group, e.g. dimension "sector", name "health".

    Examples
    --------
    >>> GroupResult("layer", "executive", 6, {}).label
    'layer:executive'
    """

    dimension: str
    name: str
    respondents: int
    elements: Mapping[str, ElementResult]

    @property
    def label(self) -> str:
        """``dimension:name``, as used in the withheld list."""
        return f"{self.dimension}:{self.name}"

    def scores(self) -> dict[str, float | None]:
        """Each element's 0 to 100 score."""
        return {element_id: result.score for element_id, result in self.elements.items()}

    @property
    def soft(self) -> float | None:
        """The group's soft score."""
        return soft_score(self.scores())

    @property
    def hard(self) -> float | None:
        """The group's hard score."""
        return hard_score(self.scores())

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: respondents, elements (as ElementResult.to_dict), soft, hard."""
        return {
            "respondents": self.respondents,
            "elements": {key: result.to_dict() for key, result in self.elements.items()},
            "soft": rounded(self.soft),
            "hard": rounded(self.hard),
        }


@dataclass(frozen=True)
class Breakdowns:
    """Every shown group, the withheld ones by name only, and the council-partners gap.

    ``gap`` maps each element to the council's score minus the partners' score; it is None
    unless both the council and the partners groups are shown.
    """

    groups: tuple[GroupResult, ...]
    withheld: tuple[Withholding, ...]
    gap: Mapping[str, float | None] | None

    def group(self, dimension: str, name: str) -> GroupResult | None:
        """The shown group with this dimension and name, or None."""
        for result in self.groups:
            if result.dimension == dimension and result.name == name:
                return result
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: ``{"sector": {name: group}, "layer": {name: group},
        "council_vs_partners": {"council": group, "partners": group, "gap": {element: x}}}``
        where each group is GroupResult.to_dict and withheld groups are absent."""
        result: dict[str, Any] = {dimension: {} for dimension in DIMENSIONS}
        for group in self.groups:
            result[group.dimension][group.name] = group.to_dict()
        if self.gap is not None:
            result[COUNCIL_VS_PARTNERS]["gap"] = {
                key: rounded(value) for key, value in self.gap.items()
            }
        return result


def _members(
    respondents: Sequence[Respondent], names: Sequence[str], key: str
) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {name: set() for name in names}
    for person in respondents:
        if key == SECTOR:
            found.setdefault(person.sector, set()).add(person.id)
        else:
            for layer in person.layers:
                found[layer].add(person.id)
    return {name: frozenset(ids) for name, ids in found.items() if ids}


def breakdowns(
    instrument: Instrument, respondents: Sequence[Respondent], threshold: int
) -> Breakdowns:
    """Score each sector, each layer, the council and the partners, withholding small groups.

    The council-versus-partners pair follows the sector breakdown: the council group is
    shown only when the council sector is, and the partners only when the council is
    (otherwise one could be found from the other and the whole wave).

    Examples
    --------
    >>> from partnerscope.core.sevens.instrument import Statement
    >>> kit = Instrument("1", (Statement("scs.01", "scs", "t", (), "x"),))
    >>> people = [Respondent(f"c{i}", "council", frozenset({"strategic"}), {"scs.01": 5})
    ...           for i in range(5)] + [
    ...           Respondent(f"h{i}", "health", frozenset({"strategic"}), {"scs.01": 3})
    ...           for i in range(5)]
    >>> result = breakdowns(kit, people, 5)
    >>> result.gap["scs"]  # council 100 minus partners 50
    50.0
    """
    everyone = frozenset(person.id for person in respondents)
    by_id = {person.id: person for person in respondents}
    sectors = _members(respondents, SECTORS, SECTOR)
    layers = _members(respondents, LAYERS, LAYER)
    withheld_sectors = withhold(sectors, everyone, threshold, keep_last=COUNCIL)
    withheld_layers = withhold(layers, everyone, threshold)

    council = sectors.get(COUNCIL, frozenset())
    pair = {
        name: members
        for name, members in ((COUNCIL, council), (PARTNERS, everyone - council))
        if members
    }
    withheld_pair = withhold(pair, everyone, threshold, keep_last=COUNCIL)
    if COUNCIL in withheld_sectors and COUNCIL not in withheld_pair:
        for name in pair:
            withheld_pair.setdefault(name, DIFFERENCE.name)

    groups: list[GroupResult] = []
    withheld: list[Withholding] = []
    for dimension, members, hidden in (
        (SECTOR, sectors, withheld_sectors),
        (LAYER, layers, withheld_layers),
        (COUNCIL_VS_PARTNERS, pair, withheld_pair),
    ):
        for name, ids in members.items():
            if name in hidden:
                withheld.append(Withholding(f"{dimension}:{name}", hidden[name]))
                continue
            people = [by_id[i] for i in sorted(ids)]
            groups.append(
                GroupResult(dimension, name, len(people), score_elements(instrument, people))
            )
    shown = {g.name: g for g in groups if g.dimension == COUNCIL_VS_PARTNERS}
    gap: dict[str, float | None] | None = None
    if COUNCIL in shown and PARTNERS in shown:
        gap = {}
        for element_id in ELEMENT_IDS:
            council_score = shown[COUNCIL].elements[element_id].score
            partners_score = shown[PARTNERS].elements[element_id].score
            gap[element_id] = (
                None
                if council_score is None or partners_score is None
                else council_score - partners_score
            )
    return Breakdowns(tuple(groups), tuple(withheld), gap)
