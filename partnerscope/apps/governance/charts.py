"""The governance pages' charts: meetings a year against Table 8, agenda drift, attendance
and the council's shares over time; each an accessible SVG with its data table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt

from partnerscope.apps.common.charts import Chart, chart

BAR = "#1d70b8"
BAND = "#00703c"


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def meetings_chart(
    name: str, years: Sequence[dict[str, Any]], band: tuple[int, int]
) -> Chart | None:
    """A body's meetings per year as bars, with Table 8's range for its layer as lines."""
    if not years:
        return None
    least, most = band
    values = [{"year": row["year"], "meetings": row["meetings"]} for row in years]
    bars = (
        alt.Chart(alt.Data(values=values))
        .mark_bar(color=BAR)
        .encode(
            x=alt.X("year:N", title="Financial year"),
            y=alt.Y("meetings:Q", title="Meetings", scale=alt.Scale(domainMin=0)),
        )
    )
    lines = (
        alt.Chart(alt.Data(values=[{"limit": least}, {"limit": most}]))
        .mark_rule(color=BAND, strokeDash=[6, 3], strokeWidth=2)
        .encode(y="limit:Q")
    )
    return chart(
        alt.layer(bars, lines).properties(width=360, height=200),
        chart_id="meetings-chart",
        title=f"Meetings a year of {name}",
        description=(
            f"Bars give the meetings held each financial year; dashed lines mark Table 8's "
            f"range of {least} to {most} a year for the body's layer."
        ),
        headings=["Year", "Meetings", "Table 8 least", "Table 8 most"],
        rows=[[row["year"], row["meetings"], least, most] for row in years],
    )


def drift_chart(name: str, years: Sequence[dict[str, Any]]) -> Chart | None:
    """The share of a body's items (and of its time, when known) in another layer."""
    values = [
        {"year": row["year"], "measure": measure, "share": row[key]}
        for row in years
        for measure, key in (("Items", "drift_share"), ("Time", "time_drift_share"))
        if row[key] is not None
    ]
    if not values:
        return None
    spec = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("year:N", title="Financial year"),
            xOffset="measure:N",
            y=alt.Y(
                "share:Q",
                title="Share in another layer",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color("measure:N", title="Share of", scale=alt.Scale(range=[BAR, "#f47738"])),
        )
        .properties(width=360, height=200)
    )
    return chart(
        spec,
        chart_id="drift-chart",
        title=f"Agenda drift of {name}",
        description="The share of the body's agenda items, and of its time where item "
        "durations are recorded, that belong to another governance layer, by year.",
        headings=["Year", "Share of items", "Share of time"],
        rows=[
            [row["year"], percent(row["drift_share"]), percent(row["time_drift_share"])]
            for row in years
        ],
    )


def attendance_chart(rows: Sequence[dict[str, Any]], years: Sequence[str]) -> Chart | None:
    """Each organisation's share of meetings represented at, by year."""
    values = [
        {"organisation": row["organisation"], "year": year, "rate": cell["rate"]}
        for row in rows
        for year, cell in zip(years, row["cells"], strict=True)
        if cell["rate"] is not None
    ]
    if not values:
        return None
    spec = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            y=alt.Y("organisation:N", title=None),
            yOffset="year:N",
            x=alt.X(
                "rate:Q",
                title="Meetings represented at",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color(
                "year:N", title="Year", scale=alt.Scale(range=[BAR, "#f47738", "#00703c"])
            ),
        )
        .properties(width=360)
    )
    return chart(
        spec,
        chart_id="attendance-chart",
        title="Attendance by organisation and year",
        description="For each organisation, the share of the meetings of bodies it has a "
        "seat on at which someone from it was present, by financial year.",
        headings=["Organisation", *years],
        rows=[
            [row["organisation"], *(percent(cell["rate"]) for cell in row["cells"])] for row in rows
        ],
    )


SHARE_LABELS = {
    "chairs": "Chairs",
    "members": "Members",
    "attendees": "Attendees",
    "presented": "Items presented",
}


def council_shares_chart(shares: Sequence[dict[str, Any]]) -> Chart | None:
    """The council's share of chairs, members, attendees and items presented over time."""
    values = [
        {"year": row["year"], "measure": SHARE_LABELS[name], "share": share}
        for row in shares
        for name, share, _counts in row["shares"]
        if share is not None
    ]
    if not values:
        return None
    spec = (
        alt.Chart(alt.Data(values=values))
        .mark_line(point=True)
        .encode(
            x=alt.X("year:N", title="Financial year"),
            y=alt.Y(
                "share:Q",
                title="Council's share",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color("measure:N", title="Share of"),
        )
        .properties(width=360, height=220)
    )
    return chart(
        spec,
        chart_id="council-shares-chart",
        title="The council's share over time",
        description="The council's share of the chairs, members, people present and items "
        "presented across the partnership's bodies, by financial year.",
        headings=["Year", *SHARE_LABELS.values()],
        rows=[
            [row["year"], *(percent(share) for _name, share, _counts in row["shares"])]
            for row in shares
        ],
    )
