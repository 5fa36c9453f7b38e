"""The partners' cycles and the cycle rules on the hand-made kite partnership; each rule's
test is named after it."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from partnerscope.core.layers import AgendaItem
from partnerscope.core.layers.cycles import (
    CYCLE_RULES,
    SECTOR_CYCLES,
    PartnerCycle,
    cycle_findings,
    cycle_for,
    decision_meetings,
    months_between,
    sector_sources,
)
from tests.core.layers.kite import kite

MONTHS = st.integers(min_value=1, max_value=12)


def found(governance, cycles, rule: str) -> dict:
    return {f.subject.ref: f for f in cycle_findings(governance, cycles) if f.rule.id == rule}


def test_every_cycle_rule_has_a_test_of_its_name_and_a_text() -> None:
    names = {name for name in dir(sys.modules[__name__]) if name.startswith("test_")}
    for rule in CYCLE_RULES:
        assert f"test_{rule.id}" in names
        assert rule.ref().text and rule.ref().label


@given(MONTHS, MONTHS)
def test_a_window_runs_forward_from_its_first_month_to_its_last(first: int, last: int) -> None:
    months = months_between(first, last)
    assert months[0] == first and months[-1] == last and len(set(months)) == len(months)
    assert all(b == a % 12 + 1 for a, b in zip(months, months[1:], strict=False))


def test_period_ends_follow_the_financial_year() -> None:
    assert PartnerCycle("x").period_ends() == (6, 9, 12, 3)
    assert PartnerCycle("x", year_start_month=1).period_ends() == (3, 6, 9, 12)
    assert PartnerCycle("x", year_start_month=5).period_ends() == (7, 10, 1, 4)
    assert PartnerCycle("x", reporting_period_months=12).period_ends() == (3,)
    assert len(PartnerCycle("x", reporting_period_months=1).period_ends()) == 12


def test_every_sector_default_has_a_source() -> None:
    assert set(sector_sources()) == set(SECTOR_CYCLES)
    assert all(source for source in sector_sources().values())
    assert cycle_for("council", "c").budget_months() == (10, 11, 12, 1, 2)
    assert cycle_for("business", "b") == replace(cycle_for("council", "b"))


def _executive_decides():
    """The kite partnership whose executive allocates resources at each of its 8 meetings
    (from April 2024, every 45 or 46 days)."""
    governance = kite()

    def deciding(item: AgendaItem) -> AgendaItem:
        if item.meeting.startswith("exec-") and item.position == 1:
            return replace(item, function="resource_allocation")
        return item

    return replace(governance, agenda_items=tuple(map(deciding, governance.agenda_items)))


def test_decision_meetings_are_those_that_allocate_resources() -> None:
    meetings = decision_meetings(_executive_decides())
    assert len(meetings) == 8 and {body for _ref, _day, body in meetings} == {"exec"}
    assert decision_meetings(kite()) == []


def test_decision_outside_budget_window() -> None:
    governance = _executive_decides()
    days = sorted(day for _ref, day, _body in decision_meetings(governance))
    outside_council = [day for day in days if day.month not in (10, 11, 12, 1, 2)]
    cycles = [
        PartnerCycle("council", budget_start_month=10, budget_end_month=2),
        PartnerCycle("nhs", budget_start_month=1, budget_end_month=12),
        PartnerCycle("cvs", budget_start_month=10, budget_end_month=2),
    ]
    findings = found(governance, cycles, "decision_outside_budget_window")
    assert set(findings) == {"council", "cvs"}
    evidence = dict(findings["council"].evidence.figures)
    assert evidence["decisions outside the window"] == len(outside_council) == 5
    assert evidence["budget window"] == "October to February"
    assert evidence["first decisions"].startswith(f"Kite Executive {outside_council[0]}")
    assert findings["council"].subject.name == "Kite Council"


def test_decision_outside_budget_window_counts_only_partners_with_a_seat() -> None:
    governance = _executive_decides()
    not_seated = [PartnerCycle("police", budget_start_month=3, budget_end_month=3)]
    seated = replace(
        governance, memberships=tuple(m for m in governance.memberships if m.person != "p2")
    )
    assert found(seated, not_seated, "decision_outside_budget_window") == {}
    assert set(found(governance, not_seated, "decision_outside_budget_window")) == {"police"}
    ended = replace(
        governance,
        memberships=tuple(
            replace(m, end=date(2024, 3, 31)) if m.person == "p2" else m
            for m in governance.memberships
        ),
    )
    assert found(ended, not_seated, "decision_outside_budget_window") == {}


def test_reporting_periods_misaligned() -> None:
    governance = kite()
    cycles = [
        PartnerCycle("council"),
        PartnerCycle("nhs", year_start_month=1),
        PartnerCycle("police", year_start_month=5),
        PartnerCycle("cvs", reporting_period_months=6),
    ]
    findings = found(governance, cycles, "reporting_periods_misaligned")
    assert list(findings) == ["police"]
    evidence = dict(findings["police"].evidence.figures)
    assert evidence == {
        "period ends": "7, 10, 1, 4",
        "lead partner": "council",
        "lead period ends": "6, 9, 12, 3",
    }
    assert "cannot be combined" in findings["police"].message
    assert found(governance, cycles[:1], "reporting_periods_misaligned") == {}
