"""The `partnerscope indicators` commands: status, benchmarking and the national catalogue."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from partnerscope.cli.output import FORMAT_OPTION, OutputFormat, clear_errors, console, emit
from partnerscope.core.indicators import (
    StatusRequest,
    benchmark,
    indicator_statuses,
    nearest_neighbours,
    parse_period,
)
from partnerscope.datapackage.indicators import (
    indicator_for,
    read_indicators,
    read_targets,
    read_values,
)
from partnerscope.reference.indicators import load_catalogue

app = typer.Typer(
    help="Shared outcomes and performance: indicator status, benchmarking, the catalogue.",
    no_args_is_help=True,
)

ValuesArgument = Annotated[
    Path,
    typer.Argument(
        help="CSV with columns indicator, area, period, value and optionally numerator, "
        "denominator, lower, upper, received."
    ),
]
TargetsOption = Annotated[
    Path | None,
    typer.Option("--targets", help="CSV with columns indicator, area, period, target."),
]
IndicatorsOption = Annotated[
    Path | None,
    typer.Option(
        "--indicators",
        help="CSV with columns indicator, title, polarity and optionally tolerance, unit, "
        "minimum, maximum, multiplier, proportion, due_days.",
    ),
]


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"--as-of {value!r} is not a date like 2024-05-31") from None


def _figure(value: Any) -> str:
    return "–" if value is None else f"{value:.4g}"


def _words(value: str | None) -> str:
    return "–" if not value else value.replace("_", " ")


def _status_summary(result: dict[str, Any]) -> None:
    title = "Indicator status" + (f" as at {result['as_of']}" if result["as_of"] else "")
    table = Table(title=title)
    for heading in ("indicator", "area", "latest", "target", "RAG", "travel", "forecast", "SPC"):
        table.add_column(heading)
    table.add_column("DQ", justify="right")
    for record in result["results"]:
        latest = record["latest"]
        direction = record["direction"]
        spc = record["spc"]
        travel = " / ".join(
            _words((direction[key] or {}).get("direction")) for key in ("previous", "year_ago")
        )
        table.add_row(
            record["indicator"],
            record["area"],
            "–" if latest is None else f"{_figure(latest['value'])} ({latest['period']})",
            _figure((record["target"] or {}).get("value")),
            record["rag"] or "–",
            travel,
            _words((record["forecast"] or {}).get("class")),
            "–"
            if spc is None
            else ", ".join(_words(spc[key]) for key in ("variation", "assurance") if spc[key]),
            str(len(record["quality"])),
        )
    console.print(table)
    console.print("travel: against the previous period / the same period a year before.")


@app.command()
def status(
    values: ValuesArgument,
    targets: TargetsOption = None,
    indicators: IndicatorsOption = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Judge as at this date (YYYY-MM-DD): later periods are left out and overdue "
            "values are found.",
        ),
    ] = None,
    due_days: Annotated[
        int | None,
        typer.Option(
            "--due-days",
            min=0,
            help="Days after a period ends that its value is due, for indicators that do not say.",
        ),
    ] = None,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """RAG, direction of travel, forecast, SPC and data quality of every indicator and area."""
    with clear_errors():
        reference_date = _as_of(as_of)
        series = read_values(values)
        frequencies = {key: s.periods[0].frequency for key, s in series.items()}
        target_table = {} if targets is None else read_targets(targets, frequencies)
        definitions = {} if indicators is None else read_indicators(indicators)
        requests = [
            StatusRequest(
                one,
                target_table.get((code, area), {}),
                indicator_for(code, definitions, due_days),
                area,
            )
            for (code, area), one in series.items()
        ]
        results = [
            status_of.to_dict() for status_of in indicator_statuses(requests, reference_date)
        ]
        output = {
            "as_of": None if reference_date is None else reference_date.isoformat(),
            "results": results,
        }
        emit(output, fmt, _status_summary)


def _benchmark_summary(result: dict[str, Any]) -> None:
    table = Table(title=f"{result['indicator']} in {result['period']} ({result['polarity']})")
    for heading in ("rank", "quartile", "area", "value", "from median"):
        table.add_column(heading, justify="left" if heading == "area" else "right")
    for row in result["areas"]:
        table.add_row(
            str(row["rank"]),
            str(row["quartile"]),
            row["area"],
            _figure(row["value"]),
            _figure(row["difference_from_median"]),
        )
    console.print(table)
    if result["neighbours"] is not None:
        near = Table(title=f"Nearest neighbours of {result['neighbours']['area']}")
        near.add_column("area")
        near.add_column("distance", justify="right")
        for row in result["neighbours"]["nearest"]:
            near.add_row(row["area"], f"{row['distance']:.3f}")
        console.print(near)


@app.command("benchmark")
def benchmark_command(
    values: ValuesArgument,
    indicator: Annotated[str, typer.Option("--indicator", help="Indicator to compare.")],
    period: Annotated[str, typer.Option("--period", help="Period to compare, e.g. 2024-Q1.")],
    indicators: IndicatorsOption = None,
    area: Annotated[
        str | None, typer.Option("--area", help="Area whose nearest neighbours to find.")
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by", help="Comma-separated indicators to find neighbours by (default: --indicator)."
        ),
    ] = None,
    count: Annotated[int, typer.Option("--count", min=1, help="How many neighbours.")] = 5,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Rank areas on one indicator in one period; optionally find an area's nearest neighbours."""
    with clear_errors():
        when = parse_period(period)
        series = read_values(values)
        definition = indicator_for(
            indicator, {} if indicators is None else read_indicators(indicators)
        )
        if definition.polarity is None:
            raise ValueError(f"{indicator} has no polarity: give it in --indicators")
        table: dict[str, dict[str, float]] = {}
        for (code, place), one in series.items():
            index = one.index_of(when)
            if index is not None:
                table.setdefault(place, {})[code] = one.values[index]
        compared = {place: row[indicator] for place, row in table.items() if indicator in row}
        if not compared:
            raise ValueError(f"no area has a value of {indicator} for {when}")
        neighbours = None
        if area is not None:
            chosen = [name.strip() for name in (by or indicator).split(",") if name.strip()]
            nearest = nearest_neighbours(area, table, chosen, count)
            neighbours = {
                "area": area,
                "by": chosen,
                "nearest": [neighbour.to_dict() for neighbour in nearest],
            }
        output = {
            "indicator": indicator,
            "period": str(when),
            "polarity": str(definition.polarity),
            "areas": [row.to_dict() for row in benchmark(compared, definition.polarity)],
            "neighbours": neighbours,
        }
        emit(output, fmt, _benchmark_summary)


def _catalogue_summary(result: dict[str, Any]) -> None:
    table = Table(
        title=f"{result['title']} (in force {result['in_force']['from']} to "
        f"{result['in_force']['to']})"
    )
    for heading in ("code", "title", "polarity", "unit"):
        table.add_column(heading)
    for entry in result["indicators"]:
        table.add_row(entry["code"], entry["title"], entry["polarity"], entry["unit"])
    console.print(table)
    console.print(f"Source: {result['source']}")


@app.command()
def catalogue(fmt: OutputFormat = FORMAT_OPTION) -> None:
    """List the national indicators in the catalogue, with their polarity and unit."""
    with clear_errors():
        emit(load_catalogue().to_dict(), fmt, _catalogue_summary)
