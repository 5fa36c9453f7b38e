"""Anonymity: groups below the threshold are withheld everywhere, and cannot be recovered."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerscope.core.sevens import (
    COUNCIL,
    DONT_KNOW,
    ELEMENT_IDS,
    LAYERS,
    Respondent,
    score_elements,
    score_wave,
)
from tests.core.sevens.strategies import SMALL, person, respondents


def _walk(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _walk(inner, (*path, str(key)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _walk(inner, (*path, str(index)))


def _distinct_wave() -> list[Respondent]:
    """Council 6 and health 6 answer 4 and 5; police 2 answer 1 and 3."""
    wave = []
    for index in range(6):
        answers = dict.fromkeys(SMALL.ids, 4 + index % 2)
        wave.append(person(f"c{index}", "council", "strategic", answers))
        wave.append(person(f"h{index}", "health", "executive", answers))
    wave.append(person("p0", "police", "operational", dict.fromkeys(SMALL.ids, 1)))
    wave.append(person("p1", "police", "operational", dict.fromkeys(SMALL.ids, 3)))
    return wave


def test_a_small_group_leaves_only_its_name() -> None:
    wave = _distinct_wave()
    result = score_wave(wave, SMALL, threshold=5)
    data = result.to_dict()
    police = score_elements(SMALL, [p for p in wave if p.sector == "police"])
    # The police figures on their own: mean 2, score 25, and consensus
    # 1 + 0.5 * log2(1 - 1/4) + 0.5 * log2(1 - 1/4) = 1 + log2(0.75) = 0.585.
    secret = {
        round(value, 4)
        for element_result in police.values()
        for value in (element_result.mean, element_result.score, element_result.consensus)
        if value is not None
    }
    assert secret == {2.0, 25.0, 0.585}
    # No figure anywhere in the result (whole wave, items, groups) equals a police figure.
    numbers = {value for _, value in _walk(data) if isinstance(value, float)}
    assert not secret & numbers
    text = json.dumps(data)
    assert text.count('"sector:police"') == 2  # once in withheld, once in withheld_rules
    assert "police" not in json.dumps(data["groups"])
    assert data["withheld_rules"]["sector:police"] == "small_group"
    # Police alone could be found as whole wave minus council and health, so health goes too.
    assert data["withheld_rules"]["sector:health"] == "difference"
    assert "council" in data["groups"]["sector"]
    # The operational layer is exactly the police: withheld, with the executive layer too.
    assert data["withheld_rules"]["layer:operational"] == "small_group"
    assert data["withheld_rules"]["layer:executive"] == "difference"


def test_council_and_partners_follow_the_sector_breakdown() -> None:
    wave = [person(f"c{i}", "council", "strategic", {"scs.01": 4}) for i in range(4)]
    wave += [person(f"h{i}", "health", "strategic", {"scs.01": 2}) for i in range(8)]
    data = score_wave(wave, SMALL, threshold=5).to_dict()
    # Council (4) is too small; partners (8) would give it away as whole minus partners.
    assert data["withheld_rules"]["council_vs_partners:council"] == "small_group"
    assert data["withheld_rules"]["council_vs_partners:partners"] == "difference"
    assert data["groups"]["council_vs_partners"] == {}
    assert data["withheld_rules"]["sector:health"] == "difference"


def test_a_small_whole_wave_is_withheld_whole() -> None:
    wave = [person(f"r{i}", "health", "strategic", {"scs.01": 3}) for i in range(4)]
    data = score_wave(wave, SMALL, threshold=5).to_dict()
    assert data["withheld"] == ["wave"]
    assert data["elements"] == {}
    assert data["items"] == {}
    assert data["soft"] is None and data["hard"] is None
    assert data["strongest"] == [] and data["weakest"] == []
    assert data["groups"] == {"sector": {}, "layer": {}, "council_vs_partners": {}}


def test_a_small_previous_wave_gives_no_change() -> None:
    wave = [person(f"r{i}", "health", "strategic", {"scs.01": 3}) for i in range(6)]
    before = [person(f"q{i}", "health", "strategic", {"scs.01": 1}) for i in range(4)]
    data = score_wave(wave, SMALL, threshold=5, previous=before).to_dict()
    assert data["change"] == {}
    assert data["withheld_rules"]["previous_wave"] == "small_group"


def test_threshold_below_three_raises() -> None:
    wave = [person(f"r{i}", "health", "strategic", {"scs.01": 3}) for i in range(6)]
    with pytest.raises(ValueError, match="at least 3"):
        score_wave(wave, SMALL, threshold=2)


def _members(wave: list[Respondent], dimension: str, name: str) -> list[Respondent]:
    if dimension == "sector":
        return [p for p in wave if p.sector == name]
    if dimension == "layer":
        return [p for p in wave if name in p.layers]
    if name == COUNCIL:
        return [p for p in wave if p.sector == COUNCIL]
    return [p for p in wave if p.sector != COUNCIL]


@settings(max_examples=60, deadline=None)
@given(respondents(max_size=30), st.integers(min_value=3, max_value=7))
def test_withheld_groups_never_leak(wave: list[Respondent], threshold: int) -> None:
    data = score_wave(wave, SMALL, threshold=threshold).to_dict()
    json.dumps(data)
    withheld = set(data["withheld"])
    if len(wave) < threshold:
        assert withheld == {"wave"}
        assert not [v for _, v in _walk(data["elements"]) if isinstance(v, float)]
        return
    for dimension, shown in data["groups"].items():
        for name, group in shown.items():
            if name == "gap":
                continue
            assert f"{dimension}:{name}" not in withheld
            members = _members(wave, dimension, name)
            # Every figure shown belongs to a group of at least the threshold ...
            assert group["respondents"] == len(members) >= threshold
            # ... and is that group's own figure, computed from its members alone.
            # An element withheld for the group (too few of it scored the element) is null.
            own = score_elements(SMALL, members)
            for key in ELEMENT_IDS:
                expected = own[key].score
                if f"{dimension}:{name}:{key}" in withheld:
                    expected = None
                assert group["elements"][key]["score"] == (
                    None if expected is None else round(expected, 4)
                )
    for label in withheld:
        dimension, _, name = label.partition(":")
        if name.count(":"):
            name, _, key = name.partition(":")
            assert data["groups"][dimension][name]["elements"][key]["n"] is None
            continue
        assert name not in data["groups"].get(dimension, {})
        # The name appears only in the withheld list and the rule that withheld it.
        assert json.dumps(data).count(json.dumps(label)) == 2
    # People outside every shown group of a breakdown number none or at least the threshold,
    # so subtracting shown groups from the whole wave never isolates fewer than that.
    for dimension in ("sector", "layer", "council_vs_partners"):
        covered = {
            p.id
            for name in data["groups"][dimension]
            if name != "gap"
            for p in _members(wave, dimension, name)
        }
        outside = len(wave) - len(covered)
        assert outside == 0 or outside >= threshold
    if "gap" in data["groups"]["council_vs_partners"]:
        assert {"council", "partners"} <= set(data["groups"]["council_vs_partners"])


@settings(max_examples=40, deadline=None)
@given(respondents(min_size=5, max_size=20), st.data())
def test_dont_know_never_changes_a_mean(wave: list[Respondent], data: st.DataObject) -> None:
    before = score_wave(wave, SMALL, threshold=3)
    padded = []
    for p in wave:
        unanswered = [s for s in SMALL.ids if s not in p.answers]
        extra = data.draw(st.sets(st.sampled_from(unanswered))) if unanswered else set()
        padded.append(
            Respondent(p.id, p.sector, p.layers, {**p.answers, **dict.fromkeys(extra, DONT_KNOW)})
        )
    after = score_wave(padded, SMALL, threshold=3)
    assert [i.mean for i in after.items] == [i.mean for i in before.items]
    assert {k: v.mean for k, v in after.elements.items()} == {
        k: v.mean for k, v in before.elements.items()
    }
    assert {k: v.consensus for k, v in after.elements.items()} == {
        k: v.consensus for k, v in before.elements.items()
    }
    assert [(g.label, g.scores()) for g in after.breakdowns.groups] == [
        (g.label, g.scores()) for g in before.breakdowns.groups
    ]


def test_layers_cover_people_in_several_layers() -> None:
    wave = [person(f"s{i}", "health", "strategic", {"scs.01": 5}) for i in range(5)]
    wave += [person(f"b{i}", "fire", LAYERS[:2], {"scs.01": 1}) for i in range(5)]
    data = score_wave(wave, SMALL, threshold=5).to_dict()
    # Strategic holds all ten (mean 3); executive the five who sit in both (mean 1).
    assert data["groups"]["layer"]["strategic"]["respondents"] == 10
    assert data["groups"]["layer"]["strategic"]["elements"]["scs"]["mean"] == 3.0
    assert data["groups"]["layer"]["executive"]["elements"]["scs"]["mean"] == 1.0


def officer_wave() -> list[Respondent]:
    """The issue's case: fifty partners in the strategic and executive layers, answering 4
    and 5, and one council officer in the executive layer alone, answering 1 throughout."""
    wave = [
        person(
            f"p{index:02}",
            ("health", "police")[index % 2],
            ("strategic", "executive"),
            dict.fromkeys(SMALL.ids, 4 + index % 2),
        )
        for index in range(50)
    ]
    wave.append(person("officer", COUNCIL, "executive", dict.fromkeys(SMALL.ids, 1)))
    return wave


def test_the_executive_minus_strategic_attack_recovers_nothing() -> None:
    data = score_wave(officer_wave(), SMALL, threshold=5).to_dict()
    assert data["withheld_rules"]["sector:council"] == "small_group"
    layers = data["groups"]["layer"]
    executive, strategic = layers.get("executive"), layers.get("strategic")
    recovered = None
    if executive and strategic:
        # executive mean x 51 minus strategic mean x 50: the officer's own mean, 1.
        recovered = {
            key: executive["elements"][key]["mean"] * executive["respondents"]
            - strategic["elements"][key]["mean"] * strategic["respondents"]
            for key in ELEMENT_IDS
        }
    assert recovered is None, f"the officer's answers leak: {recovered}"
    # One layer still shows: withholding the other is enough.
    assert len(layers) == 1
    assert set(data["withheld_rules"].values()) <= {"small_group", "difference"}
