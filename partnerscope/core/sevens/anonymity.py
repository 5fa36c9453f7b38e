"""Deciding which groups of respondents are too small to show.

Survey answers are anonymous where promised: a group below the threshold is withheld by
:data:`~partnerscope.core.sevens.rules.SMALL_GROUP`, and further groups by
:data:`~partnerscope.core.sevens.rules.DIFFERENCE` when the withheld people could otherwise
be recovered by subtracting the shown groups from the whole wave.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from partnerscope.core.sevens.rules import DIFFERENCE, SMALL_GROUP

__all__ = ["Withholding", "withhold"]


@dataclass(frozen=True)
class Withholding:
    """A withheld group (``"sector:police"``, ``"wave"``) and the name of the rule that did it.

    Examples
    --------
    >>> Withholding("sector:police", "small_group").to_dict()
    {'group': 'sector:police', 'rule': 'small_group'}
    """

    group: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: group and rule."""
        return {"group": self.group, "rule": self.rule}


def withhold(
    groups: Mapping[str, frozenset[str]],
    everyone: frozenset[str],
    threshold: int,
    keep_last: str | None = None,
) -> dict[str, str]:
    """Return the groups of one breakdown to withhold, each with the rule that withholds it.

    ``groups`` maps each group name to its members' ids (groups may overlap, as layers do);
    ``everyone`` is the whole wave. Small groups go first; then, while the people outside
    every shown group number more than none but fewer than ``threshold``, the smallest shown
    group is withheld as well, ``keep_last`` (the council) only when nothing else is left.

    Examples
    --------
    Police (2) is too small; health (6) then goes too, or police could be found by
    subtracting council and health from the whole wave.

    >>> sectors = {"council": frozenset("abcdef"), "health": frozenset("ghijkl"),
    ...            "police": frozenset("mn")}
    >>> withhold(sectors, frozenset("abcdefghijklmn"), 5, keep_last="council")
    {'police': 'small_group', 'health': 'difference'}
    """
    withheld = {
        name: SMALL_GROUP.name
        for name, members in groups.items()
        if members and SMALL_GROUP.withholds(len(members), threshold)
    }
    while True:
        shown = [name for name, members in groups.items() if members and name not in withheld]
        covered: set[str] = set()
        for name in shown:
            covered |= groups[name]
        uncovered = len(everyone - covered)
        if not shown or not DIFFERENCE.withholds_more(uncovered, threshold):
            return withheld
        extra = min(shown, key=lambda name: (name == keep_last, len(groups[name]), name))
        withheld[extra] = DIFFERENCE.name
