"""The `partnerscope sevens` commands: the 7S instrument and the scoring of a survey wave."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from partnerscope.cli.output import FORMAT_OPTION, OutputFormat, clear_errors, console, emit
from partnerscope.core.sevens import (
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    DEFAULT_THRESHOLD,
    element,
    score_wave,
)
from partnerscope.datapackage.sevens import read_local_statements, read_responses
from partnerscope.reference.sevens import load_instrument

app = typer.Typer(help="The 7S whole-systems self-assessment.", no_args_is_help=True)

LocalOption = Annotated[
    Path | None,
    typer.Option(
        "--local", help="CSV of a wave's local statements (id, element, text, layers) to add."
    ),
]
ResponsesArgument = Annotated[
    Path, typer.Argument(help="CSV with columns respondent, sector, layer, item, answer.")
]
PreviousOption = Annotated[
    Path | None,
    typer.Option("--previous", help="The previous wave's responses, to measure change."),
]
ThresholdOption = Annotated[
    int,
    typer.Option("--threshold", help="Fewest respondents a group needs to be shown (at least 3)."),
]
ResamplesOption = Annotated[
    int, typer.Option("--resamples", help="Bootstrap resamples for the change interval.")
]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed of the bootstrap's generator.")]


def _figure(value: Any, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _instrument_summary(result: dict[str, Any]) -> None:
    table = Table(title=f"7S instrument, version {result['version']}")
    for heading in ("id", "element", "kind", "layers", "statement"):
        table.add_column(heading)
    for item in result["items"]:
        table.add_row(
            item["id"], item["element"], item["kind"], ", ".join(item["layers"]), item["text"]
        )
    console.print(table)


@app.command()
def instrument(local: LocalOption = None, fmt: OutputFormat = FORMAT_OPTION) -> None:
    """List the statements of the 7S instrument, with any local statements added."""
    with clear_errors():
        kit = load_instrument()
        if local is not None:
            kit = kit.with_local(read_local_statements(local))
        emit(kit.to_dict(), fmt, _instrument_summary)


def _score_summary(result: dict[str, Any]) -> None:
    console.print(
        f"7S wave: {result['respondents']} respondents, instrument version "
        f"{result['instrument_version']}, anonymity threshold {result['threshold']}"
    )
    if result["elements"]:
        table = Table(title="Element scores (0 to 100)")
        for heading in ("element", "kind", "mean", "score", "consensus", "n", "don't know"):
            table.add_column(heading, justify="left" if heading in ("element", "kind") else "right")
        for value in result["elements"].values():
            share = value["dont_know_share"]
            table.add_row(
                value["name"],
                value["kind"],
                _figure(value["mean"], 2),
                _figure(value["score"]),
                _figure(value["consensus"], 2),
                str(value["n"]),
                "–" if share is None else f"{share:.0%}",
            )
        console.print(table)
        console.print(f"Soft score {_figure(result['soft'])}, hard score {_figure(result['hard'])}")
        for heading, key in (("Strongest", "strongest"), ("Weakest", "weakest")):
            for item in result[key]:
                local = " (local)" if item["local"] else ""
                console.print(f"{heading}: {item['id']}{local} {_figure(item['mean'], 2)}")
    _groups_summary(result["groups"])
    if "change" in result and result["change"]:
        table = Table(title="Change in score since the previous wave (95% bootstrap interval)")
        for heading in ("element", "previous", "now", "change", "interval", "significant"):
            table.add_column(heading)
        for key, change in result["change"].items():
            table.add_row(
                element(key).name,
                _figure(change["previous_score"]),
                _figure(change["score"]),
                _figure(change["difference"]),
                f"{_figure(change['low'])} to {_figure(change['high'])}",
                "yes" if change["significant"] else "no",
            )
        console.print(table)
    if result["withheld"]:
        console.print(
            f"Withheld (fewer than {result['threshold']} respondents, or to protect "
            f"a smaller group): {', '.join(result['withheld'])}"
        )


def _groups_summary(groups: dict[str, Any]) -> None:
    for dimension, shown in groups.items():
        named = {name: group for name, group in shown.items() if name != "gap"}
        if not named:
            continue
        table = Table(title=f"Scores by {dimension.replace('_', ' ')} (respondents)")
        table.add_column("element")
        for name, group in named.items():
            table.add_column(f"{name} ({group['respondents']})", justify="right")
        if "gap" in shown:
            table.add_column("gap", justify="right")
        for key in next(iter(named.values()))["elements"]:
            cells = [_figure(group["elements"][key]["score"]) for group in named.values()]
            if "gap" in shown:
                cells.append(_figure(shown["gap"][key]))
            table.add_row(element(key).name, *cells)
        console.print(table)


@app.command()
def score(
    responses: ResponsesArgument,
    previous: PreviousOption = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    local: LocalOption = None,
    resamples: ResamplesOption = DEFAULT_RESAMPLES,
    seed: SeedOption = DEFAULT_SEED,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Score a wave of 7S answers: elements, statements, breakdowns, change."""
    with clear_errors():
        kit = load_instrument()
        if local is not None:
            kit = kit.with_local(read_local_statements(local))
        current = read_responses(responses, kit)
        before = read_responses(previous, kit) if previous is not None else None
        result = score_wave(
            current,
            kit,
            threshold=threshold,
            previous=before,
            resamples=resamples,
            seed=seed,
        )
        emit(result.to_dict(), fmt, _score_summary)
