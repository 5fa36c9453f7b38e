"""Change between waves: the bootstrap interval, its seed, and its agreement with scoring."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

from partnerscope.core.sevens import (
    ELEMENT_IDS,
    Respondent,
    compare_waves,
    score_elements,
    score_wave,
    weighted_element_scores,
)
from tests.core.sevens.strategies import SMALL, person, respondents


def _wave(prefix: str, answers: list[int], size: int = 12) -> list[Respondent]:
    return [
        person(
            f"{prefix}{i}",
            "health",
            "strategic",
            dict.fromkeys(SMALL.ids, answers[i % len(answers)]),
        )
        for i in range(size)
    ]


def test_no_change_gives_an_interval_around_zero() -> None:
    before = _wave("p", [2, 3, 4])
    after = _wave("c", [2, 3, 4])
    for change in compare_waves(after, before, SMALL, resamples=500):
        assert change.difference == 0.0
        assert change.low is not None and change.high is not None
        assert change.low <= 0.0 <= change.high
        assert not change.significant


def test_a_clear_rise_is_significant() -> None:
    before = _wave("p", [1, 2, 2])
    after = _wave("c", [4, 5, 4])
    for change in compare_waves(after, before, SMALL, resamples=500):
        # Means 5/3 and 13/3: the score rises by (13/3 - 5/3) / 4 * 100 = 66.7 points.
        assert change.difference == pytest.approx(200 / 3)
        assert change.low is not None and change.low > 0
        assert change.significant


def test_the_interval_contains_the_observed_difference() -> None:
    before = _wave("p", [1, 3, 4, 5, 2])
    after = _wave("c", [2, 4, 5, 5, 3])
    for change in compare_waves(after, before, SMALL, resamples=800):
        assert change.low is not None and change.high is not None and change.difference is not None
        assert change.low <= change.difference <= change.high


def test_same_seed_same_interval_other_seed_other_interval() -> None:
    before = _wave("p", [1, 3, 4, 5, 2])
    after = _wave("c", [2, 4, 5, 5, 3])
    first = compare_waves(after, before, SMALL, resamples=300, seed=11)
    again = compare_waves(list(reversed(after)), before, SMALL, resamples=300, seed=11)
    other = compare_waves(after, before, SMALL, resamples=300, seed=12)
    assert first == again
    assert [c.low for c in first] != [c.low for c in other]


def test_an_element_with_no_answers_has_no_change() -> None:
    before = [person(f"p{i}", "fire", "strategic", {"scs.01": 3}) for i in range(5)]
    after = [person(f"c{i}", "fire", "strategic", {"scs.01": 4}) for i in range(5)]
    changes = {c.element: c for c in compare_waves(after, before, SMALL, resamples=100)}
    assert changes["scs"].difference == 25.0
    assert changes["style"].difference is None
    assert changes["style"].low is None and not changes["style"].significant


def test_empty_waves_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one respondent"):
        compare_waves([], _wave("p", [3]), SMALL)


@settings(max_examples=40, deadline=None)
@given(respondents(min_size=1, max_size=15))
def test_weighted_scores_with_unit_weights_equal_the_plain_scores(wave: list[Respondent]) -> None:
    plain = score_elements(SMALL, wave)
    weighted = weighted_element_scores(np.ones((1, len(wave))), wave, SMALL)[0]
    for position, key in enumerate(ELEMENT_IDS):
        expected = plain[key].score
        if expected is None:
            assert np.isnan(weighted[position])
        else:
            assert weighted[position] == pytest.approx(expected)


def test_weights_count_a_respondent_several_times() -> None:
    wave = [
        person("a", "fire", "strategic", {"scs.01": 5, "scs.02": 1}),
        person("b", "fire", "strategic", {"scs.01": 1}),
    ]
    # Drawing a twice and b once: scs.01 mean (5 + 5 + 1) / 3 = 11/3, scs.02 mean 1;
    # element mean (11/3 + 1) / 2 = 7/3, score (7/3 - 1) / 4 * 100 = 33.33.
    scores = weighted_element_scores(np.array([[2.0, 1.0]]), wave, SMALL)
    assert scores[0, ELEMENT_IDS.index("scs")] == pytest.approx(100 / 3)


def test_score_wave_reports_change_and_bootstrap_settings() -> None:
    data = score_wave(
        _wave("c", [4, 5]), SMALL, previous=_wave("p", [2, 3]), resamples=200, seed=3
    ).to_dict()
    assert data["bootstrap"] == {"resamples": 200, "seed": 3, "confidence": 0.95}
    assert set(data["change"]) == set(ELEMENT_IDS)
    style = data["change"]["style"]
    assert set(style) == {"previous_score", "score", "difference", "low", "high", "significant"}
    # Means 2.5 then 4.5: scores 37.5 and 87.5, a rise of 50.
    assert (style["previous_score"], style["score"], style["difference"]) == (37.5, 87.5, 50.0)
    assert style["significant"] is True
