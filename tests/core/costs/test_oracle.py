"""The core agrees with an independent implementation of the conventions on random models."""

from __future__ import annotations

from hypothesis import given, settings

from partnerscope.core.costs import appraise, parse_appraisal
from tests.core.costs.oracle import assert_agrees, oracle
from tests.core.costs.strategies import models


@settings(max_examples=150, deadline=None)
@given(models())
def test_appraise_agrees_with_an_independent_implementation_on_random_models(model):
    assert_agrees(appraise(parse_appraisal(model)).to_dict(), oracle(model))


def test_the_oracle_can_tell_a_wrong_answer():
    model = {
        "name": "m",
        "base_year": 2025,
        "years": 3,
        "costs": [{"agency": "council", "kind": "revenue", "year": 1, "amount": 100.0}],
        "outcomes": [],
    }
    wrong = appraise(parse_appraisal({**model, "discount_rate": 0.0})).to_dict()
    try:
        assert_agrees(wrong, oracle(model))
    except AssertionError:
        return
    raise AssertionError("an undiscounted result passed for a discounted one")
