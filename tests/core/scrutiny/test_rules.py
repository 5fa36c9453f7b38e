"""The scrutiny rules, each by name, on hand-made facts; the tracker's states; the mapping
from findings to lines of enquiry."""

from __future__ import annotations

from datetime import date

from partnerscope.core.layers.deadlines import response_due
from partnerscope.core.scrutiny import (
    MemberDevelopment,
    NoPartnershipDevelopment,
    RecommendationFacts,
    RejectedWithoutReasons,
    ResponseOverdue,
    Status,
    lines_of_enquiry,
    status_on,
)


def facts(ref, received, published=None, decision="", reasons="", closed=False):
    due = response_due(received) if received else None
    return RecommendationFacts(ref, "Police", received, due, published, decision, reasons, closed)


def test_response_overdue():
    items = [
        facts("late", date(2024, 12, 31)),
        facts("today", date(2025, 1, 15)),
        facts("answered", date(2024, 12, 31), published=date(2025, 3, 10)),
        facts("unsent", None),
    ]
    hits = ResponseOverdue().check(items, date(2025, 3, 15))
    assert [hit.subject for hit in hits] == ["late"]
    assert dict(hits[0].figures)["due"] == "2025-02-28"


def test_rejected_without_reasons():
    items = [
        facts("bare", date(2025, 1, 1), date(2025, 2, 1), "rejected"),
        facts("partly", date(2025, 1, 1), date(2025, 2, 1), "partly_accepted", "  "),
        facts("reasoned", date(2025, 1, 1), date(2025, 2, 1), "rejected", "No budget."),
        facts("accepted", date(2025, 1, 1), date(2025, 2, 1), "accepted"),
    ]
    assert [hit.subject for hit in RejectedWithoutReasons().check(items)] == ["bare", "partly"]


def test_no_partnership_development():
    today = date(2026, 2, 28)
    members = [
        MemberDevelopment("a", "A", "Chair", (date(2023, 2, 28),)),
        MemberDevelopment("b", "B", "Member", (date(2023, 2, 27),)),
        MemberDevelopment("c", "C", "Member", ()),
    ]
    hits = NoPartnershipDevelopment().check(members, today, 3)
    assert [hit.subject for hit in hits] == ["b", "c"]
    assert dict(hits[1].figures)["last"] == "never"


def test_every_rule_has_a_name_and_text():
    for rule in (ResponseOverdue, RejectedWithoutReasons, NoPartnershipDevelopment):
        assert rule.name and rule.text().startswith("A ")


def test_status_on_the_due_day_and_after():
    due = response_due(date(2023, 12, 31))
    assert due == date(2024, 2, 29)
    assert status_on(due, None, False, date(2024, 2, 29)) is Status.DUE
    assert status_on(due, None, False, date(2024, 3, 1)) is Status.OVERDUE
    assert status_on(None, None, False, date(2024, 3, 1)) is Status.NOT_SENT
    assert status_on(due, date(2024, 1, 5), True, date(2024, 3, 1)) is Status.CLOSED


def test_lines_of_enquiry_name_their_evidence_and_skip_unmapped_rules():
    found = [
        {
            "area": "chains",
            "rule": "DC-W01",
            "subject": "Police to MARAC",
            "message": "Red link.",
            "url": "/f/2/",
        },
        {
            "area": "performance",
            "rule": "rag_red",
            "subject": "NI 32",
            "message": "Red.",
            "url": "/f/1/",
        },
        {
            "area": "performance",
            "rule": "quality_outlier",
            "subject": "NI 1",
            "message": "x",
            "url": "/f/3/",
        },
        {
            "area": "sevens",
            "rule": "weak_element",
            "subject": "Systems",
            "message": "Low.",
            "url": "/f/4/",
        },
    ]
    lines = lines_of_enquiry(found)
    assert [line.theme for line in lines] == [
        "Off-track indicators",
        "How the partnership works (7S)",
        "Weak links in delivery chains",
    ]
    assert lines[0].url == "/f/1/" and "NI 32" in lines[0].question


def test_one_line_per_subject_and_theme_the_first_rule_asking():
    found = [
        {
            "area": "performance",
            "rule": "direction_worsening",
            "subject": "NI 32",
            "message": "Worse.",
            "url": "/f/5/",
        },
        {
            "area": "performance",
            "rule": "rag_red",
            "subject": "NI 32",
            "message": "Red.",
            "url": "/f/1/",
        },
        {
            "area": "performance",
            "rule": "rag_red",
            "subject": "NI 1",
            "message": "Red.",
            "url": "/f/6/",
        },
    ]
    lines = lines_of_enquiry(found)
    assert [(line.rule, line.url) for line in lines] == [("rag_red", "/f/1/"), ("rag_red", "/f/6/")]
