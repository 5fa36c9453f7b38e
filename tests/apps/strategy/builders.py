"""The kite partnership's strategy for tests: two goals under one theme, one measured,
owned and delivered through the falls chain, the other bare."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerscope.apps.performance.models import IndicatorStatusSnapshot
from partnerscope.apps.strategy.models import OutcomeReview, Strategy
from tests.apps.chains.builders import falls_chain
from tests.apps.performance.factories import area, indicator, outcome


def kite_outcomes(kite: dict[str, Any]) -> dict[str, Any]:
    """Theme "safer"; goal "falls" (NI 15 green, NI 16 red and improving, owned by the
    council and the board, the falls chain) and goal "buses" (nothing)."""
    partnership = kite["partnership"]
    theme = outcome(partnership, "safer", "Safer streets")
    falls = outcome(
        partnership,
        "falls",
        "Fewer falls",
        parent=theme,
        owner=kite["council"],
        body=kite["board"],
    )
    buses = outcome(partnership, "buses", "Better buses", parent=theme, position=2)
    place = area(partnership)
    for code, rag, direction in (("NI 15", "green", "worsening"), ("NI 16", "red", "improving")):
        measure = indicator(partnership, code)
        measure.outcomes.add(falls)
        IndicatorStatusSnapshot.objects.update_or_create(
            indicator=measure,
            area=place,
            defaults={
                "as_of": dt.date(2026, 3, 31),
                "rag": rag,
                "direction": direction,
                "variation": "special_cause_concerning" if rag == "red" else "common_cause",
                "latest_period": "2026-Q1",
                "latest_value": 9.5,
            },
        )
    chain = falls_chain(kite)["chain"]
    chain.outcome_ref = "falls"
    chain.save()
    return {"theme": theme, "falls": falls, "buses": buses, "chain": chain}


def kite_strategy(kite: dict[str, Any], **extra: Any) -> Strategy:
    values = {
        "ref": "scs",
        "title": "Kite 2030",
        "adopted": dt.date(2020, 4, 1),
        "last_reviewed": dt.date(2022, 5, 1),
        **extra,
    }
    strategy, _ = Strategy.objects.update_or_create(
        partnership=kite["partnership"], defaults=values
    )
    return strategy


def review_date(strategy: Strategy, ref: str, day: dt.date) -> OutcomeReview:
    return OutcomeReview.objects.update_or_create(
        strategy=strategy, ref=ref, defaults={"review_date": day}
    )[0]
