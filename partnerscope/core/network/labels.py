"""Where each organisation's name goes on a network map, so that no two labels overlap and
no label covers another organisation's mark.

Each mark's name is tried at twelve places round it (right, left, below, above, the four
corners, and below or above but lined up with either side of the mark), biggest marks first,
and goes to the first place that is inside the drawing and clear of every other label and
of every other organisation's *footprint*. Organisations whose name fits nowhere get a number
instead, listed in a key (numbered in the order of their names); the number goes beside the
mark where there is room, otherwise on the mark itself (and where marks crowd each other,
a little further out, clear of the other marks). A footprint is a mark's box joined
with the box its number would take centred on it, so a number on its own mark is always
clear as long as footprints do not overlap each other (``footprints_clear``): placement never
fails, and every organisation is either named on the map or numbered in the key.

Text is measured by a stated, conservative estimate (``TextMetrics``): ``char_em`` em per
character (``digit_em`` per digit) is wider than the average character of the sans-serif
fonts a browser or a PDF renderer picks (DejaVu Sans, the widest of them, measures under
it), so a label drawn is never wider than the box kept for it.

>>> metrics = TextMetrics(font_size=10)
>>> marks = [Mark("a", "Alpha", Box(90, 90, 110, 110)), Mark("b", "Beta", Box(130, 90, 150, 110))]
>>> placement = place_labels(marks, Box(0, 0, 400, 200), metrics)
>>> [(label.mark, label.text, label.anchor) for label in placement.labels]
[('a', 'Alpha', 'end'), ('b', 'Beta', 'start')]
>>> placement.key
()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle; ``top`` is above ``bottom`` (y grows downwards, as in SVG)."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        """True when the two boxes share some area (touching edges do not count)."""
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def inside(self, other: Box) -> bool:
        return (
            self.left >= other.left
            and self.right <= other.right
            and self.top >= other.top
            and self.bottom <= other.bottom
        )

    def union(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


@dataclass(frozen=True)
class TextMetrics:
    """A conservative measure of one line of text: ``char_em`` em per character
    (``digit_em`` for a digit, as bold digits are wider than most letters), a line
    ``line_em`` em high with its baseline ``ascent_em`` em below the top, a white halo of
    ``halo`` units round it, and a ``gap`` between a label and its own mark."""

    font_size: float = 12.0
    char_em: float = 0.62
    digit_em: float = 0.7
    line_em: float = 1.25
    ascent_em: float = 0.95
    halo: float = 1.5
    gap: float = 2.0

    def width(self, text: str) -> float:
        digits = sum(1 for character in text if character.isdigit())
        ems = digits * self.digit_em + (len(text) - digits) * self.char_em
        return ems * self.font_size + 2 * self.halo

    @property
    def height(self) -> float:
        return self.line_em * self.font_size + 2 * self.halo


@dataclass(frozen=True)
class Mark:
    """One organisation's mark: its id, the name to show and the box the mark fills."""

    id: str
    text: str
    box: Box


@dataclass(frozen=True)
class Label:
    """A label to draw: ``text`` at ``x`` with SVG's ``text-anchor`` of ``anchor`` and its
    baseline at ``baseline``; ``box`` is the room kept for it, halo included."""

    mark: str
    text: str
    x: float
    baseline: float
    anchor: Anchor
    box: Box
    number: int | None = None


@dataclass(frozen=True)
class Placement:
    """One label per mark, in the marks' order, and the key: (number, mark id) in number
    order for the marks shown by a number."""

    labels: tuple[Label, ...]
    key: tuple[tuple[int, str], ...]

    @property
    def named(self) -> frozenset[str]:
        return frozenset(label.mark for label in self.labels if label.number is None)


def _label(mark: Mark, text: str, box: Box, metrics: TextMetrics, number: int | None) -> Label:
    """The label whose room is ``box``, written as SVG anchors it."""
    baseline = box.top + metrics.halo + metrics.ascent_em * metrics.font_size
    left, right = box.left + metrics.halo, box.right - metrics.halo
    if box.left >= mark.box.right:
        return Label(mark.id, text, left, baseline, "start", box, number)
    if box.right <= mark.box.left:
        return Label(mark.id, text, right, baseline, "end", box, number)
    return Label(mark.id, text, (left + right) / 2, baseline, "middle", box, number)


def candidates(mark: Box, width: float, height: float, gap: float) -> list[Box]:
    """The places tried for a ``width`` by ``height`` label round ``mark``, best first."""
    x, y = mark.centre
    beside_top = y - height / 2
    right, left = mark.right + gap, mark.left - gap - width
    below, above = mark.bottom + gap, mark.top - gap - height
    middle = x - width / 2
    places = [
        (right, beside_top),
        (left, beside_top),
        (middle, below),
        (middle, above),
        (right, above + gap),
        (right, below - gap),
        (left, above + gap),
        (left, below - gap),
        (mark.left, below),
        (mark.right - width, below),
        (mark.left, above),
        (mark.right - width, above),
    ]
    return [Box(px, py, px + width, py + height) for px, py in places]


def centred(mark: Box, width: float, height: float) -> Box:
    """A ``width`` by ``height`` box centred on ``mark``."""
    x, y = mark.centre
    return Box(x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def footprints(marks: Sequence[Mark], metrics: TextMetrics) -> list[Box]:
    """Each mark's box joined with the box of the longest number centred on it."""
    digits = "9" * len(str(max(len(marks), 1)))
    width, height = metrics.width(digits), metrics.height
    return [mark.box.union(centred(mark.box, width, height)) for mark in marks]


def footprints_clear(marks: Sequence[Mark], area: Box, metrics: TextMetrics) -> bool:
    """True when every footprint is inside ``area`` and no two overlap: then every
    organisation can at least carry its number on its own mark."""
    boxes = footprints(marks, metrics)
    return all(box.inside(area) for box in boxes) and not any(
        first.overlaps(second) for i, first in enumerate(boxes) for second in boxes[i + 1 :]
    )


class _Grid:
    """Boxes filed by the cells of a coarse grid, so a clash test looks at neighbours only."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[tuple[int, Box]]] = {}

    def _keys(self, box: Box) -> Iterable[tuple[int, int]]:
        for column in range(int(box.left // self.cell), int(box.right // self.cell) + 1):
            for row in range(int(box.top // self.cell), int(box.bottom // self.cell) + 1):
                yield column, row

    def add(self, owner: int, box: Box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append((owner, box))

    def clashes(self, box: Box, allowed: int = -1) -> bool:
        return any(
            owner != allowed and box.overlaps(other)
            for key in self._keys(box)
            for owner, other in self.cells.get(key, ())
        )


def _number_spot(
    mark: Mark,
    width: float,
    metrics: TextMetrics,
    free: Callable[[Box, int], bool],
    clear_of_marks: Callable[[Box, int, bool], bool],
    index: int,
) -> Box:
    """Where a number goes: beside its mark clear of other footprints, else on its mark;
    where marks crowd each other (footprints not clear), a little further out clear of the
    other marks, else on its mark regardless."""
    height = metrics.height
    on_mark = centred(mark.box, width, height)
    beside = candidates(mark.box, width, height, metrics.gap)
    spot = next((box for box in beside if free(box, index)), None)
    if spot is not None:
        return spot
    if clear_of_marks(on_mark, index, True):
        return on_mark
    further = (
        box
        for step in range(1, 6)
        for box in candidates(mark.box, width, height, metrics.gap + step * height / 3)
    )
    return next((box for box in further if clear_of_marks(box, index, False)), on_mark)


def place_labels(marks: Sequence[Mark], area: Box, metrics: TextMetrics) -> Placement:
    """Name each mark beside it where there is room, in the given order (put the marks that
    matter most first); number the rest, in the order of their names, for a key.

    The result never has two overlapping labels or a label over another mark's footprint
    when ``footprints_clear(marks, area, metrics)``; otherwise a number that fits nowhere
    else is put on its own mark regardless.
    """
    feet = footprints(marks, metrics)
    obstacles = _Grid(cell=48.0)
    for index, foot in enumerate(feet):
        obstacles.add(index, foot)
    taken = _Grid(cell=48.0)

    def free(box: Box, index: int) -> bool:
        return (
            box.inside(area)
            and not obstacles.clashes(box, allowed=index)
            and not taken.clashes(box)
            and not box.overlaps(marks[index].box)
        )

    marks_only = _Grid(cell=48.0)
    for index, mark in enumerate(marks):
        marks_only.add(index, mark.box)

    def clear_of_marks(box: Box, index: int, on_own_mark: bool) -> bool:
        """The looser test of a crowded layout: clear of the other marks themselves."""
        return (
            box.inside(area)
            and not marks_only.clashes(box, allowed=index)
            and not taken.clashes(box)
            and (on_own_mark or not box.overlaps(marks[index].box))
        )

    placed: dict[int, Label] = {}
    for index, mark in enumerate(marks):
        room = candidates(mark.box, metrics.width(mark.text), metrics.height, metrics.gap)
        spot = next((box for box in room if free(box, index)), None)
        if spot is not None:
            placed[index] = _label(mark, mark.text, spot, metrics, None)
            taken.add(index, spot)
    unnamed = sorted(
        (index for index in range(len(marks)) if index not in placed),
        key=lambda index: (marks[index].text.casefold(), marks[index].id),
    )
    key = []
    for number, index in enumerate(unnamed, start=1):
        mark, text = marks[index], str(number)
        width = metrics.width(text)
        spot = _number_spot(mark, width, metrics, free, clear_of_marks, index)
        placed[index] = _label(mark, text, spot, metrics, number)
        taken.add(index, spot)
        key.append((number, mark.id))
    return Placement(tuple(placed[index] for index in range(len(marks))), tuple(key))
