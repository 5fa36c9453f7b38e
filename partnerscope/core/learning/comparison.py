"""A table of measures: this partnership's figure beside those of the partnerships that share.

The comparison is shown only once at least ``minimum`` partnerships share (this one
included), and never with a minimum below :data:`MINIMUM_SHARING`: with fewer, an unnamed
peer's figures could be told apart by anyone who knows which partnerships are on the site.
A measure's position is given only when at least ``minimum`` partnerships have a figure for
it, for the same reason; a partnership without a figure (no closed wave, nothing recorded)
is listed as having none and left out of the ranking.

Examples
--------
>>> table = compare(
...     {"density": 0.4},
...     [{"density": v} for v in (0.2, 0.5, 0.3, 0.4)],
...     ["density"],
...     minimum=5,
... )
>>> table.shown, table.sharing
(True, 5)
>>> table.measures[0].position
Position(rank=2, of=5, quartile=1)
>>> compare({"density": 0.4}, [{"density": 0.2}], ["density"], minimum=5).shown
False
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from partnerscope.core.learning.positions import Position, position

__all__ = ["MINIMUM_SHARING", "Comparison", "MeasureComparison", "compare", "peer_labels"]

MINIMUM_SHARING = 5
"""The fewest sharing partnerships (this one included) before any comparison is shown."""

Figures = Mapping[str, float | None]


@dataclass(frozen=True)
class MeasureComparison:
    """One measure: this partnership's figure, the peers' in order, and its position."""

    key: str
    own: float | None
    peers: tuple[float | None, ...]
    position: Position | None

    @property
    def with_figures(self) -> int:
        """How many partnerships (this one included) have a figure for the measure."""
        return sum(1 for value in (self.own, *self.peers) if value is not None)


@dataclass(frozen=True)
class Comparison:
    """The whole table, or only how many share and how many more are needed."""

    sharing: int
    minimum: int
    measures: tuple[MeasureComparison, ...]

    @property
    def shown(self) -> bool:
        return self.sharing >= self.minimum

    @property
    def more_needed(self) -> int:
        return max(0, self.minimum - self.sharing)


def compare(
    own: Figures, peers: Sequence[Figures], keys: Sequence[str], *, minimum: int
) -> Comparison:
    """Compare ``own`` with ``peers`` on each measure in ``keys``.

    ``peers`` are the other sharing partnerships, in the order they are to be shown. A
    ``minimum`` below :data:`MINIMUM_SHARING` is raised to it. Nothing of the peers is
    returned until ``minimum`` partnerships share.
    """
    minimum = max(minimum, MINIMUM_SHARING)
    sharing = 1 + len(peers)
    if sharing < minimum:
        return Comparison(sharing, minimum, ())
    rows = []
    for key in keys:
        mine = own.get(key)
        theirs = tuple(peer.get(key) for peer in peers)
        present = [value for value in (mine, *theirs) if value is not None]
        placed = position(mine, present) if mine is not None and len(present) >= minimum else None
        rows.append(MeasureComparison(key, mine, theirs, placed))
    return Comparison(sharing, minimum, tuple(rows))


def peer_labels(slugs: Sequence[str], named: Mapping[str, str]) -> dict[str, str]:
    """A label for each peer: its name if it agreed to be named, else "Partnership A", "B", …

    The unnamed are lettered in the order of a hash of their slug, not of their name, so a
    letter says nothing of which partnership it is.

    >>> peer_labels(["easton", "westmere"], {"westmere": "Westmere Partnership"})
    {'easton': 'Partnership A', 'westmere': 'Westmere Partnership'}
    """
    unnamed = sorted(
        (slug for slug in slugs if not named.get(slug)),
        key=lambda slug: hashlib.sha256(slug.encode("utf-8")).hexdigest(),
    )
    letters_of = {slug: f"Partnership {letters(index)}" for index, slug in enumerate(unnamed)}
    return {slug: named.get(slug) or letters_of[slug] for slug in slugs}


def letters(index: int) -> str:
    """``A`` … ``Z``, then ``AA``, ``AB`` … for the peers after the 26th.

    >>> letters(0), letters(25), letters(26)
    ('A', 'Z', 'AA')
    """
    word = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        word = chr(ord("A") + remainder) + word
    return word
