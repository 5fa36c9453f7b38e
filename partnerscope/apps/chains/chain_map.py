"""The chain map: a server-rendered SVG drawn left to right in layers, from the outcome through
bodies, organisations, services and the front line to the people served.

Links are drawn by what the analysis found: weak links red and dashed, the weakest thicker
and labelled, links most participants rated green solid green, others thin and grey. Single
points of failure get a thick border and a warning sign. The legend says all of this in words
and line patterns, so nothing depends on colour alone, and the SVG carries ``role="img"``, a
title and a description; the pages list every node and link in tables as well.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from partnerscope.apps.chains.choices import KIND_ORDER, NodeKind
from partnerscope.apps.common.charts import accessible_svg

if TYPE_CHECKING:
    from partnerscope.apps.chains.analysis import LinkRow
    from partnerscope.apps.chains.models import Chain, ChainNode

FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
BOX_WIDTH, BOX_HEIGHT = 136, 54
COLUMN_PITCH, ROW_PITCH = 180, 72
MARGIN_X, TOP, LEGEND_HEIGHT = 24, 48, 190
LINE_CHARS = 18

KIND_FILL = {
    "outcome": "#e8e1f3",
    "body": "#dbe9f6",
    "organisation": "#f3f2f1",
    "service": "#e3f1e9",
    "front_line": "#fde8d8",
    "people": "#fff7bf",
}
COLUMN_TITLES = {
    "outcome": "Outcome",
    "body": "Partnership bodies",
    "organisation": "Organisations",
    "service": "Services",
    "front_line": "Front line",
    "people": "People served",
}
SHORT_TYPE = {
    "accountable_to": "accountable to",
    "funds": "funds",
    "commissions": "commissions",
    "reports_data_to": "reports data",
    "delivers_to": "delivers to",
    "refers_to": "refers to",
}


@dataclass(frozen=True)
class Style:
    name: str
    label: str
    colour: str
    width: float
    dashes: str | None


STYLES = {
    "weakest": Style("weakest", "Weakest link: thick red dashes", "#d4351c", 5, "8 4"),
    "weak": Style(
        "weak",
        "Weak link: red dashes, numbered as in the table of weak links",
        "#d4351c",
        2.5,
        "8 4",
    ),
    "strong": Style(
        "strong", "Rated green by most participants: solid green", "#00703c", 3.5, None
    ),
    "other": Style("other", "No weakness found: thin solid grey", "#505a5f", 1.5, None),
}


def link_style(row: LinkRow) -> Style:
    if row.weakest:
        return STYLES["weakest"]
    if row.weak:
        return STYLES["weak"]
    views = row.views
    if views and views["scored"] and 2 * views["green"] > views["scored"]:
        return STYLES["strong"]
    return STYLES["other"]


def wrap(name: str, width: int = LINE_CHARS, lines: int = 3) -> list[str]:
    """The name in at most ``lines`` lines of about ``width`` characters, cut with an ellipsis."""
    words, result, current = name.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
        else:
            result.append(current)
            current = word
    if current:
        result.append(current)
    if len(result) > lines:
        result = result[:lines]
        result[-1] = result[-1][: width - 1].rstrip() + "…"
    return [line if len(line) <= width else line[: width - 1] + "…" for line in result]


def layout(nodes: Sequence[ChainNode], rows: Sequence[LinkRow]) -> dict[int, tuple[int, int]]:
    """Each node's column and row: columns by kind, rows ordered so that each node sits near
    the nodes it links to in earlier columns (one barycentre sweep, left to right)."""
    kinds = [kind for kind in KIND_ORDER if any(node.kind == kind for node in nodes)]
    column_of = {node.pk: kinds.index(node.kind) for node in nodes}
    neighbours: dict[int, list[int]] = {node.pk: [] for node in nodes}
    for row in rows:
        neighbours[row.link.source_id].append(row.link.target_id)
        neighbours[row.link.target_id].append(row.link.source_id)
    row_of: dict[int, float] = {}
    for column in range(len(kinds)):
        members = [node for node in nodes if column_of[node.pk] == column]
        keyed = []
        for position, node in enumerate(members):
            earlier = [row_of[other] for other in neighbours[node.pk] if other in row_of]
            centre = sum(earlier) / len(earlier) if earlier else float("inf")
            keyed.append((centre, position, node.pk))
        for index, (_, _, pk) in enumerate(sorted(keyed)):
            row_of[pk] = index
    return {pk: (column_of[pk], int(row)) for pk, row in row_of.items()}


def draw(
    chain: Chain, nodes: Sequence[ChainNode], rows: Sequence[LinkRow], result: dict[str, Any]
) -> str:
    """The chain map as an accessible SVG string."""
    places = layout(nodes, rows)
    columns = max((column for column, _ in places.values()), default=0) + 1
    heights = [
        sum(1 for column, _ in places.values() if column == index) for index in range(columns)
    ]
    tallest = max(heights, default=1)
    width = max(2 * MARGIN_X + (columns - 1) * COLUMN_PITCH + BOX_WIDTH + 40, 640)
    body_height = tallest * ROW_PITCH
    height = TOP + body_height + LEGEND_HEIGHT
    failing = {point["node"] for point in result["single_points_of_failure"]}

    def box(pk: int) -> tuple[float, float]:
        column, row = places[pk]
        offset = (tallest - heights[column]) * ROW_PITCH / 2
        return MARGIN_X + column * COLUMN_PITCH, TOP + offset + row * ROW_PITCH

    chain_id = f"chain-map-{chain.pk}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family=\'{FONT}\' font-size="13" '
        f'class="ps-chains-map__svg">',
        "<defs>",
    ]
    for style in STYLES.values():
        parts.append(
            f'<marker id="{chain_id}-arrow-{style.name}" viewBox="0 0 10 10" refX="9" refY="5" '
            f'markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{style.colour}"/></marker>'
        )
    parts.append("</defs>")
    kinds = [kind for kind in KIND_ORDER if any(node.kind == kind for node in nodes)]
    for index, kind in enumerate(kinds):
        x = MARGIN_X + index * COLUMN_PITCH + BOX_WIDTH / 2
        parts.append(
            f'<text x="{x:.0f}" y="22" text-anchor="middle" font-weight="bold" fill="#0b0c0c">'
            f"{html.escape(COLUMN_TITLES[kind])}</text>"
        )
    pairs: dict[frozenset[int], list[int]] = {}
    for index, row in enumerate(rows):
        pairs.setdefault(frozenset((row.link.source_id, row.link.target_id)), []).append(index)
    ordered = sorted(
        range(len(rows)),
        key=lambda i: ["other", "strong", "weak", "weakest"].index(link_style(rows[i]).name),
    )
    badges: dict[str, str] = {}
    for index in ordered:
        path, label, badge = link_svg(rows[index], index, pairs, box, chain_id)
        parts.append(path)
        if label:
            badges.setdefault(label, badge)
    for node in nodes:
        parts.append(node_svg(node, box(node.pk), node.ref in failing))
    parts.extend(badges.values())
    parts.append(legend_svg(TOP + body_height + 16, chain_id))
    parts.append("</svg>")
    return accessible_svg(
        "".join(parts), chain_id, map_title(chain), describe(chain, result, nodes)
    )


def link_svg(
    row: LinkRow,
    index: int,
    pairs: dict[frozenset[int], list[int]],
    box: Any,
    chain_id: str,
) -> tuple[str, str, str]:
    """The link's path, and the label and SVG of its numbered badge (empty if none)."""
    link = row.link
    style = link_style(row)
    (sx, sy), (tx, ty) = box(link.source_id), box(link.target_id)
    siblings = pairs[frozenset((link.source_id, link.target_id))]
    shift = (siblings.index(index) - (len(siblings) - 1) / 2) * 10
    sy, ty = sy + BOX_HEIGHT / 2 + shift, ty + BOX_HEIGHT / 2 + shift
    if sx < tx:
        start, end = (sx + BOX_WIDTH, sy), (tx, ty)
        bend = (end[0] - start[0]) / 2
        controls = (start[0] + bend, start[1]), (end[0] - bend, end[1])
    elif sx > tx:
        start, end = (sx, sy), (tx + BOX_WIDTH, ty)
        bend = (start[0] - end[0]) / 2
        controls = (start[0] - bend, start[1]), (end[0] + bend, end[1])
    else:
        start, end = (sx + BOX_WIDTH, sy), (tx + BOX_WIDTH, ty)
        reach = 40 + abs(ty - sy) / 6
        controls = (start[0] + reach, start[1]), (end[0] + reach, end[1])
    dash = f' stroke-dasharray="{style.dashes}"' if style.dashes else ""
    path = (
        f'<path d="M{start[0]:.1f},{start[1]:.1f} C{controls[0][0]:.1f},{controls[0][1]:.1f} '
        f'{controls[1][0]:.1f},{controls[1][1]:.1f} {end[0]:.1f},{end[1]:.1f}" fill="none" '
        f'stroke="{style.colour}" stroke-width="{style.width}"{dash} '
        f'marker-end="url(#{chain_id}-arrow-{style.name})"/>'
    )
    points = (start, *controls, end)
    if sx == tx:
        mid_x, mid_y = bezier(points, 0.5)
    else:
        gap = end[0] + (COLUMN_PITCH - BOX_WIDTH) / 2 * (1 if sx > tx else -1)
        samples = [bezier(points, step / 50) for step in range(51)]
        mid_x, mid_y = min(samples, key=lambda point: abs(point[0] - gap))
    if row.number is None and not row.weakest:
        return path, "", ""
    label = str(row.number) if row.number is not None else "W"
    badge = (
        f'<circle cx="{mid_x:.1f}" cy="{mid_y:.1f}" r="9" fill="#ffffff" stroke="{style.colour}" '
        f'stroke-width="2"/><text x="{mid_x:.1f}" y="{mid_y + 4:.1f}" text-anchor="middle" '
        f'font-size="11" font-weight="bold" fill="#0b0c0c">{label}</text>'
    )
    return path, label, badge


def bezier(points: Sequence[tuple[float, float]], t: float) -> tuple[float, float]:
    """The point at ``t`` (0 to 1) along a cubic Bézier curve."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    u = 1 - t
    weights = (u**3, 3 * u * u * t, 3 * u * t * t, t**3)
    return (
        sum(w * x for w, x in zip(weights, (x0, x1, x2, x3), strict=True)),
        sum(w * y for w, y in zip(weights, (y0, y1, y2, y3), strict=True)),
    )


def node_svg(node: ChainNode, corner: tuple[float, float], failing: bool) -> str:
    x, y = corner
    lines = wrap(node.name)
    stroke = 4 if failing else 1
    parts = [
        f'<g class="ps-chains-map__node">'
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="6" '
        f'fill="{KIND_FILL[node.kind]}" stroke="#0b0c0c" stroke-width="{stroke}"/>'
    ]
    first = y + BOX_HEIGHT / 2 - (len(lines) - 1) * 7 + 4
    for number, line in enumerate(lines):
        parts.append(
            f'<text x="{x + BOX_WIDTH / 2:.1f}" y="{first + number * 14:.1f}" '
            f'text-anchor="middle" fill="#0b0c0c">{html.escape(line)}</text>'
        )
    if failing:
        parts.append(warning_sign(x + BOX_WIDTH - 6, y - 8))
    parts.append("</g>")
    return "".join(parts)


def warning_sign(x: float, y: float) -> str:
    return (
        f'<polygon points="{x:.1f},{y:.1f} {x + 11:.1f},{y + 19:.1f} {x - 11:.1f},{y + 19:.1f}" '
        f'fill="#ffdd00" stroke="#0b0c0c" stroke-width="1.5"/>'
        f'<text x="{x:.1f}" y="{y + 16:.1f}" text-anchor="middle" font-weight="bold" '
        f'font-size="12" fill="#0b0c0c">!</text>'
    )


def legend_svg(top: float, chain_id: str) -> str:
    """The key, one entry a line: each line pattern and the sign, said in words."""
    parts = [f'<text x="{MARGIN_X}" y="{top + 4:.0f}" font-weight="bold" fill="#0b0c0c">Key</text>']
    for index, style in enumerate(STYLES.values()):
        y = top + 26 + index * 24
        dash = f' stroke-dasharray="{style.dashes}"' if style.dashes else ""
        parts.append(
            f'<line x1="{MARGIN_X}" y1="{y}" x2="{MARGIN_X + 44}" y2="{y}" '
            f'stroke="{style.colour}" stroke-width="{style.width}"{dash} '
            f'marker-end="url(#{chain_id}-arrow-{style.name})"/>'
            f'<text x="{MARGIN_X + 60}" y="{y + 4}" fill="#0b0c0c">'
            f"{html.escape(style.label)}</text>"
        )
    y = top + 26 + len(STYLES) * 24
    parts.append(
        f'<rect x="{MARGIN_X + 4}" y="{y - 9}" width="36" height="20" rx="4" fill="#f3f2f1" '
        f'stroke="#0b0c0c" stroke-width="4"/>'
        + warning_sign(MARGIN_X + 38, y - 19)
        + f'<text x="{MARGIN_X + 60}" y="{y + 4}" fill="#0b0c0c">Single point of failure: '
        f"thick border and warning sign</text>"
    )
    parts.append(
        f'<text x="{MARGIN_X}" y="{y + 32}" fill="#0b0c0c">Arrows point the way each link is '
        f"written. The table of links gives each link's type.</text>"
    )
    return "".join(parts)


def map_title(chain: Chain) -> str:
    return f"Delivery chain map: {chain.outcome_title}"


def describe(chain: Chain, result: dict[str, Any], nodes: Sequence[ChainNode]) -> str:
    """The map in words, for screen readers: size, weak links, weakest link, failure points."""
    names = {node.ref: node.name for node in nodes}
    counts = result["counts"]
    layers = [NodeKind(kind).label.lower() for kind in KIND_ORDER if counts["nodes_by_kind"][kind]]
    text = [
        f"The chain from the outcome {chain.outcome_title} to the people served has "
        f"{counts['nodes']} nodes in {len(layers)} layers ({', '.join(layers)}) and "
        f"{counts['links']} links."
    ]
    weak = result["weak_links"]
    if weak:
        listed = "; ".join(
            f"{names[w['from']]} to {names[w['to']]} ({', '.join(w['rules'])})" for w in weak
        )
        text.append(f"{len(weak)} weak link{'s' if len(weak) != 1 else ''}: {listed}.")
    else:
        text.append("No weak links were found.")
    weakest = result["weakest_link"]
    if weakest:
        text.append(f"The weakest link is {names[weakest['from']]} to {names[weakest['to']]}.")
    points = result["single_points_of_failure"]
    if points:
        listed = "; ".join(
            f"{names[p['node']]} (cuts off {', '.join(names[ref] for ref in p['cuts_off'])})"
            for p in points
        )
        text.append(f"Single points of failure: {listed}.")
    text.append("The tables on the nodes and links page list every node and link.")
    return " ".join(text)
