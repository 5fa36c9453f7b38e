"""The flags area's report sections render the flags and the three questions, fit for
the public version (no person named)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string

from partnerscope.apps.common.extensions import report_sections
from partnerscope.apps.common.reporting import ReportRequest
from partnerscope.apps.flags import deciding, questions
from tests.apps.flags.builders import RED_FINDING, flag

pytestmark = pytest.mark.django_db


def render(key, partnership):
    section = next(section for section in report_sections() if section.key == key)
    request = ReportRequest(partnership, dt.date(2026, 12, 7), public=True)
    assert section.in_public_version
    return render_to_string(
        section.template, {**section.context(request), "section": section, "report": request}
    )


def test_the_summary_lists_confirmed_flags_and_known_concerns(kite):
    partnership = kite["partnership"]
    deciding.decide(flag(partnership), "confirm", "Homes first.", by="Ann Secret")
    flag(partnership, "red_outcome_off_track_fragile_chain", tackled_by=[list(RED_FINDING)])
    flag(partnership, "green_sustained_improvement", proposed_colour="green", scope_ref="waste")
    html = render("summary", partnership)
    red, rest = html.split("Green flags", 1)
    green, known = rest.split("Known and being tackled</h3>", 1)
    assert "Most indicators red and consistently missed" in red and "Homes first." in red
    assert "rule red_outcome_consistently_missing" in red
    assert "rag_red about indicator NI 154" in red
    assert "No green flag." in green
    assert "Off track, concerning special cause, fragile chain" in known
    assert "1 further candidate flag awaits a decision" in known
    assert "Ann Secret" not in html


def test_the_questions_section_labels_the_rating_as_the_partnerships_own(kite):
    partnership = kite["partnership"]
    questions.save_answer(partnership, "prospects", "Trust is growing.", 3, by="Ann Secret")
    html = render("questions", partnership)
    assert html.index("priorities") < html.index("delivery") < html.index("prospects")
    assert "Trust is growing." in html and "3: performs well" in html
    assert "not an inspector" in html and "Ann Secret" not in html
    assert "has not answered this question yet" in html
