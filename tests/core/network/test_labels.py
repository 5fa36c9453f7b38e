"""Label placement on the network map: a hand-worked example, and the properties that hold for
any seeded layout whose marks' footprints are clear of each other: no two labels overlap,
no label covers another organisation's footprint, and every organisation is either named
or numbered in the key, each number once."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerscope.core.network.labels import (
    Box,
    Mark,
    TextMetrics,
    candidates,
    centred,
    footprints,
    footprints_clear,
    place_labels,
)

AREA = Box(0, 0, 700, 640)
METRICS = TextMetrics(font_size=12)
WORDS = ("Northshire", "Council", "Trust", "Youth", "Action", "Housing", "NHS", "Forum", "Fire")


def test_a_lone_mark_is_named_to_its_right_with_the_stated_width():
    mark = Mark("a", "Alpha", Box(100, 100, 120, 120))
    (label,) = place_labels([mark], AREA, METRICS).labels
    assert label.anchor == "start" and label.number is None
    assert label.box.left == 122
    assert label.box.right - label.box.left == pytest.approx(5 * 0.62 * 12 + 3)
    assert label.x == 123.5
    assert (label.box.top + label.box.bottom) / 2 == 110


def test_a_crowded_mark_takes_a_number_and_the_key_is_in_name_order():
    # A mark with no room round it: marks on every side, one footprint apart.
    step = 30.0
    marks = [
        Mark(f"m{column}{row}", name, Box(x - 9, y - 9, x + 9, y + 9))
        for (column, row), name in zip(
            [(c, r) for c in range(3) for r in range(3)],
            ["Zed", "Yew", "Xu", "Wren", "Middle", "Vale", "Umber", "Tern", "Sloe"],
            strict=True,
        )
        for x, y in [(200 + column * step, 200 + row * step)]
    ]
    assert footprints_clear(marks, AREA, METRICS)
    placement = place_labels(marks, AREA, METRICS)
    middle = next(label for label in placement.labels if label.mark == "m11")
    assert middle.number is not None, "no room for 'Middle' among its neighbours"
    names = {mark.id: mark.text for mark in marks}
    keyed = [names[mark] for _, mark in placement.key]
    assert keyed == sorted(keyed)
    assert [number for number, _ in placement.key] == list(range(1, len(keyed) + 1))


def test_the_first_candidate_sits_clear_of_the_mark():
    mark = Box(10, 10, 30, 30)
    for box in candidates(mark, 50, 18, 2):
        assert not box.overlaps(mark)


@st.composite
def layouts(draw: st.DrawFn) -> list[Mark]:
    """Up to 150 marks thrown at random (from a drawn seed) where their footprints (with room
    for a three-digit number) are clear of each other and inside the area."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    wanted = draw(st.integers(1, 150))
    marks: list[Mark] = []
    feet: list[Box] = []
    number = (METRICS.width("999"), METRICS.height)
    for attempt in range(wanted * 20):
        if len(marks) == wanted:
            break
        reach = rng.uniform(6, 30)
        x, y = rng.uniform(0, AREA.right), rng.uniform(0, AREA.bottom)
        box = Box(x - reach, y - reach, x + reach, y + reach)
        foot = box.union(centred(box, *number))
        if foot.inside(AREA) and not any(foot.overlaps(other) for other in feet):
            name = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
            marks.append(Mark(f"o{attempt}", name, box))
            feet.append(foot)
    assert footprints_clear(marks, AREA, METRICS)
    return marks


@settings(max_examples=60, deadline=None)
@given(layouts())
def test_labels_never_overlap_and_everyone_is_named_or_numbered(marks):
    placement = place_labels(marks, AREA, METRICS)
    labels = placement.labels
    assert [label.mark for label in labels] == [mark.id for mark in marks]
    for i, first in enumerate(labels):
        assert first.box.inside(AREA)
        for second in labels[i + 1 :]:
            assert not first.box.overlaps(second.box)
    for label in labels:
        for mark, foot in zip(marks, footprints(marks, METRICS), strict=True):
            if mark.id != label.mark:
                assert not label.box.overlaps(foot)
    numbered = {mark for _, mark in placement.key}
    assert numbered | placement.named == {mark.id for mark in marks}
    assert not numbered & placement.named
    assert [number for number, _ in placement.key] == list(range(1, len(numbered) + 1))
    for label in labels:
        expected = label.text if label.number is None else str(label.number)
        assert label.text == expected


@settings(max_examples=30, deadline=None)
@given(layouts())
def test_the_same_layout_gives_the_same_labels(marks):
    assert place_labels(marks, AREA, METRICS) == place_labels(list(marks), AREA, METRICS)
