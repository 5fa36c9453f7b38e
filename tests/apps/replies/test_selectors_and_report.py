"""The replies other apps read: beside a finding, counted for the register, in the report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.common.extensions import report_sections
from partnerscope.apps.common.reporting import ReportRequest
from partnerscope.apps.findings.models import StoredFinding
from partnerscope.apps.replies import replying
from partnerscope.apps.replies.selectors import replies_for, reply_counts
from tests.apps.findings.builders import isolated, weak_element
from tests.apps.replies.builders import police_reply

pytestmark = pytest.mark.django_db

POLICE = isolated().key
ELEMENT = weak_element().key


def test_replies_for_gives_each_findings_replies_oldest_first(kite):
    first = police_reply(kite, when=timezone.now() - dt.timedelta(days=3))
    second = police_reply(kite, position="agree", text="")
    found = replies_for(kite["partnership"], "finding", [POLICE, ELEMENT])
    assert list(found) == [POLICE]
    assert [view.ref for view in found[POLICE]] == [first.ref, second.ref]
    view = found[POLICE][0]
    assert view.organisation_name == "Kite Police" and view.position_label == "Disagree"
    assert view.written_by == "Bola Bello" and view.target_key == POLICE
    assert view.response is None and view.versions == 1
    assert reply_counts(kite["partnership"], [POLICE, ELEMENT]) == {POLICE: 2}
    assert replies_for(kite["partnership"], "flag", ["red:outcome:falls"]) == {}


def test_a_reply_is_not_shown_in_another_partnership(kite):
    from tests.apps.partnerships.factories import PartnershipFactory

    police_reply(kite)
    other = PartnershipFactory()
    assert replies_for(other, "finding", [POLICE]) == {}
    assert reply_counts(other, [POLICE]) == {}


def test_the_finding_page_shows_replies_and_the_response_to_every_reader(kite, client, role_user):
    reply = police_reply(kite)
    replying.respond(reply, "We re-ran the survey.", None, name="Manager")
    finding = StoredFinding.objects.get(rule_id="isolated_partner")
    client.force_login(role_user("viewer"))
    html = client.get(reverse("findings:finding", args=["kite", finding.pk])).content.decode()
    panel = html.split('id="replies"')[1].split('id="history"')[0]
    assert "Kite Police" in panel and "We hold ties with every partner" in panel
    assert "We re-ran the survey." in panel and "Disagree" in panel
    assert reverse("replies:reply_to_finding", args=["kite", finding.pk]) not in panel


def report_html(kite, public: bool) -> str:
    (section,) = [s for s in report_sections() if s.key == "replies"]
    request = ReportRequest(kite["partnership"], dt.date.today(), public=public)
    return render_to_string(section.template, {**section.context(request), "section": section})


def test_the_report_section_shows_each_reply_beside_its_finding(kite):
    reply = police_reply(kite)
    replying.respond(reply, "The finding was re-checked.", None, name="Mo Manager")
    html = report_html(kite, public=False)
    assert "Isolated partner: Kite Police" in html and "rule isolated_partner" in html
    assert "Disagree" in html and "We hold ties with every partner" in html
    assert "The finding was re-checked." in html
    assert "Bola Bello" in html and "Mo Manager" in html
    assert reply.written_at.strftime("%Y-%m-%d") in html


def test_the_public_report_keeps_the_statement_and_leaves_out_peoples_names(kite):
    reply = police_reply(kite)
    replying.respond(reply, "The finding was re-checked.", None, name="Mo Manager")
    html = report_html(kite, public=True)
    assert "We hold ties with every partner" in html and "Kite Police" in html
    assert "The finding was re-checked." in html
    assert "Bola Bello" not in html and "Mo Manager" not in html


def test_the_report_section_says_when_there_are_no_replies(kite):
    assert "No partner organisation has replied" in report_html(kite, public=True)


def test_a_persons_replies_for_their_data_request(kite):
    from partnerscope.apps.partnerships.models import Person
    from partnerscope.apps.replies.selectors import replies_written_by

    police_reply(kite)
    (row,) = replies_written_by(Person.objects.filter(pk=kite["bola"].pk))
    assert row["organisation"] == "Kite Police" and row["position"] == "disagree"
    assert replies_written_by(Person.objects.filter(pk=kite["alice"].pk)) == []
