"""A cost–benefit analysis worked by hand: every expected figure is computed here, in the
test, from the formulas in docs/costs.md."""

from __future__ import annotations

import pytest

from partnerscope.core.costs import (
    appraise,
    assumptions,
    break_even,
    discount_factor,
    one_way,
    parse_appraisal,
    successes,
)

MODEL = {
    "name": "Hand-worked",
    "base_year": 2025,
    "years": 4,
    "costs": [
        {"agency": "council", "kind": "revenue", "year": 0, "amount": 1000},
        {"agency": "council", "kind": "capital", "year": 1, "amount": 500},
        {"agency": "health", "kind": "in_kind", "year": 1, "amount": 200},
    ],
    "outcomes": [
        {
            "name": "Fewer admissions",
            "cohort": 100,
            "engagement": 0.5,
            "impact": 0.4,
            "deadweight": 0.25,
            "lag": 1,
            "drop_off": 0.1,
            "optimism_bias": 0.2,
            "benefits": [
                {"type": "fiscal", "agency": "health", "value": 80, "cashable": 0.5},
                {"type": "economic", "agency": "individuals", "value": 20},
                {"type": "social", "agency": "residents", "value": 10, "health": True},
            ],
        }
    ],
}

# successes_t = 100 × 0.5 × 0.4 × (1 − 0.25) × (1 − 0.1)^(t − 1) from t = 1
SUCCESSES = [0.0, 15.0, 15.0 * 0.9, 15.0 * 0.9**2]
KEEP = 1 - 0.2  # optimism bias
FISCAL = [s * 80 * KEEP for s in SUCCESSES]  # 0, 960, 864, 777.6
ECONOMIC = [s * 20 * KEEP for s in SUCCESSES]
SOCIAL = [s * 10 * KEEP for s in SUCCESSES]
COSTS = [1000.0, 700.0, 0.0, 0.0]
STANDARD = [1 / 1.035**t for t in range(4)]
HEALTH = [1 / 1.015**t for t in range(4)]

PV_COSTS = 1000 + 700 / 1.035
PV_FISCAL = 960 / 1.035 + 864 / 1.035**2 + 777.6 / 1.035**3
PV_ECONOMIC = sum(e * f for e, f in zip(ECONOMIC, STANDARD, strict=True))
PV_SOCIAL = sum(s * f for s, f in zip(SOCIAL, HEALTH, strict=True))
PV_ALL = PV_FISCAL + PV_ECONOMIC + PV_SOCIAL


@pytest.fixture(scope="module")
def result():
    return appraise(parse_appraisal(MODEL))


def test_successes_follow_cohort_engagement_impact_deadweight_and_drop_off():
    outcome = parse_appraisal(MODEL).outcomes[0]
    assert successes(outcome, 4) == pytest.approx(SUCCESSES)
    assert pytest.approx([0, 960, 864, 777.6]) == FISCAL


def test_financial_case(result):
    case = result.financial_case
    assert case.pv_costs == pytest.approx(PV_COSTS)
    assert case.pv_fiscal_benefits == pytest.approx(PV_FISCAL)
    assert case.net_present_budget_impact == pytest.approx(PV_FISCAL - PV_COSTS)
    assert case.financial_roi == pytest.approx(PV_FISCAL / PV_COSTS)
    assert case.cashable == pytest.approx(0.5 * PV_FISCAL)


def test_payback_is_the_first_year_cumulative_fiscal_benefits_reach_costs(result):
    # year 1: 960/1.035 = 927.5 against 1000 + 700/1.035 = 1676.3: not yet;
    # year 2: 927.5 + 864/1.035² = 1734.1 against 1676.3: paid back.
    assert 960 / 1.035 < PV_COSTS <= 960 / 1.035 + 864 / 1.035**2
    assert result.financial_case.payback_year == 2


def test_economic_case(result):
    case = result.economic_case
    assert case.pv_benefits == pytest.approx(PV_ALL)
    assert case.net_present_public_value == pytest.approx(PV_ALL - PV_COSTS)
    assert case.bcr == pytest.approx(PV_ALL / PV_COSTS)
    assert case.pv_social_benefits == pytest.approx(PV_SOCIAL)


def test_year_flows(result):
    for t, flow in enumerate(result.years):
        assert flow.calendar_year == 2025 + t
        assert flow.discount_factor == pytest.approx(STANDARD[t])
        assert flow.costs == pytest.approx(COSTS[t])
        assert flow.fiscal_benefits == pytest.approx(FISCAL[t])
        assert flow.cashable == pytest.approx(FISCAL[t] / 2)
        assert flow.economic_benefits == pytest.approx(ECONOMIC[t])
        assert flow.social_benefits == pytest.approx(SOCIAL[t])
        assert flow.discounted_benefits == pytest.approx(
            (FISCAL[t] + ECONOMIC[t]) * STANDARD[t] + SOCIAL[t] * HEALTH[t]
        )
    assert result.years[-1].cumulative_discounted_costs == pytest.approx(PV_COSTS)


def test_who_pays_and_who_benefits(result):
    council, health = result.by_agency
    assert (council.agency, health.agency) == ("council", "health")
    assert council.pv_costs == pytest.approx(1000 + 500 / 1.035)
    assert council.pv_fiscal_benefits == 0
    assert council.net == pytest.approx(-(1000 + 500 / 1.035))
    assert health.pv_costs == pytest.approx(200 / 1.035)
    assert health.pv_fiscal_benefits == pytest.approx(PV_FISCAL)
    assert health.pv_cashable == pytest.approx(PV_FISCAL / 2)
    assert [(w.payer, w.beneficiary) for w in result.wrong_pockets] == [("council", "health")]
    split = {share.agency: share for share in result.contribution_split}
    assert split["health"].share == 1 and split["council"].share == 0
    assert split["health"].contribution == pytest.approx(PV_COSTS)
    assert split["council"].change == pytest.approx(-(1000 + 500 / 1.035))


def test_green_book_rates_switch_after_year_30():
    assert discount_factor(30, 0.035, 0.03, 31) == pytest.approx(1 / 1.035**30)
    assert discount_factor(31, 0.035, 0.03, 31) == pytest.approx(1 / (1.035**30 * 1.03))
    assert discount_factor(40, 0.035, 0.03, 31) == pytest.approx(1 / (1.035**30 * 1.03**10))


def test_a_flat_rate_applies_to_health_benefits_too():
    model = {**MODEL, "discount_rate": 0.05}
    result = appraise(parse_appraisal(model))
    expected = sum(
        (f + e + s) / 1.05**t
        for t, (f, e, s) in enumerate(zip(FISCAL, ECONOMIC, SOCIAL, strict=True))
    )
    assert result.economic_case.pv_benefits == pytest.approx(expected)


def test_nothing_pays_back_when_fiscal_benefits_never_catch_up():
    model = {
        **MODEL,
        "costs": [{"agency": "council", "kind": "revenue", "year": 0, "amount": 10_000}],
    }
    result = appraise(parse_appraisal(model))
    assert result.financial_case.payback_year is None
    assert result.financial_case.financial_roi == pytest.approx(PV_FISCAL / 10_000)


def test_sensitivity_by_hand():
    appraisal = parse_appraisal(MODEL)
    order = assumptions(appraisal)
    tornado = {row.assumption.path: row for row in one_way(appraisal, order)}
    costs = tornado["costs"]
    assert (costs.assumption.low, costs.assumption.high) == (0.8, 1.2)
    assert costs.nppv_low == pytest.approx(PV_ALL - 0.8 * PV_COSTS)
    assert costs.bcr_high == pytest.approx(PV_ALL / (1.2 * PV_COSTS))
    engagement = tornado["outcomes[0].engagement"]
    assert engagement.nppv_high == pytest.approx(PV_ALL * 1.2 - PV_COSTS)
    assert engagement.swing == pytest.approx(PV_ALL * 0.4)
    found = {row.assumption.path: row.value for row in break_even(appraisal, order)}
    # NPPV is PV_ALL × (engagement ÷ 0.5) − PV_COSTS, and so on for each straight line.
    assert found["outcomes[0].engagement"] == pytest.approx(0.5 * PV_COSTS / PV_ALL)
    assert found["outcomes[0].deadweight"] == pytest.approx(1 - 0.75 * PV_COSTS / PV_ALL)
    assert found["outcomes[0].optimism_bias"] == pytest.approx(1 - 0.8 * PV_COSTS / PV_ALL)
    assert found["costs"] == pytest.approx(PV_ALL / PV_COSTS)
    # Only the fiscal line's value moves: PV_FISCAL × (v ÷ 80) = PV_COSTS − (PV_ALL − PV_FISCAL)
    assert found["outcomes[0].benefits[0].value"] == pytest.approx(
        80 * (PV_COSTS - (PV_ALL - PV_FISCAL)) / PV_FISCAL
    )
