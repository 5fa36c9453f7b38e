"""The across-outcomes charts: each outcome's performance against one joint-working measure,
as accessible SVG with its data table, cached under the figures they draw."""

from __future__ import annotations

import hashlib
import json

import altair as alt
from django.core.cache import cache

from partnerscope.apps.common.charts import Chart, chart
from partnerscope.apps.strategy.across import AcrossOutcomes

CACHE_SECONDS = 24 * 60 * 60


def scatter_charts(across: AcrossOutcomes) -> list[Chart]:
    """One scatter chart per measure with at least one outcome that has both figures."""
    drawn = []
    for measure in across.correlations:
        points = across.chart_points(measure.key)
        if not points:
            continue
        key = (
            "strategy-scatter:"
            + hashlib.sha256(
                json.dumps([measure.key, measure.rho_text, points], sort_keys=True).encode()
            ).hexdigest()
        )
        found = cache.get(key)
        if found is None:
            found = draw(
                measure.key, measure.label, measure.rho_text, measure.correlation.n, points
            )
            cache.set(key, found, CACHE_SECONDS)
        drawn.append(found)
    return drawn


def draw(key: str, label: str, rho: str, n: int, points: list[dict[str, object]]) -> Chart:
    spec = (
        alt.Chart(alt.Data(values=points))
        .mark_circle(size=80, color="#1d70b8")
        .encode(
            x=alt.X("measure:Q", title=label),
            y=alt.Y("performance:Q", title="Performance score", axis=alt.Axis(format="%")),
            tooltip=["outcome:N"],
        )
        .properties(width=420, height=260)
    )
    return chart(
        spec,
        chart_id=f"scatter-{key.replace('_', '-')}",
        title=f"Performance against {label.lower()}",
        description=(
            f"Each dot is one of {len(points)} outcomes: its {label.lower()} across and its "
            f"performance score up. Spearman's rho {rho} over {n} outcomes "
            "(descriptive, not causal)."
        ),
        headings=["Outcome", label, "Performance score"],
        rows=[
            [
                str(point["outcome"]),
                f"{point['measure']:.2f}"
                if isinstance(point["measure"], float)
                else point["measure"],
                f"{100 * float(point['performance']):.0f}%",  # type: ignore[arg-type]
            ]
            for point in points
        ],
    )
