"""Item and element scores, soft and hard scores, checked against a wave worked by hand."""

from __future__ import annotations

from math import log2

import pytest

from partnerscope.core.sevens import (
    Instrument,
    Statement,
    element_score,
    hard_score,
    score_elements,
    score_item,
    score_wave,
    soft_score,
)
from tests.core.sevens.strategies import person

IDS = (
    "scs.01",
    "scs.02",
    "staff_skills.01",
    "style.01",
    "synergies.01",
    "steering.01",
    "steering.02",
    "systems.01",
    "standards.01",
)
KIT = Instrument(
    "hand",
    tuple(Statement(i, i.split(".")[0], f"Statement {i}.", ("executive",), "x") for i in IDS),
)


def _wave() -> list:
    table = {
        # respondent: sector, layers, answers in IDS order
        "r1": ("council", "strategic", (5, 4, 4, 5, 3, 2, "dk", 3, 4)),
        "r2": ("council", "executive", (4, 4, 3, 4, 3, 1, 2, 3, 3)),
        "r3": ("health", "strategic", (3, "dk", 3, 3, 4, 2, 3, 2, 2)),
        "r4": ("police", "operational", (4, 2, 2, 3, 2, "dk", "dk", 2, 3)),
        "r5": ("fire", ("executive", "operational"), (5, 3, 4, 4, 3, 3, 2, 3, 3)),
        "r6": ("housing", "strategic", (2, 3, 2, 2, 3, 1, 1, 1, 2)),
    }
    return [
        person(key, sector, layers, dict(zip(IDS, row, strict=True)))
        for key, (sector, layers, row) in table.items()
    ]


def test_item_means_distribution_and_dont_know_by_hand() -> None:
    items = {s.id: score_item(s, _wave()) for s in KIT.statements}
    # scs.01: 5 + 4 + 3 + 4 + 5 + 2 = 23 over 6 answers.
    assert items["scs.01"].mean == pytest.approx(23 / 6)
    assert items["scs.01"].distribution == (0, 1, 1, 2, 2)
    # scs.02: 4 + 4 + 2 + 3 + 3 = 16 over 5 answers; one "don't know" of six answers given.
    assert items["scs.02"].mean == pytest.approx(16 / 5)
    assert items["scs.02"].n == 5
    assert items["scs.02"].dont_know == 1
    assert items["scs.02"].dont_know_share == pytest.approx(1 / 6)
    # steering.02: 2 + 3 + 2 + 1 = 8 over 4 answers, two "don't know".
    assert items["steering.02"].mean == pytest.approx(2.0)
    assert items["steering.02"].dont_know_share == pytest.approx(2 / 6)


def test_element_means_scores_and_consensus_by_hand() -> None:
    elements = score_elements(KIT, _wave())
    # SCS mean = (23/6 + 16/5) / 2 = (115/30 + 96/30) / 2 = 211/60 = 3.5167.
    assert elements["scs"].mean == pytest.approx(211 / 60)
    # score = (211/60 - 1) / 4 * 100 = (151/60) / 4 * 100 = 62.917.
    assert elements["scs"].score == pytest.approx(15100 / 240)
    # SCS consensus pools all 11 answers: 2 twos, 3 threes, 4 fours, 2 fives.
    # mu = (4 + 9 + 16 + 10) / 11 = 39/11 = 3.5455.
    mu = 39 / 11
    expected = 1 + (
        2 / 11 * log2(1 - abs(2 - mu) / 4)  # 0.1818 * log2(0.6136) = -0.1281
        + 3 / 11 * log2(1 - abs(3 - mu) / 4)  # 0.2727 * log2(0.8636) = -0.0577
        + 4 / 11 * log2(1 - abs(4 - mu) / 4)  # 0.3636 * log2(0.8864) = -0.0633
        + 2 / 11 * log2(1 - abs(5 - mu) / 4)  # 0.1818 * log2(0.6364) = -0.1186
    )  # = 1 - 0.3677 = 0.6323
    assert elements["scs"].consensus == pytest.approx(expected)
    assert elements["scs"].consensus == pytest.approx(0.6323, abs=1e-4)
    assert elements["scs"].n == 6
    # Steering: item means 9/5 = 1.8 and 8/4 = 2.0, element mean 1.9, score 22.5.
    assert elements["steering"].mean == pytest.approx(1.9)
    assert elements["steering"].score == pytest.approx(22.5)
    # Three "don't know" among twelve answers given; r4 gave none scored, so n = 5.
    assert elements["steering"].dont_know_share == pytest.approx(3 / 12)
    assert elements["steering"].n == 5


def test_soft_and_hard_scores_by_hand() -> None:
    scores = {key: value.score for key, value in score_elements(KIT, _wave()).items()}
    # staff_skills 18/6 = 3.0 -> 50; style 21/6 = 3.5 -> 62.5; synergies 18/6 = 3.0 -> 50.
    assert soft_score(scores) == pytest.approx((50 + 62.5 + 50) / 3)  # 54.167
    # steering 22.5; systems 14/6 -> (4/3)/4*100 = 33.333; standards 17/6 -> 45.833.
    assert hard_score(scores) == pytest.approx((22.5 + 100 / 3 + 275 / 6) / 3)  # 33.889


def test_whole_wave_result_by_hand() -> None:
    result = score_wave(_wave(), KIT, threshold=5).to_dict()
    assert result["respondents"] == 6
    assert result["elements"]["scs"]["mean"] == 3.5167
    assert result["elements"]["scs"]["score"] == 62.9167
    assert result["soft"] == 54.1667
    assert result["hard"] == 33.8889
    # Strongest by item mean: scs.01 3.833, style.01 3.5, scs.02 3.2.
    assert [item["id"] for item in result["strongest"]] == ["scs.01", "style.01", "scs.02"]
    # Weakest: steering.01 1.8, steering.02 2.0, systems.01 2.333.
    assert [item["id"] for item in result["weakest"]] == [
        "steering.01",
        "steering.02",
        "systems.01",
    ]
    # Every sector and layer has fewer than five people, and council (2) v. partners (4) too.
    assert result["groups"] == {"sector": {}, "layer": {}, "council_vs_partners": {}}
    assert set(result["withheld"]) == {
        "sector:council",
        "sector:health",
        "sector:police",
        "sector:fire",
        "sector:housing",
        "layer:strategic",
        "layer:executive",
        "layer:operational",
        "council_vs_partners:council",
        "council_vs_partners:partners",
    }


def test_element_score_ends_of_the_scale() -> None:
    assert element_score(1.0) == 0.0
    assert element_score(5.0) == 100.0
    assert element_score(None) is None


def test_element_mean_is_the_mean_of_item_means_not_of_answers() -> None:
    kit = Instrument(
        "m",
        (
            Statement("style.01", "style", "a", (), "x"),
            Statement("style.02", "style", "b", (), "x"),
        ),
    )
    wave = [
        person("a", "fire", "strategic", {"style.01": 5, "style.02": 1}),
        person("b", "fire", "strategic", {"style.01": 5}),
        person("c", "fire", "strategic", {"style.01": 5}),
    ]
    # Item means 5 and 1 give 3; pooling the four answers would give 16/4 = 4.
    assert score_elements(kit, wave)["style"].mean == 3.0


def test_an_element_nobody_scored_has_no_figures() -> None:
    result = score_elements(KIT, [person("a", "fire", "strategic", {"style.01": "dk"})])
    assert result["style"].mean is None
    assert result["style"].score is None
    assert result["style"].consensus is None
    assert result["style"].dont_know_share == 1.0
    assert result["scs"].dont_know_share is None
    assert soft_score({key: value.score for key, value in result.items()}) is None
