"""Trust and value as rated by others, response rate and inferred ties."""

from __future__ import annotations

import pytest

from partnerscope.core.network import (
    NetworkOptions,
    Organisation,
    Rating,
    Tie,
    build_graph,
    received_ratings,
    response_summary,
    summarise_ratings,
)


def test_ratings_are_averaged_over_the_raters() -> None:
    # council is rated 4 and 2 (mean 3); police is rated 3 once, even though the level-1
    # answer does not count as a tie; nobody rated nhs.
    ties = [
        Tie("nhs", "council", level=3, trust=4, value=3),
        Tie("police", "council", level=2, trust=2, value=1),
        Tie("council", "police", level=1, trust=3),
    ]
    graph = build_graph([Organisation("nhs")], ties)
    trust = dict(zip(graph.ids, received_ratings(graph, "trust"), strict=True))
    assert trust == {
        "nhs": Rating(None, 0),
        "council": Rating(3.0, 2),
        "police": Rating(3.0, 1),
    }
    value = dict(zip(graph.ids, received_ratings(graph, "value"), strict=True))
    assert value["council"] == Rating(2.0, 2)
    assert value["police"] == Rating(None, 0)
    summary = summarise_ratings(list(trust.values()))
    assert (summary.mean, summary.organisations_rated, summary.ratings) == (3.0, 2, 3)
    assert summary.percent == pytest.approx(75.0)


def test_unknown_rating_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="not a rating"):
        received_ratings(build_graph([], []), "warmth")


def test_inferred_ties_come_from_the_other_side() -> None:
    members = [
        Organisation("a", responded=True),
        Organisation("b", responded=False),
        Organisation("c", responded=False),
        Organisation("d"),
    ]
    ties = [
        Tie("a", "b", level=3, trust=4, weight=2.0),
        Tie("a", "c", level=1),
        Tie("d", "b", level=2),
        Tie("b", "d", level=0),
    ]
    graph = build_graph(members, ties, NetworkOptions(symmetrise=True))
    counted = {(t.source, t.target): t for t in graph.ties}
    assert set(counted) == {("a", "b"), ("d", "b"), ("b", "a")}
    inferred = counted["b", "a"]
    assert (inferred.inferred, inferred.level, inferred.weight, inferred.trust) == (
        True,
        3,
        2.0,
        None,
    )
    summary = response_summary(graph)
    assert summary.inferred_ties == (("b", "a"),)
    assert summary.non_responding == ("b", "c")
    assert (summary.responded, summary.not_responded, summary.unknown) == (1, 2, 1)
    assert summary.rate == pytest.approx(1 / 3)


def test_without_the_option_nothing_is_inferred() -> None:
    members = [Organisation("a", responded=True), Organisation("b", responded=False)]
    graph = build_graph(members, [Tie("a", "b")])
    assert response_summary(graph).inferred_ties == ()
    assert len(graph.ties) == 1


def test_response_rate_unknown_when_no_one_is_marked() -> None:
    assert response_summary(build_graph([], [Tie("a", "b")])).rate is None
