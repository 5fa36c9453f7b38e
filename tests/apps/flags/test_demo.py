"""The demo's flags come from the rules on Northshire's real evidence: two confirmed red,
one confirmed green, and one red candidate shown as known and being tackled."""

from __future__ import annotations

import pytest

from partnerscope.apps.common.extensions import report_sections
from partnerscope.apps.common.reporting import ReportRequest
from partnerscope.apps.flags import selectors
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def test_northshire_has_its_flags_and_answers(client):
    build_demo(1)
    northshire = Partnership.objects.get(slug="northshire")
    views = selectors.flags(northshire)
    confirmed = sorted((view.colour, view.key) for view in views if view.status == "confirmed")
    assert confirmed == [
        ("green", "green_sustained_improvement:outcome:waste"),
        ("red", "red_outcome_consistently_missing:outcome:healthy-start"),
        ("red", "red_partnership_significant_concerns:partnership:northshire"),
    ]
    assert all(view.reason and view.supported for view in views if view.status == "confirmed")
    known = [view for view in views if view.known_and_being_tackled]
    assert [view.key for view in known] == [
        "red_outcome_off_track_fragile_chain:outcome:domestic-abuse"
    ]
    assert known[0].colour == "" and known[0].status == "candidate"
    answers = selectors.questions(northshire)
    assert all(answer["narrative"] and answer["self_rating"] for answer in answers)
    assert selectors.organisations_named(northshire, known[0].key) >= {"northshire-police"}
    sections = {section.key: section for section in report_sections()}
    summary = sections["summary"].context(ReportRequest(northshire, today=None, public=True))
    assert len(summary["red_flags"]) == 2 and len(summary["green_flags"]) == 1
    assert [view.key for view in summary["known_and_being_tackled"]] == [known[0].key]
