"""The area's sections of the health-check report: outcome by outcome, the table across
outcomes with its correlations and charts, and the review; the public version links to no
private page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string

from partnerscope.apps.common.extensions import report_sections
from partnerscope.apps.common.reporting import ReportRequest
from tests.apps.strategy.builders import kite_outcomes, kite_strategy

pytestmark = pytest.mark.django_db


def rendered(kite, key: str, *, public: bool = False) -> str:
    section = next(s for s in report_sections() if s.key == key)
    request = ReportRequest(kite["partnership"], dt.date(2026, 12, 7), public=public)
    return render_to_string(
        section.template, {**section.context(request), "section": section, "report": request}
    )


def test_both_sections_are_offered_in_the_report_order():
    sections = {s.key: s for s in report_sections()}
    assert sections["outcomes"].order < sections["strategy"].order
    assert sections["outcomes"].in_public_version and sections["strategy"].in_public_version


def test_the_outcomes_section_has_each_outcome_the_table_and_charts(kite):
    kite_outcomes(kite)
    html = rendered(kite, "outcomes")
    for title in ("Safer streets", "Fewer falls", "Better buses"):
        assert title in html
    assert "descriptive, not causal" in html and "too few outcomes" in html
    assert "<svg" in html and "Show the data behind this chart" in html
    assert 'href="/p/kite/' in html


def test_the_public_version_links_to_no_private_page(kite):
    kite_outcomes(kite)
    kite_strategy(kite)
    for key in ("outcomes", "strategy"):
        html = rendered(kite, key, public=True)
        assert "/p/kite/" not in html


def test_the_strategy_section_gives_rules_and_findings(kite):
    kite_outcomes(kite)
    kite_strategy(kite)
    html = rendered(kite, "strategy")
    assert "Kite 2030" in html and "SCS-01" in html and "Better buses has no indicator." in html
