"""The network map: a deterministic layout, drawn as an accessible SVG and served as JSON.

Positions come from igraph's Fruchterman–Reingold layout of every answered relationship
(level 1 and above, weighted by level), started from a circle and run from a fixed seed,
so a wave's map is the same every time and does not move when the filters change
(``map_layout``). Each sector has a colour *and* a shape, named in the legend, so the map
never relies on colour alone (``map_shapes``); organisations that did not answer are drawn
hollow and inferred ties dashed. Every organisation is named beside its mark where there is
room and otherwise numbered, with a key under the map, so no label overlaps another label or
another organisation's mark (``map_labels``). The same positions feed the interactive map
(``static/network/map.js``). The names in ``__all__`` are the map's public face.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from partnerscope.apps.common.charts import accessible_svg
from partnerscope.apps.network.analysis import Options, analyse, wave_network
from partnerscope.apps.network.choices import Level, SizeMeasure
from partnerscope.apps.network.map_labels import (
    interactive_label,
    key_height,
    key_sentence,
    key_svg,
    label_svg,
    mark_extent,
    place,
)
from partnerscope.apps.network.map_layout import HEIGHT, MAP_WIDTH, MARGIN, WIDTH, layout
from partnerscope.apps.network.map_shapes import SECTOR_STYLE, SHAPE_WORDS, shape_svg
from partnerscope.apps.network.models import Wave
from partnerscope.apps.partnerships.choices import Sector
from partnerscope.core import network as core
from partnerscope.core.network.labels import Placement

__all__ = [
    "HEIGHT",
    "MAP_WIDTH",
    "MARGIN",
    "SECTOR_STYLE",
    "WIDTH",
    "MapEdge",
    "MapNode",
    "NetworkMap",
    "draw",
    "layout",
    "map_json",
    "network_map",
    "shape_svg",
]

GROWTH = 14.0
ROOMY = 40
"""Marks grow by up to GROWTH units with their measure; beyond ROOMY organisations by less,
so that a crowded map keeps room between its marks for their labels."""


@dataclass(frozen=True)
class MapNode:
    ref: str
    pk: int
    name: str
    sector: str
    x: float
    y: float
    radius: float
    value: float | None
    responded: bool
    number: int | None = None

    @property
    def colour(self) -> str:
        return SECTOR_STYLE.get(self.sector, ("#505a5f", "ellipse"))[0]

    @property
    def shape(self) -> str:
        return SECTOR_STYLE.get(self.sector, ("#505a5f", "ellipse"))[1]

    @property
    def sector_label(self) -> str:
        return Sector(self.sector).label if self.sector in Sector.values else self.sector


@dataclass(frozen=True)
class MapEdge:
    source: str
    target: str
    level: int | None
    inferred: bool
    mutual: bool


@dataclass(frozen=True)
class NetworkMap:
    """What the map shows, ready to draw or to serve as JSON."""

    wave: Wave
    options: Options
    size_by: str
    sectors: list[str]
    nodes: list[MapNode]
    edges: list[MapEdge]
    hidden: int
    title: str
    description: str
    placement: Placement = field(default_factory=lambda: Placement((), ()))

    @property
    def size_label(self) -> str:
        return SizeMeasure(self.size_by).label


def _size_value(metrics: core.OrganisationMetrics, size_by: str) -> float | None:
    if size_by == SizeMeasure.TRUST:
        return metrics.trust.mean
    return float(getattr(metrics, size_by))


def _describe(
    network_map_nodes: Sequence[MapNode],
    edges: Sequence[MapEdge],
    options: Options,
    size_label: str,
    isolates: int,
    hidden: int,
) -> str:
    biggest = sorted(
        (node for node in network_map_nodes if node.value),
        key=lambda node: (-(node.value or 0), node.name),
    )[:3]
    parts = [
        f"{len(network_map_nodes)} organisations and {len(edges)} ties at level "
        f"{options.min_level} ({options.level_label}) or closer, placed so that organisations "
        "that work together sit near each other."
    ]
    if biggest:
        parts.append(
            f"Largest marks ({size_label.lower()}): {', '.join(node.name for node in biggest)}."
        )
    if isolates:
        parts.append(f"{isolates} organisation{'s have' if isolates != 1 else ' has'} no tie.")
    silent = sum(1 for node in network_map_nodes if not node.responded)
    if silent:
        parts.append(f"{silent} did not answer (drawn hollow).")
    if any(edge.inferred for edge in edges):
        parts.append("Dashed ties are inferred from the other organisation's answer.")
    if hidden:
        parts.append(f"{hidden} organisations of other sectors are left out by the filter.")
    parts.append("The table of measures and the matrix give the same information as text.")
    return " ".join(parts)


def network_map(
    wave: Wave, options: Options, size_by: str = SizeMeasure.IN_DEGREE, sectors: Sequence[str] = ()
) -> NetworkMap:
    """Lay out and size the wave's network, keeping only ``sectors`` when any are given."""
    size_by = size_by if size_by in SizeMeasure.values else SizeMeasure.IN_DEGREE
    chosen = [s for s in Sector.values if s in sectors]
    network = wave_network(wave)
    result = analyse(network, options)
    positions = layout(network)
    shown = {
        ref
        for ref, organisation in network.organisations.items()
        if not chosen or organisation.sector in chosen
    }
    values = {m.id: _size_value(m, size_by) for m in result.organisations}
    top = max((v for ref, v in values.items() if v is not None and ref in shown), default=0.0)
    metrics = {m.id: m for m in result.organisations}
    growth = GROWTH * min(1.0, math.sqrt(ROOMY / max(len(shown), 1)))
    nodes = []
    for ref, organisation in network.organisations.items():
        if ref not in shown:
            continue
        value = values[ref]
        scale = math.sqrt(value / top) if value and top else 0.0
        x, y = positions[ref]
        nodes.append(
            MapNode(
                ref=ref,
                pk=organisation.pk,
                name=organisation.name,
                sector=organisation.sector,
                x=x,
                y=y,
                radius=round(8 + growth * scale, 1),
                value=value,
                responded=bool(metrics[ref].responded),
            )
        )
    placement = place(nodes)
    numbers = {ref: number for number, ref in placement.key}
    nodes = [replace(node, number=numbers.get(node.ref)) for node in nodes]
    pairs = {(t.source, t.target) for t in result.ties}
    edges = [
        MapEdge(t.source, t.target, t.level, t.inferred, (t.target, t.source) in pairs)
        for t in result.ties
        if t.source in shown and t.target in shown
    ]
    title = f"Map of the relationships in {wave.partnership.name}: {wave.title}"
    isolates = sum(1 for node in nodes if metrics[node.ref].isolate)
    label = SizeMeasure(size_by).label
    return NetworkMap(
        wave=wave,
        options=options,
        size_by=size_by,
        sectors=chosen,
        nodes=nodes,
        edges=edges,
        hidden=len(network.organisations) - len(shown),
        title=title,
        description=_describe(
            nodes, edges, options, label, isolates, len(network.organisations) - len(shown)
        ),
        placement=placement,
    )


# ---- Drawing ------------------------------------------------------------------------------


def _line(edge: MapEdge, ends: dict[str, MapNode]) -> str:
    start, end = ends[edge.source], ends[edge.target]
    dx, dy = end.x - start.x, end.y - start.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    offset = 3.0 if edge.mutual else 0.0
    ox, oy = -uy * offset, ux * offset
    x1, y1 = start.x + ux * (start.radius + 2) + ox, start.y + uy * (start.radius + 2) + oy
    x2, y2 = end.x - ux * (end.radius + 4) + ox, end.y - uy * (end.radius + 4) + oy
    width = 0.8 + 0.7 * max((edge.level or 1) - 1, 0)
    dash = ' stroke-dasharray="5 4"' if edge.inferred else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#505a5f" '
        f'stroke-opacity="0.6" stroke-width="{width:.1f}"{dash} '
        'marker-end="url(#ps-network-arrow)"/>'
    )


def _legend(top: float, shown_sectors: Sequence[str]) -> list[str]:
    x = MAP_WIDTH + 20
    parts = [f'<text x="{x}" y="{top}" font-weight="bold" font-size="14">Sectors</text>']
    y = top + 24
    for sector in shown_sectors:
        colour, shape = SECTOR_STYLE[sector]
        parts.append(
            shape_svg(
                shape, x + 9, y - 4, 7, f'fill="{colour}" stroke="#0b0c0c" stroke-width="0.8"'
            )
        )
        parts.append(
            f'<text x="{x + 24}" y="{y}" font-size="13">{html.escape(Sector(sector).label)} '
            f"({SHAPE_WORDS[shape]})</text>"
        )
        y += 22
    y += 14
    parts.append(f'<text x="{x}" y="{y}" font-weight="bold" font-size="14">Marks and ties</text>')
    y += 24
    parts.append(
        shape_svg("ellipse", x + 9, y - 4, 7, 'fill="#ffffff" stroke="#1d70b8" stroke-width="2.5"')
    )
    parts.append(f'<text x="{x + 24}" y="{y}" font-size="13">Hollow: did not answer</text>')
    y += 22
    for level in (2, 4):
        width = 0.8 + 0.7 * (level - 1)
        parts.append(
            f'<line x1="{x}" y1="{y - 4}" x2="{x + 18}" y2="{y - 4}" stroke="#505a5f" '
            f'stroke-width="{width:.1f}"/>'
        )
        parts.append(f'<text x="{x + 24}" y="{y}" font-size="13">{Level(level).label}</text>')
        y += 22
    parts.append(
        f'<line x1="{x}" y1="{y - 4}" x2="{x + 18}" y2="{y - 4}" stroke="#505a5f" '
        'stroke-width="1.5" stroke-dasharray="5 4"/>'
    )
    parts.append(f'<text x="{x + 24}" y="{y}" font-size="13">Dashed: inferred</text>')
    y += 22
    parts.append(f'<text x="{x}" y="{y}" font-size="13">Arrows point from the</text>')
    parts.append(f'<text x="{x}" y="{y + 17}" font-size="13">organisation that answered.</text>')
    return parts


def draw(network_map: NetworkMap, svg_id: str = "ps-network-map") -> str:
    """The map as an SVG document with role="img", a title, a description naming every
    organisation, a legend and, when some organisations are numbered, a key under the map."""
    ends = {node.ref: node for node in network_map.nodes}
    names = {node.ref: node.name for node in network_map.nodes}
    placement = network_map.placement
    height = HEIGHT + key_height(placement)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:g}" '
        f'width="{WIDTH}" height="{height:g}" class="ps-network-map__svg" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif">',
        '<defs><marker id="ps-network-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#505a5f"/></marker></defs>',
        f'<rect x="0" y="0" width="{MAP_WIDTH}" height="{HEIGHT}" fill="#ffffff" '
        'stroke="#b1b4b6"/>',
        '<g class="ps-network-map__ties">',
        *(_line(edge, ends) for edge in network_map.edges),
        "</g>",
        '<g class="ps-network-map__organisations">',
    ]
    for node in sorted(network_map.nodes, key=lambda n: -n.radius):
        colour = node.colour
        paint = (
            f'fill="{colour}" stroke="#0b0c0c" stroke-width="0.8"'
            if node.responded
            else f'fill="#ffffff" stroke="{colour}" stroke-width="2"'
        )
        parts.append(
            f'<g data-ref="{html.escape(node.ref)}"><title>{html.escape(node.name)}</title>'
        )
        parts.append(shape_svg(node.shape, node.x, node.y, node.radius, paint))
        if placement.labels:
            parts.append(label_svg(placement, node.ref))
        parts.append("</g>")
    parts.append("</g>")
    present = [s for s in Sector.values if any(node.sector == s for node in network_map.nodes)]
    parts += _legend(24, present)
    parts.append(key_svg(placement, names))
    parts.append("</svg>")
    description = f"{network_map.description} {key_sentence(placement, names)}".strip()
    return accessible_svg("".join(parts), svg_id, network_map.title, description)


def map_json(network_map: NetworkMap, url_for: Any) -> dict[str, Any]:
    """Nodes, edges and positions for the interactive map (the same as the SVG's), with each
    organisation's label where the static map placed it and the key to the numbered ones."""
    names = {node.ref: node.name for node in network_map.nodes}
    return {
        "wave": {"id": network_map.wave.ref, "title": network_map.wave.title},
        "title": network_map.title,
        "description": network_map.description,
        "min_level": network_map.options.min_level,
        "inferred_ties": network_map.options.infer,
        "size_by": network_map.size_by,
        "width": MAP_WIDTH,
        "height": HEIGHT,
        "nodes": [
            {
                "id": node.ref,
                "name": node.name,
                "label": interactive_label(network_map.placement, node),
                "sector": node.sector,
                "sector_label": node.sector_label,
                "colour": node.colour,
                "shape": node.shape,
                "size": round(2 * node.radius, 1),
                "width": round(2 * mark_extent(node)[0], 2),
                "height": round(2 * mark_extent(node)[1], 2),
                "value": node.value,
                "responded": node.responded,
                "number": node.number,
                "x": node.x,
                "y": node.y,
                "url": url_for(node.pk),
            }
            for node in network_map.nodes
        ],
        "key": [
            {"number": number, "id": ref, "name": names[ref]}
            for number, ref in network_map.placement.key
        ],
        "edges": [
            {
                "id": f"{edge.source}>{edge.target}",
                "source": edge.source,
                "target": edge.target,
                "level": edge.level,
                "inferred": edge.inferred,
            }
            for edge in network_map.edges
        ],
        "legend": [
            {
                "sector": sector,
                "label": Sector(sector).label,
                "colour": SECTOR_STYLE[sector][0],
                "shape": SECTOR_STYLE[sector][1],
            }
            for sector in Sector.values
            if any(node.sector == sector for node in network_map.nodes)
        ],
    }
