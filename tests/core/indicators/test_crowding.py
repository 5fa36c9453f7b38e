"""Crowding out: each reason an outcome is listed, on a small hand-built partnership."""

from __future__ import annotations

from datetime import date

from partnerscope.core.indicators.crowding import (
    IndicatorCoverage,
    Meeting,
    OutcomeCoverage,
    crowded_out,
)
from partnerscope.core.indicators.periods import parse_period

Q = parse_period
# The board met five times; "jobs" was discussed only at the first (outside the last four).
MEETINGS = [
    Meeting("board", date(2023, 3, 1), frozenset({"jobs", "homes"})),
    Meeting("board", date(2023, 6, 1), frozenset({"homes"})),
    Meeting("board", date(2023, 9, 1), frozenset({"homes"})),
    Meeting("board", date(2023, 12, 1), frozenset({"homes"})),
    Meeting("board", date(2024, 3, 1), frozenset({"homes"})),
]
CURRENT = Q("2024-Q1")


def fresh(code, has_target=True):
    return IndicatorCoverage(code, has_target, latest_value=CURRENT, current_period=CURRENT)


def healthy(name="homes"):
    return OutcomeCoverage(name, "More homes", "council", "board", (fresh("NI 154"),))


def reasons(outcomes, meetings=MEETINGS, as_of=None):
    return {
        found.outcome: [reason.rule.name for reason in found.reasons]
        for found in crowded_out(outcomes, meetings, as_of)
    }


def test_a_healthy_outcome_is_not_listed():
    assert reasons([healthy()]) == {}


def test_crowding_no_indicator():
    outcome = OutcomeCoverage("safety", "Safer streets", "police", "board")
    # No indicator, so also no target and no value, but only the first reason is given;
    # it was never on the agenda either.
    assert reasons([outcome]) == {"safety": ["crowding_no_indicator", "crowding_no_agenda_time"]}


def test_crowding_no_target():
    outcome = OutcomeCoverage(
        "homes", "More homes", "council", "board", (fresh("NI 154", False), fresh("NI 155", False))
    )
    found = crowded_out([outcome], MEETINGS)
    assert [r.rule.name for r in found[0].reasons] == ["crowding_no_target"]
    assert found[0].reasons[0].detail == "no target for NI 154, NI 155"


def test_crowding_no_owner():
    outcome = OutcomeCoverage("homes", "More homes", None, "board", (fresh("NI 154"),))
    assert reasons([outcome]) == {"homes": ["crowding_no_owner"]}


def test_crowding_no_agenda_time():
    outcome = OutcomeCoverage("jobs", "More jobs", "council", "board", (fresh("NI 151"),))
    found = crowded_out([outcome], MEETINGS)
    assert [r.rule.name for r in found[0].reasons] == ["crowding_no_agenda_time"]
    assert "2023-06-01, 2023-09-01, 2023-12-01, 2024-03-01" in found[0].reasons[0].detail
    # As at the end of 2023 the March 2023 meeting is among the last four.
    assert reasons([outcome], as_of=date(2023, 12, 31)) == {}
    # No owning body, or a body that has not met.
    no_body = OutcomeCoverage("jobs", "More jobs", "council", None, (fresh("NI 151"),))
    assert reasons([no_body]) == {"jobs": ["crowding_no_agenda_time"]}
    assert reasons([outcome], meetings=[]) == {"jobs": ["crowding_no_agenda_time"]}


def test_crowding_no_recent_value():
    # Latest values 2023-Q3 and none, with 2024-Q1 due: no value for 2023-Q4 or 2024-Q1.
    stale = IndicatorCoverage("NI 154", True, latest_value=Q("2023-Q3"), current_period=CURRENT)
    never = IndicatorCoverage("NI 155", True, latest_value=None, current_period=CURRENT)
    outcome = OutcomeCoverage("homes", "More homes", "council", "board", (stale, never))
    assert reasons([outcome]) == {"homes": ["crowding_no_recent_value"]}
    # One period without a value is not yet two.
    recent = IndicatorCoverage("NI 154", True, latest_value=Q("2023-Q4"), current_period=CURRENT)
    outcome = OutcomeCoverage("homes", "More homes", "council", "board", (recent, never))
    assert reasons([outcome]) == {}
    # An indicator with an unknown current period is not judged stale.
    unknown = IndicatorCoverage("NI 154", True, latest_value=None, current_period=None)
    outcome = OutcomeCoverage("homes", "More homes", "council", "board", (unknown,))
    assert reasons([outcome]) == {}


def test_outcomes_keep_their_order_and_all_reasons():
    neglected = OutcomeCoverage(
        "jobs", "More jobs", "", "board", (IndicatorCoverage("NI 151", False, None, CURRENT),)
    )
    found = crowded_out([neglected, healthy(), OutcomeCoverage("air", "Cleaner air")], MEETINGS)
    assert [f.outcome for f in found] == ["jobs", "air"]
    assert [r.rule.name for r in found[0].reasons] == [
        "crowding_no_target",
        "crowding_no_owner",
        "crowding_no_agenda_time",
        "crowding_no_recent_value",
    ]
    assert found[0].to_dict()["reasons"][1] == {
        "rule": "crowding_no_owner",
        "text": found[0].reasons[1].rule.text,
        "detail": "no owner is recorded",
    }
