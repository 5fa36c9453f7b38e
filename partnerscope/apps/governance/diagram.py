"""The governance overview's diagram: the bodies in their three layers, the reporting lines
between them (each body to the body it reports to) and a mark on each body with findings.

Drawn here as SVG (boxes in a row per layer, lines from a body up to its parent) because it
is a structure, not a chart of figures; the page shows the same as a nested list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from partnerscope.core.layers import LAYERS, Body

BOX_WIDTH = 170
BOX_HEIGHT = 56
GAP = 20
ROW_HEIGHT = 120
LEFT = 130
TOP = 20


@dataclass(frozen=True)
class Placed:
    """A body's box on the diagram."""

    body: Body
    x: int
    y: int
    findings: int


def place(bodies: Sequence[Body], findings: Mapping[str, int]) -> list[Placed]:
    """Each body in the row of its layer, in the order given."""
    placed = []
    for row, layer in enumerate(LAYERS):
        in_layer = [body for body in bodies if body.layer == layer]
        for column, body in enumerate(in_layer):
            placed.append(
                Placed(
                    body,
                    LEFT + column * (BOX_WIDTH + GAP),
                    TOP + row * ROW_HEIGHT,
                    findings.get(body.ref, 0),
                )
            )
    return placed


def wrap(name: str, width: int = 22) -> list[str]:
    """A body's name on at most two lines."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])[: width - 1] + "…"]
    return lines


def layers_svg(bodies: Sequence[Body], findings: Mapping[str, int], title: str) -> str:
    """The diagram as an SVG with a title and a description read by screen readers."""
    placed = place(bodies, findings)
    by_ref = {box.body.ref: box for box in placed}
    columns = max((sum(1 for body in bodies if body.layer == layer) for layer in LAYERS), default=1)
    width = LEFT + max(columns, 1) * (BOX_WIDTH + GAP)
    height = TOP + len(LAYERS) * ROW_HEIGHT
    marked = sum(1 for box in placed if box.findings)
    description = (
        f"{len(placed)} bodies in three layers, each joined by a line to the body it reports "
        f"to; {marked} bodies are marked with findings. The list below gives the same."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        'aria-labelledby="layers-diagram-title layers-diagram-desc" class="ps-layers-diagram">',
        f'<title id="layers-diagram-title">{escape(title)}</title>',
        f'<desc id="layers-diagram-desc">{escape(description)}</desc>',
    ]
    for row, layer in enumerate(LAYERS):
        y = TOP + row * ROW_HEIGHT + BOX_HEIGHT // 2 + 5
        parts.append(
            f'<text x="8" y="{y}" font-size="14" font-weight="bold" fill="#0b0c0c">'
            f"{layer.capitalize()}</text>"
        )
    for box in placed:
        parent = by_ref.get(box.body.parent or "")
        if parent is None:
            continue
        parts.append(
            f'<line x1="{box.x + BOX_WIDTH // 2}" y1="{box.y}" '
            f'x2="{parent.x + BOX_WIDTH // 2}" y2="{parent.y + BOX_HEIGHT}" '
            'stroke="#505a5f" stroke-width="1.5"/>'
        )
    for box in placed:
        stroke = "#d4351c" if box.findings else "#0b0c0c"
        parts.append(
            f'<rect x="{box.x}" y="{box.y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" '
            f'fill="#ffffff" stroke="{stroke}" stroke-width="{3 if box.findings else 1.5}"/>'
        )
        for number, line in enumerate(wrap(box.body.name)):
            parts.append(
                f'<text x="{box.x + 8}" y="{box.y + 20 + number * 16}" font-size="13" '
                f'fill="#0b0c0c">{escape(line)}</text>'
            )
        if box.findings:
            parts.append(
                f'<text x="{box.x + BOX_WIDTH - 8}" y="{box.y + BOX_HEIGHT - 6}" '
                f'font-size="12" text-anchor="end" fill="#d4351c">'
                f"{box.findings} finding{'s' if box.findings != 1 else ''}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
