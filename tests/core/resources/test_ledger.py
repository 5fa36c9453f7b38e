"""The ledger's arithmetic: years, shares and staff time."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerscope.core.resources.ledger import (
    financial_year_label,
    parse_shares,
    shares_problem,
    staff_time_amount,
)


def test_financial_year_label_spans_the_turn_of_the_century() -> None:
    assert financial_year_label(2099) == "2099/00"
    assert financial_year_label(2024, start_month=1) == "2024"


def test_parse_shares_rejects_an_outcome_twice_and_a_bare_pair() -> None:
    with pytest.raises(ValueError, match="given twice"):
        parse_shares("a:0.5;a:0.5")
    with pytest.raises(ValueError, match="not outcome:share"):
        parse_shares("a:0.5;b")


def test_shares_above_one_or_at_zero_are_refused() -> None:
    assert "above 0" in (shares_problem({"a": Decimal("0"), "b": Decimal("1")}) or "")
    assert "above 0" in (shares_problem({"a": Decimal("1.5")}) or "")


@given(st.lists(st.integers(min_value=1, max_value=1000), min_size=1, max_size=8))
def test_shares_in_proportion_to_any_weights_add_to_one(weights: list[int]) -> None:
    total = sum(weights)
    shares = {
        f"o{i}": (Decimal(w) / total).quantize(Decimal("0.0001")) for i, w in enumerate(weights)
    }
    drift = 1 - sum(shares.values())
    shares["o0"] += drift
    if shares["o0"] > 0:
        assert shares_problem(shares) is None


def test_staff_time_hours_win_over_fte() -> None:
    amount = staff_time_amount(
        fte=Decimal("1"),
        hours=Decimal("10"),
        cost_per_hour=Decimal("25.5"),
        hours_per_fte=Decimal("1650"),
    )
    assert amount == Decimal("255.00")
