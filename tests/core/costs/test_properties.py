"""Invariants of the cost–benefit analysis on random models."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from partnerscope.core.costs import (
    apply_assumption,
    appraise,
    assumptions,
    break_even,
    evaluate,
    monte_carlo,
    one_way,
    parse_appraisal,
)
from partnerscope.core.costs.cases import reaches
from tests.core.costs.strategies import models

SETTINGS = settings(max_examples=100, deadline=None)


@SETTINGS
@given(models())
def test_zero_discount_rate_gives_undiscounted_sums(model):
    result = appraise(parse_appraisal({**model, "discount_rate": 0.0}))
    assert result.financial_case.pv_costs == pytest.approx(
        sum(cost["amount"] for cost in model["costs"])
    )
    assert result.economic_case.pv_benefits == pytest.approx(
        sum(flow.benefits for flow in result.years), abs=1e-6
    )
    assert result.financial_case.pv_fiscal_benefits == pytest.approx(
        sum(flow.fiscal_benefits for flow in result.years), abs=1e-6
    )


@SETTINGS
@given(models(), st.data())
def test_raising_deadweight_never_raises_benefits(model, data):
    assume(model["outcomes"])
    index = data.draw(st.integers(0, len(model["outcomes"]) - 1))
    outcome = model["outcomes"][index]
    higher = data.draw(st.floats(min_value=outcome["deadweight"], max_value=1))
    raised = {
        **model,
        "outcomes": [
            {**o, "deadweight": higher} if i == index else o
            for i, o in enumerate(model["outcomes"])
        ],
    }
    before = appraise(parse_appraisal(model))
    after = appraise(parse_appraisal(raised))
    slack = 1e-9 * max(1.0, before.economic_case.pv_benefits)
    assert after.economic_case.pv_benefits <= before.economic_case.pv_benefits + slack
    for old, new in zip(before.years, after.years, strict=True):
        assert new.benefits <= old.benefits + 1e-9 * max(1.0, old.benefits)


@SETTINGS
@given(models())
def test_payback_year_is_consistent_with_the_cumulative_flows(model):
    result = appraise(parse_appraisal(model))
    payback = result.financial_case.payback_year

    def paid_back(flow):
        costs = flow.cumulative_discounted_costs
        fiscal = flow.cumulative_discounted_fiscal_benefits
        return (costs > 0 or fiscal > 0) and reaches(fiscal, costs)

    if payback is None:
        assert not any(paid_back(flow) for flow in result.years)
    else:
        assert paid_back(result.years[payback])
        assert not any(paid_back(flow) for flow in result.years[:payback])
        flow = result.years[payback]
        assert flow.cumulative_discounted_fiscal_benefits >= (
            flow.cumulative_discounted_costs * (1 - 1e-9) - 1e-9
        )


@SETTINGS
@given(models())
def test_totals_by_agency_add_up_to_the_totals(model):
    result = appraise(parse_appraisal(model))
    costs = sum(p.pv_costs for p in result.by_agency)
    fiscal = sum(p.pv_fiscal_benefits for p in result.by_agency)
    cashable = sum(p.pv_cashable for p in result.by_agency)
    assert costs == pytest.approx(result.financial_case.pv_costs, abs=1e-6)
    assert fiscal == pytest.approx(result.financial_case.pv_fiscal_benefits, abs=1e-6)
    assert cashable == pytest.approx(result.financial_case.cashable, abs=1e-6)
    assert sum(p.net for p in result.by_agency) == pytest.approx(
        result.financial_case.net_present_budget_impact, abs=1e-6
    )
    if result.contribution_split:
        assert sum(s.contribution for s in result.contribution_split) == pytest.approx(
            result.financial_case.pv_costs, abs=1e-6
        )
        assert sum(s.share for s in result.contribution_split) == pytest.approx(1)
    for case in result.wrong_pockets:
        assert case.payer_net < 0 < case.beneficiary_net


@SETTINGS
@given(models(max_years=20))
def test_vectorised_evaluation_agrees_with_the_appraisal(model):
    appraisal = parse_appraisal(model)
    order = assumptions(appraisal)
    for result in one_way(appraisal, order):
        for value, nppv in (
            (result.assumption.low, result.nppv_low),
            (result.assumption.high, result.nppv_high),
        ):
            changed = appraise(apply_assumption(appraisal, result.assumption.path, value))
            scale = max(1.0, changed.economic_case.pv_benefits, changed.financial_case.pv_costs)
            assert nppv == pytest.approx(
                changed.economic_case.net_present_public_value, abs=1e-9 * scale
            )


@SETTINGS
@given(models(max_years=20))
def test_break_even_gives_net_present_public_value_of_zero(model):
    appraisal = parse_appraisal(model)
    order = assumptions(appraisal)
    base = appraise(appraisal)
    for result in break_even(appraisal, order):
        if result.value is None:
            continue
        assumption = result.assumption
        assert assumption.lower <= result.value
        assert assumption.upper is None or result.value <= assumption.upper
        changed = appraise(apply_assumption(appraisal, assumption.path, result.value))
        scale = max(
            1.0,
            base.economic_case.pv_benefits,
            base.financial_case.pv_costs,
            changed.economic_case.pv_benefits,
        )
        assert abs(changed.economic_case.net_present_public_value) <= 1e-6 * scale


def test_break_even_of_costs_is_the_benefit_cost_ratio():
    model = {
        "name": "m",
        "base_year": 2025,
        "years": 3,
        "costs": [{"agency": "council", "kind": "revenue", "year": 0, "amount": 1000}],
        "outcomes": [
            {
                "name": "o",
                "cohort": 10,
                "engagement": 1,
                "impact": 1,
                "deadweight": 0,
                "lag": 0,
                "drop_off": 0.5,
                "optimism_bias": 0,
                "benefits": [{"type": "fiscal", "agency": "nhs", "value": 100}],
            }
        ],
    }
    appraisal = parse_appraisal(model)
    found = {b.assumption.path: b.value for b in break_even(appraisal, assumptions(appraisal))}
    bcr = appraise(appraisal).economic_case.bcr
    assert found["costs"] == pytest.approx(bcr)
    # NPPV is positive even with no drop-off at its worst (1: only year 0 counts, 1,000):
    # 1,000 − 1,000 = 0, so drop-off breaks even exactly at 1.
    assert found["outcomes[0].drop_off"] == pytest.approx(1.0)
    assert found["outcomes[0].deadweight"] == pytest.approx(1 - 1 / bcr)
    assert found["outcomes[0].cohort"] == pytest.approx(10 / bcr)


def test_break_even_is_none_when_no_value_gets_there():
    model = {
        "name": "m",
        "base_year": 2025,
        "years": 2,
        "costs": [],
        "outcomes": [
            {
                "name": "o",
                "cohort": 10,
                "engagement": 1,
                "impact": 1,
                "deadweight": 0,
                "lag": 0,
                "drop_off": 0,
                "optimism_bias": 0,
                "benefits": [{"type": "social", "agency": "residents", "value": 100}],
            }
        ],
    }
    appraisal = parse_appraisal(model)
    found = {b.assumption.path: b.value for b in break_even(appraisal, assumptions(appraisal))}
    assert found["outcomes[0].drop_off"] is None
    assert found["outcomes[0].engagement"] == 0.0  # no benefit and no cost: NPPV 0


@settings(max_examples=25, deadline=None)
@given(models(max_years=15), st.integers(min_value=0, max_value=2**32))
def test_monte_carlo_is_reproducible_with_a_seed(model, seed):
    appraisal = parse_appraisal(model)
    order = assumptions(appraisal)
    first = monte_carlo(appraisal, order, 300, seed)
    second = monte_carlo(appraisal, order, 300, seed)
    assert first.to_dict() == second.to_dict()
    assert 0 <= first.p_bcr_above_1 <= 1
    low, middle, high = first.nppv
    assert low <= middle <= high


def test_monte_carlo_differs_between_seeds_and_matches_its_draws():
    model = {
        "name": "m",
        "base_year": 2025,
        "years": 10,
        "costs": [{"agency": "council", "kind": "revenue", "year": 0, "amount": 5000}],
        "outcomes": [
            {
                "name": "o",
                "cohort": 100,
                "engagement": 0.5,
                "impact": 0.3,
                "deadweight": 0.2,
                "lag": 1,
                "drop_off": 0.2,
                "optimism_bias": 0.1,
                "benefits": [{"type": "fiscal", "agency": "nhs", "value": 400}],
            }
        ],
    }
    appraisal = parse_appraisal(model)
    order = assumptions(appraisal)
    one = monte_carlo(appraisal, order, 2000, 1)
    two = monte_carlo(appraisal, order, 2000, 2)
    assert one.nppv != two.nppv
    from partnerscope.core.costs import draw_rows

    rows = draw_rows(order, 2000, 1)
    values = evaluate(appraisal, order, rows)
    assert one.p_bcr_above_1 == pytest.approx(float(np.mean(values.benefits > values.costs)))
    assert one.bcr is not None
    assert one.bcr[1] == pytest.approx(float(np.median(values.benefits / values.costs)))
    base_bcr = appraise(appraisal).economic_case.bcr
    assert math.isclose(one.bcr[1], base_bcr, rel_tol=0.2)


def test_monte_carlo_histogram_counts_every_draw():
    model = {
        "name": "m",
        "base_year": 2025,
        "years": 5,
        "costs": [{"agency": "council", "kind": "revenue", "year": 0, "amount": 500}],
        "outcomes": [
            {
                "name": "o",
                "cohort": 10,
                "engagement": 0.5,
                "impact": 0.5,
                "deadweight": 0.1,
                "lag": 0,
                "drop_off": 0.1,
                "optimism_bias": 0.1,
                "benefits": [{"type": "fiscal", "agency": "nhs", "value": 100}],
            }
        ],
    }
    appraisal = parse_appraisal(model)
    result = monte_carlo(appraisal, assumptions(appraisal), 1000, 3)
    for measure in ("nppv", "bcr"):
        bins = result.histogram(10, measure)
        assert len(bins) == 10
        assert sum(b["count"] for b in bins) == 1000
        assert all(a["to"] == b["from"] for a, b in zip(bins, bins[1:], strict=False))
