"""A workshop's results, as its results page reports them: each question's spread of ratings,
overall and by level, the link ratings and comments, and the two charts.

Nothing is shown until at least the partnership's anonymity threshold of participants have
answered, and a level's split only when that level alone reaches it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt

from partnerscope.apps.actions.selectors import ActionView, actions_for_chain
from partnerscope.apps.chains.choices import QUESTION_TITLES, Question, RatingValue
from partnerscope.apps.chains.core_inputs import (
    chain_context,
    chain_records,
    core_chain,
    core_ratings,
)
from partnerscope.apps.chains.models import ChainNode, Workshop
from partnerscope.apps.common import charts
from partnerscope.core import chains as core


@dataclass(frozen=True)
class QuestionRow:
    id: str
    number: int
    title: str
    text: str
    counts: dict[str, Any]
    rating: str | None
    share_green: float | None
    by_level: dict[str, dict[str, Any] | None]
    level_gap: float | None
    actions: list[ActionView]


@dataclass(frozen=True)
class LinkRatingRow:
    source: ChainNode
    target: ChainNode
    counts: dict[str, Any]
    views: dict[str, Any]
    rated_red_by_most: bool


@dataclass(frozen=True)
class WorkshopResults:
    """A workshop's results: each question's spread, overall and by level, within the
    partnership's anonymity threshold."""

    workshop: Workshop
    participants: dict[str, int]
    total: int
    threshold: int
    shown: bool
    levels_shown: dict[str, bool]
    small_levels: list[str]
    strength: float | None
    green_questions: int
    questions: list[QuestionRow]
    link_ratings: list[LinkRatingRow]
    comments: list[str]
    spread_chart: charts.Chart | None
    level_chart: charts.Chart | None


def workshop_results(workshop: Workshop) -> WorkshopResults:
    """The core's summary of one workshop's ratings; nothing is shown until at least the
    anonymity threshold of participants have answered, and a level's split only when that
    level alone reaches it."""
    chain = workshop.chain
    threshold = chain.partnership.anonymity_threshold
    nodes, links = chain_records(chain)
    delivery_chain = core_chain(chain, nodes, links)
    ratings = core_ratings(workshop, {link.pair for link in delivery_chain.links})
    result = core.analyse_chain(delivery_chain, ratings, chain_context(chain)).to_dict()
    participants = result["participants"]
    total = workshop.participants.count()
    shown = total >= threshold
    by_ref = {node.ref: node for node in nodes}
    actions: dict[str, list[ActionView]] = {}
    for action in actions_for_chain(chain.partnership, chain.ref):
        if action.question:
            actions.setdefault(action.question, []).append(action)
    questions = [
        QuestionRow(
            id=entry["question"],
            number=index,
            title=QUESTION_TITLES[entry["question"]],
            text=Question(entry["question"]).label,
            counts=entry["counts"],
            rating=entry["rating"],
            share_green=entry["share_green"],
            by_level=entry["by_level"],
            level_gap=entry["level_gap"],
            actions=actions.get(entry["question"], []),
        )
        for index, entry in enumerate(result["questions"], start=1)
    ]
    levels_shown = {
        level: any(q.by_level[level] is not None for q in questions) for level in core.LEVELS
    }
    comments = sorted(
        comment for comment in workshop.participants.values_list("comment", flat=True) if comment
    )
    return WorkshopResults(
        workshop=workshop,
        participants=participants,
        total=total,
        threshold=threshold,
        shown=shown,
        levels_shown=levels_shown,
        small_levels=[level for level, n in participants.items() if 0 < n < threshold],
        strength=result["strength"] if shown else None,
        green_questions=len(result["green_questions"]),
        questions=questions if shown else [],
        link_ratings=[
            LinkRatingRow(
                source=by_ref[entry["from"]],
                target=by_ref[entry["to"]],
                counts=entry["counts"],
                views=entry["participant_views"],
                rated_red_by_most=entry["rated_red_by_most"],
            )
            for entry in result["link_ratings"]
        ]
        if shown
        else [],
        comments=comments if shown else [],
        spread_chart=spread_chart(workshop, questions) if shown else None,
        level_chart=level_chart(workshop, questions)
        if shown and all(levels_shown.values())
        else None,
    )


RATING_COLOURS = {"red": "#d4351c", "amber": "#f47738", "green": "#00703c", "dont_know": "#b1b4b6"}


def spread_chart(workshop: Workshop, questions: Sequence[QuestionRow]) -> charts.Chart:
    """Stacked bars: how many participants gave each rating to each question."""
    labels = {value.value: value.label for value in RatingValue}
    values = [
        {
            "question": f"{q.number}. {q.title}",
            "order": q.number,
            "rating": labels[value],
            "rank": rank,
            "count": q.counts[value],
        }
        for q in questions
        for rank, value in enumerate(RATING_COLOURS)
    ]
    spec = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title="Participants", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("question:N", title=None, sort=alt.SortField("order")),
            color=alt.Color(
                "rating:N",
                title="Rating",
                scale=alt.Scale(
                    domain=[labels[v] for v in RATING_COLOURS], range=list(RATING_COLOURS.values())
                ),
            ),
            order=alt.Order("rank:Q"),
        )
        .properties(width=520, height=alt.Step(22))
    )
    greens = sum(1 for q in questions if q.rating == "green")
    return charts.chart(
        spec,
        chart_id=f"workshop-{workshop.pk}-spread",
        title="Ratings of each question",
        description=f"How many participants rated each of the twelve questions red, amber, "
        f"green or don't know. {greens} of 12 questions are green by consensus.",
        headings=["Question", "Red", "Amber", "Green", "Don't know", "Consensus"],
        rows=[
            [
                f"{q.number}. {q.title}",
                q.counts["red"],
                q.counts["amber"],
                q.counts["green"],
                q.counts["dont_know"],
                labels[q.rating] if q.rating else "None scored",
            ]
            for q in questions
        ],
    )


def level_chart(workshop: Workshop, questions: Sequence[QuestionRow]) -> charts.Chart:
    """Grouped bars: the share rating each question green, strategic against operational."""
    values = [
        {
            "question": f"{q.number}. {q.title}",
            "order": q.number,
            "level": level.capitalize(),
            "share": (q.by_level[level] or {}).get("share_green"),
        }
        for q in questions
        for level in core.LEVELS
    ]
    spec = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("share:Q", title="Share rating it green", axis=alt.Axis(format="%")),
            y=alt.Y("question:N", title=None, sort=alt.SortField("order")),
            yOffset=alt.YOffset("level:N"),
            color=alt.Color(
                "level:N",
                title="Level",
                scale=alt.Scale(domain=["Strategic", "Operational"], range=["#4c2c92", "#5694ca"]),
            ),
        )
        .properties(width=520, height=alt.Step(14))
    )

    def share(value: float | None) -> str:
        return "–" if value is None else f"{value:.0%}"

    gaps = [q for q in questions if q.level_gap is not None]
    widest = max(gaps, key=lambda q: abs(q.level_gap or 0), default=None)
    description = "The share of strategic and of operational participants rating each question "
    description += "green."
    if widest is not None:
        description += (
            f" The widest gap is on question {widest.number}, {widest.title}: "
            f"{(widest.level_gap or 0) * 100:+.0f} percentage points."
        )
    return charts.chart(
        spec,
        chart_id=f"workshop-{workshop.pk}-levels",
        title="Green ratings by level",
        description=description,
        headings=["Question", "Strategic green", "Operational green", "Gap (points)"],
        rows=[
            [
                f"{q.number}. {q.title}",
                share((q.by_level["strategic"] or {}).get("share_green")),
                share((q.by_level["operational"] or {}).get("share_green")),
                "–" if q.level_gap is None else f"{q.level_gap * 100:+.0f}",
            ]
            for q in questions
        ],
    )
