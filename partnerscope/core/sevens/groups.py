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

from partnerscope.core.anonymity import withhold_overlapping
from partnerscope.core.sevens.anonymity import Withholding
from partnerscope.core.sevens.elements import COUNCIL, ELEMENT_IDS, LAYERS, SECTORS
from partnerscope.core.sevens.figures import rounded
from partnerscope.core.sevens.instrument import Instrument
from partnerscope.core.sevens.responses import NOT_STATED, Respondent, is_scored
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
    "populations",
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
    withheld_elements: frozenset[str] = frozenset()

    @property
    def label(self) -> str:
        """``dimension:name``, as used in the withheld list."""
        return f"{self.dimension}:{self.name}"

    def scores(self) -> dict[str, float | None]:
        """Each element's 0 to 100 score (None where the element's figures are withheld)."""
        return {
            element_id: None if element_id in self.withheld_elements else result.score
            for element_id, result in self.elements.items()
        }

    @property
    def soft(self) -> float | None:
        """The group's soft score."""
        return soft_score(self.scores())

    @property
    def hard(self) -> float | None:
        """The group's hard score."""
        return hard_score(self.scores())

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: respondents, elements (as ElementResult.to_dict), soft, hard.

        A withheld element keeps its name and kind; its figures are all null."""

        def figures(key: str, result: ElementResult) -> dict[str, Any]:
            shown = result.to_dict()
            if key in self.withheld_elements:
                return {k: v if k in ("name", "kind") else None for k, v in shown.items()}
            return shown

        return {
            "respondents": self.respondents,
            "elements": {key: figures(key, result) for key, result in self.elements.items()},
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
            if person.sector != NOT_STATED:
                found.setdefault(person.sector, set()).add(person.id)
        else:
            for layer in person.layers:
                found[layer].add(person.id)
    return {name: frozenset(ids) for name, ids in found.items() if ids}


def populations(instrument: Instrument, respondents: Sequence[Respondent]) -> list[frozenset[str]]:
    """Everyone, then for each element the people who gave it a 1 to 5 answer.

    Each group's element figures are counted over that element's scorers (``n``), so the
    withholding rule checks the cells of each of these populations as well as of everyone.

    Examples
    --------
    >>> from partnerscope.core.sevens.instrument import Statement
    >>> kit = Instrument("1", (Statement("scs.01", "scs", "t", (), "x"),))
    >>> people = [Respondent("a", "fire", frozenset(), {"scs.01": 4}),
    ...           Respondent("b", "fire", frozenset(), {"scs.01": "dk"})]
    >>> [sorted(p) for p in populations(kit, people)][:2]
    [['a', 'b'], ['a']]
    """
    everyone = frozenset(person.id for person in respondents)
    result = [everyone]
    for element_id in ELEMENT_IDS:
        ids = {
            statement.id for statement in instrument.statements if statement.element == element_id
        }
        result.append(
            frozenset(
                person.id
                for person in respondents
                if any(is_scored(a) for item, a in person.answers.items() if item in ids)
            )
        )
    return result


def breakdowns(
    instrument: Instrument, respondents: Sequence[Respondent], threshold: int
) -> Breakdowns:
    """Score each sector, each layer, the council and the partners, withholding small groups.

    Which groups are withheld is decided across every breakdown at once
    (:func:`partnerscope.core.anonymity.withhold_overlapping`): no difference, union or
    intersection of shown groups, the whole wave included, may hold more than none but
    fewer than ``threshold`` people, among all respondents or among those who scored any
    one element. A respondent whose sector was not stated is in no sector group and in
    neither the council nor the partners.

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
    by_id = {person.id: person for person in respondents}
    sectors = _members(respondents, SECTORS, SECTOR)
    layers = _members(respondents, LAYERS, LAYER)
    council = sectors.get(COUNCIL, frozenset())
    stated = frozenset(person.id for person in respondents if person.sector != NOT_STATED)
    pair = {
        name: members
        for name, members in ((COUNCIL, council), (PARTNERS, stated - council))
        if members
    }
    everything = {
        f"{dimension}:{name}": members
        for dimension, found in ((SECTOR, sectors), (LAYER, layers), (COUNCIL_VS_PARTNERS, pair))
        for name, members in found.items()
    }
    keep_last = {f"{SECTOR}:{COUNCIL}", f"{COUNCIL_VS_PARTNERS}:{COUNCIL}"}
    everyone, *scorers = populations(instrument, respondents)
    hidden = withhold_overlapping(everything, [everyone], threshold, keep_last=keep_last)
    shown_sets = {label: ids for label, ids in everything.items() if label not in hidden}
    hidden_elements: dict[str, dict[str, str]] = {label: {} for label in shown_sets}
    for element_id, scored in zip(ELEMENT_IDS, scorers, strict=True):
        within = {label: ids & scored for label, ids in shown_sets.items()}
        for label, rule in withhold_overlapping(
            within, [scored], threshold, keep_last=keep_last
        ).items():
            hidden_elements[label][element_id] = rule

    groups: list[GroupResult] = []
    withheld: list[Withholding] = []
    for dimension, members in ((SECTOR, sectors), (LAYER, layers), (COUNCIL_VS_PARTNERS, pair)):
        for name, ids in members.items():
            label = f"{dimension}:{name}"
            if label in hidden:
                withheld.append(Withholding(label, hidden[label]))
                continue
            for element_id, rule in hidden_elements[label].items():
                withheld.append(Withholding(f"{label}:{element_id}", rule))
            people = [by_id[i] for i in sorted(ids)]
            groups.append(
                GroupResult(
                    dimension,
                    name,
                    len(people),
                    score_elements(instrument, people),
                    frozenset(hidden_elements[label]),
                )
            )
    shown = {g.name: g for g in groups if g.dimension == COUNCIL_VS_PARTNERS}
    gap: dict[str, float | None] | None = None
    if COUNCIL in shown and PARTNERS in shown:
        gap = {}
        for element_id in ELEMENT_IDS:
            council_score = shown[COUNCIL].scores()[element_id]
            partners_score = shown[PARTNERS].scores()[element_id]
            gap[element_id] = (
                None
                if council_score is None or partners_score is None
                else council_score - partners_score
            )
    return Breakdowns(tuple(groups), tuple(withheld), gap)
