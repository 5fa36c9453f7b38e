"""The governance pages: who may read them, what they show of a hand-made partnership, and a
clear 404 for a body that is not the partnership's."""

from __future__ import annotations

from datetime import date

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from partnerscope.apps.common.extensions import report_sections
from partnerscope.apps.common.reporting import ReportRequest
from partnerscope.core.layers import DEFAULT_RULES, setting_sources
from tests.apps.governance.records import VARIANTS, save_governance
from tests.apps.partnerships.factories import BodyFactory, RoleFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "governance:overview",
    "governance:attendance",
    "governance:leadership",
    "governance:rules",
]


@pytest.fixture
def top_table(client):
    """The kite partnership with a council-chaired top table, and a viewer signed in."""
    partnership = save_governance(VARIANTS["top_table"](), slug="kite-top")
    client.force_login(RoleFactory(partnership=partnership, kind="viewer").user)
    return partnership


@pytest.mark.parametrize("kind", ["manager", "member", "scrutineer", "viewer"])
def test_every_role_reads_every_governance_page(kind, kite, role_user, client):
    client.force_login(role_user(kind))
    slug = kite["partnership"].slug
    for name in PAGES:
        assert client.get(reverse(name, args=[slug])).status_code == 200, name
    assert client.get(reverse("governance:body", args=[slug, kite["board"].ref])).status_code == 200


def test_someone_signed_out_is_sent_to_sign_in(kite, client):
    response = client.get(reverse("governance:overview", args=["kite"]))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_a_body_of_another_partnership_is_not_found(kite, role_user, client):
    client.force_login(role_user("viewer"))
    other = BodyFactory(ref="elsewhere")
    assert client.get(reverse("governance:body", args=["kite", other.ref])).status_code == 404
    assert client.get(reverse("governance:body", args=["kite", "no-such-body"])).status_code == 404


def test_the_menu_offers_governance(kite, role_user, client):
    client.force_login(role_user("viewer"))
    page = client.get(reverse("governance:overview", args=["kite"])).content.decode()
    assert 'href="/p/kite/governance/"' in page and ">Governance<" in page


def test_the_overview_draws_the_layers_and_marks_the_body_with_findings(top_table, client):
    page = client.get(reverse("governance:overview", args=["kite-top"])).content.decode()
    assert 'role="img"' in page and '<title id="layers-diagram-title">' in page
    assert page.count("<rect") == 3
    assert 'stroke="#d4351c"' in page and "1 finding</text>" in page
    assert "Kite Board</a>" in page and "Kite Theme Group</a>" in page
    nested = page.index("Kite Board</a>") < page.index("Kite Executive</a>")
    assert nested and "govuk-tag--red" in page


def test_a_body_page_shows_table_8_drift_attendance_and_its_chair(top_table, client):
    page = client.get(reverse("governance:body", args=["kite-top", "board"])).content.decode()
    assert "3 to 4 meetings a year" in page
    assert "Council leader or mayor" in page and "council domination" in page
    assert "Council top table" in page and "(top_table)" in page
    assert 'id="meetings-chart"' in page and "Show the data behind this chart" in page
    assert "Kite Council" in page and "Not recorded" in page


def test_attendance_and_leadership_pages_show_their_tables_and_charts(top_table, client):
    attendance = client.get(reverse("governance:attendance", args=["kite-top"])).content.decode()
    assert "Kite Police" in attendance and 'id="attendance-chart"' in attendance
    assert "24 of 24" in attendance and "20 of 20" in attendance
    leadership = client.get(reverse("governance:leadership", args=["kite-top"])).content.decode()
    assert 'id="council-shares-chart"' in leadership
    assert "Private, faith or third-sector chair" in leadership
    assert "weaker public accountability" in leadership


def test_the_rules_page_lists_every_rule_and_threshold(kite, role_user, client):
    client.force_login(role_user("viewer"))
    page = client.get(reverse("governance:rules", args=["kite"])).content.decode()
    for rule in DEFAULT_RULES:
        assert f'id="rule-{rule.id}"' in page
    for name in setting_sources():
        assert f">{name}<" in page


def test_the_report_section_shows_the_layers_and_findings_without_naming_people(top_table):
    section = {s.key: s for s in report_sections()}["governance"]
    assert section.in_public_version
    request = ReportRequest(top_table, today=date(2026, 4, 1), public=True)
    context = section.context(request)
    assert [row["figures"]["body"] for row in context["bodies"]] == ["board", "exec", "theme"]
    html = render_to_string(section.template, {**context, "section": section, "report": request})
    assert "Kite Board" in html and "Council top table" in html and "(3–4)" in html
    assert "council_leader_or_mayor (risk: council domination)" in html
    assert "Cath Leader" not in html
