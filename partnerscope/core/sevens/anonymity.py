"""Deciding which groups of respondents are too small to show.

Survey answers are anonymous where promised: a group below the threshold is withheld by
:data:`~partnerscope.core.sevens.rules.SMALL_GROUP`, and further groups by
:data:`~partnerscope.core.sevens.rules.DIFFERENCE` when a few people could otherwise be
singled out by subtracting shown groups from one another or from the whole wave. The rule
itself is :func:`partnerscope.core.anonymity.withhold_overlapping`, applied by
:func:`partnerscope.core.sevens.groups.breakdowns` to every breakdown at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from partnerscope.core.anonymity import withhold_overlapping

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
    ``everyone`` is the whole wave. It is :func:`~partnerscope.core.anonymity.withhold_overlapping`
    for one breakdown: small groups go first, then further groups (``keep_last``, the
    council, only when nothing else will do) until no difference, union or intersection of
    the shown groups and the whole wave holds more than none but fewer than ``threshold``.

    Examples
    --------
    Police (2) is too small; health (6) then goes too, or police could be found by
    subtracting council and health from the whole wave.

    >>> sectors = {"council": frozenset("abcdef"), "health": frozenset("ghijkl"),
    ...            "police": frozenset("mn")}
    >>> withhold(sectors, frozenset("abcdefghijklmn"), 5, keep_last="council")
    {'police': 'small_group', 'health': 'difference'}
    """
    return withhold_overlapping(
        groups, [everyone], threshold, keep_last=() if keep_last is None else {keep_last}
    )
