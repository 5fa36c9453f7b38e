"""The report is the sections the areas offer, in the report's order; it does not break when
an area offers none, and names the valid sections when asked for one that is not there."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.reports import assembly
from tests.apps.reports.builders import full_kite

pytestmark = pytest.mark.django_db

MINE = ["sevens", "network", "chains", "performance", "appendix"]


def test_every_section_of_this_branch_is_offered_in_the_reports_order():
    keys = [section.key for section in assembly.offered()]
    assert [key for key in keys if key in MINE] == MINE
    orders = [section.order for section in assembly.offered()]
    assert orders == sorted(orders)
    assert all(section.order == ORDER[section.key] for section in assembly.offered())


def test_the_public_version_leaves_out_the_appendix():
    public = [section.key for section in assembly.offered(public=True)]
    assert "appendix" not in public
    assert {"sevens", "network", "chains", "performance"} <= set(public)


def test_an_unknown_section_is_refused_naming_the_valid_ones():
    with pytest.raises(assembly.UnknownSections) as raised:
        assembly.choose(["sevens", "horoscope"])
    assert raised.value.unknown == ["horoscope"]
    assert "sevens" in raised.value.valid
    assert "horoscope" in str(raised.value) and "valid: " in str(raised.value)


def test_the_appendix_is_not_a_section_of_the_public_version():
    with pytest.raises(assembly.UnknownSections):
        assembly.choose(["appendix"], public=True)


def test_chosen_sections_keep_the_reports_order_whatever_the_order_asked():
    chosen = assembly.choose(["appendix", "sevens"])
    assert [section.key for section in chosen] == ["sevens", "appendix"]


def test_no_section_at_all_still_makes_a_report(kite, monkeypatch):
    monkeypatch.setattr(assembly, "report_sections", lambda: [])
    report = assembly.build(kite["partnership"])
    assert report.sections == []
    assert "No area offers a section" in assembly.body_html(report)
    assert "<html" in assembly.document_html(report)


def test_a_section_from_another_app_is_rendered_with_the_report_request(kite, monkeypatch):
    seen = []

    def context(request: ReportRequest):
        seen.append(request)
        return {}

    extra = ReportSection(
        "summary", "Summary", ORDER["summary"], "reports/includes/_head.html", context
    )
    monkeypatch.setattr(assembly, "report_sections", lambda: [extra])
    report = assembly.build(kite["partnership"], public=True)
    assert [s.key for s in report.sections] == ["summary"]
    assert seen[0].public is True and seen[0].partnership == kite["partnership"]


def test_every_section_renders_on_an_empty_partnership(kite):
    report = assembly.build(kite["partnership"])
    text = assembly.body_html(report)
    assert "No 7S wave has closed yet" in text
    assert "No relationship survey has closed yet" in text
    assert "No delivery chain has been drawn yet" in text
    assert "The register holds no finding" in text


def test_every_section_renders_with_data(kite):
    full_kite(kite)
    report = assembly.build(kite["partnership"])
    html = assembly.body_html(report)
    for section in report.sections:
        assert f'id="report-section-{section.key}"' in html
    assert "Element scores for the whole wave" in html
    assert "Measures of the whole network" in html
    assert "Fewer falls among older people" in html
    assert "weak_element" in html and "isolated_partner" in html
    assert "DC-W03" in html, "the falls chain's weak link names its rule"


def test_each_sections_title_is_its_one_h2_and_its_own_headings_start_at_h3(kite):
    full_kite(kite)
    report = assembly.build(kite["partnership"])
    html = assembly.body_html(report)
    for section in report.sections:
        start = html.index(f'id="report-section-{section.key}"')
        end = html.find('<section class="ps-report-section"', start)
        inside = html[start : end if end > 0 else len(html)]
        assert inside.count("<h2") == 1, f"{section.key} draws a second h2"
        title = escape(section.title)
        assert inside.count(f">{title}</h") == 1, f"{section.key} repeats its title"
