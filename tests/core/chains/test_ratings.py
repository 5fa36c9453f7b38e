"""The twelve-question ratings: spreads, consensus, strength and the level gap."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerscope.core.chains import (
    QUESTION_IDS,
    QuestionResult,
    Rating,
    RatingCounts,
    chain_strength,
    summarise_links,
    summarise_questions,
    validate_ratings,
)

SCALE = ("red", "amber", "green")


def test_question_spread_and_level_gap_by_hand() -> None:
    ratings = [
        Rating("s1", "strategic", "q01", "green"),
        Rating("s2", "strategic", "q01", "green"),
        Rating("s3", "strategic", "q01", "amber"),
        Rating("o1", "operational", "q01", "red"),
        Rating("o2", "operational", "q01", "green"),
        Rating("o3", "operational", "q01", "dont_know"),
        Rating("o3", "operational", "q02", "red"),
    ]
    first, second = summarise_questions(ratings, ("q01", "q02"))
    assert first.counts == RatingCounts(red=1, amber=1, green=3, dont_know=1)
    assert first.counts.scored == 5
    assert first.counts.share_green == pytest.approx(3 / 5)
    assert first.rating == "green"
    assert first.level_gap == pytest.approx(2 / 3 - 1 / 2)
    assert second.rating == "red"
    assert chain_strength([first, second]) == 0.5


def test_small_groups_are_not_shown_apart() -> None:
    ratings = [Rating(f"s{i}", "strategic", "q01", "green") for i in range(5)]
    ratings += [Rating(f"o{i}", "operational", "q01", "red") for i in range(4)]
    result = summarise_questions(ratings, min_group_size=5)[0]
    assert result.operational is None
    assert result.level_gap is None
    assert result.to_dict()["by_level"]["operational"] is None
    assert result.counts == RatingCounts(red=4, green=5)


def test_the_larger_level_is_withheld_too_so_the_small_one_cannot_be_worked_out() -> None:
    ratings = [Rating(f"s{i}", "strategic", "q01", "green") for i in range(5)]
    ratings += [Rating(f"o{i}", "operational", "q01", "red") for i in range(4)]
    result = summarise_questions(ratings, min_group_size=5)[0]
    assert result.strategic is None
    both = ratings + [Rating("o9", "operational", "q01", "red")]
    shown = summarise_questions(both, min_group_size=5)[0]
    assert shown.strategic == RatingCounts(green=5)
    assert shown.operational == RatingCounts(red=5)


def test_a_level_nobody_answered_at_does_not_hide_the_other() -> None:
    ratings = [Rating(f"s{i}", "strategic", "q01", "green") for i in range(5)]
    result = summarise_questions(ratings, min_group_size=5)[0]
    assert result.strategic == RatingCounts(green=5)
    assert result.operational is None


def test_every_question_reported_and_unrated_ones_not_green() -> None:
    results = summarise_questions([Rating("a", "strategic", "q03", "green")])
    assert [result.question for result in results] == list(QUESTION_IDS)
    assert chain_strength(results) == pytest.approx(1 / 12)
    assert chain_strength(summarise_questions([])) is None


def test_a_split_vote_is_not_green() -> None:
    assert RatingCounts(red=2, green=2).consensus == "red"
    assert RatingCounts(amber=1, green=1).consensus == "amber"
    assert RatingCounts(dont_know=3).consensus is None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SCALE), min_size=1, max_size=30))
def test_consensus_is_lower_median_and_green_means_majority(values: list[str]) -> None:
    counts = RatingCounts.of(values)  # type: ignore[arg-type]
    lower_median = statistics.median_low(SCALE.index(value) for value in values)
    assert counts.consensus == SCALE[lower_median]
    assert (counts.consensus == "green") == (2 * values.count("green") > len(values))


def test_validate_ratings_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="not one of the questions"):
        validate_ratings([Rating("a", "strategic", "q13", "red")])
    with pytest.raises(ValueError, match="two levels"):
        validate_ratings(
            [Rating("a", "strategic", "q01", "red"), Rating("a", "operational", "q02", "red")]
        )
    with pytest.raises(ValueError, match="twice"):
        validate_ratings([Rating("a", "strategic", "q01", "red")] * 2)
    validate_ratings(
        [Rating("a", "strategic", "q01", "red"), Rating("a", "strategic", "q01", "red", ("x", "y"))]
    )


def test_link_views_one_per_participant() -> None:
    ratings = [
        Rating("a", "strategic", "q01", "red", ("x", "y")),
        Rating("a", "strategic", "q02", "red", ("x", "y")),
        Rating("a", "strategic", "q03", "green", ("x", "y")),
        Rating("b", "operational", "q01", "green", ("x", "y")),
        Rating("c", "operational", "q01", "dont_know", ("x", "y")),
        Rating("c", "operational", "q01", "amber"),
    ]
    (link,) = summarise_links(ratings)
    assert link.counts == RatingCounts(red=2, green=2, dont_know=1)
    assert link.views == RatingCounts(red=1, green=1, dont_know=1)
    assert not link.rated_red_by_most


def test_question_result_to_dict_keys() -> None:
    result = QuestionResult("q01", RatingCounts(green=1), RatingCounts(green=1), None)
    assert set(result.to_dict()) == {
        "question",
        "counts",
        "share_green",
        "rating",
        "green",
        "by_level",
        "level_gap",
    }
