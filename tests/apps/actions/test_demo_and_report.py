"""Northshire's demo plan (about 15 actions, some overdue, some unowned, answering real
findings of its register, one open and on time answering a high-severity indicator finding)
and the plan's section of the health-check report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from partnerscope.apps.actions import selectors
from partnerscope.apps.actions.demo import NI_32_RED
from partnerscope.apps.actions.models import Action, ActionFinding
from partnerscope.apps.actions.report import actions_context, report_sections
from partnerscope.apps.common.extensions import report_sections as every_section
from partnerscope.apps.common.reporting import ReportRequest
from partnerscope.apps.findings import selectors as findings
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership
from tests.apps.actions.builders import WEAK_STEERING, action

pytestmark = pytest.mark.django_db


def test_the_demo_plan_answers_real_findings_and_tackles_a_red_indicator():
    build_demo(1)
    northshire = Partnership.objects.get(slug="northshire")
    today = timezone.localdate()
    actions = Action.objects.filter(partnership=northshire)
    assert 14 <= actions.count() <= 16
    counts = selectors.action_counts(northshire, today)
    assert counts["overdue"] >= 3 and counts["unowned"] >= 2 and counts["done"] >= 2
    assert actions.exclude(chain_ref="").count() == 7
    register = {
        (row["area"], row["rule"]["id"], row["subject"]["kind"], row["subject"]["ref"]): row
        for row in findings.open_findings(northshire)
    }
    answered = {link.key for link in ActionFinding.objects.filter(action__partnership=northshire)}
    assert len(answered) >= 10
    assert answered <= set(register)
    assert register[NI_32_RED]["severity"] == "high"
    assert NI_32_RED in selectors.finding_keys_being_tackled(northshire, today)
    assert not Action.objects.exclude(partnership=northshire).exists()


def test_the_report_section_is_offered_and_lists_the_plan(kite):
    assert [section.key for section in every_section()].count("actions") == 1
    today = dt.date(2026, 6, 1)
    action(
        kite["partnership"],
        [WEAK_STEERING],
        ref="late",
        title="Late action",
        due=today - dt.timedelta(days=1),
        owner_person=kite["alice"],
        owner_organisation=kite["council"],
    )
    action(kite["partnership"], ref="nobody", title="Nobody owns me")
    section = report_sections()[0]
    request = ReportRequest(kite["partnership"], today)
    html = render_to_string(
        section.template, {**actions_context(request), "section": section, "report": request}
    )
    assert "2 open, of which 1 overdue and 1 without an owner" in html
    assert "Alice Adams (Kite Council)" in html
    assert "sevens/weak_element/element/steering" in html


def test_the_public_report_leaves_out_owners_names(kite):
    action(
        kite["partnership"], ref="a", owner_person=kite["alice"], owner_organisation=kite["council"]
    )
    action(kite["partnership"], ref="b", owner_other="The youth team")
    context = actions_context(ReportRequest(kite["partnership"], dt.date(2026, 6, 1), public=True))
    owners = [row["owner"] for _s, _l, rows in context["groups"] for row in rows]
    assert sorted(owners) == ["Kite Council", "Named owner"]
