"""The demo's comparison across Northshire's six partnerships and its practice examples,
and the report's learning section (fit for the public version)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse

from partnerscope.apps.common.reporting import ReportRequest
from partnerscope.apps.findings.models import StoredFinding
from partnerscope.apps.learning import comparison
from partnerscope.apps.learning.demo import demo_tables
from partnerscope.apps.learning.library import known_rules
from partnerscope.apps.learning.models import PracticeEntry, SharingAgreement
from partnerscope.apps.learning.report import report_sections
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.datapackage.learning import check_package_tables
from tests.apps.learning.builders import agree, entry, sharing_peers

pytestmark = pytest.mark.django_db


def render_section(partnership, public=False):
    (section,) = report_sections()
    request = ReportRequest(partnership, dt.date(2026, 12, 7), public=public)
    return render_to_string(
        section.template, {**section.context(request), "section": section, "report": request}
    )


def test_the_demo_rows_are_valid_and_every_partnership_shares():
    packages = list(demo_packages(1))
    rows = [demo_tables(tables, index) for index, tables in enumerate(packages)]
    assert all(check_package_tables(tables) == [] for tables in rows)
    assert all(tables["learning_sharing"][0]["shares"] for tables in rows)
    assert sum(tables["learning_sharing"][0]["may_be_named"] for tables in rows) == 4


def test_the_demo_compares_the_six_and_links_practice_to_what_its_register_finds(client):
    build_demo(1)
    assert SharingAgreement.objects.sharing().count() == 6
    northshire = Partnership.objects.get(slug="northshire")
    page = comparison.comparison_page(northshire)
    assert page.shown and page.sharing == 6
    assert sorted(page.peer_labels) == [
        "Easton Partnership",
        "Kirkby Moor Partnership",
        "Partnership A",
        "Partnership B",
        "Southam Vale Partnership",
    ]
    library = PracticeEntry.objects.site_wide()
    assert library.count() >= 5 and all(item.example for item in library)
    rules = known_rules()
    found = set(StoredFinding.objects.values_list("rule_id", flat=True))
    for item in PracticeEntry.objects.all():
        assert set(item.rule_ids) <= set(rules), item.practice
        assert found.intersection(item.rule_ids), item.practice
    finding = StoredFinding.objects.filter(partnership=northshire, rule_id="DC-W03").first()
    client.force_login(get_user_model().objects.get(username="viewer"))
    html = client.get(reverse("findings:finding", args=["northshire", finding.pk])).content
    assert b"Indicator clinic for delivery chain links" in html
    section = render_section(northshire, public=True)
    assert "Partnership A" in section and "Riverside" not in section
    assert "Westmere Partnership" not in section
    assert "Indicator clinic for delivery chain links" in section


def test_the_report_section_names_no_unnamed_peer_and_no_peer_before_five(kite):
    agree(kite["partnership"])
    peers = sharing_peers(3, named=1)
    html = render_section(kite["partnership"], public=True)
    assert "the comparison is made once 5 do" in html
    assert peers[0].name not in html
    more = sharing_peers(2)
    html = render_section(kite["partnership"], public=True)
    assert peers[0].name in html
    for peer in [*peers[1:], *more]:
        assert peer.name not in html
    assert "Partnership D" in html


def test_the_report_section_lists_practice_for_open_findings(kite):
    from tests.apps.findings.builders import stored, weak_element

    stored(kite["partnership"], weak_element("steering"))
    entry(practice="Away-day on the vision", rule_ids=["weak_element"])
    entry(practice="Unrelated", rule_ids=["isolated_partner"])
    html = render_section(kite["partnership"])
    assert "Away-day on the vision" in html and "Unrelated" not in html
