"""The network map's labels and key: every organisation is named beside its mark where there
is room, otherwise numbered, with a key under the map listing number → organisation.

Where labels go is pure geometry (``partnerscope.core.network.labels``); this module turns the
map's marks into that geometry's boxes and draws its answer as SVG. Labels are 12 units high
on a 960-unit map (about 7 points on an A4 page in landscape), and sized by a conservative
0.62 em per character, so a label as drawn never reaches beyond the room kept for it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Protocol

from partnerscope.apps.network.map_layout import HEIGHT, MAP_WIDTH, WIDTH
from partnerscope.apps.network.map_shapes import shape_box
from partnerscope.core.network.labels import Box, Mark, Placement, TextMetrics, place_labels

LABEL_CHARS = 26
FONT_SIZE = 12.0
METRICS = TextMetrics(font_size=FONT_SIZE)
KEY_COLUMNS = 4
SHORT_KEY = 45
"""A key of up to SHORT_KEY entries takes three columns, with room for longer names."""
KEY_LINE = 18.0
KEY_TOP = 30.0
STROKE = 1.0
CLEARANCE = 1.0
"""Room kept round each mark beyond its stroke: the interactive map's renderer reaches a
little further round a pointed mark (a star, a triangle) than the outline itself."""
AREA = Box(2.0, 2.0, MAP_WIDTH - 2.0, HEIGHT - 2.0)


class Placed(Protocol):
    """What this module needs of a node of the map."""

    @property
    def ref(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def shape(self) -> str: ...
    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def radius(self) -> float: ...
    @property
    def value(self) -> float | None: ...


def short_name(name: str, limit: int = LABEL_CHARS) -> str:
    """The name, cut to ``limit`` characters with an ellipsis when longer."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def mark_extent(node: Placed) -> tuple[float, float]:
    """Half the width and half the height of the box, centred on the node, that holds its
    mark (a star or a triangle reaches further one way than the other: the larger side
    counts), so the interactive map, which centres each mark's box on the node, draws
    marks in the same boxes as the static map."""
    left, top, right, bottom = shape_box(node.shape, node.x, node.y, node.radius)
    return max(node.x - left, right - node.x), max(node.y - top, bottom - node.y)


def mark_box(node: Placed) -> Box:
    """The box a node's mark fills, centred on the node, its outline's stroke and a little
    clearance included."""
    half_width, half_height = mark_extent(node)
    margin = STROKE + CLEARANCE
    return Box(
        node.x - half_width - margin,
        node.y - half_height - margin,
        node.x + half_width + margin,
        node.y + half_height + margin,
    )


def place(nodes: Sequence[Placed]) -> Placement:
    """Name the biggest marks first; number whoever cannot be named without a clash."""
    ranked = sorted(nodes, key=lambda node: (-(node.value or 0), node.name, node.ref))
    return place_labels(
        [Mark(node.ref, short_name(node.name), mark_box(node)) for node in ranked], AREA, METRICS
    )


def label_svg(placement: Placement, ref: str) -> str:
    """The ``<text>`` of one organisation's label: its name, or its number in bold."""
    label = next(label for label in placement.labels if label.mark == ref)
    weight = ' font-weight="bold"' if label.number is not None else ""
    return (
        f'<text x="{label.x:.1f}" y="{label.baseline:.1f}" font-size="{FONT_SIZE:g}"'
        f'{weight} text-anchor="{label.anchor}" paint-order="stroke" stroke="#ffffff" '
        f'stroke-width="3" stroke-linejoin="round">{html.escape(label.text)}</text>'
    )


def interactive_label(placement: Placement, node: Placed) -> dict[str, object]:
    """One organisation's label for the interactive map: its text (name or number), the
    offset of its centre from the mark's centre and its size, in the map's units, so the
    interactive map draws it where the static map does and it scales with the zoom."""
    label = next(label for label in placement.labels if label.mark == node.ref)
    centre_x, centre_y = label.box.centre
    return {
        "text": label.text,
        "dx": round(centre_x - node.x, 2),
        "dy": round(centre_y - node.y, 2),
        "font_size": FONT_SIZE,
        "number": label.number,
    }


def key_columns(placement: Placement) -> int:
    return 3 if len(placement.key) <= SHORT_KEY else KEY_COLUMNS


def key_rows(placement: Placement) -> int:
    return math.ceil(len(placement.key) / key_columns(placement))


def key_height(placement: Placement) -> float:
    """How much taller than the map the drawing is, to hold the key."""
    if not placement.key:
        return 0.0
    return KEY_TOP + 8 + key_rows(placement) * KEY_LINE


def _fitted(name: str, prefix: str, room: float) -> str:
    """The name, shortened until it fits ``room`` after ``prefix`` by the stated measure."""
    limit = len(name)
    while limit > 1 and METRICS.width(prefix + short_name(name, limit)) > room:
        limit -= 1
    return short_name(name, limit)


def key_svg(placement: Placement, names: dict[str, str]) -> str:
    """The key under the map: the numbered organisations in columns, number first."""
    if not placement.key:
        return ""
    column_width = WIDTH / key_columns(placement)
    rows = key_rows(placement)
    parts = [
        '<g class="ps-network-map__key">',
        f'<text x="8" y="{HEIGHT + KEY_TOP - 6:g}" font-size="14" font-weight="bold">'
        "Key to the numbered organisations</text>",
    ]
    for position, (number, ref) in enumerate(placement.key):
        column, row = divmod(position, rows)
        x = 8 + column * column_width
        y = HEIGHT + KEY_TOP + 14 + row * KEY_LINE
        name = _fitted(names[ref], f"{number} ", column_width - 12)
        parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{FONT_SIZE:g}">'
            f'<tspan font-weight="bold">{number}</tspan> {html.escape(name)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def key_sentence(placement: Placement, names: dict[str, str]) -> str:
    """The labels and the key in words, for the drawing's description."""
    named = sorted((names[ref] for ref in placement.named), key=str.casefold)
    parts = []
    if named:
        parts.append(f"Named on the map: {'; '.join(named)}.")
    if placement.key:
        keyed = "; ".join(f"{number} {names[ref]}" for number, ref in placement.key)
        parts.append(f"Numbered on the map, with a key below it: {keyed}.")
    return " ".join(parts)
