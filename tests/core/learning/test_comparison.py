"""The comparison table: nothing of the peers until enough share, positions only with
enough figures, peers labelled by letter unless named."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from partnerscope.core.learning import MINIMUM_SHARING, Position, compare, peer_labels


def peers(*densities):
    return [{"density": value} for value in densities]


def test_four_sharing_partnerships_show_nothing_of_the_peers():
    table = compare({"density": 0.4}, peers(0.2, 0.5, 0.3), ["density"], minimum=5)
    assert table.sharing == 4
    assert not table.shown
    assert table.more_needed == 1
    assert table.measures == ()


def test_five_sharing_partnerships_show_the_table():
    table = compare({"density": 0.4}, peers(0.2, 0.5, 0.3, 0.6), ["density"], minimum=5)
    assert table.shown
    (row,) = table.measures
    assert row.peers == (0.2, 0.5, 0.3, 0.6)
    assert row.position == Position(3, 5, 2)


def test_a_minimum_below_five_is_raised_to_five():
    table = compare({"density": 0.4}, peers(0.2, 0.5, 0.3), ["density"], minimum=2)
    assert table.minimum == MINIMUM_SHARING
    assert not table.shown


def test_a_measure_with_too_few_figures_has_no_position():
    table = compare(
        {"density": 0.4, "cost": None},
        [{"density": 0.2, "cost": 10.0}, *peers(0.5, 0.3, 0.6)],
        ["density", "cost"],
        minimum=5,
    )
    density, cost = table.measures
    assert density.position is not None
    assert cost.position is None
    assert cost.with_figures == 1


@given(st.lists(st.floats(min_value=0, max_value=1), min_size=0, max_size=12))
def test_peers_are_returned_only_from_the_minimum_on(values):
    table = compare({"density": 0.5}, peers(*values), ["density"], minimum=5)
    assert table.shown == (len(values) + 1 >= 5)
    if not table.shown:
        assert table.measures == ()


def test_peers_are_lettered_unless_named_and_letters_do_not_follow_names():
    slugs = ["alpha", "beta", "gamma", "delta", "epsilon"]
    labels = peer_labels(slugs, {"gamma": "Gamma Partnership"})
    assert labels["gamma"] == "Gamma Partnership"
    lettered = sorted(label for slug, label in labels.items() if slug != "gamma")
    assert all(label.startswith("Partnership ") for label in lettered)
    assert len(set(labels.values())) == 5
    assert peer_labels(slugs, {}) == peer_labels(list(reversed(slugs)), {})
