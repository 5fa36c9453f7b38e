"""What a wave's results pages show, built once so the web pages and a PDF report agree.

:func:`results_overview` and :func:`element_results` read only the documented JSON form of
the core's result (``WaveResult.to_dict``), in which withheld groups are absent, so no page
or export built from them can show a withheld group's figures.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.http import Http404

from partnerscope.apps.common.charts import Chart
from partnerscope.apps.partnerships.choices import Layer, Sector
from partnerscope.apps.sevens import charts
from partnerscope.apps.sevens.models import Evidence, Wave
from partnerscope.apps.sevens.services import (
    SCORE_CACHE_SECONDS,
    named_results,
    results_dict,
    results_published,
    scored,
)
from partnerscope.core.sevens import (
    COUNCIL,
    DIFFERENCE,
    ELEMENTS,
    PARTNERS,
    PREVIOUS_WAVE,
    SMALL_GROUP,
    WAVE,
    WEAK_ELEMENT,
    PracticeNote,
    element,
)
from partnerscope.reference.sevens import load_practice_notes

GROUP_LABELS = {
    "sector": dict(Sector.choices),
    "layer": dict(Layer.choices),
    "council_vs_partners": {COUNCIL: "Council", PARTNERS: "Other partners"},
}
DIMENSION_LABELS = {
    "sector": "sector",
    "layer": "governance layer",
    "council_vs_partners": "council or partner",
}


@dataclass(frozen=True)
class ElementRow:
    """One element's whole-wave figures, its change and, when weak, its practice note."""

    id: str
    name: str
    kind: str
    score: float | None
    mean: float | None
    consensus: float | None
    n: int
    dont_know_share: float | None
    weak: bool
    note: PracticeNote | None
    change: dict[str, Any] | None

    @property
    def score_text(self) -> str:
        return charts.figure(self.score)

    @property
    def consensus_text(self) -> str:
        return charts.figure(self.consensus, 2)

    @property
    def dont_know_text(self) -> str:
        share = None if self.dont_know_share is None else 100 * self.dont_know_share
        return charts.figure(share, 0, "%")

    @property
    def change_text(self) -> str:
        if not self.change:
            return "–"
        text = charts.signed(self.change["difference"])
        return f"{text} (significant)" if self.change["significant"] else text


@dataclass(frozen=True)
class BreakdownTable:
    """Element scores for each shown group of one breakdown (withheld groups absent)."""

    dimension: str
    title: str
    groups: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Statement:
    id: str
    element: str
    text: str
    local: bool
    mean: float | None

    @property
    def mean_text(self) -> str:
        return charts.figure(self.mean, 2)

    @property
    def element_name(self) -> str:
        return element(self.element).name


@dataclass(frozen=True)
class ResultsOverview:
    """Everything the results page of one wave shows."""

    wave: Wave
    result: dict[str, Any]
    threshold: int
    respondents: int
    withheld_whole: bool
    elements: list[ElementRow]
    wheel: Chart | None
    strongest: list[Statement]
    weakest: list[Statement]
    gap: Chart | None
    change: Chart | None
    breakdowns: list[BreakdownTable]
    withheld: list[str]
    local_statements: int
    soft: str
    hard: str
    previous: Wave | None
    published: bool = True
    weak_rule: str = field(default=WEAK_ELEMENT.text)


def _statement(row: dict[str, Any]) -> Statement:
    return Statement(row["id"], row["element"], row["text"], row["local"], row["mean"])


def withheld_notes(result: dict[str, Any]) -> list[str]:
    """Plain-English reasons for each withheld group, naming the rule that withheld it."""
    threshold = result["threshold"]
    notes = []
    for name in result["withheld"]:
        rule = result["withheld_rules"][name]
        if name == WAVE:
            notes.append(f"The whole wave: fewer than {threshold} people answered.")
            continue
        if name == PREVIOUS_WAVE:
            notes.append(
                f"The change since the previous wave: fewer than {threshold} people answered it."
            )
            continue
        dimension, group, *element_id = name.split(":")
        label = GROUP_LABELS.get(dimension, {}).get(group, group)
        what = f"{label} ({DIMENSION_LABELS.get(dimension, dimension)})"
        if element_id:
            what = f"{what}, {element(element_id[0]).name}"
            people = "of them scored this element"
        else:
            people = "people answered"
        if rule == SMALL_GROUP.name:
            notes.append(f"{what}: fewer than {threshold} {people}.")
        elif rule == DIFFERENCE.name:
            notes.append(
                f"{what}: held back so that fewer than {threshold} people's answers cannot be "
                "worked out by combining the groups shown with one another or with the whole."
            )
        else:
            notes.append(f"{what}: withheld ({rule}).")
    return notes


def _element_rows(result: dict[str, Any]) -> list[ElementRow]:
    notes = load_practice_notes()
    changes = result.get("change") or {}
    rows = []
    for info in ELEMENTS:
        figures = result["elements"].get(info.id, {})
        score = figures.get("score")
        weak = WEAK_ELEMENT.weak(score)
        rows.append(
            ElementRow(
                info.id,
                info.name,
                info.kind,
                score,
                figures.get("mean"),
                figures.get("consensus"),
                figures.get("n", 0),
                figures.get("dont_know_share"),
                weak,
                notes[info.id] if weak else None,
                changes.get(info.id),
            )
        )
    return rows


def _breakdowns(result: dict[str, Any]) -> list[BreakdownTable]:
    tables = []
    for dimension, title in (
        ("sector", "By sector"),
        ("layer", "By governance layer"),
        ("council_vs_partners", "Council and other partners"),
    ):
        shown = {k: v for k, v in result["groups"][dimension].items() if k != "gap"}
        if not shown:
            continue
        names = list(shown)
        labels = [f"{GROUP_LABELS[dimension].get(n, n)} ({shown[n]['respondents']})" for n in names]
        rows = [
            [info.name, *[charts.figure(shown[n]["elements"][info.id]["score"]) for n in names]]
            for info in ELEMENTS
        ]
        rows.append(["Soft score", *[charts.figure(shown[n]["soft"]) for n in names]])
        rows.append(["Hard score", *[charts.figure(shown[n]["hard"]) for n in names]])
        tables.append(BreakdownTable(dimension, title, labels, rows))
    return tables


def unpublished(wave: Wave) -> ResultsOverview:
    """What the results page shows while the wave is still open: nothing but the wave."""
    return ResultsOverview(
        wave=wave,
        result={},
        threshold=wave.partnership.anonymity_threshold,
        respondents=0,
        withheld_whole=False,
        elements=[],
        wheel=None,
        strongest=[],
        weakest=[],
        gap=None,
        change=None,
        breakdowns=[],
        withheld=[],
        local_statements=wave.local_statements.count(),
        soft="–",
        hard="–",
        previous=wave.previous,
        published=False,
    )


def results_overview(wave: Wave) -> ResultsOverview:
    """The results page of a wave: wheel, strongest and weakest, gap, change, breakdowns.

    Nothing is computed until the wave has closed (see ``services.results_published``).
    """
    if not results_published(wave):
        return unpublished(wave)
    score_key, score = scored(wave)
    result = named_results(wave, score)
    withheld_whole = WAVE in result["withheld"]
    wheel, gap_chart, change_chart = overview_charts(score_key, wave, result)
    return ResultsOverview(
        wave=wave,
        result=result,
        threshold=result["threshold"],
        respondents=result["respondents"],
        withheld_whole=withheld_whole,
        elements=[] if withheld_whole else _element_rows(result),
        wheel=wheel,
        strongest=[_statement(row) for row in result["strongest"]],
        weakest=[_statement(row) for row in result["weakest"]],
        gap=gap_chart,
        change=change_chart,
        breakdowns=[] if withheld_whole else _breakdowns(result),
        withheld=withheld_notes(result),
        local_statements=sum(1 for item in result["items"].values() if item["local"]),
        soft=charts.figure(result["soft"]),
        hard=charts.figure(result["hard"]),
        previous=wave.previous,
    )


def overview_charts(
    score_key: str, wave: Wave, result: dict[str, Any]
) -> tuple[Chart | None, Chart | None, Chart | None]:
    """The wheel, the council-partners gap and the change since the previous wave.

    Cached with the score they draw (``score_key``) and the previous wave's title, the only
    other thing they show: building a chart's spec costs more than drawing it from cache.
    """
    previous_title = wave.previous.title if wave.previous else None
    title_hash = hashlib.sha256(json.dumps(previous_title).encode("utf-8")).hexdigest()
    key = f"{score_key}:overview-charts:{title_hash}"
    drawn = cache.get(key)
    if drawn is None:
        drawn = draw_overview_charts(result, previous_title)
        cache.set(key, drawn, SCORE_CACHE_SECONDS)
    return drawn


def draw_overview_charts(
    result: dict[str, Any], previous_title: str | None
) -> tuple[Chart | None, Chart | None, Chart | None]:
    if WAVE in result["withheld"]:
        return None, None, None
    pair = result["groups"]["council_vs_partners"]
    gap_chart = charts.gap(pair[COUNCIL], pair[PARTNERS], pair["gap"]) if "gap" in pair else None
    change_chart = None
    if result.get("change") and previous_title is not None:
        change_chart = charts.change(result["change"], previous_title)
    return charts.wheel(result["elements"]), gap_chart, change_chart


@dataclass(frozen=True)
class ElementResults:
    """One element's page: its figures, statement answers, practice note and evidence."""

    wave: Wave
    row: ElementRow
    threshold: int
    withheld_whole: bool
    bars: Chart | None
    statements: list[Statement]
    note: PracticeNote
    evidence: list[str]
    previous_element: str | None
    next_element: str | None
    published: bool = True

    @property
    def previous_name(self) -> str:
        return element(self.previous_element).name if self.previous_element else ""

    @property
    def next_name(self) -> str:
        return element(self.next_element).name if self.next_element else ""


def element_results(wave: Wave, element_id: str) -> ElementResults:
    """One element's results; the evidence is listed only when the wave is shown at all."""
    try:
        info = element(element_id)
    except ValueError:
        raise Http404("No such element.") from None
    published = results_published(wave)
    result = results_dict(wave) if published else _empty(wave)
    withheld_whole = WAVE in result["withheld"]
    rows = {row.id: row for row in _element_rows(result)}
    items = [(k, v) for k, v in result["items"].items() if v["element"] == info.id]
    position = [e.id for e in ELEMENTS].index(info.id)
    return ElementResults(
        wave=wave,
        row=rows[info.id],
        threshold=result["threshold"],
        withheld_whole=withheld_whole,
        bars=None
        if withheld_whole or not published
        else charts.statement_bars(info.id, items, f"sevens-answers-{info.id}"),
        statements=[Statement(k, v["element"], v["text"], v["local"], v["mean"]) for k, v in items],
        note=load_practice_notes()[info.id],
        evidence=[]
        if withheld_whole or not published
        else list(
            Evidence.objects.filter(wave=wave, element=info.id).values_list("text", flat=True)
        ),
        previous_element=ELEMENTS[position - 1].id if position > 0 else None,
        next_element=ELEMENTS[position + 1].id if position + 1 < len(ELEMENTS) else None,
        published=published,
    )


def _empty(wave: Wave) -> dict[str, Any]:
    """A result with no figures, for an element page of a wave still open."""
    return {
        "threshold": wave.partnership.anonymity_threshold,
        "elements": {},
        "items": {},
        "withheld": [],
        "change": None,
    }
