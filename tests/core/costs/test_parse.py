"""Bad models get errors that name the field; good ones become typed appraisals."""

from __future__ import annotations

import copy

import pytest

from partnerscope.core.costs import (
    BenefitType,
    CostKind,
    DiscountSettings,
    ModelErrors,
    SensitivitySettings,
    assumptions,
    optimism_bias_table,
    parse_appraisal,
    parse_sensitivity,
)

GOOD = {
    "name": "Good",
    "base_year": 2025,
    "years": 5,
    "costs": [{"agency": "council", "kind": "in kind", "year": 4, "amount": 10}],
    "outcomes": [
        {
            "name": f"o{n}",
            "cohort": 10,
            "engagement": 0.5,
            "impact": 0.5,
            "deadweight": 0.1,
            "lag": 1,
            "drop_off": 0.1,
            "optimism_bias": 0.1,
            "benefits": [{"type": "fiscal", "agency": "nhs", "value": 5, "cashable": 1}],
        }
        for n in range(3)
    ],
}


def errors_of(model, table=None):
    with pytest.raises(ModelErrors) as raised:
        parse_appraisal(model, table)
    return raised.value.errors


def changed(path, value):
    model = copy.deepcopy(GOOD)
    target = model
    *parents, last = path
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return model


def test_a_good_model_becomes_a_typed_appraisal():
    appraisal = parse_appraisal(GOOD)
    assert appraisal.costs[0].kind is CostKind.IN_KIND
    assert appraisal.outcomes[2].benefits[0].type is BenefitType.FISCAL
    assert appraisal.discount == DiscountSettings()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("outcomes", 2, "engagement"), 1.5, "outcomes[2].engagement: must be between 0 and 1"),
        (("outcomes", 0, "impact"), -0.1, "outcomes[0].impact: must be between 0 and 1"),
        (("outcomes", 1, "deadweight"), "high", "outcomes[1].deadweight: must be a number"),
        (("outcomes", 1, "drop_off"), KeyError, "outcomes[1].drop_off: required"),
        (("outcomes", 0, "cohort"), -1, "outcomes[0].cohort: must be 0 or more"),
        (("outcomes", 0, "lag"), 1.5, "outcomes[0].lag: must be a whole number"),
        (("outcomes", 0, "optimism_bias"), True, "outcomes[0].optimism_bias: must be a number"),
        (
            ("outcomes", 0, "optimism_bias"),
            KeyError,
            "outcomes[0].optimism_bias: required (or give a confidence grade)",
        ),
        (("outcomes", 0, "engagment"), 0.5, "outcomes[0].engagment: unknown field"),
        (
            ("outcomes", 0, "benefits", 0, "type"),
            "cash",
            "outcomes[0].benefits[0].type: must be one of fiscal, economic, social",
        ),
        (
            ("outcomes", 0, "benefits", 0, "value"),
            -5,
            "outcomes[0].benefits[0].value: must be 0 or more",
        ),
        (
            ("outcomes", 0, "benefits", 0, "cashable"),
            2,
            "outcomes[0].benefits[0].cashable: must be between 0 and 1",
        ),
        (
            ("outcomes", 0, "benefits", 0, "agency"),
            " ",
            "outcomes[0].benefits[0].agency: must be non-empty text",
        ),
        (
            ("outcomes", 0, "benefits", 0, "health"),
            "yes",
            "outcomes[0].benefits[0].health: must be true or false",
        ),
        (("costs", 0, "year"), 5, "costs[0].year: must be a whole number from 0 to 4"),
        (("costs", 0, "kind"), "grant", "costs[0].kind: must be one of revenue, capital, in_kind"),
        (("costs", 0, "amount"), None, "costs[0].amount: required"),
        (("costs", 0, "agency"), KeyError, "costs[0].agency: required"),
        (("years",), 0, "years: must be a whole number from 1 to 76"),
        (("years",), 77, "years: must be a whole number from 1 to 76"),
        (("base_year",), "2025", "base_year: must be a whole number"),
        (("name",), KeyError, "name: required"),
        (("costs",), {}, "costs: must be a list"),
        (("outcomes", 1), [], "outcomes[1]: must be an object"),
        (("discount_rate",), 1.2, "discount_rate: must be between 0 and 1"),
    ],
)
def test_each_error_names_its_field(path, value, message):
    assert message in errors_of(changed(path, value))


def test_every_error_is_reported_at_once():
    model = changed(("outcomes", 2, "engagement"), 2)
    model["costs"][0]["amount"] = -1
    assert errors_of(model) == [
        "costs[0].amount: must be 0 or more",
        "outcomes[2].engagement: must be between 0 and 1",
    ]


def test_only_fiscal_benefits_can_be_cashable():
    model = changed(("outcomes", 0, "benefits", 0, "type"), "social")
    assert errors_of(model) == [
        "outcomes[0].benefits[0].cashable: only fiscal benefits can be cashable"
    ]


def test_cohort_cannot_exceed_need():
    assert errors_of(changed(("outcomes", 0, "need"), 5)) == [
        "outcomes[0].cohort: must not be more than the need"
    ]
    assert parse_appraisal(changed(("outcomes", 0, "need"), 50)).outcomes[0].need == 50


def test_discount_settings_or_a_flat_rate_but_not_both():
    settings = parse_appraisal({**GOOD, "discount": {"rate": 0.04, "health_rate": 0.02}}).discount
    assert (settings.rate, settings.long_rate, settings.health_rate) == (0.04, 0.03, 0.02)
    flat = parse_appraisal({**GOOD, "discount_rate": 0.0}).discount
    assert flat == DiscountSettings.flat(0.0)
    assert errors_of({**GOOD, "discount_rate": 0.03, "discount": {}}) == [
        "discount_rate: give either discount_rate or discount, not both"
    ]
    assert errors_of({**GOOD, "discount": {"rates": 1}}) == ["discount.rates: unknown field"]


def test_not_an_object_at_all():
    assert errors_of([1, 2]) == ["model: must be an object"]


TABLE = optimism_bias_table(
    {"grades": [{"grade": "1", "bias": 0.0}, {"grade": "2", "bias": 0.3}], "source": "test"}
)


def test_a_confidence_grade_gives_the_optimism_bias_from_the_table():
    model = changed(("outcomes", 0, "optimism_bias"), KeyError)
    model["outcomes"][0]["confidence"] = 2
    outcome = parse_appraisal(model, TABLE).outcomes[0]
    assert (outcome.optimism_bias, outcome.confidence) == (0.3, "2")
    model["outcomes"][0]["confidence"] = "9"
    assert errors_of(model, TABLE) == [
        "outcomes[0].confidence: unknown confidence grade '9' (known: 1, 2)"
    ]
    assert errors_of(model) == [
        "outcomes[0].confidence: no optimism bias table to look the grade up in"
    ]


def test_an_optimism_bias_given_outright_wins_over_the_grade():
    model = changed(("outcomes", 0, "confidence"), "2")
    assert parse_appraisal(model, TABLE).outcomes[0].optimism_bias == 0.1


def test_sensitivity_settings_and_their_errors():
    settings = parse_sensitivity({"spread": 0.1, "ranges": {"costs": [0.9, 1.5]}})
    assert settings == SensitivitySettings(0.1, {"costs": (0.9, 1.5)})
    order = {a.path: a for a in assumptions(parse_appraisal(GOOD), settings)}
    assert (order["costs"].low, order["costs"].high) == (0.9, 1.5)
    assert (order["outcomes[0].engagement"].low, order["outcomes[0].engagement"].high) == (
        pytest.approx(0.45),
        pytest.approx(0.55),
    )
    with pytest.raises(ModelErrors) as raised:
        parse_sensitivity({"spread": 2, "range": {}})
    assert raised.value.errors == [
        "sensitivity.range: unknown field",
        "sensitivity.spread: must be between 0 and 1",
    ]
    with pytest.raises(ModelErrors) as raised:
        assumptions(
            parse_appraisal(GOOD),
            SensitivitySettings(0.2, {"outcomes[0].impact": (0.6, 0.9), "outcomes[9].x": (0, 1)}),
        )
    assert raised.value.errors == [
        "sensitivity.ranges.outcomes[0].impact: must be [low, high] with low ≤ 0.5 ≤ high, "
        "within 0 to 1",
        "sensitivity.ranges.outcomes[9].x: no such assumption",
    ]


def test_shares_stay_within_zero_and_one_in_the_default_range():
    model = changed(("outcomes", 0, "engagement"), 0.95)
    order = {a.path: a for a in assumptions(parse_appraisal(model))}
    assert order["outcomes[0].engagement"].high == 1.0
    assert order["outcomes[0].cohort"].upper is None


def test_infinite_numbers_are_refused():
    assert "outcomes[0].cohort: must be a number" in errors_of(
        changed(("outcomes", 0, "cohort"), float("inf"))
    )
