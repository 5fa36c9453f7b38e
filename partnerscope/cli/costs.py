"""The `partnerscope costs` commands: cost–benefit analysis of joint initiatives, and the
unit-cost library."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from partnerscope.cli.output import (
    FORMAT_OPTION,
    OutputFormat,
    clear_errors,
    console,
    emit,
    error_console,
)
from partnerscope.core.costs import (
    ModelErrors,
    UnitCostErrors,
    cba_report,
    meeting_costs,
    parse_unit_costs,
    uprate_unit_costs,
)
from partnerscope.datapackage.costs import meeting_inputs
from partnerscope.datapackage.package import read_package
from partnerscope.reference.costs import load_deflators, load_optimism_bias

app = typer.Typer(
    help="Costs and benefits of joint working: appraise an initiative, restate unit costs.",
    no_args_is_help=True,
)


def _fail(lines: list[str]) -> typer.Exit:
    for line in lines:
        error_console.print(line, markup=False, highlight=False)
    return typer.Exit(code=2)


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _fail([f"{path}: no such file"]) from None
    except (OSError, UnicodeDecodeError) as problem:
        raise _fail([f"{path}: cannot be read ({problem})"]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as problem:
        raise _fail(
            [
                f"{path}: not valid JSON (line {problem.lineno}, column {problem.colno}: "
                f"{problem.msg})"
            ]
        ) from None


def cba_result(model: Any, draws: int = 0, seed: int = 0) -> dict[str, Any]:
    """The core's report of a plain model, with the shipped optimism bias table."""
    return cba_report(model, load_optimism_bias(), draws, seed)


def _money(value: float | None) -> str:
    if value is None:
        return "-"
    return f"-£{-value:,.0f}" if value < -0.5 else f"£{abs(value):,.0f}"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _summarise_cba(result: dict[str, Any]) -> None:
    financial, economic = result["financial_case"], result["economic_case"]
    payback = financial["payback_year"]
    cases = Table(title=f"{result['name']}: present values at {result['base_year']} prices")
    cases.add_column("Measure")
    cases.add_column("Value", justify="right")
    for name, value in (
        ("PV of costs", _money(financial["pv_costs"])),
        ("PV of fiscal benefits", _money(financial["pv_fiscal_benefits"])),
        ("  of which cashable", _money(financial["cashable"])),
        ("Net present budget impact", _money(financial["net_present_budget_impact"])),
        ("Financial return on investment", _ratio(financial["financial_roi"])),
        (
            "Payback year",
            "never" if payback is None else f"year {payback} ({result['base_year'] + payback})",
        ),
        ("PV of all benefits (public value)", _money(economic["pv_benefits"])),
        ("Net present public value", _money(economic["net_present_public_value"])),
        ("Benefit-cost ratio", _ratio(economic["bcr"])),
    ):
        cases.add_row(name, value)
    console.print(cases)
    agencies = Table(title="Who pays, who benefits (present values)")
    split = {row["agency"]: row["contribution"] for row in result["contribution_split"]}
    for column in (
        "Agency",
        "Costs borne",
        "Fiscal benefits",
        "Cashable",
        "Net",
        "Split by savings",
    ):
        agencies.add_column(column, justify="left" if column == "Agency" else "right")
    for row in result["by_agency"]:
        agencies.add_row(
            row["agency"],
            _money(row["pv_costs"]),
            _money(row["pv_fiscal_benefits"]),
            _money(row["pv_cashable"]),
            _money(row["net"]),
            _money(split.get(row["agency"])),
        )
    console.print(agencies)
    for case in result["wrong_pocket"]:
        console.print(
            f"Wrong pocket: {case['payer']} is {_money(-case['payer_net'])} down while "
            f"{case['beneficiary']} is {_money(case['beneficiary_net'])} up.",
            markup=False,
        )
    tornado = Table(title="One-way sensitivity: net present public value (widest first)")
    for column in ("Assumption", "Low", "High", "NPPV at low", "NPPV at high"):
        tornado.add_column(column, justify="left" if column == "Assumption" else "right")
    for row in result["sensitivity"]["one_way"][:10]:
        tornado.add_row(
            row["label"],
            f"{row['low']:g}",
            f"{row['high']:g}",
            _money(row["nppv_low"]),
            _money(row["nppv_high"]),
        )
    console.print(tornado)
    monte = result["sensitivity"]["monte_carlo"]
    if monte is not None:
        bcr = monte["bcr"]
        spread = (
            ""
            if bcr is None
            else (
                f"; BCR 10th/50th/90th percentiles {bcr['p10']:.2f} / {bcr['p50']:.2f} / "
                f"{bcr['p90']:.2f}"
            )
        )
        console.print(
            f"Monte Carlo ({monte['draws']:,} draws, seed {monte['seed']}): "
            f"P(BCR > 1) = {monte['p_bcr_above_1']:.1%}{spread}",
            markup=False,
        )
    for note in result["notes"]:
        console.print(f"Note: {note}", markup=False)


@app.command("cba")
def cba(
    model: Annotated[Path, typer.Argument(help="The model of the initiative, a JSON file.")],
    monte_carlo: Annotated[
        int,
        typer.Option("--monte-carlo", min=0, help="Draws for a Monte Carlo (0: none)."),
    ] = 0,
    seed: Annotated[int, typer.Option(help="Seed of the Monte Carlo's draws.")] = 0,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Appraise an initiative: financial and economic cases, who pays and who benefits,
    year-by-year flows and sensitivity."""
    data = _read_json(model)
    try:
        result = cba_result(data, monte_carlo, seed)
    except ModelErrors as problem:
        raise _fail(problem.errors) from None
    emit(result, fmt, _summarise_cba)


def _summarise_unit_costs(result: dict[str, Any]) -> None:
    table = Table(
        title=f"Unit costs at {result['base_year']} prices",
        caption=f"Deflator: {result['deflator']['name']}",
    )
    for column in ("Code", "Description", "Unit", "Cost", "Agency", "From", "Source"):
        table.add_column(column, justify="right" if column == "Cost" else "left")
    for row in result["unit_costs"]:
        table.add_row(
            row["code"],
            row["description"],
            row["unit"],
            f"£{row['value']:,.2f}",
            row["agency"],
            str(row["original_price_year"]),
            row["source"],
        )
    console.print(table)


@app.command("unit-costs")
def unit_costs(
    csv_file: Annotated[
        Path, typer.Argument(help="Unit costs as CSV, in the Unit Cost Database layout.")
    ],
    base_year: Annotated[int, typer.Option(help="Restate every cost at this year's prices.")],
    source: Annotated[str, typer.Option(help="Source of rows that name none of their own.")] = "",
    licence: Annotated[str, typer.Option(help="Licence of rows that name none.")] = "",
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Read a unit-cost library and restate its costs at one year's prices."""
    try:
        text = csv_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise _fail([f"{csv_file}: cannot be read ({problem})"]) from None
    series = load_deflators()
    try:
        read = parse_unit_costs(text, source, licence)
        uprated = uprate_unit_costs(read, base_year, series)
    except UnitCostErrors as problem:
        raise _fail([f"{csv_file}: {error}" for error in problem.errors]) from None
    except ValueError as problem:
        raise _fail([f"{csv_file}: {problem}"]) from None
    rows = [
        {**new.to_dict(), "original_value": old.value, "original_price_year": old.price_year}
        for old, new in zip(read, uprated, strict=True)
    ]
    emit(
        {"base_year": base_year, "deflator": series.to_dict(), "unit_costs": rows},
        fmt,
        _summarise_unit_costs,
    )


def _summarise_meetings(result: dict[str, Any]) -> None:
    console.print(
        f"{len(result['meetings'])} meetings: {result['total_hours']:,.0f} hours, "
        f"{_money(result['total_cost'])} at {result['price_year']} prices "
        f"({_money(result['assumed_cost'])} from the partnership's own assumed rates; "
        f"{result['unpriced_attendances']} attendances with no rate)."
    )
    for key, title in (("by_layer", "layer"), ("by_body", "body"), ("by_year", "year")):
        table = Table(title=f"Meeting costs by {title}")
        for heading in (title.capitalize(), "Meetings", "Hours", "Cost"):
            table.add_column(heading, justify="left" if heading == title.capitalize() else "right")
        for row in result[key]:
            table.add_row(
                str(row[title]), str(row["count"]), f"{row['hours']:,.0f}", _money(row["cost"])
            )
        console.print(table)
    items = Table(title="Cost per agenda item by the layer of the body and of the item")
    for heading in ("Body's layer", "Item's layer", "Items", "Per item"):
        items.add_column(heading)
    for row in result["by_item_layer"]:
        items.add_row(
            row["body_layer"], row["item_layer"], str(row["items"]), _money(row["cost_per_item"])
        )
    console.print(items)


@app.command("meetings")
def meetings(
    folder: Annotated[
        Path, typer.Argument(help="A data package folder (datapackage.json and CSV).")
    ],
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Cost the partnership's meetings in members' time from a data package's meetings,
    attendance, rate card and settings."""
    with clear_errors():
        if not folder.is_dir():
            raise ValueError(f"{folder}: no such folder (unzip a data package first)")
        tables = read_package(folder)
        records, rates, settings, price_year = meeting_inputs(tables, date.today())
        result = meeting_costs(records, rates, settings, price_year, load_deflators())
        emit(result.to_dict(), fmt, _summarise_meetings)
