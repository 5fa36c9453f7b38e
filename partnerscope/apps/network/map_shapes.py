"""The marks of the network map: each sector's colour and shape, drawn as SVG.

Each sector has a colour *and* a shape, named in the legend, so the map never relies on
colour alone. The shapes carry Cytoscape's names, which the interactive map uses too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from partnerscope.apps.partnerships.choices import Sector

SECTOR_STYLE: dict[str, tuple[str, str]] = {
    Sector.COUNCIL: ("#1d70b8", "ellipse"),
    Sector.HEALTH: ("#00703c", "rectangle"),
    Sector.POLICE: ("#003078", "triangle"),
    Sector.FIRE: ("#d4351c", "diamond"),
    Sector.EDUCATION: ("#4c2c92", "pentagon"),
    Sector.HOUSING: ("#8f5b00", "hexagon"),
    Sector.BUSINESS: ("#00707a", "vee"),
    Sector.VOLUNTARY_COMMUNITY: ("#d53880", "star"),
    Sector.OTHER_PUBLIC: ("#505a5f", "rhomboid"),
}
"""Each sector's colour (3:1 or more against white) and shape (Cytoscape's shape names)."""
SHAPE_WORDS = {
    "ellipse": "circle",
    "rectangle": "square",
    "triangle": "triangle",
    "diamond": "diamond",
    "pentagon": "pentagon",
    "hexagon": "hexagon",
    "vee": "arrowhead",
    "star": "star",
    "rhomboid": "slanted box",
}


def _polygon(
    x: float, y: float, r: float, sides: int, turn: float = -math.pi / 2
) -> list[tuple[float, float]]:
    return [
        (
            x + r * math.cos(turn + 2 * math.pi * k / sides),
            y + r * math.sin(turn + 2 * math.pi * k / sides),
        )
        for k in range(sides)
    ]


def _star(x: float, y: float, r: float) -> list[tuple[float, float]]:
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.45
        angle = -math.pi / 2 + math.pi * k / 5
        points.append((x + radius * math.cos(angle), y + radius * math.sin(angle)))
    return points


def _unit(
    points: Sequence[tuple[float, float]], x: float, y: float, r: float
) -> list[tuple[float, float]]:
    return [(x + px * r, y + py * r) for px, py in points]


def _outline(shape: str, x: float, y: float, r: float) -> list[tuple[float, float]]:
    """The corners of a (non-circular) mark of the given shape centred on ``(x, y)``."""
    if shape == "rectangle":
        half = r * 0.85
        return [
            (x - half, y - half),
            (x + half, y - half),
            (x + half, y + half),
            (x - half, y + half),
        ]
    if shape == "triangle":
        return _polygon(x, y + r * 0.2, r * 1.25, 3)
    if shape == "diamond":
        return _polygon(x, y, r * 1.2, 4)
    if shape == "pentagon":
        return _polygon(x, y, r * 1.1, 5)
    if shape == "hexagon":
        return _polygon(x, y, r * 1.05, 6, 0.0)
    if shape == "star":
        return _star(x, y, r * 1.35)
    if shape == "vee":
        return _unit([(-1, -1), (0, -0.33), (1, -1), (0, 1)], x, y, r * 1.1)
    return _unit([(-1, -0.8), (0.4, -0.8), (1, 0.8), (-0.4, 0.8)], x, y, r * 1.15)


def shape_box(shape: str, x: float, y: float, r: float) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) that holds a mark drawn by ``shape_svg``."""
    if shape == "ellipse":
        return x - r, y - r, x + r, y + r
    points = _outline(shape, x, y, r)
    xs, ys = [px for px, _ in points], [py for _, py in points]
    return min(xs), min(ys), max(xs), max(ys)


def shape_svg(shape: str, x: float, y: float, r: float, attributes: str) -> str:
    """One mark of the given (Cytoscape-named) shape centred on ``(x, y)``."""
    if shape == "ellipse":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {attributes}/>'
    if shape == "rectangle":
        side = r * 1.7
        return (
            f'<rect x="{x - side / 2:.1f}" y="{y - side / 2:.1f}" width="{side:.1f}" '
            f'height="{side:.1f}" {attributes}/>'
        )
    points = " ".join(f"{px:.1f},{py:.1f}" for px, py in _outline(shape, x, y, r))
    return f'<polygon points="{points}" {attributes}/>'
