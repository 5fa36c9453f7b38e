"""The scrutiny report section: reviews, recommendations and their state, naming no one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string

from partnerscope.apps.common.extensions import report_sections
from partnerscope.apps.common.reporting import ReportRequest
from partnerscope.apps.scrutiny.models import CommitteeMember, Response
from tests.apps.scrutiny.builders import recommendation

pytestmark = pytest.mark.django_db


def test_the_section_lists_recommendations_with_their_state_and_no_names(kite):
    late = recommendation(kite, "late", received=dt.date(2025, 1, 10))
    late.made_by = "Sam Scrutineer"
    late.save()
    answered = recommendation(kite, "ok", to="council", received=dt.date(2025, 1, 10))
    Response.objects.create(
        recommendation=answered,
        ref="response",
        decision="accepted",
        published=dt.date(2025, 2, 1),
        written_by="Olu Officer",
    )
    CommitteeMember.objects.create(committee=late.review.committee, ref="c", name="Cllr Grey")
    section = next(section for section in report_sections() if section.key == "scrutiny")
    assert section.order == 92 and section.in_public_version
    request = ReportRequest(kite["partnership"], dt.date(2025, 6, 1), public=True)
    html = render_to_string(
        section.template, {**section.context(request), "section": section, "report": request}
    )
    assert "Refuge places" in html and "Kite Police" in html and "10 Mar 2025" in html
    assert "Overdue" in html and "Responded: Accepted" in html
    assert "1 response overdue" in html
    for name in ("Sam Scrutineer", "Olu Officer", "Cllr Grey"):
        assert name not in html
