"""The 7S charts: the wheel, statement answers as diverging bars, the council-partners gap
and the change since the previous wave.

Each function takes the documented JSON form of a wave's results (``WaveResult.to_dict``),
so withheld groups, absent there, can never reach a chart. Only drawing is done here
(angles, bar ends, colours): every figure comes from the core.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
from django.core.cache import cache

from partnerscope.apps.common import charts as common
from partnerscope.apps.common.charts import Chart
from partnerscope.core.sevens import ELEMENTS, HARD_ELEMENTS, SCALE_LABELS, SOFT_ELEMENTS

NAMES = {e.id: e.name for e in ELEMENTS}
SHORT_NAMES = {**NAMES, "scs": "SCS"}
BANDS: list[tuple[float, str, str]] = [
    (20.0, "Below 20", "#d6604d"),
    (40.0, "20 to 39", "#f4a582"),
    (60.0, "40 to 59", "#e3e3e3"),
    (80.0, "60 to 79", "#92c5de"),
    (math.inf, "80 and above", "#4393c3"),
]
NO_SCORE = ("No answers", "#ffffff")
ANSWER_COLOURS = ["#ca0020", "#f4a582", "#bfc1c3", "#92c5de", "#0571b0"]
ANSWER_LABELS = [SCALE_LABELS[k].capitalize() for k in (1, 2, 3, 4, 5)]
DONT_KNOW_COLOUR = "#6f777b"
CACHE_SECONDS = 24 * 60 * 60


def chart(spec: Any, **kwargs: Any) -> Chart:
    """Render through common.charts, reusing the SVG of an identical chart seen before.

    Rendering takes about half a second a chart, and a wave's results change only when an
    answer arrives, so the SVG is cached under a hash of the full spec and its labels. The
    key's spec is not checked against the Vega-Lite schema (that took most of the time of a
    cached chart); the spec drawn on a miss is.
    """
    themed = common.themed(spec)
    content = json.dumps(
        [
            themed.to_dict(validate=False),
            kwargs["chart_id"],
            kwargs["title"],
            kwargs["description"],
        ],
        sort_keys=True,
    )
    key = "sevens-chart:" + hashlib.sha256(content.encode("utf-8")).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = common.chart(themed.to_dict(), **kwargs).svg
        cache.set(key, svg, CACHE_SECONDS)
    return Chart(
        id=kwargs["chart_id"],
        title=kwargs["title"],
        description=kwargs["description"],
        svg=svg,
        headings=kwargs["headings"],
        rows=kwargs["rows"],
    )


def figure(value: float | None, digits: int = 0, suffix: str = "") -> str:
    """A figure for display: rounded, with a suffix, or an en dash when there is none."""
    if value is None:
        return "–"
    return f"{value:.{digits}f}{suffix}"


def signed(value: float | None, digits: int = 1) -> str:
    """A difference with its sign (a true minus sign), or an en dash when there is none."""
    if value is None:
        return "–"
    shown = round(value, digits)
    if shown == 0:
        return f"{0:.{digits}f}"
    return f"{shown:+.{digits}f}".replace("-", "−")


def band(score: float | None) -> tuple[str, str]:
    """The colour band of a score: its legend label and fill."""
    if score is None:
        return NO_SCORE
    for limit, label, colour in BANDS:
        if score < limit:
            return label, colour
    return BANDS[-1][1], BANDS[-1][2]


def wheel(elements: Mapping[str, Mapping[str, Any]], chart_id: str = "sevens-wheel") -> Chart:
    """The 7S wheel: SCS at the core, soft elements in the top half, hard in the bottom.

    Each segment is coloured by its element's 0 to 100 score band and labelled with the
    score, so colour is never the only carrier of the figure.
    """
    step = math.pi / 3
    segments = []
    for position, element_id in enumerate((*SOFT_ELEMENTS, *HARD_ELEMENTS)):
        start = -math.pi / 2 + position * step
        segments.append((element_id, start, start + step, 82, 170, 128))
    segments.append(("scs", 0.0, 2 * math.pi, 0, 76, 0))
    rows = []
    for element_id, start, end, inner, outer, radius in segments:
        score = elements.get(element_id, {}).get("score")
        label, _ = band(score)
        rows.append(
            {
                "element": NAMES[element_id],
                "start": start,
                "end": end,
                "middle": 0.0 if element_id == "scs" else (start + end) / 2,
                "inner": inner,
                "outer": outer,
                "radius": radius,
                "band": label,
                "label": f"{SHORT_NAMES[element_id]}\n{figure(score)}",
            }
        )
    domain = [label for _, label, _ in BANDS] + [NO_SCORE[0]]
    colours = [colour for _, _, colour in BANDS] + [NO_SCORE[1]]
    base = alt.Chart(alt.Data(values=rows))
    arcs = base.mark_arc(stroke="#505a5f", strokeWidth=1).encode(
        theta=alt.Theta("start:Q", scale=None),
        theta2="end:Q",
        radius=alt.Radius("outer:Q", scale=None),
        radius2="inner:Q",
        color=alt.Color(
            "band:N",
            scale=alt.Scale(domain=domain, range=colours),
            legend=alt.Legend(title="Score", orient="bottom", columns=3),
        ),
    )
    labels = base.mark_text(fontSize=13, fontWeight="bold", lineBreak="\n", color="#0b0c0c").encode(
        theta=alt.Theta("middle:Q", scale=None),
        radius=alt.Radius("radius:Q", scale=None),
        text="label:N",
    )
    halves = (
        alt.Chart(
            alt.Data(
                values=[
                    {"text": "Soft elements: transformational", "theta": 0.0},
                    {"text": "Hard elements: transactional", "theta": math.pi},
                ]
            )
        )
        .mark_text(fontSize=13, color="#0b0c0c")
        .encode(
            theta=alt.Theta("theta:Q", scale=None),
            radius=alt.value(186),
            text="text:N",
        )
    )
    spec = alt.layer(arcs, labels, halves).properties(width=400, height=400)
    table = [
        [
            NAMES[e.id],
            e.kind,
            figure(elements.get(e.id, {}).get("score")),
            figure(elements.get(e.id, {}).get("consensus"), 2),
            figure(_share(elements.get(e.id, {}).get("dont_know_share")), 0, "%"),
            elements.get(e.id, {}).get("n", 0),
        ]
        for e in ELEMENTS
    ]
    description = (
        "The 7S wheel. "
        + "; ".join(
            f"{NAMES[e.id]} ({e.kind}) scores {figure(elements.get(e.id, {}).get('score'))}"
            for e in ELEMENTS
        )
        + ". Scores run from 0 (everyone strongly disagreed) to 100 (everyone strongly agreed)."
    )
    return chart(
        spec,
        chart_id=chart_id,
        title="The 7S wheel: element scores out of 100",
        description=description,
        headings=["Element", "Kind", "Score", "Consensus", "Don't know", "People"],
        rows=table,
    )


def _share(value: float | None) -> float | None:
    return None if value is None else 100 * value


def statement_bars(
    element_id: str, items: Sequence[tuple[str, Mapping[str, Any]]], chart_id: str
) -> Chart | None:
    """Diverging stacked bars of the answers to one element's statements.

    Disagreement runs left of zero and agreement right, with "neither" split across zero;
    "don't know" is drawn in a separate panel, since it has no place on the scale.
    """
    rows: list[dict[str, Any]] = []
    dont_know: list[dict[str, Any]] = []
    order = []
    table = []
    for statement_id, item in items:
        counts = [int(item["distribution"][str(k)]) for k in (1, 2, 3, 4, 5)]
        given = sum(counts) + int(item["dont_know"])
        label = statement_id
        order.append(label)
        percents = [100 * c / sum(counts) if sum(counts) else 0.0 for c in counts]
        left = -(percents[0] + percents[1] + percents[2] / 2)
        for position, percent in enumerate(percents):
            rows.append(
                {
                    "statement": label,
                    "answer": ANSWER_LABELS[position],
                    "order": position,
                    "start": left,
                    "end": left + percent,
                    "percent": round(percent, 1),
                    "count": counts[position],
                }
            )
            left += percent
        share = 100 * int(item["dont_know"]) / given if given else 0.0
        dont_know.append({"statement": label, "share": share, "count": int(item["dont_know"])})
        table.append(
            [
                statement_id + (" (local)" if item.get("local") else ""),
                item["text"],
                *counts,
                int(item["dont_know"]),
                figure(item.get("mean"), 2),
            ]
        )
    if not any(sum(row[2:7]) for row in table):
        return None
    height = max(60, 34 * len(order))
    y = alt.Y("statement:N", sort=order, title=None, axis=alt.Axis(labelLimit=160))
    bars = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "start:Q",
                scale=alt.Scale(domain=[-100, 100]),
                title="Share of answers on the scale (%)",
                axis=alt.Axis(values=[-100, -50, 0, 50, 100], labelExpr="abs(datum.value)"),
            ),
            x2="end:Q",
            color=alt.Color(
                "answer:N",
                scale=alt.Scale(domain=ANSWER_LABELS, range=ANSWER_COLOURS),
                legend=alt.Legend(title=None, orient="bottom", columns=2, labelLimit=260),
            ),
            order="order:Q",
        )
        .properties(width=320, height=height)
    )
    zero = alt.Chart(alt.Data(values=[{"x": 0}])).mark_rule(color="#0b0c0c").encode(x="x:Q")
    dk = (
        alt.Chart(alt.Data(values=dont_know))
        .mark_bar(color=DONT_KNOW_COLOUR)
        .encode(
            y=alt.Y("statement:N", sort=order, axis=None),
            x=alt.X(
                "share:Q",
                scale=alt.Scale(domain=[0, 100]),
                title="Don't know (%)",
                axis=alt.Axis(values=[0, 50, 100]),
            ),
        )
        .properties(width=70, height=height)
    )
    spec = alt.hconcat(alt.layer(bars, zero), dk, spacing=12)
    name = NAMES[element_id]
    description = (
        f"Answers to the {len(order)} statements on {name}: for each, the share who disagreed "
        "(left of zero) and agreed (right of zero), with neither agree nor disagree split "
        "across zero, and the share who answered don't know beside it. "
        + " ".join(
            f"{row[0]}: {row[2] + row[3]} disagreed, {row[5] + row[6]} agreed, "
            f"{row[4]} neither, {row[7]} don't know."
            for row in table
        )
    )
    return chart(
        spec,
        chart_id=chart_id,
        title=f"Answers to the statements on {name}",
        description=description,
        headings=[
            "Statement",
            "Text",
            *ANSWER_LABELS,
            "Don't know",
            "Mean (1 to 5)",
        ],
        rows=table,
    )


def gap(
    council: Mapping[str, Any], partners: Mapping[str, Any], gaps: Mapping[str, float | None]
) -> Chart:
    """Council and partners' scores per element, joined by a line showing the gap."""
    points = []
    lines = []
    table = []
    for e in ELEMENTS:
        ours = council["elements"][e.id]["score"]
        theirs = partners["elements"][e.id]["score"]
        for group, value in (("Council", ours), ("Other partners", theirs)):
            if value is not None:
                points.append({"element": e.name, "group": group, "score": value})
        if ours is not None and theirs is not None:
            lines.append({"element": e.name, "low": min(ours, theirs), "high": max(ours, theirs)})
        table.append([e.name, figure(ours), figure(theirs), signed(gaps.get(e.id))])
    order = [e.name for e in ELEMENTS]
    y = alt.Y("element:N", sort=order, title=None)
    rules = (
        alt.Chart(alt.Data(values=lines))
        .mark_rule(color="#505a5f", strokeWidth=2)
        .encode(y=y, x=alt.X("low:Q", scale=alt.Scale(domain=[0, 100])), x2="high:Q")
    )
    dots = (
        alt.Chart(alt.Data(values=points))
        .mark_point(filled=True, size=120, opacity=1)
        .encode(
            y=y,
            x=alt.X("score:Q", scale=alt.Scale(domain=[0, 100]), title="Score (0 to 100)"),
            color=alt.Color(
                "group:N",
                scale=alt.Scale(domain=["Council", "Other partners"], range=["#1d70b8", "#d4351c"]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            shape=alt.Shape(
                "group:N",
                scale=alt.Scale(domain=["Council", "Other partners"], range=["circle", "square"]),
                legend=None,
            ),
        )
    )
    spec = alt.layer(rules, dots).properties(width=440, height=260)
    description = (
        "Council and other partners' scores for each element. "
        + "; ".join(f"{row[0]}: council {row[1]}, partners {row[2]}, gap {row[3]}" for row in table)
        + ". A positive gap means the council rates the partnership more highly."
    )
    return chart(
        spec,
        chart_id="sevens-gap",
        title="Council and other partners: scores and the gap between them",
        description=description,
        headings=["Element", "Council", "Other partners", "Gap (council − partners)"],
        rows=table,
    )


def change(changes: Mapping[str, Mapping[str, Any]], previous_title: str) -> Chart:
    """Each element's change in score since the previous wave, with its 95% interval."""
    points = []
    table = []
    for e in ELEMENTS:
        found = changes.get(e.id)
        if not found:
            continue
        difference = found["difference"]
        verdict = "Significant" if found["significant"] else "Not significant"
        if difference is not None:
            points.append(
                {
                    "element": e.name,
                    "difference": difference,
                    "low": found["low"],
                    "high": found["high"],
                    "verdict": verdict,
                }
            )
        table.append(
            [
                e.name,
                figure(found["previous_score"]),
                figure(found["score"]),
                signed(difference),
                f"{signed(found['low'])} to {signed(found['high'])}",
                "Yes" if found["significant"] else "No",
            ]
        )
    order = [e.name for e in ELEMENTS]
    values = [abs(p[k]) for p in points for k in ("low", "high", "difference") if p[k] is not None]
    reach = max([10.0, *values]) + 5
    y = alt.Y("element:N", sort=order, title=None)
    x_scale = alt.Scale(domain=[-reach, reach])
    whiskers = (
        alt.Chart(alt.Data(values=points))
        .mark_rule(color="#505a5f", strokeWidth=2)
        .encode(y=y, x=alt.X("low:Q", scale=x_scale), x2="high:Q")
    )
    dots = (
        alt.Chart(alt.Data(values=points))
        .mark_point(filled=True, size=110, opacity=1)
        .encode(
            y=y,
            x=alt.X("difference:Q", scale=x_scale, title="Change in score (points)"),
            color=alt.Color(
                "verdict:N",
                scale=alt.Scale(
                    domain=["Significant", "Not significant"], range=["#0b0c0c", "#b1b4b6"]
                ),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            shape=alt.Shape(
                "verdict:N",
                scale=alt.Scale(
                    domain=["Significant", "Not significant"], range=["diamond", "circle"]
                ),
                legend=None,
            ),
        )
    )
    zero = alt.Chart(alt.Data(values=[{"x": 0}])).mark_rule(color="#0b0c0c").encode(x="x:Q")
    spec = alt.layer(zero, whiskers, dots).properties(width=440, height=260)
    description = (
        f"Change in each element's score since {previous_title}, with its 95% bootstrap "
        "interval. "
        + "; ".join(f"{row[0]}: {row[3]} ({row[4]}), significant: {row[5]}" for row in table)
        + "."
    )
    return chart(
        spec,
        chart_id="sevens-change",
        title=f"Change since {previous_title}",
        description=description,
        headings=["Element", "Before", "Now", "Change", "95% interval", "Significant"],
        rows=table,
    )
