"""Charts: Vega-Lite specs (built with Altair) rendered on the server to accessible SVG.

The same SVG goes into the page, the PDF and exports. Each chart carries a ``<title>`` and
``<desc>`` read by screen readers, and is always shown with a data table behind it
(``common/includes/_chart.html``), so no figure is available only as a picture.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import vl_convert

FONT = "DejaVu Sans, Arial, sans-serif"


@dataclass(frozen=True)
class Chart:
    """A rendered chart with its text alternative and the table of its data."""

    id: str
    title: str
    description: str
    svg: str
    headings: Sequence[str] = field(default_factory=list)
    rows: Sequence[Sequence[Any]] = field(default_factory=list)


def themed(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Apply PartnerScope's chart styling: system font, no border, readable sizes."""
    return (
        chart.configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=12, titleFontSize=13)
        .configure_legend(labelFontSize=12, titleFontSize=13)
    )


def svg_of(
    chart: alt.TopLevelMixin | dict[str, Any], chart_id: str, title: str, description: str
) -> str:
    """Render a chart (Altair object or Vega-Lite dict) to SVG with title and description."""
    spec = chart if isinstance(chart, dict) else themed(chart).to_dict()
    svg = vl_convert.vegalite_to_svg(spec)
    return accessible_svg(svg, chart_id, title, description)


def accessible_svg(svg: str, chart_id: str, title: str, description: str) -> str:
    """Give an SVG role="img", a ``<title>`` and a ``<desc>`` that label it."""
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    svg = re.sub(r"<title>.*?</title>", "", svg, flags=re.S)
    opening = re.search(r"<svg\b[^>]*>", svg)
    if opening is None:
        raise ValueError("not an SVG document")
    tag = opening.group(0)
    tag = re.sub(
        r'\s(role|aria-labelledby|aria-describedby|aria-label|aria-roledescription)="[^"]*"',
        "",
        tag,
    )
    tag = tag[:-1] + f' role="img" aria-labelledby="{title_id}" aria-describedby="{desc_id}">'
    labels = (
        f'<title id="{title_id}">{html.escape(title)}</title>'
        f'<desc id="{desc_id}">{html.escape(description)}</desc>'
    )
    return svg[: opening.start()] + tag + labels + svg[opening.end() :]


def chart(
    spec: alt.TopLevelMixin | dict[str, Any],
    *,
    chart_id: str,
    title: str,
    description: str,
    headings: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> Chart:
    """Render ``spec`` and keep its data table, ready for ``_chart.html``."""
    return Chart(
        id=chart_id,
        title=title,
        description=description,
        svg=svg_of(spec, chart_id, title, description),
        headings=headings,
        rows=rows,
    )
