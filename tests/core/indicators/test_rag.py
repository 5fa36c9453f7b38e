"""RAG ratings against hand-worked targets, and properties every rating keeps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerscope.core.indicators.model import Polarity
from partnerscope.core.indicators.rag import Rag, rag_status

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER


def test_rag_green():
    # Higher is better, target 200: 200 meets it, 250 beats it.
    assert rag_status(200.0, 200.0, HIGHER).rating is Rag.GREEN
    assert rag_status(250.0, 200.0, HIGHER).rule.name == "rag_green"
    # Lower is better, target 10: 10 meets it, 7 beats it.
    assert rag_status(10.0, 10.0, LOWER).rating is Rag.GREEN
    assert rag_status(7.0, 10.0, LOWER).rating is Rag.GREEN


def test_rag_amber():
    # Higher is better, target 200, tolerance 5%: the amber band is 200 - 0.05 x 200 = 190
    # up to just under 200; its edge, 190, is amber.
    assert rag_status(199.9, 200.0, HIGHER).rating is Rag.AMBER
    assert rag_status(190.0, 200.0, HIGHER).rule.name == "rag_amber"
    # Lower is better, target 10: amber from just over 10 to 10.5.
    assert rag_status(10.5, 10.0, LOWER).rating is Rag.AMBER
    # A negative target (e.g. a change of -20): the band is 5% of |-20| = 1, so when lower
    # is better -19 misses by 1 and is amber; when higher is better it beats the target.
    assert rag_status(-19.0, -20.0, LOWER).rating is Rag.AMBER
    assert rag_status(-19.0, -20.0, HIGHER).rating is Rag.GREEN
    assert rag_status(-21.0, -20.0, HIGHER).rating is Rag.AMBER
    # A wider tolerance: 10% of 200 = 20, so 181 is amber.
    assert rag_status(181.0, 200.0, HIGHER, tolerance=0.10).rating is Rag.AMBER


def test_rag_red():
    # Higher is better, target 200: 189.99 misses by 10.01 > 10.
    assert rag_status(189.99, 200.0, HIGHER).rating is Rag.RED
    assert rag_status(150.0, 200.0, HIGHER).rule.name == "rag_red"
    # Lower is better, target 10: 10.51 misses by 0.51 > 0.5.
    assert rag_status(10.51, 10.0, LOWER).rating is Rag.RED
    # A target of zero has no amber band.
    assert rag_status(0.1, 0.0, LOWER).rating is Rag.RED
    # No tolerance, no amber band.
    assert rag_status(199.9, 200.0, HIGHER, tolerance=0.0).rating is Rag.RED


def test_rag_no_target():
    assert rag_status(5.0, None, HIGHER).rating is None
    assert rag_status(5.0, None, HIGHER).rule.name == "rag_no_target"
    assert rag_status(None, 5.0, HIGHER).rule.name == "rag_no_target"


def test_rag_no_polarity():
    result = rag_status(5.0, 6.0, None)
    assert result.rating is None
    assert result.rule.name == "rag_no_polarity"


def test_to_dict_keys():
    assert rag_status(190.0, 200.0, HIGHER).to_dict() == {
        "rating": "amber",
        "rule": {"name": "rag_amber", "text": rag_status(190.0, 200.0, HIGHER).rule.text},
        "value": 190.0,
        "target": 200.0,
        "tolerance": 0.05,
    }


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
tolerances = st.floats(min_value=0, max_value=0.5)
ORDER = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}


@given(finite, finite, tolerances)
def test_mirror_image(value, target, tolerance):
    # Negating value and target and flipping polarity describes the same performance.
    assert (
        rag_status(value, target, HIGHER, tolerance).rating
        == rag_status(-value, -target, LOWER, tolerance).rating
    )


@given(finite, finite, finite, tolerances, st.sampled_from([HIGHER, LOWER]))
def test_better_value_never_rates_worse(value, other, target, tolerance, polarity):
    better, worse = sorted([value, other], reverse=polarity is HIGHER)
    assert (
        ORDER[rag_status(better, target, polarity, tolerance).rating]
        >= ORDER[rag_status(worse, target, polarity, tolerance).rating]
    )


@given(finite, finite, tolerances, st.sampled_from([HIGHER, LOWER]))
def test_green_exactly_when_met(value, target, tolerance, polarity):
    met = value >= target if polarity is HIGHER else value <= target
    assert (rag_status(value, target, polarity, tolerance).rating is Rag.GREEN) == met


@pytest.mark.parametrize("tolerance", [0.0, 0.05, 0.2])
def test_amber_band_width(tolerance):
    target = 80.0
    edge = target - tolerance * target
    assert rag_status(edge, target, HIGHER, tolerance).rating in (
        (Rag.AMBER,) if tolerance else (Rag.GREEN,)
    )
    assert rag_status(edge - 0.01, target, HIGHER, tolerance).rating is Rag.RED
