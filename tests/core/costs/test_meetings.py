"""Meeting costs, worked by hand.

Two bodies: a strategic board (90 minutes; two items, one strategic and one operational)
and an operational group (60 minutes; one operational item). With 1 hour to prepare and
half an hour to travel, each person present gives the board 1.5 + 1.5 = 3 hours and the
group 1 + 1.5 = 2.5 hours.

Rates (a deflator of 100 in 2023 and 110 in 2025, prices restated at 2025):
- any: £20 an hour at 2025 prices, no source (an assumption);
- sector health: £30 at 2023 prices (× 1.1 = £33), source "NHS pay";
- organisation Council, role chair: £50 at 2025 prices, source "Council pay".

Board (2025): the council's chair 3 h × £50 = £150; a council officer (any rate) 3 × £20 =
£60; the ICB's member 3 × £33 = £99; total £309, £60 of it assumed; 9 hours.
Group (2024): the council officer 2.5 × £20 = £50; a charity's worker, whom only the "any"
rate fits, 2.5 × £20 = £50; total £100, all assumed; 5 hours.
Items: the board's £309 is £154.50 for each of its two items; the group's one item costs £100.
"""

from __future__ import annotations

import pytest

from partnerscope.core.costs import (
    Attendee,
    DeflatorSeries,
    HourlyRate,
    MeetingCostSettings,
    MeetingRecord,
    find_rate,
    meeting_costs,
)

SERIES = DeflatorSeries("test", "made up", "", {2023: 100.0, 2024: 105.0, 2025: 110.0})
RATES = (
    HourlyRate(20.0, 2025),
    HourlyRate(30.0, 2023, "NHS pay", sector="health"),
    HourlyRate(50.0, 2025, "Council pay", organisation="Council", role="chair"),
)
CHAIR = Attendee("ann", "Council", "council", "chair")
OFFICER = Attendee("bob", "Council", "council", "officer")
ICB = Attendee("cat", "ICB", "health", "member")
CHARITY = Attendee("dev", "Charity", "voluntary_community", "member")
BOARD = MeetingRecord(
    "b1", "Board", "strategic", 2025, 90, (CHAIR, OFFICER, ICB), ("strategic", "operational")
)
GROUP = MeetingRecord("g1", "Group", "operational", 2024, 60, (OFFICER, CHARITY), ("operational",))


@pytest.fixture
def result():
    return meeting_costs([BOARD, GROUP], RATES, MeetingCostSettings(1.0, 0.5), 2025, SERIES)


def test_each_meeting_costs_what_the_hand_working_says(result):
    board, group = result.meetings
    assert (board.hours, board.cost, board.assumed_cost) == (9.0, pytest.approx(309.0), 60.0)
    assert (group.hours, group.cost, group.assumed_cost) == (5.0, 100.0, 100.0)
    assert result.total_cost == pytest.approx(409.0)
    assert result.assumed_cost == 160.0
    assert result.unpriced == 0


def test_totals_by_body_layer_organisation_and_year(result):
    assert result.by_body["Board"] == (9.0, pytest.approx(309.0), 1)
    assert result.by_layer["operational"] == (5.0, 100.0, 1)
    assert result.by_year[2024] == (5.0, 100.0, 1)
    assert result.by_organisation["Council"] == (8.5, 260.0, 3)
    assert result.by_organisation["ICB"] == (3.0, pytest.approx(99.0), 1)
    assert result.by_organisation["Charity"] == (2.5, 50.0, 1)


def test_the_cost_per_agenda_item_by_layer_shows_a_board_on_operational_business(result):
    assert result.by_item_layer[("strategic", "operational")] == (1, pytest.approx(154.5))
    assert result.by_item_layer[("strategic", "strategic")] == (1, pytest.approx(154.5))
    assert result.by_item_layer[("operational", "operational")] == (1, 100.0)
    rows = {(r["body_layer"], r["item_layer"]): r for r in result.to_dict()["by_item_layer"]}
    assert rows[("strategic", "operational")]["cost_per_item"] == pytest.approx(154.5)


def test_the_most_specific_rate_wins_and_an_unfitted_person_is_counted():
    assert find_rate(RATES, CHAIR).hourly_cost == 50.0
    assert find_rate(RATES, ICB).hourly_cost == 30.0
    assert find_rate(RATES[1:], CHARITY) is None
    result = meeting_costs([GROUP], RATES[1:], MeetingCostSettings(0.0, 0.0), 2025, SERIES)
    assert result.unpriced == 2
    assert result.meetings[0].unpriced == ("bob", "dev")
    assert result.total_cost == 0.0
    assert result.by_organisation["Council"] == (1.0, 0.0, 1)


def test_a_rate_outside_the_deflator_is_an_error():
    rates = (HourlyRate(20.0, 1990),)
    with pytest.raises(ValueError, match="no figure for 1990"):
        meeting_costs([GROUP], rates, MeetingCostSettings(), 2025, SERIES)
