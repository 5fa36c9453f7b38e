"""Overlapping groups: no combination of published 7S figures singles out a few people.

A respondent may tick several governance layers, so shown groups overlap. The adversary
here is a manager who knows everyone's sector and layers and sees every published figure:
the count and, per element, ``n`` and mean of every shown group and of the whole wave. They
subtract, add and combine those figures in every way the linear algebra allows.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerscope.core.sevens import (
    COUNCIL,
    DONT_KNOW,
    ELEMENT_IDS,
    LAYERS,
    NOT_STATED,
    Respondent,
    score_wave,
)
from tests.core.sevens.strategies import SMALL
from tests.core.sevens.test_anonymity import officer_wave

# ---- The adversary -------------------------------------------------------------------


def members(wave: Sequence[Respondent], dimension: str, name: str) -> frozenset[str]:
    """Who is in a published group, as someone who knows everyone's sector and layers sees."""
    if dimension == "sector":
        return frozenset(p.id for p in wave if p.sector == name)
    if dimension == "layer":
        return frozenset(p.id for p in wave if name in p.layers)
    if name == COUNCIL:
        return frozenset(p.id for p in wave if p.sector == COUNCIL)
    return frozenset(p.id for p in wave if p.sector not in (COUNCIL, NOT_STATED))


def scored(person: Respondent, element: str) -> bool:
    return any(
        answer != DONT_KNOW
        for item, answer in person.answers.items()
        if item.split(".")[0] == element
    )


def published(wave: Sequence[Respondent], data: dict[str, Any]) -> dict[str, list[frozenset[str]]]:
    """For the whole wave's count and each element, the sets whose totals are published.

    Checks on the way that every published count is the size of the set it is taken over,
    so the sets are exactly what the adversary can weigh answers by.
    """
    everyone = frozenset(p.id for p in wave)
    by_id = {p.id: p for p in wave}
    figures: dict[str, list[frozenset[str]]] = {"respondents": [everyone]}
    for key in ELEMENT_IDS:
        base = frozenset(i for i in everyone if scored(by_id[i], key))
        assert data["elements"][key]["n"] == len(base)
        figures[key] = [base]
    for dimension, shown in data["groups"].items():
        for name, group in shown.items():
            if name == "gap":
                continue
            ids = members(wave, dimension, name)
            assert group["respondents"] == len(ids)
            figures["respondents"].append(ids)
            for key in ELEMENT_IDS:
                if group["elements"][key]["n"] is None:
                    continue
                base = frozenset(i for i in ids if scored(by_id[i], key))
                assert group["elements"][key]["n"] == len(base)
                figures[key].append(base)
    return figures


def small(size: int, whole: int, threshold: int) -> bool:
    """A set the adversary isolates is a leak when it holds 1 to threshold - 1 people,
    unless it is the whole population (the wave's own published figure)."""
    return 0 < size < threshold and size != whole


def check_set_algebra(sets: list[frozenset[str]], threshold: int) -> None:
    """Pairwise differences, unions and intersections, and the same over triples."""
    whole = len(sets[0])
    for a, b in itertools.permutations(sets, 2):
        for derived in (a - b, a & b, a | b):
            assert not small(len(derived), whole, threshold), (sorted(a), sorted(b))
    for a, b, c in itertools.permutations(sets, 3):
        # Inclusion and exclusion: |a & b & c| and (a & b) - c from the pairs and triples.
        for derived in (a & b & c, (a & b) - c, a - (b | c), (a | b) - c):
            assert not small(len(derived), whole, threshold)


def check_linear_combinations(sets: list[frozenset[str]], threshold: int) -> None:
    """No weighted sum of published totals is carried by 1 to threshold - 1 people.

    Within one population, the published totals span a space of weightings of its people.
    A weighting in that space carried by the people of ``T`` alone exists exactly when
    dropping ``T``'s columns lowers the rank. People with identical columns stand or fall
    together, so ``T`` runs over unions of such classes holding fewer than threshold people.
    """
    population = sorted(sets[0])
    if not population:
        return
    matrix = np.array([[1.0 if p in s else 0.0 for p in population] for s in sets])
    rank = np.linalg.matrix_rank(matrix)
    classes: dict[tuple[float, ...], list[int]] = {}
    for column, _ in enumerate(population):
        classes.setdefault(tuple(matrix[:, column]), []).append(column)
    small_classes = [cols for cols in classes.values() if len(cols) < threshold]
    for size in range(1, threshold):
        for chosen in itertools.combinations(small_classes, size):
            dropped = [col for cols in chosen for col in cols]
            if not small(len(dropped), len(population), threshold):
                continue
            kept = np.delete(matrix, dropped, axis=1)
            isolated = [population[col] for col in dropped]
            assert np.linalg.matrix_rank(kept) == rank, f"isolates {isolated}"


def check_adversary(wave: Sequence[Respondent], data: dict[str, Any], threshold: int) -> None:
    for sets in published(wave, data).values():
        check_set_algebra(sets, threshold)
        check_linear_combinations(sets, threshold)


def test_the_adversary_finds_the_officer_before_the_rule() -> None:
    """The adversary is not toothless: shown both layers, it isolates the officer."""
    wave = officer_wave()
    everyone = frozenset(p.id for p in wave)
    layers = [members(wave, "layer", name) for name in ("strategic", "executive")]
    try:
        check_linear_combinations([everyone, *layers], 5)
    except AssertionError as error:
        assert "officer" in str(error)
    else:
        raise AssertionError("the adversary missed the officer")


def test_the_adversary_recovers_nothing_from_the_officer_wave() -> None:
    wave = officer_wave()
    check_adversary(wave, score_wave(wave, SMALL, threshold=5).to_dict(), 5)


@st.composite
def overlapping_waves(draw: st.DrawFn) -> list[Respondent]:
    """Respondents in a few sectors, each ticking one to three layers (mostly several), and
    answering each element fully, saying "don't know" to it, or skipping it."""
    size = draw(st.integers(min_value=0, max_value=30))
    sectors = draw(
        st.lists(
            st.sampled_from(["council", "health", "police", "housing", NOT_STATED]),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    wave = []
    for index in range(size):
        layer_set = draw(st.sets(st.sampled_from(LAYERS), min_size=1, max_size=3))
        answers: dict[str, Any] = {}
        for key in ELEMENT_IDS:
            kind = draw(st.sampled_from(["scored", "scored", "scored", "dk", "skip"]))
            if kind == "skip":
                continue
            value = draw(st.integers(min_value=1, max_value=5)) if kind == "scored" else DONT_KNOW
            answers.update({item: value for item in SMALL.ids if item.startswith(key + ".")})
        wave.append(
            Respondent(f"r{index}", draw(st.sampled_from(sectors)), frozenset(layer_set), answers)
        )
    return wave


@settings(max_examples=150, deadline=None)
@given(overlapping_waves(), st.integers(min_value=3, max_value=6))
def test_no_combination_of_published_figures_isolates_fewer_than_the_threshold(
    wave: list[Respondent], threshold: int
) -> None:
    data = score_wave(wave, SMALL, threshold=threshold).to_dict()
    if len(wave) < threshold:
        assert data["withheld"] == ["wave"]
        return
    check_adversary(wave, data, threshold)


@settings(max_examples=60, deadline=None)
@given(overlapping_waves(), st.integers(min_value=3, max_value=6))
def test_the_withholding_is_deterministic(wave: list[Respondent], threshold: int) -> None:
    first = score_wave(wave, SMALL, threshold=threshold).to_dict()
    again = score_wave(list(reversed(wave)), SMALL, threshold=threshold).to_dict()
    assert first["withheld_rules"] == again["withheld_rules"]
