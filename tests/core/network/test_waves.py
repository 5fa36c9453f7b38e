"""Comparing two waves."""

from __future__ import annotations

import pytest

from partnerscope.core.network import (
    NetworkOptions,
    Organisation,
    Tie,
    analyse_network,
    central_organisations,
    compare_waves,
)


def wave(pairs: str, *extra: str, directed: bool = True):
    ties = [Tie(pair[0], pair[1]) for pair in pairs.split()]
    return analyse_network(
        [Organisation(o) for o in extra], ties, NetworkOptions(directed=directed)
    )


def test_ties_and_organisations_that_changed() -> None:
    before = wave("ab bc cd", "e")
    after = wave("ab bd de ef")
    found = compare_waves(before, after)
    assert found.new_ties == (("b", "d"), ("d", "e"), ("e", "f"))
    assert found.lost_ties == (("b", "c"), ("c", "d"))
    assert found.kept_ties == 1
    assert found.joined == ("f",)
    assert found.left == ("c",)
    assert found.no_longer_isolated == ("e",)
    assert found.became_isolated == ()
    assert found.change["ties"] == 1
    assert found.change["density"] == pytest.approx(after.network.density - before.network.density)
    assert found.to_dict()["central_top_share"] == 0.1


def test_became_isolated() -> None:
    found = compare_waves(wave("ab bc"), wave("ab", "c"))
    assert found.became_isolated == ("c",)


def test_central_group_is_the_top_tenth_with_ties_at_the_boundary() -> None:
    # A star of 20: only the hub has betweenness, so only it is central.
    star = wave(" ".join(f"h{chr(ord('A') + i)}" for i in range(19)), directed=False)
    assert central_organisations(star.organisations) == frozenset({"h"})
    # A path a-b-c-d-e: b and d tie (betweenness 0.5), c is highest; top 10% of 5 is one.
    path = wave("ab bc cd de", directed=False)
    assert central_organisations(path.organisations) == frozenset({"c"})
    assert central_organisations(path.organisations, 0.4) == frozenset({"b", "c", "d"})


def test_waves_must_share_direction() -> None:
    with pytest.raises(ValueError, match="both waves"):
        compare_waves(wave("ab"), wave("ab", directed=False))


def test_undirected_ties_compare_as_pairs() -> None:
    found = compare_waves(wave("ab", directed=False), wave("ba", directed=False))
    assert found.new_ties == () and found.lost_ties == () and found.kept_ties == 1
