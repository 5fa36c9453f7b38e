"""The split of workshop ratings by level: no combination of published counts singles out
fewer than the threshold of participants, question by question.

The adversary knows each participant's level and sees every published count: each
question's counts for everyone who rated it and, where shown, for each level.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from partnerscope.core.chains import LEVELS, QUESTION_IDS, Rating, summarise_questions
from tests.core.sevens.test_overlapping_groups import (
    check_linear_combinations,
    check_set_algebra,
)

RATINGS = ("red", "amber", "green", "dont_know")


def test_a_lone_rater_of_one_question_is_not_split_out() -> None:
    """Five strategic and six operational participants rate q01; of the strategic, only one
    rates q02. Shown by level, q02's strategic counts would be that one person's rating."""
    ratings = [Rating(f"s{i}", "strategic", "q01", "green") for i in range(5)]
    ratings += [Rating(f"o{i}", "operational", "q01", "amber") for i in range(6)]
    ratings += [Rating("s0", "strategic", "q02", "red")]
    ratings += [Rating(f"o{i}", "operational", "q02", "green") for i in range(6)]
    first, second = summarise_questions(ratings, ("q01", "q02"), min_group_size=5)
    assert first.strategic is not None and first.operational is not None
    assert second.strategic is None, "the one strategic rating of q02 is shown apart"
    assert second.operational is None, "q02 overall minus operational gives it"


@st.composite
def workshops(draw: st.DrawFn) -> list[Rating]:
    """Participants at random levels, each rating a random subset of three questions."""
    size = draw(st.integers(min_value=0, max_value=25))
    ratings = []
    for index in range(size):
        level = draw(st.sampled_from(LEVELS))
        for question in draw(st.sets(st.sampled_from(QUESTION_IDS[:3]), min_size=1)):
            ratings.append(Rating(f"p{index}", level, question, draw(st.sampled_from(RATINGS))))
    return ratings


@settings(max_examples=150, deadline=None)
@given(workshops(), st.integers(min_value=3, max_value=6))
def test_no_combination_of_published_counts_isolates_fewer_than_the_threshold(
    ratings: list[Rating], threshold: int
) -> None:
    results = summarise_questions(ratings, QUESTION_IDS[:3], min_group_size=threshold)
    for result in results:
        data: dict[str, Any] = result.to_dict()
        raters = [r for r in ratings if r.question == result.question]
        everyone = frozenset(r.participant for r in raters)
        assert sum(v for k, v in data["counts"].items() if k in RATINGS) == len(everyone)
        sets = [everyone]
        for level in LEVELS:
            shown = data["by_level"][level]
            if shown is None:
                continue
            members = frozenset(r.participant for r in raters if r.level == level)
            assert sum(v for k, v in shown.items() if k in RATINGS) == len(members)
            sets.append(members)
        check_set_algebra(sets, threshold)
        check_linear_combinations(sets, threshold)
