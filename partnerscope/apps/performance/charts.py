"""The performance area's charts: sparklines for the dashboard, and the indicator chart.

Sparklines are drawn directly as small SVGs (a dashboard may show a thousand of them, too
many to render through Vega-Lite), each with a ``<title>`` and ``<desc>``. The indicator
chart goes through ``common.charts`` like every other chart, with its data table.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import altair as alt
from django.utils.safestring import SafeString, mark_safe

from partnerscope.apps.common.charts import Chart, chart
from partnerscope.core.indicators import IndicatorStatus, Period

SPARK_WIDTH = 120
SPARK_HEIGHT = 28
SPARK_PAD = 3


def figure(value: float | None) -> str:
    """A value as people read it: up to four significant figures, no trailing zeros."""
    if value is None:
        return "–"
    return f"{value:,.4g}" if abs(value) < 1e15 else f"{value:.4g}"


MOST_RECORDED_PLACES = 3


def decimal_places(values: Iterable[float]) -> int:
    """How many decimal places the recorded values use, at most ``MOST_RECORDED_PLACES``:
    a value typed as 0.77 uses two, one typed as 1206 none.

    >>> decimal_places([0.77, 1.2, 3.0])
    2
    >>> decimal_places([65.31607631319051])
    3
    """
    places = 0
    for value in values:
        if math.isfinite(value) and not value.is_integer():
            exponent = Decimal(repr(value)).as_tuple().exponent
            places = max(places, min(MOST_RECORDED_PLACES, -int(exponent)))
    return places


def derived(value: float | None, places: int) -> str:
    """A figure the analysis worked out (a mean, a process limit, a forecast) to one
    decimal place more than the recorded values use, so that its precision matches theirs
    rather than suggesting more; one too small for those places falls back to ``figure``.

    >>> derived(1.0712, 2), derived(1206.0 / 7, 0), derived(0.00004, 2)
    ('1.071', '172.3', '4e-05')
    """
    if value is None:
        return "–"
    shown = f"{value:,.{places + 1}f}"
    if value != 0 and float(shown.replace(",", "")) == 0:
        return figure(value)
    return shown


def sparkline(chart_id: str, title: str, points: Sequence[Sequence[Any]]) -> SafeString:
    """A small line of ``[period, value]`` points as an accessible SVG."""
    values = [float(point[1]) for point in points]
    if not values:
        return mark_safe("")
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / max(1, len(values) - 1)
    coordinates = [
        (
            SPARK_PAD + index * step,
            SPARK_HEIGHT - SPARK_PAD - (value - low) / span * (SPARK_HEIGHT - 2 * SPARK_PAD),
        )
        for index, value in enumerate(values)
    ]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
    last_x, last_y = coordinates[-1]
    description = (
        f"{len(values)} values from {points[0][0]} ({figure(values[0])}) to "
        f"{points[-1][0]} ({figure(values[-1])}); lowest {figure(low)}, highest {figure(high)}."
    )
    return mark_safe(
        f'<svg class="ps-performance-spark" xmlns="http://www.w3.org/2000/svg" '
        f'width="{SPARK_WIDTH}" height="{SPARK_HEIGHT}" viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-t" aria-describedby="{chart_id}-d">'
        f'<title id="{chart_id}-t">{html.escape(title)}</title>'
        f'<desc id="{chart_id}-d">{html.escape(description)}</desc>'
        f'<polyline class="ps-performance-spark__line" fill="none" points="{line}"/>'
        f'<circle class="ps-performance-spark__end" cx="{last_x:.1f}" cy="{last_y:.1f}" r="2.5"/>'
        "</svg>"
    )


MEASURES = ["Value", "Target", "Mean", "Upper process limit", "Lower process limit"]
DASHES = [[1, 0], [6, 3], [2, 2], [4, 4], [4, 4]]
COLOURS = ["#1d70b8", "#00703c", "#505a5f", "#d4351c", "#d4351c"]


def indicator_chart(
    chart_id: str,
    title: str,
    status: IndicatorStatus,
    targets: Mapping[Period, float],
) -> Chart | None:
    """Values, target trajectory and XmR process limits of one series, with its table."""
    series = status.series
    if not series.periods and not targets:
        return None
    spc = status.spc
    special = spc.special_cause if spc is not None else tuple(False for _ in series.periods)
    values = dict(zip(series.periods, series.values, strict=True))
    flagged = {period for period, flag in zip(series.periods, special, strict=True) if flag}
    periods = sorted(set(values) | set(targets), key=lambda period: period.ordinal)
    places = decimal_places(series.values)
    order = [str(period) for period in periods]
    long_rows: list[dict[str, Any]] = []
    table: list[list[Any]] = []
    for period in periods:
        label = str(period)
        value = values.get(period)
        target = targets.get(period)
        limits = spc.limits if spc is not None and value is not None else None
        row = [
            label,
            figure(value),
            figure(target),
            derived(limits.mean, places) if limits else "–",
            derived(limits.lower_limit, places) if limits else "–",
            derived(limits.upper_limit, places) if limits else "–",
            "yes" if period in flagged else "no" if value is not None else "–",
        ]
        table.append(row)
        if value is not None:
            long_rows.append(
                {
                    "period": label,
                    "measure": "Value",
                    "amount": value,
                    "signal": "Special cause" if period in flagged else "Common cause",
                }
            )
        if target is not None:
            long_rows.append({"period": label, "measure": "Target", "amount": target})
        if limits is not None:
            for measure, amount in (
                ("Mean", limits.mean),
                ("Upper process limit", limits.upper_limit),
                ("Lower process limit", limits.lower_limit),
            ):
                long_rows.append({"period": label, "measure": measure, "amount": amount})
    data = alt.Data(values=long_rows)
    x = alt.X("period:O", sort=order, title="Period", axis=alt.Axis(labelAngle=-45))
    y = alt.Y("amount:Q", title=status.indicator.unit or "Value", scale=alt.Scale(zero=False))
    colour = alt.Color(
        "measure:N",
        title="Line",
        scale=alt.Scale(domain=MEASURES, range=COLOURS),
        legend=alt.Legend(orient="bottom", columns=3),
    )
    lines = (
        alt.Chart(data)
        .mark_line(strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=colour,
            strokeDash=alt.StrokeDash(
                "measure:N", scale=alt.Scale(domain=MEASURES, range=DASHES), legend=None
            ),
            detail="measure:N",
        )
    )
    points = (
        alt.Chart(data)
        .transform_filter(alt.datum.measure == "Value")
        .mark_point(filled=True, size=70)
        .encode(
            x=x,
            y=y,
            shape=alt.Shape(
                "signal:N",
                title="Point",
                scale=alt.Scale(
                    domain=["Common cause", "Special cause"], range=["circle", "triangle-up"]
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            color=alt.value("#1d70b8"),
        )
    )
    target_points = (
        alt.Chart(data)
        .transform_filter(alt.datum.measure == "Target")
        .mark_point(shape="diamond", filled=True, size=60, color="#00703c")
        .encode(x=x, y=y)
    )
    spec = (lines + points + target_points).properties(width=640, height=280)
    latest = status.latest_period
    description = (
        f"{len(series)} values"
        + (
            f" from {series.periods[0]} to {latest}; the latest is {figure(status.latest_value)}"
            if latest is not None
            else ""
        )
        + (f" against a target of {figure(status.target)}" if status.target is not None else "")
        + "."
    )
    if spc is not None:
        description += (
            f" Mean {derived(spc.limits.mean, places)}, process limits "
            f"{derived(spc.limits.lower_limit, places)} to "
            f"{derived(spc.limits.upper_limit, places)}."
        )
        if flagged:
            description += (
                " Special-cause points: "
                + ", ".join(str(period) for period in series.periods if period in flagged)
                + "."
            )
    if targets:
        ordered = sorted(targets, key=lambda period: period.ordinal)
        description += f" {len(ordered)} targets, from {ordered[0]} to {ordered[-1]}."
    return chart(
        spec,
        chart_id=chart_id,
        title=title,
        description=description,
        headings=[
            "Period",
            "Value",
            "Target",
            "Mean",
            "Lower process limit",
            "Upper process limit",
            "Special cause",
        ],
        rows=table,
    )
