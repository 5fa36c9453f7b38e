"""Building the network: threshold, direction, order, bad input."""

from __future__ import annotations

import pytest

from partnerscope.core.network import (
    NetworkOptions,
    Organisation,
    Tie,
    build_graph,
)


def test_threshold_counts_levels_at_or_above_the_minimum() -> None:
    ties = [Tie("a", "b", level=1), Tie("b", "c", level=2), Tie("c", "d", level=4)]
    assert len(build_graph([], ties).ties) == 2
    assert len(build_graph([], ties, NetworkOptions(min_level=0)).ties) == 3
    assert len(build_graph([], ties, NetworkOptions(min_level=4)).ties) == 1


def test_rows_without_a_level_always_count() -> None:
    graph = build_graph([], [Tie("a", "b"), Tie("b", "a")], NetworkOptions(min_level=4))
    assert len(graph.ties) == 2


def test_undirected_uses_the_union_rule_and_merges_reports() -> None:
    ties = [
        Tie("a", "b", level=2, trust=4, weight=1.0),
        Tie("b", "a", level=3, trust=2, weight=3.0),
        Tie("b", "c", level=1),
        Tie("c", "b", level=2),
    ]
    graph = build_graph([], ties, NetworkOptions(directed=False))
    merged = {frozenset((t.source, t.target)): t for t in graph.ties}
    assert set(merged) == {frozenset("ab"), frozenset("bc")}
    pair = merged[frozenset("ab")]
    assert (pair.level, pair.trust, pair.weight) == (3, 3.0, 3.0)
    assert not graph.graph.is_directed()


def test_organisations_keep_their_order_and_unknown_ids_are_added() -> None:
    graph = build_graph([Organisation("z"), Organisation("y")], [Tie("x", "y")])
    assert graph.ids == ("z", "y", "x")
    assert graph.organisations[2] == Organisation("x")


def test_duplicates_are_refused() -> None:
    with pytest.raises(ValueError, match="given twice"):
        build_graph([], [Tie("a", "b"), Tie("a", "b", level=3)])
    with pytest.raises(ValueError, match="listed twice"):
        build_graph([Organisation("a"), Organisation("a")], [])


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"level": 5}, "level 5"),
        ({"trust": 0}, "trust 0"),
        ({"value": 5}, "value 5"),
        ({"weight": 0.0}, "weight"),
        ({"weight": float("nan")}, "weight"),
    ],
)
def test_bad_answers_are_refused(fields: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Tie("a", "b", **fields)  # type: ignore[arg-type]


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError):
        NetworkOptions(min_level=7)
    with pytest.raises(ValueError):
        NetworkOptions(sample_sources=0)


def test_council_sectors_ignore_case() -> None:
    options = NetworkOptions(council_sectors=("Council", "local authority"))
    assert options.is_council("council") and options.is_council("Local Authority")
    assert not options.is_council(None) and not options.is_council("health")
