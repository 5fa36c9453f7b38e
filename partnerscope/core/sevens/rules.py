"""The named rules behind 7S results, so a report can cite the rule that produced a finding.

Each rule's docstring is its wording; ``rule.text`` returns it and ``rule.name`` is the
stable id shown in results (for example in ``withheld_rules``).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import ClassVar, Final

__all__ = [
    "DEFAULT_THRESHOLD",
    "DIFFERENCE",
    "MIN_THRESHOLD",
    "SIGNIFICANT_CHANGE",
    "SMALL_GROUP",
    "DifferenceRule",
    "Rule",
    "SignificantChangeRule",
    "SmallGroupRule",
    "WEAK_ELEMENT",
    "WEAK_SCORE",
    "WeakElementRule",
    "check_threshold",
]

DEFAULT_THRESHOLD: Final = 5
"""Fewest respondents a group needs before any of its figures are shown."""

MIN_THRESHOLD: Final = 3
"""The anonymity threshold can be raised but never set below this."""

WEAK_SCORE: Final = 50.0
"""An element scoring below this (a mean answer below "neither agree nor disagree") is weak."""


def check_threshold(threshold: int) -> int:
    """Return ``threshold`` if it is allowed; raise ValueError if it is below 3.

    Examples
    --------
    >>> check_threshold(5)
    5
    >>> check_threshold(2)
    Traceback (most recent call last):
    ...
    ValueError: the anonymity threshold must be at least 3, not 2
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise ValueError(f"the anonymity threshold must be a whole number, not {threshold!r}")
    if threshold < MIN_THRESHOLD:
        raise ValueError(
            f"the anonymity threshold must be at least {MIN_THRESHOLD}, not {threshold}"
        )
    return threshold


class Rule:
    """A named rule whose docstring is its wording."""

    name: ClassVar[str]
    label: ClassVar[str]
    """A short name for tables and registers, where the full wording is given elsewhere."""

    @property
    def text(self) -> str:
        """The rule's wording, for reports and documentation."""
        return inspect.cleandoc(type(self).__doc__ or "")


@dataclass(frozen=True)
class SmallGroupRule(Rule):
    """A group with fewer respondents than the anonymity threshold is withheld: none of its
    figures are shown anywhere, only its name in the list of withheld groups. The same
    applies to a whole wave with fewer respondents than the threshold."""

    name: ClassVar[str] = "small_group"
    label: ClassVar[str] = "Small group"

    def withholds(self, size: int, threshold: int) -> bool:
        """Say whether a group of ``size`` respondents must be withheld.

        Examples
        --------
        >>> SMALL_GROUP.withholds(4, 5), SMALL_GROUP.withholds(5, 5)
        (True, False)
        """
        return size < threshold


@dataclass(frozen=True)
class DifferenceRule(Rule):
    """No set of people that the shown groups describe may number more than none but fewer
    than the anonymity threshold: not the difference of two shown groups, nor their union or
    intersection, across every breakdown and the whole wave, among all respondents or among
    those who scored any one element. While such a set exists, one more group is withheld:
    the one that leaves the fewest people in such sets (another partner before the council,
    then the smallest). Otherwise their answers could be worked out by subtracting shown
    groups from one another or from the whole wave."""

    name: ClassVar[str] = "difference"
    label: ClassVar[str] = "Difference"

    def withholds_more(self, uncovered: int, threshold: int) -> bool:
        """Say whether a set of ``uncovered`` people that shown groups describe needs protecting.

        Examples
        --------
        >>> DIFFERENCE.withholds_more(2, 5), DIFFERENCE.withholds_more(0, 5)
        (True, False)
        """
        return 0 < uncovered < threshold


@dataclass(frozen=True)
class SignificantChangeRule(Rule):
    """A change in an element's score since the previous wave is marked significant only
    when its 95% bootstrap interval excludes zero (lies wholly above or wholly below it)."""

    name: ClassVar[str] = "significant_change"
    label: ClassVar[str] = "Significant change"

    def significant(self, low: float | None, high: float | None) -> bool:
        """Say whether an interval from ``low`` to ``high`` excludes zero.

        Examples
        --------
        >>> SIGNIFICANT_CHANGE.significant(1.5, 9.0), SIGNIFICANT_CHANGE.significant(-2.0, 3.0)
        (True, False)
        """
        if low is None or high is None:
            return False
        return low > 0 or high < 0


@dataclass(frozen=True)
class WeakElementRule(Rule):
    """An element scoring below 50 out of 100 is weak: on average partners lean towards
    disagreeing with its statements. A weak element's practice note (what good looks like
    and the warning signs) is shown beside its score."""

    name: ClassVar[str] = "weak_element"
    label: ClassVar[str] = "Weak element"

    def weak(self, score: float | None) -> bool:
        """Say whether an element score is weak; an element with no score is not.

        Examples
        --------
        >>> WEAK_ELEMENT.weak(49.9), WEAK_ELEMENT.weak(50.0), WEAK_ELEMENT.weak(None)
        (True, False, False)
        """
        return score is not None and score < WEAK_SCORE


SMALL_GROUP: Final = SmallGroupRule()
DIFFERENCE: Final = DifferenceRule()
SIGNIFICANT_CHANGE: Final = SignificantChangeRule()
WEAK_ELEMENT: Final = WeakElementRule()
