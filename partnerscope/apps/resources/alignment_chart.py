"""The alignment page's chart: each outcome's resources as a horizontal bar, split into money
placed in the partnership and mainstream spend aligned to it, drawn as accessible SVG.

The SVG is written directly (a few dozen rectangles), so the page stays fast for large
ledgers; its data table goes behind it as for every chart.
"""

from __future__ import annotations

from html import escape

from partnerscope.apps.common.charts import Chart, accessible_svg
from partnerscope.apps.resources.alignment import AlignmentView

BAR = 22
GAP = 10
LABEL_WIDTH = 320
PLOT_WIDTH = 420
PLACED_COLOUR = "#1d70b8"
ALIGNED_COLOUR = "#28a197"


def text(x: float, y: float, words: str, anchor: str = "start") -> str:
    return f'<text x="{x:.1f}" y="{y}" text-anchor="{anchor}" fill="#0b0c0c">{escape(words)}</text>'


def rect(x: float, y: float, width: float, height: float, fill: str) -> str:
    return f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{height}" fill="{fill}"/>'


def placed_by_outcome(view: AlignmentView) -> dict[str, float]:
    """Money placed in the partnership reaching each outcome, in proportion to each partner's
    placed share of its contribution."""
    placed_share = {
        p.organisation: (p.placed / p.total if p.total else 0.0) for p in view.result.partners
    }
    return {
        outcome.ref: sum(
            amount * placed_share.get(ref, 0.0) for ref, amount in outcome.money.items()
        )
        for outcome in view.result.outcomes
    }


def alignment_chart(view: AlignmentView) -> Chart:
    """A bar per outcome, placed money then aligned spend, with its data table."""
    outcomes = view.result.outcomes
    placed = placed_by_outcome(view)
    largest = max((o.total for o in outcomes), default=0.0) or 1.0
    height = len(outcomes) * (BAR + GAP) + 40
    width = LABEL_WIDTH + PLOT_WIDTH + 90
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Arial, sans-serif" font-size="13">'
    ]
    for index, outcome in enumerate(outcomes):
        y = index * (BAR + GAP)
        placed_width = PLOT_WIDTH * placed[outcome.ref] / largest
        aligned_width = PLOT_WIDTH * (outcome.total - placed[outcome.ref]) / largest
        name = outcome.title if len(outcome.title) <= 44 else outcome.title[:43] + "…"
        parts += [
            text(LABEL_WIDTH - 8, y + 16, name, anchor="end"),
            rect(LABEL_WIDTH, y, placed_width, BAR, PLACED_COLOUR),
            rect(LABEL_WIDTH + placed_width, y, aligned_width, BAR, ALIGNED_COLOUR),
            text(LABEL_WIDTH + placed_width + aligned_width + 6, y + 16, f"£{outcome.total:,.0f}"),
        ]
    legend_y = len(outcomes) * (BAR + GAP) + 12
    parts += [
        rect(LABEL_WIDTH, legend_y, 14, 14, PLACED_COLOUR),
        text(LABEL_WIDTH + 20, legend_y + 12, "Placed in the partnership"),
        rect(LABEL_WIDTH + 210, legend_y, 14, 14, ALIGNED_COLOUR),
        text(LABEL_WIDTH + 230, legend_y + 12, "Mainstream spend aligned"),
        "</svg>",
    ]
    unfunded = [o.title for o in outcomes if o.total == 0]
    description = f"Resources for {len(outcomes)} outcomes, £{view.result.total:,.0f} in all. " + (
        f"No resources for: {', '.join(unfunded)}." if unfunded else "Every outcome has resources."
    )
    title = "Resources by outcome"
    return Chart(
        id="alignment-chart",
        title=title,
        description=description,
        svg=accessible_svg("".join(parts), "alignment-chart", title, description),
        headings=["Outcome", "Placed in the partnership", "Mainstream spend aligned", "Total"],
        rows=[
            [
                o.title,
                f"£{placed[o.ref]:,.0f}",
                f"£{o.total - placed[o.ref]:,.0f}",
                f"£{o.total:,.0f}",
            ]
            for o in outcomes
        ],
    )
