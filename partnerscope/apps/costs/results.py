"""The results of an initiative's appraisal as the page shows them: both cases, the year
flows, the payback chart, the tornado, the Monte Carlo histogram and who pays and who
benefits, each chart with its data table. Every figure comes from the core's report
(:func:`partnerscope.apps.costs.cba_model.initiative_report`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import altair as alt

from partnerscope.apps.common.charts import Chart, chart
from partnerscope.apps.costs.cba_model import (
    PAGE_DRAWS,
    PAGE_SEED,
    ModelErrors,
    initiative_model,
    initiative_report,
    monte_carlo_draws,
)
from partnerscope.apps.costs.models import Initiative

TORNADO_BARS = 10


def money(value: float | None) -> str:
    """Pounds to the nearest pound, a minus sign before the pound sign."""
    if value is None:
        return "–"
    return f"−£{-value:,.0f}" if value < -0.5 else f"£{abs(value):,.0f}"


def ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


@dataclass
class InitiativeResults:
    """What the results page shows, or the problems that stop the appraisal."""

    report: dict[str, Any] | None = None
    problems: list[str] = field(default_factory=list)
    charts: dict[str, Chart] = field(default_factory=dict)
    payback_calendar_year: int | None = None


def _flows_chart(report: dict[str, Any]) -> Chart:
    rows = []
    for flow in report["years"]:
        rows.append({"year": str(flow["calendar_year"]), "flow": "Costs", "amount": -flow["costs"]})
        rows.append(
            {"year": str(flow["calendar_year"]), "flow": "Benefits", "amount": flow["benefits"]}
        )
    spec = (
        alt.Chart(alt.Data(values=rows), width=560, height=260)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y("amount:Q", title="Pounds (costs below zero)"),
            color=alt.Color(
                "flow:N",
                title="Flow",
                scale=alt.Scale(domain=["Costs", "Benefits"], range=["#d4351c", "#00703c"]),
            ),
            xOffset="flow:N",
        )
    )
    return chart(
        spec,
        chart_id="cash-flows",
        title="Cash flows by year",
        description="Undiscounted costs (below zero) and benefits of each year at base-year "
        "prices.",
        headings=["Year", "Costs", "Fiscal", "Economic", "Social", "Net"],
        rows=[
            [
                flow["calendar_year"],
                money(flow["costs"]),
                money(flow["fiscal_benefits"]),
                money(flow["economic_benefits"]),
                money(flow["social_benefits"]),
                money(flow["net"]),
            ]
            for flow in report["years"]
        ],
    )


def _payback_chart(report: dict[str, Any]) -> Chart:
    base_year = report["base_year"]
    payback = report["financial_case"]["payback_year"]
    rows = []
    for flow in report["years"]:
        year = flow["calendar_year"]
        budget = flow["cumulative_discounted_fiscal_benefits"] - flow["cumulative_discounted_costs"]
        rows.append(
            {
                "year": year,
                "line": "Public value (all benefits)",
                "amount": flow["cumulative_discounted_net"],
            }
        )
        rows.append({"year": year, "line": "Public budgets (fiscal benefits)", "amount": budget})
    lines = (
        alt.Chart(alt.Data(values=rows), width=560, height=260)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y("amount:Q", title="Cumulative discounted net (pounds)"),
            color=alt.Color("line:N", title="Net benefit to"),
            strokeDash=alt.StrokeDash("line:N", title="Net benefit to"),
        )
    )
    zero = alt.Chart(alt.Data(values=[{"zero": 0}])).mark_rule(color="#505a5f").encode(y="zero:Q")
    layers = [lines, zero]
    if payback is not None:
        layers.append(
            alt.Chart(alt.Data(values=[{"year": base_year + payback, "label": "Payback"}]))
            .mark_rule(color="#1d70b8", strokeWidth=2)
            .encode(x="year:O")
        )
    description = (
        f"The running total of discounted benefits less costs; public budgets pay back in "
        f"{base_year + payback}."
        if payback is not None
        else "The running total of discounted benefits less costs; public budgets do not pay "
        "back within the appraisal."
    )
    return chart(
        alt.layer(*layers),
        chart_id="payback",
        title="Cumulative discounted net benefit",
        description=description,
        headings=["Year", "Net to public budgets", "Net public value", "Paid back"],
        rows=[
            [
                flow["calendar_year"],
                money(
                    flow["cumulative_discounted_fiscal_benefits"]
                    - flow["cumulative_discounted_costs"]
                ),
                money(flow["cumulative_discounted_net"]),
                "yes" if payback is not None and flow["year"] >= payback else "no",
            ]
            for flow in report["years"]
        ],
    )


def _tornado_chart(report: dict[str, Any]) -> Chart:
    base = report["economic_case"]["net_present_public_value"]
    bars = report["sensitivity"]["one_way"][:TORNADO_BARS]
    values = [
        {
            "assumption": bar["label"],
            "from": min(bar["nppv_low"], bar["nppv_high"]),
            "to": max(bar["nppv_low"], bar["nppv_high"]),
        }
        for bar in bars
    ]
    order = [bar["label"] for bar in bars]
    spec = alt.layer(
        alt.Chart(alt.Data(values=values), width=420, height=max(60, 26 * len(values)))
        .mark_bar(color="#1d70b8")
        .encode(
            y=alt.Y("assumption:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("from:Q", title="Net present public value (pounds)"),
            x2="to:Q",
        ),
        alt.Chart(alt.Data(values=[{"base": base}])).mark_rule(color="#0b0c0c").encode(x="base:Q"),
    )
    return chart(
        spec,
        chart_id="tornado",
        title="Tornado: net present public value with each assumption at its low and high",
        description="Each bar spans the net present public value with one assumption at its "
        "low and its high value, the others as entered; the widest first. The line is the "
        f"value as entered, {money(base)}.",
        headings=["Assumption", "Low", "High", "NPPV at low", "NPPV at high", "Swing"],
        rows=[
            [
                bar["label"],
                f"{bar['low']:g}",
                f"{bar['high']:g}",
                money(bar["nppv_low"]),
                money(bar["nppv_high"]),
                money(bar["swing"]),
            ]
            for bar in bars
        ],
    )


def _histogram_chart(initiative: Initiative, report: dict[str, Any]) -> Chart:
    result = monte_carlo_draws(initiative_model(initiative), PAGE_DRAWS, PAGE_SEED)
    bins = result.histogram(bins=20, measure="nppv")
    values = [{"from": b["from"], "to": b["to"], "count": b["count"]} for b in bins]
    spec = (
        alt.Chart(alt.Data(values=values), width=560, height=220)
        .mark_bar(color="#4c2c92")
        .encode(
            x=alt.X("from:Q", bin="binned", title="Net present public value (pounds)"),
            x2="to:Q",
            y=alt.Y("count:Q", title="Draws"),
        )
    )
    carlo = report["sensitivity"]["monte_carlo"]
    return chart(
        spec,
        chart_id="monte-carlo",
        title=f"Monte Carlo: net present public value over {carlo['draws']:,} draws",
        description=f"Each assumption drawn from a triangular distribution over its range "
        f"(seed {carlo['seed']}); the benefit–cost ratio exceeds 1 in "
        f"{carlo['p_bcr_above_1']:.1%} of draws.",
        headings=["From", "To", "Draws"],
        rows=[[money(b["from"]), money(b["to"]), b["count"]] for b in bins],
    )


def _agency_chart(report: dict[str, Any]) -> Chart:
    values = []
    for position in report["by_agency"]:
        values.append(
            {
                "agency": position["agency"],
                "measure": "Costs borne",
                "amount": -position["pv_costs"],
            }
        )
        values.append(
            {
                "agency": position["agency"],
                "measure": "Fiscal benefits",
                "amount": position["pv_fiscal_benefits"],
            }
        )
    spec = (
        alt.Chart(alt.Data(values=values), width=420, height=max(80, 40 * len(report["by_agency"])))
        .mark_bar()
        .encode(
            y=alt.Y("agency:N", title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("amount:Q", title="Present value (pounds; costs below zero)"),
            color=alt.Color(
                "measure:N",
                title="Measure",
                scale=alt.Scale(
                    domain=["Costs borne", "Fiscal benefits"], range=["#d4351c", "#00703c"]
                ),
            ),
            yOffset="measure:N",
        )
    )
    return chart(
        spec,
        chart_id="who-pays",
        title="Who pays and who benefits",
        description="For each organisation, the present value of the costs it bears and of "
        "the fiscal benefits it receives.",
        headings=["Organisation", "Costs borne", "Fiscal benefits", "Cashable", "Net position"],
        rows=[
            [
                position["agency"],
                money(position["pv_costs"]),
                money(position["pv_fiscal_benefits"]),
                money(position["pv_cashable"]),
                money(position["net"]),
            ]
            for position in report["by_agency"]
        ],
    )


def initiative_results(initiative: Initiative) -> InitiativeResults:
    """The appraisal of ``initiative`` with its charts, or the problems naming each field."""
    try:
        report = initiative_report(initiative)
    except ModelErrors as problems:
        return InitiativeResults(problems=list(problems.errors))
    payback = report["financial_case"]["payback_year"]
    charts = {
        "flows": _flows_chart(report),
        "payback": _payback_chart(report),
        "who_pays": _agency_chart(report),
    }
    if report["sensitivity"]["one_way"]:
        charts["tornado"] = _tornado_chart(report)
    if report["sensitivity"]["monte_carlo"]:
        charts["monte_carlo"] = _histogram_chart(initiative, report)
    return InitiativeResults(
        report=report,
        charts=charts,
        payback_calendar_year=None if payback is None else report["base_year"] + payback,
    )


FLOW_COLUMNS = (
    "year",
    "calendar_year",
    "discount_factor",
    "costs",
    "fiscal_benefits",
    "cashable",
    "economic_benefits",
    "social_benefits",
    "benefits",
    "net",
    "discounted_costs",
    "discounted_fiscal_benefits",
    "discounted_benefits",
    "cumulative_discounted_costs",
    "cumulative_discounted_fiscal_benefits",
    "cumulative_discounted_benefits",
    "cumulative_discounted_net",
)


def flow_rows(initiative: Initiative) -> tuple[list[str], list[list[Any]]]:
    """The year flows of the core's report, in the order of its keys (docs/costs.md)."""
    try:
        report = initiative_report(initiative, draws=0)
    except ModelErrors:
        return list(FLOW_COLUMNS), []
    return list(FLOW_COLUMNS), [[flow[key] for key in FLOW_COLUMNS] for flow in report["years"]]


def initiative_summaries(partnership: Any) -> list[dict[str, Any]]:
    """Each initiative of ``partnership`` with its headline figures (or its problems)."""
    summaries = []
    for initiative in Initiative.objects.filter(partnership=partnership):
        try:
            report = initiative_report(initiative, draws=0)
        except ModelErrors as problems:
            summaries.append(
                {"initiative": initiative, "report": None, "problems": problems.errors}
            )
            continue
        payback = report["financial_case"]["payback_year"]
        summaries.append(
            {
                "initiative": initiative,
                "report": report,
                "payback": None if payback is None else report["base_year"] + payback,
            }
        )
    return summaries
