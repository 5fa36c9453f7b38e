"""Alignment against a hand-worked example, and each alignment rule under its own name.

The example: three outcomes (safe, well, jobs) and three partners.
- council: pooling revenue £600 split safe 0.5 / well 0.5; aligning capital £400 to well.
- police: aligning staff time £300 (10 hours) to safe.
- charity: grants £100 to safe.
Totals: council £1,000 (placed £600, aligned £400), police £300 (aligned), charity £100
(placed); all £1,400. By outcome: safe = 300 + 300 + 100 = £700; well = 300 + 400 = £700;
jobs = £0. Mean per outcome = 1,400 / 3 = £466.67.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerscope.core.resources.alignment import (
    IndicatorStatus,
    Line,
    OutcomeInfo,
    align,
    contributions_out_of_line_with_involvement,
    involvement_shares,
    off_track_despite_resources,
    unfunded_priority,
    well_resourced_not_improving,
)
from partnerscope.core.resources.funding import FundingLink, chain_funding_not_in_ledger

LINES = [
    Line("council", 2025, "pooling", "revenue", 600.0, 0.0, (("safe", 0.5), ("well", 0.5))),
    Line("council", 2025, "aligning", "capital", 400.0, 0.0, (("well", 1.0),)),
    Line("police", 2025, "aligning", "staff_time", 300.0, 10.0, (("safe", 1.0),)),
    Line("charity", 2025, "grants", "revenue", 100.0, 0.0, (("safe", 1.0),)),
]
OUTCOMES = [
    OutcomeInfo("safe", "Safer streets", (IndicatorStatus("NI 15", rag="red"),)),
    OutcomeInfo("well", "Healthy lives", (IndicatorStatus("NI 120", direction="no_change"),)),
    OutcomeInfo(
        "jobs", "More jobs", (IndicatorStatus("NI 151", variation="special_cause_improving"),)
    ),
]
INVOLVEMENT = {"council": 0.4, "police": 0.4, "charity": 0.2}


@pytest.fixture
def example():
    return align(LINES, OUTCOMES, INVOLVEMENT, ["council", "police", "charity", "fire"])


def test_the_hand_worked_partner_by_outcome_table(example) -> None:
    assert example.total == 1400.0
    assert example.outcome("safe").money == {"charity": 100.0, "council": 300.0, "police": 300.0}
    assert example.outcome("well").money == {"council": 700.0}
    assert example.outcome("safe").hours == {"police": 10.0}
    assert example.outcome("jobs").total == 0
    assert example.outcome("safe").share == pytest.approx(0.5)


def test_the_hand_worked_placed_and_aligned_split(example) -> None:
    council = example.partner("council")
    assert (council.placed, council.aligned) == (600.0, 400.0)
    assert council.placed_share == 0.6 and council.aligned_share == 0.4
    assert example.partner("police").placed_share == 0.0
    assert example.partner("charity").placed_share == 1.0
    assert example.partner("fire").total == 0 and example.partner("fire").placed_share is None
    assert example.partner("council").share == pytest.approx(1000 / 1400)


def test_unfunded_priority(example) -> None:
    assert [c.subject for c in unfunded_priority(example)] == ["jobs"]


def test_off_track_despite_resources(example) -> None:
    found = off_track_despite_resources(example)
    assert [c.subject for c in found] == ["safe"]
    assert dict(found[0].figures)["off_track"] == "NI 15"


def test_off_track_counts_worsening_and_concerning_special_cause() -> None:
    outcomes = [
        OutcomeInfo("safe", "Safe", (IndicatorStatus("A", direction="worsening"),)),
        OutcomeInfo("well", "Well", (IndicatorStatus("B", variation="special_cause_concerning"),)),
    ]
    result = align(LINES, outcomes)
    assert [c.subject for c in off_track_despite_resources(result)] == ["safe", "well"]


def test_well_resourced_not_improving(example) -> None:
    found = well_resourced_not_improving(example)
    assert [c.subject for c in found] == ["safe", "well"]
    assert dict(found[0].figures)["mean"] == pytest.approx(466.67)


def test_contributions_out_of_line_with_involvement(example) -> None:
    found = contributions_out_of_line_with_involvement(example)
    # council 71% of money v 40% involvement; police 21% v 40%; charity 7% v 20% (within 0.15).
    assert [c.subject for c in found] == ["council", "police"]
    assert "pays more" in found[0].message and "pays less" in found[1].message


def test_chain_funding_not_in_ledger() -> None:
    links = [
        FundingLink("da", "Domestic abuse", "safe", "police", "Police", 300.0),
        FundingLink("da", "Domestic abuse", "safe", "charity", "Charity", 500.0),
        FundingLink("wl", "Wellbeing", "well", "council", "Council", 700.0),
    ]
    found = chain_funding_not_in_ledger(links, LINES)
    assert [c.subject for c in found] == ["da"]
    assert dict(found[0].figures)["links"] == 1
    assert "Charity £500 a year, ledger £100" in found[0].message


def test_involvement_is_the_mean_share_over_recorded_measures() -> None:
    shares = involvement_shares([{"a": 2, "b": 2}, {"a": 1}, {}])
    assert shares == {"a": 0.75, "b": 0.25}


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c"]),
            st.sampled_from(["pooling", "aligning", "grants"]),
            st.floats(min_value=0, max_value=1e6),
            st.sampled_from([(("x", 1.0),), (("x", 0.25), ("y", 0.75))]),
        ),
        max_size=30,
    )
)
def test_outcome_totals_and_partner_totals_both_add_to_the_whole(rows) -> None:
    lines = [Line(o, 2025, arr, "revenue", amt, 0.0, shares) for o, arr, amt, shares in rows]
    result = align(lines, [OutcomeInfo("x", "X"), OutcomeInfo("y", "Y")])
    assert sum(o.total for o in result.outcomes) == pytest.approx(result.total, rel=1e-9, abs=1e-6)
    for partner in result.partners:
        assert partner.placed + partner.aligned == pytest.approx(partner.total)


def test_unfunded_priority_spares_a_theme_whose_goals_are_funded() -> None:
    outcomes = [
        OutcomeInfo("theme", "Safer communities"),
        OutcomeInfo("safe", "Safer streets", parent="theme"),
        OutcomeInfo("other", "Greener"),
        OutcomeInfo("waste", "Less waste", parent="other"),
    ]
    result = align(LINES, outcomes)
    assert [c.subject for c in unfunded_priority(result)] == ["other", "waste"]


def test_the_rules_name_partners_by_their_names() -> None:
    result = align(LINES, OUTCOMES, INVOLVEMENT, names={"council": "Kite Council"})
    assert contributions_out_of_line_with_involvement(result)[0].message.startswith("Kite Council")
