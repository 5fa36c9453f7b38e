"""Each layer rule on the hand-made kite partnership; each test is named after its rule."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from datetime import date

from partnerscope.core.findings import Severity, SubjectKind
from partnerscope.core.layers import (
    DEFAULT_RULES,
    AgendaItem,
    Attendance,
    Governance,
    LayerSettings,
    analyse_governance,
)
from tests.core.layers.kite import BODIES, SEATS, kite


def found(governance: Governance, rule: str, settings: LayerSettings | None = None) -> dict:
    """The findings of ``rule`` by subject ref."""
    result = analyse_governance(governance, settings)
    return {f.subject.ref: f for f in result.findings if f.rule.id == rule}


def figures(finding) -> dict:
    return dict(finding.evidence.figures)


def relabel(governance: Governance, change) -> Governance:
    """The partnership with each agenda item passed through ``change``."""
    return replace(governance, agenda_items=tuple(change(item) for item in governance.agenda_items))


def with_attendance(governance: Governance, change) -> Governance:
    return replace(governance, attendance=tuple(change(row) for row in governance.attendance))


def test_the_kite_partnership_is_healthy() -> None:
    result = analyse_governance(kite())
    assert [f.key for f in result.findings] == []
    assert result.to_dict()["years"] == ["2024-25"]


def test_every_rule_has_a_test_of_its_name_and_a_text() -> None:
    names = {name for name in dir(sys.modules[__name__]) if name.startswith("test_")}
    for rule in DEFAULT_RULES:
        assert f"test_{rule.id}" in names, rule.id
        assert rule.text() and rule.text() == rule.ref().text
        assert re.fullmatch(r"[a-z0-9_]+", rule.id)
    assert len({rule.id for rule in DEFAULT_RULES}) == len(DEFAULT_RULES)


def test_frequency_below_table8() -> None:
    findings = found(kite({"exec": 4}), "frequency_below_table8")
    assert list(findings) == ["exec"]
    finding = findings["exec"]
    assert figures(finding) == {
        "layer": "executive",
        "least a year": 6,
        "most a year": 12,
        "meetings 2024-25": 4,
    }
    assert finding.area == "governance" and finding.period == "2024-25"
    assert finding.subject.kind is SubjectKind.BODY and finding.severity is Severity.MEDIUM
    assert "Table 8" in finding.rule.text


def test_frequency_above_table8() -> None:
    findings = found(kite({"board": 6}), "frequency_above_table8")
    assert list(findings) == ["board"]
    assert figures(findings["board"])["meetings 2024-25"] == 6
    assert findings["board"].severity is Severity.LOW


def test_agenda_drift() -> None:
    def operational_second_items(item: AgendaItem) -> AgendaItem:
        if item.meeting.startswith("board-") and item.position == 2:
            return replace(item, layer="operational")
        return item

    findings = found(relabel(kite(), operational_second_items), "agenda_drift")
    board = figures(findings["board"])
    assert board["items 2024-25"] == 8
    assert board["items of another layer 2024-25"] == 4
    assert board["share of items 2024-25"] == 0.5
    assert board["operational items 2024-25"] == 4 and board["executive items 2024-25"] == 0
    assert "share of time 2024-25" not in board
    assert list(findings) == ["board"]


def test_agenda_drift_by_time_where_durations_are_given() -> None:
    first = "board-2024-04-01"

    def timed(item: AgendaItem) -> AgendaItem:
        if not item.meeting.startswith("board-"):
            return item
        if item.meeting == first and item.position == 2:
            return replace(item, layer="operational", duration_minutes=60)
        return replace(item, duration_minutes=10)

    board = figures(found(relabel(kite(), timed), "agenda_drift")["board"])
    assert board["share of items 2024-25"] == 0.125
    assert board["share of time 2024-25"] == round(60 / 130, 3)


def test_agenda_drift_needs_more_than_a_third() -> None:
    def two_of_eight(item: AgendaItem) -> AgendaItem:
        if item.meeting in {"board-2024-04-01", "board-2024-07-01"} and item.position == 2:
            return replace(item, layer="operational")
        return item

    assert found(relabel(kite(), two_of_eight), "agenda_drift") == {}


def test_executive_without_executive_business() -> None:
    def commissioning(item: AgendaItem) -> AgendaItem:
        return replace(item, function="commissioning") if item.meeting.startswith("exec-") else item

    findings = found(relabel(kite(), commissioning), "executive_without_executive_business")
    assert list(findings) == ["exec"]
    assert figures(findings["exec"])["meetings 2024-25"] == 8
    assert found(kite(), "executive_without_executive_business") == {}


def test_function_missing() -> None:
    bodies = (replace(BODIES[0], functions=("vision",)), *BODIES[1:])
    findings = found(kite(bodies=bodies), "function_missing")
    assert figures(findings["kite"]) == {"missing functions": "scrutiny", "bodies": 3}
    assert findings["kite"].subject.kind is SubjectKind.PARTNERSHIP
    assert findings["kite"].severity is Severity.HIGH


def test_operational_without_executive_line() -> None:
    to_board = (*BODIES[:2], replace(BODIES[2], parent="board"))
    findings = found(kite(bodies=to_board), "operational_without_executive_line")
    assert figures(findings["theme"])["reports through"] == "board"
    alone = (*BODIES[:2], replace(BODIES[2], parent=None))
    assert "theme" in found(kite(bodies=alone), "operational_without_executive_line")
    assert found(kite(), "operational_without_executive_line") == {}


def test_body_without_meetings() -> None:
    governance = kite({"exec": 0})
    findings = found(governance, "body_without_meetings")
    assert list(findings) == ["exec"] and figures(findings["exec"]) == {"meetings 2024-25": 0}
    assert found(governance, "frequency_below_table8") == {}


def test_executive_too_large() -> None:
    big = (BODIES[0], replace(BODIES[1], size=30), BODIES[2])
    assert figures(found(kite(bodies=big), "executive_too_large")["exec"]) == {
        "members": 30,
        "limit": 29,
    }
    assert (
        found(
            kite(bodies=(BODIES[0], replace(BODIES[1], size=29), BODIES[2])), "executive_too_large"
        )
        == {}
    )
    counted = found(kite(), "executive_too_large", LayerSettings(executive_members_above=3))
    assert figures(counted["exec"])["members"] == 4


def _police_misses_theme(meetings: int) -> Governance:
    governance = kite()
    missed = {m.ref for m in governance.meetings if m.body == "theme"}
    missed = set(sorted(missed)[:meetings])

    def absent(row: Attendance) -> Attendance:
        if row.person == "p1" and row.meeting in missed:
            return replace(row, status="apologies")
        return row

    return with_attendance(governance, absent)


def test_statutory_partner_low_attendance() -> None:
    findings = found(_police_misses_theme(7), "statutory_partner_low_attendance")
    assert list(findings) == ["police"]
    evidence = figures(findings["police"])
    assert evidence["meetings with a seat theme 2024-25"] == 12
    assert evidence["meetings represented theme 2024-25"] == 5
    assert evidence["attendance rate theme 2024-25"] == round(5 / 12, 3)
    assert found(_police_misses_theme(6), "statutory_partner_low_attendance") == {}


def test_below_quorum() -> None:
    governance = kite()
    thin = set(sorted(m.ref for m in governance.meetings if m.body == "theme")[:3])

    def only_chair(row: Attendance) -> Attendance:
        if row.meeting in thin and row.person != "v1":
            return replace(row, status="absent")
        return row

    findings = found(with_attendance(governance, only_chair), "below_quorum")
    assert figures(findings["theme"])["meetings below quorum 2024-25"] == 3

    def two_present(row: Attendance) -> Attendance:
        if row.meeting in thin and row.person not in {"v1", "v2"}:
            return replace(row, status="absent")
        return row

    assert found(with_attendance(governance, two_present), "below_quorum") == {}


def test_organisation_sends_no_one() -> None:
    governance = kite(starts=(date(2024, 4, 1), date(2025, 4, 1)))
    held_on = {meeting.ref: meeting.date for meeting in governance.meetings}

    def stopped(row: Attendance) -> Attendance:
        late = held_on[row.meeting] >= date(2025, 4, 1)
        if row.person == "v2" and row.meeting.startswith("exec-") and late:
            return replace(row, status="absent")
        return row

    findings = found(with_attendance(governance, stopped), "organisation_sends_no_one")
    assert list(findings) == ["cvs"]
    finding = findings["cvs"]
    evidence = figures(finding)
    assert evidence["meetings with a seat exec 2025-26"] == 8
    assert evidence["meetings represented exec 2025-26"] == 0
    assert evidence["attendance rate exec 2024-25"] == 1.0
    assert "had attended exec the year before" in finding.message
    assert finding.period == "2025-26"


def test_organisation_sends_no_one_needs_two_missed_meetings() -> None:
    governance = kite({"board": 4})
    first = min(m.ref for m in governance.meetings if m.body == "exec")

    def one_missed(row: Attendance) -> Attendance:
        return replace(row, status="absent") if row.meeting == first else row

    assert found(with_attendance(governance, one_missed), "organisation_sends_no_one") == {}


def test_bottleneck_people() -> None:
    seats = {**SEATS, "exec": (*SEATS["exec"], ("v1", "member"))}
    settings = LayerSettings(bottleneck_bodies_above=2)
    findings = found(kite(seats=seats), "bottleneck_people", settings)
    assert figures(findings["kite"]) == {"limit": 2, "people": 1, "bodies of v1": 3}
    assert found(kite(seats=seats), "bottleneck_people") == {}


def test_no_chair() -> None:
    seats = {**SEATS, "exec": tuple((person, "member") for person, _ in SEATS["exec"])}
    findings = found(kite(seats=seats), "no_chair")
    assert list(findings) == ["exec"]
    assert figures(findings["exec"]) == {"members": 4, "chairs": 0}


def test_council_domination() -> None:
    seats = {
        "board": SEATS["board"],
        "exec": (("c3", "chair"), ("n2", "member"), ("p2", "member"), ("v2", "member")),
        "theme": (
            ("c4", "chair"),
            ("v1", "member"),
            ("p1", "member"),
            ("n1", "member"),
            ("v2", "member"),
        ),
    }
    findings = found(kite(seats=seats), "council_domination")
    evidence = figures(findings["kite"])
    assert evidence["council share of chairs 2024-25"] == 1.0
    assert evidence["council share of members 2024-25"] == round(4 / 14, 3)
    assert evidence["council share of presented 2024-25"] is None
    assert "chairs" in findings["kite"].message and "members" not in findings["kite"].message


def _board_presented_by_council(count: int) -> Governance:
    governance = kite()
    board = sorted(
        (item for item in governance.agenda_items if item.meeting.startswith("board-")),
        key=lambda item: (item.meeting, item.position),
    )
    council = {(item.meeting, item.position) for item in board[:count]}

    def present(item: AgendaItem) -> AgendaItem:
        if not item.meeting.startswith("board-"):
            return item
        return replace(
            item, presenter="council" if (item.meeting, item.position) in council else "nhs"
        )

    return relabel(governance, present)


def test_council_presents_most() -> None:
    findings = found(_board_presented_by_council(5), "council_presents_most")
    evidence = figures(findings["board"])
    assert evidence["items presented 2024-25"] == 8
    assert evidence["presented by the council 2024-25"] == 5
    assert evidence["council share 2024-25"] == 0.625
    assert found(_board_presented_by_council(4), "council_presents_most") == {}


def test_top_table() -> None:
    seats = {**SEATS, "board": tuple(row for row in SEATS["board"] if row[0] != "v1")}
    findings = found(kite(seats=seats), "top_table")
    assert list(findings) == ["board"]
    assert figures(findings["board"]) == {
        "council members": 2,
        "voluntary and community members": 0,
        "members": 4,
        "voluntary and community seats on operational bodies": 2,
        "chair sector": "council",
    }
    no_voluntary_below = {
        **seats,
        "theme": tuple(row for row in SEATS["theme"] if not row[0].startswith("v"))
        + (("c4", "chair"),),
    }
    assert found(kite(seats=no_voluntary_below), "top_table") == {}
