"""Where each organisation sits on the network map: a deterministic force layout.

igraph's Fruchterman–Reingold layout of every answered relationship (level 1 and above,
weighted by level), started from a circle and run from a fixed seed, then stretched to the
map area and with marks too close pushed apart, so a wave's map is the same every time.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import igraph

from partnerscope.apps.network.analysis import WaveNetwork
from partnerscope.apps.network.choices import Level

SEED = 2009
WIDTH, HEIGHT = 960, 640
MAP_WIDTH = 700
MARGIN = 46
MIN_GAP = 44.0


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Run igraph's random choices from a generator seeded with ``seed``, then restore."""
    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def layout(network: WaveNetwork) -> dict[str, tuple[float, float]]:
    """Each organisation's position in the map area, the same for the same answers."""
    ids = [member.id for member in network.members]
    index = {ref: number for number, ref in enumerate(ids)}
    if not ids:
        return {}
    weights: dict[tuple[int, int], float] = {}
    for answer in network.answers:
        if answer.level and answer.level >= Level.SHARE_INFORMATION:
            pair = tuple(sorted((index[answer.source], index[answer.target])))
            weights[pair] = weights.get(pair, 0.0) + float(answer.level)  # type: ignore[index]
    graph = igraph.Graph(n=len(ids), edges=list(weights))
    start = graph.layout_circle().coords
    with seeded(SEED):
        coords = graph.layout_fruchterman_reingold(
            seed=start, weights=list(weights.values()) or None, niter=1000
        ).coords
    xs, ys = [x for x, _ in coords], [y for _, y in coords]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    inner_w, inner_h = MAP_WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN
    placed = spread(
        [
            (MARGIN + (x - min(xs)) / span_x * inner_w, MARGIN + (y - min(ys)) / span_y * inner_h)
            for x, y in coords
        ]
    )
    return {ref: (round(x, 1), round(y, 1)) for ref, (x, y) in zip(ids, placed, strict=True)}


def spread(points: Sequence[tuple[float, float]], rounds: int = 150) -> list[tuple[float, float]]:
    """Push apart marks closer than MIN_GAP (a force layout draws a small network's tied
    pairs almost on top of each other once it is stretched to fit), keeping them inside the
    map area, until no pair is too close (a crowded map of 150 organisations needs over a
    hundred rounds; most maps part in a few). Deterministic: coincident marks part along a
    fixed direction."""
    moved = [list(point) for point in points]
    for _ in range(rounds):
        shifted = False
        for i in range(len(moved)):
            for j in range(i + 1, len(moved)):
                dx, dy = moved[j][0] - moved[i][0], moved[j][1] - moved[i][1]
                gap = math.hypot(dx, dy)
                if gap >= MIN_GAP:
                    continue
                ux, uy = (dx / gap, dy / gap) if gap > 1e-9 else (1.0, 0.0)
                push = (MIN_GAP - gap) / 2
                moved[i][0] -= ux * push
                moved[i][1] -= uy * push
                moved[j][0] += ux * push
                moved[j][1] += uy * push
                shifted = True
        for point in moved:
            point[0] = min(max(point[0], MARGIN), MAP_WIDTH - MARGIN)
            point[1] = min(max(point[1], MARGIN), HEIGHT - MARGIN)
        if not shifted:
            break
    return [(x, y) for x, y in moved]
