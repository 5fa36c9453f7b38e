"""Withholding overlapping groups so that no combination of shown groups singles out a few people.

Survey results are published for groups of respondents (a sector, a governance layer, the
council against its partners, a participant level), and always for the whole survey. A
respondent may sit in several groups, so two shown groups can differ by one person: with 50
people in the strategic and executive layers and one council officer in the executive alone,
the executive layer's total minus the strategic layer's is that officer's answer.

Everything a reader can work out from the published totals of shown groups (their differences,
unions and intersections by inclusion and exclusion, any sum of multiples of them) is made of
*cells*: the people who belong to exactly the same shown groups. The rule here keeps every
cell empty or at least the threshold in size, so any set the published figures describe holds
none or at least the threshold of people. Groups are withheld one at a time, greedily and in a
fixed order, until that holds.

The rule can be checked within several *populations*: the respondents as a whole, and the
people behind each kind of figure (those who scored an element, who rated a question), since a
figure's count is taken over its own population. A cell holding a whole population is always
allowed: it is that population's figure for the whole survey, which is published anyway.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from typing import Final, TypeVar

Key = TypeVar("Key", bound=Hashable)

__all__ = [
    "DIFFERENCE",
    "SMALL_GROUP",
    "cells",
    "exposed",
    "rare_combinations",
    "withhold_overlapping",
]

SMALL_GROUP: Final = "small_group"
"""The name of the rule that withholds a group smaller than the threshold."""

DIFFERENCE: Final = "difference"
"""The name of the rule that withholds a group so no combination of shown groups is small."""


def cells(
    groups: Mapping[str, Collection[str]], population: Iterable[str]
) -> dict[frozenset[str], frozenset[str]]:
    """Split ``population`` into cells of people who belong to exactly the same ``groups``.

    Returns a mapping from the names of the groups a cell belongs to, to the cell's people.

    Examples
    --------
    >>> groups = {"strategic": {"a", "b"}, "executive": {"a", "b", "c"}}
    >>> sorted((sorted(k), sorted(v)) for k, v in cells(groups, "abcd").items())
    [([], ['d']), (['executive'], ['c']), (['executive', 'strategic'], ['a', 'b'])]
    """
    found: dict[frozenset[str], set[str]] = {}
    for person in population:
        key = frozenset(name for name, members in groups.items() if person in members)
        found.setdefault(key, set()).add(person)
    return {key: frozenset(people) for key, people in found.items()}


def _signatures(
    groups: Mapping[str, Collection[str]], populations: Sequence[Collection[str]]
) -> tuple[Counter[tuple[int, int]], list[str], list[int]]:
    """Count people by (bit mask of their groups, bit mask of their populations)."""
    names = sorted(groups)
    bit = {name: 1 << index for index, name in enumerate(names)}
    people: dict[str, list[int]] = {}
    for index, population in enumerate(populations):
        for person in population:
            people.setdefault(person, [0, 0])[1] |= 1 << index
    for name, members in groups.items():
        for person in members:
            if person in people:
                people[person][0] |= bit[name]
    sizes = [len(set(population)) for population in populations]
    return Counter((mask, where) for mask, where in people.values()), names, sizes


def _exposed_count(
    counts: Counter[tuple[int, int]], shown: int, sizes: Sequence[int], threshold: int
) -> int:
    """How many (person, population) places fall in a small cell when only ``shown`` shows."""
    total = 0
    for index, size in enumerate(sizes):
        cell_sizes: Counter[int] = Counter()
        flag = 1 << index
        for (mask, where), count in counts.items():
            if where & flag:
                cell_sizes[mask & shown] += count
        for cell_size in cell_sizes.values():
            if 0 < cell_size < threshold and cell_size != size:
                total += cell_size
    return total


def exposed(
    groups: Mapping[str, Collection[str]],
    populations: Sequence[Collection[str]],
    threshold: int,
) -> list[frozenset[str]]:
    """The cells, within any population, holding more than none but fewer than ``threshold``.

    A cell that is a whole population is not listed (that is the population's own figure).

    Examples
    --------
    >>> groups = {"strategic": set("abcdef"), "executive": set("abcdefg")}
    >>> exposed(groups, [set("abcdefg")], 5)
    [frozenset({'g'})]
    """
    found = []
    for population in populations:
        whole = frozenset(population)
        for cell in cells(groups, whole).values():
            if 0 < len(cell) < threshold and cell != whole:
                found.append(cell)
    return found


def withhold_overlapping(
    groups: Mapping[str, Collection[str]],
    populations: Sequence[Collection[str]],
    threshold: int,
    *,
    keep_last: Collection[str] = (),
) -> dict[str, str]:
    """Return the groups to withhold, each with the name of the rule that withholds it.

    ``groups`` maps every group that would be shown, across every breakdown, to its members'
    ids (groups may overlap); ``populations[0]`` is everyone, and any further populations
    are the people behind other figures (for example those who scored one element).

    First every group with fewer members than ``threshold`` is withheld (``small_group``),
    unless it holds the whole of ``populations[0]`` (then its figures are the whole's).
    Then, while some cell of the shown groups within a population holds more than none but
    fewer than ``threshold`` people (and is not the whole population), one more group is
    withheld (``difference``): the one that leaves the fewest people in small cells, then
    one not named in ``keep_last``, then the smallest, then the first by name. Groups with
    the same members stand or fall together. Withholding every group leaves a single cell
    per population, so the loop always ends.

    Examples
    --------
    The issue's case: fifty people in the strategic and executive layers, one in the
    executive alone. Either layer alone is safe; both together single out the one.

    >>> both = {f"p{i}" for i in range(50)}
    >>> layers = {"layer:strategic": both, "layer:executive": both | {"officer"}}
    >>> withhold_overlapping(layers, [both | {"officer"}], 5)
    {'layer:strategic': 'difference'}
    """
    everyone = set(populations[0]) if populations else set()
    withheld: dict[str, str] = {}
    for name, members in sorted(groups.items()):
        inside = set(members) & everyone
        if inside and len(inside) < threshold and inside != everyone:
            withheld[name] = SMALL_GROUP
    counts, names, sizes = _signatures(groups, populations)
    bits = {name: 1 << index for index, name in enumerate(names)}
    sets = {name: frozenset(groups[name]) for name in names}

    def mask_of(hidden: Collection[str]) -> int:
        return sum(bits[name] for name in names if name not in hidden and sets[name])

    while True:
        shown = [name for name in names if name not in withheld and sets[name]]
        if not shown or not _exposed_count(counts, mask_of(withheld), sizes, threshold):
            return withheld
        options = []
        for name in shown:
            twins = [other for other in shown if sets[other] == sets[name]]
            left = _exposed_count(counts, mask_of({*withheld, *twins}), sizes, threshold)
            options.append((left, name in keep_last, len(sets[name]), name, twins))
        *_, twins = min(options, key=lambda option: option[:4])
        for name in twins:
            withheld[name] = DIFFERENCE


def rare_combinations(counts: Mapping[Key, int], threshold: int) -> set[Key]:
    """The combinations (of sector and layers, say) to blank in respondent-level rows.

    ``counts`` gives how many respondents share each combination. Every combination fewer
    than ``threshold`` share is blanked; if the blanked respondents then number more than
    none but fewer than ``threshold``, they would be as easy to pick out as before, so the
    least shared remaining combinations are blanked too (ties in order of the keys, which
    must sort) until they number at least ``threshold`` or every combination is blank.

    Examples
    --------
    >>> rare_combinations({"council": 6, "fire": 2, "health": 9}, 5) == {"fire", "council"}
    True
    >>> rare_combinations({"council": 6, "fire": 2, "police": 3}, 5) == {"fire", "police"}
    True
    >>> rare_combinations({"council": 6, "health": 9}, 5)
    set()
    """
    blank = {key for key, count in counts.items() if 0 < count < threshold}
    ordered = sorted((count, key) for key, count in counts.items() if key not in blank)
    while 0 < sum(counts[key] for key in blank) < threshold and ordered:
        blank.add(ordered.pop(0)[1])
    return blank
