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


def _polygon(x: float, y: float, r: float, sides: int, turn: float = -math.pi / 2) -> str:
    points = [
        (
            x + r * math.cos(turn + 2 * math.pi * k / sides),
            y + r * math.sin(turn + 2 * math.pi * k / sides),
        )
        for k in range(sides)
    ]
    return " ".join(f"{px:.1f},{py:.1f}" for px, py in points)


def _star(x: float, y: float, r: float) -> str:
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.45
        angle = -math.pi / 2 + math.pi * k / 5
        points.append(f"{x + radius * math.cos(angle):.1f},{y + radius * math.sin(angle):.1f}")
    return " ".join(points)


def _unit(points: Sequence[tuple[float, float]], x: float, y: float, r: float) -> str:
    return " ".join(f"{x + px * r:.1f},{y + py * r:.1f}" for px, py in points)


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
    if shape == "triangle":
        points = _polygon(x, y + r * 0.2, r * 1.25, 3)
    elif shape == "diamond":
        points = _polygon(x, y, r * 1.2, 4)
    elif shape == "pentagon":
        points = _polygon(x, y, r * 1.1, 5)
    elif shape == "hexagon":
        points = _polygon(x, y, r * 1.05, 6, 0.0)
    elif shape == "star":
        points = _star(x, y, r * 1.35)
    elif shape == "vee":
        points = _unit([(-1, -1), (0, -0.33), (1, -1), (0, 1)], x, y, r * 1.1)
    else:
        points = _unit([(-1, -0.8), (0.4, -0.8), (1, 0.8), (-0.4, 0.8)], x, y, r * 1.15)
    return f'<polygon points="{points}" {attributes}/>'
