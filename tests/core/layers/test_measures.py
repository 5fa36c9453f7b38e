"""The figures each body is judged by: chairs of Table 3, the council's shares over time,
the years judged, and the package rows the command line reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from partnerscope.core.layers import analyse_governance, chair_type, governance_from_tables
from partnerscope.core.layers.years import judged_years
from tests.core.layers.kite import kite


def test_chairs_are_read_as_table_3_describes_them() -> None:
    bodies = {b["body"]: b for b in analyse_governance(kite()).to_dict()["bodies"]}
    assert bodies["board"]["chair_type"] == "council_leader_or_mayor"
    assert bodies["board"]["chair_risk"] == "council domination"
    assert bodies["exec"]["chair_sector"] == "health"
    assert bodies["exec"]["chair_risk"] == "public-sector domination"
    assert bodies["theme"]["chair_type"] == "independent"
    assert bodies["theme"]["chair_risk"] == "weaker public accountability"
    assert chair_type("council", "Cabinet Member for Communities").kind == "cabinet_member"
    assert chair_type("housing").kind == "independent"


def test_body_figures() -> None:
    result = analyse_governance(kite({"exec": 6})).to_dict()
    board = next(b for b in result["bodies"] if b["body"] == "board")
    assert board["meetings_per_year"] == 4
    assert board["drift_share"] == 0.0
    assert board["attendance_rate"] == 1.0
    assert board["size"] == 5
    assert board["years"][0] == {
        "year": "2024-25",
        "meetings": 4,
        "items": 8,
        "drift_share": 0.0,
        "time_drift_share": None,
        "attendance_rate": 1.0,
        "meetings_below_quorum": 0,
        "council_presented_share": None,
    }


def test_the_councils_shares_over_time() -> None:
    governance = kite(starts=(date(2024, 4, 1), date(2025, 4, 1)))
    leadership = analyse_governance(governance).to_dict()["leadership"]
    assert [row["year"] for row in leadership] == ["2024-25", "2025-26"]
    assert leadership[0]["council_share_of_chairs"] == round(1 / 3, 3)
    assert leadership[0]["council_share_of_members"] == round(4 / 14, 3)
    # board 4 meetings x 5 present (2 council), exec 8 x 4 (1), theme 12 x 5 (1): 28 of 112
    assert leadership[0]["council_share_of_attendees"] == 0.25


def test_a_year_the_records_cover_only_in_part_is_not_judged() -> None:
    assert judged_years([date(2024, 9, 1), date(2025, 2, 1)]) == ()
    assert judged_years([date(2024, 4, 1), date(2025, 3, 31)]) == (2024,)
    assert judged_years([date(2024, 1, 5), date(2024, 12, 1)], start_month=1) == (2024,)
    late_start = kite()
    first = min(m.date for m in late_start.meetings)
    meetings = tuple(m for m in late_start.meetings if m.date > first.replace(month=7))
    result = analyse_governance(replace(late_start, meetings=meetings))
    assert result.facts.years == ()
    assert not [f for f in result.findings if f.rule.id.startswith("frequency")]


def test_package_rows_become_the_analysis_inputs() -> None:
    governance = governance_from_tables(
        {
            "partnership": [{"slug": "kite", "name": "Kite"}],
            "organisations": [
                {"id": "council", "name": "Council", "sector": "council", "statutory": True}
            ],
            "people": [{"id": "a", "name": "A", "organisation": "council", "job_title": None}],
            "bodies": [
                {"id": "b", "name": "B", "layer": "executive", "parent": None, "functions": ""}
            ],
            "memberships": [
                {"person": "a", "body": "b", "role": "chair", "start": "2024-01-01", "end": None}
            ],
            "meetings": [{"id": "m", "body": "b", "date": "2024-05-01", "duration_minutes": 90}],
            "agenda_items": [
                {
                    "meeting": "m",
                    "position": 1,
                    "title": "T",
                    "function": "vision",
                    "layer": "strategic",
                    "presenter": "council",
                }
            ],
            "attendance": [{"meeting": "m", "person": "a", "status": "present"}],
        }
    )
    assert governance.organisations[0].statutory is True
    assert governance.memberships[0].start == date(2024, 1, 1)
    assert governance.meetings[0].duration_minutes == 90
    assert governance.agenda_items[0].presenter == "council"
    assert governance.bodies[0].functions == ()
