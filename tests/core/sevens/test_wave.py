"""Whole-wave results: JSON form, ranges of every figure, and the order of input."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from partnerscope.core.sevens import ELEMENT_IDS, Respondent, score_wave
from tests.core.sevens.strategies import SMALL, respondents


def _figures(data: dict[str, Any], key: str) -> list[float]:
    found: list[float] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for inner_key, inner in value.items():
                if inner_key == key and isinstance(inner, float | int) and inner is not None:
                    found.append(float(inner))
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(data)
    return found


@settings(max_examples=60, deadline=None)
@given(respondents(max_size=30), st.integers(min_value=3, max_value=6))
def test_every_score_stays_between_0_and_100(wave: list[Respondent], threshold: int) -> None:
    data = score_wave(wave, SMALL, threshold=threshold).to_dict()
    json.dumps(data)
    for key in ("score", "soft", "hard"):
        assert all(0.0 <= value <= 100.0 for value in _figures(data, key))
    assert all(1.0 <= value <= 5.0 for value in _figures(data, "mean"))
    assert all(0.0 <= value <= 1.0 for value in _figures(data, "consensus"))
    assert all(0.0 <= value <= 1.0 for value in _figures(data, "dont_know_share"))
    gaps = data["groups"]["council_vs_partners"].get("gap", {})
    assert all(v is None or -100.0 <= v <= 100.0 for v in gaps.values())


@settings(max_examples=30, deadline=None)
@given(respondents(min_size=5, max_size=20), st.randoms(use_true_random=False))
def test_the_order_of_respondents_does_not_matter(wave: list[Respondent], rng: Any) -> None:
    shuffled = list(wave)
    rng.shuffle(shuffled)
    assert score_wave(shuffled, SMALL).to_dict() == score_wave(wave, SMALL).to_dict()


def test_json_keys() -> None:
    wave = [
        Respondent(
            f"r{i}",
            "council" if i < 5 else "health",
            frozenset({"strategic"}),
            {
                "scs.01": 1 + i % 5,
                "style.01": "dk" if i == 0 else 4,
            },
        )
        for i in range(10)
    ]
    data = score_wave(wave, SMALL).to_dict()
    assert set(data) == {
        "instrument_version",
        "threshold",
        "respondents",
        "elements",
        "soft",
        "hard",
        "items",
        "strongest",
        "weakest",
        "groups",
        "withheld",
        "withheld_rules",
    }
    assert list(data["elements"]) == list(ELEMENT_IDS)
    assert set(data["elements"]["scs"]) == {
        "name",
        "kind",
        "mean",
        "score",
        "consensus",
        "n",
        "dont_know_share",
    }
    assert set(data["items"]["style.01"]) == {
        "element",
        "kind",
        "local",
        "text",
        "mean",
        "n",
        "distribution",
        "dont_know",
        "dont_know_share",
    }
    assert data["items"]["style.01"]["distribution"] == {"1": 0, "2": 0, "3": 0, "4": 9, "5": 0}
    assert data["items"]["style.01"]["dont_know_share"] == 0.1
    council = data["groups"]["council_vs_partners"]["council"]
    assert set(council) == {"respondents", "elements", "soft", "hard"}
    # Council and health (the partners) answer scs.01 1..5 alike: a gap of 0.
    assert data["groups"]["council_vs_partners"]["gap"]["scs"] == 0.0
    assert data["groups"]["council_vs_partners"]["gap"]["steering"] is None
