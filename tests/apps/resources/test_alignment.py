"""The alignment page, its findings in the register, the selector other areas read and the
report section."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from partnerscope.apps.performance.models import IndicatorStatusSnapshot
from partnerscope.apps.resources import findings
from partnerscope.apps.resources.reporting import report_sections
from partnerscope.apps.resources.selectors import resources_for_outcome
from partnerscope.core.findings import check_findings
from tests.apps.chains.builders import falls_chain
from tests.apps.performance import factories as performance
from tests.apps.resources.factories import make_line, make_outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def aligned(kite):
    partnership = kite["partnership"]
    safer = make_outcome(kite, "safer-streets", "Safer streets")
    make_outcome(kite, "healthy-lives", "Healthy lives")
    make_outcome(kite, "more-jobs", "More jobs")
    crime = performance.indicator(partnership, "NI 15")
    crime.outcomes.add(safer)
    IndicatorStatusSnapshot.objects.create(
        indicator=crime, area=performance.area(partnership), as_of=dt.date(2026, 4, 1), rag="red"
    )
    make_line(
        kite,
        arrangement="pooling",
        amount=Decimal("6000"),
        shares={"safer-streets": "0.5", "healthy-lives": "0.5"},
    )
    make_line(
        kite,
        kite["police"],
        kind="staff_time",
        amount=Decimal("3000"),
        hours=Decimal("100"),
        shares={"safer-streets": "1"},
    )
    return kite


def test_the_page_shows_the_table_unfunded_priorities_and_money_beside_performance(
    aligned, manager_client
):
    page = manager_client.get(reverse("resources:alignment", args=["kite"])).content.decode()
    assert 'id="alignment-total">£9,000<' in page
    assert "No partner&#x27;s contribution in the ledger serves More jobs." in page
    assert "Safer streets receives £6,000 (67% of all resources) but 1 of its indicators" in page
    assert "100 hours" in page
    assert "<svg" in page and 'role="img"' in page and "Show the data behind this chart" in page


def test_a_year_with_no_lines(aligned, manager_client):
    page = manager_client.get(reverse("resources:alignment", args=["kite"]), {"year": "2030"})
    assert "The ledger has no lines for this year." in page.content.decode()


def test_the_register_gets_every_alignment_finding_with_its_rule(aligned):
    chain = falls_chain(aligned)["chain"]
    chain.outcome_ref = "healthy-lives"
    chain.save()
    found = check_findings(findings.findings(aligned["partnership"]), findings.rules())
    keys = {(f.rule.id, f.subject.kind.value, f.subject.ref) for f in found}
    assert ("unfunded_priority", "outcome", "more-jobs") in keys
    assert ("off_track_despite_resources", "outcome", "safer-streets") in keys
    assert ("well_resourced_not_improving", "outcome", "safer-streets") in keys
    assert ("chain_funding_not_in_ledger", "chain", "falls") in keys
    chain_finding = next(f for f in found if f.rule.id == "chain_funding_not_in_ledger")
    assert chain_finding.subject.name == "Fewer falls among older people"
    assert "Kite Council £50,000 a year, ledger £3,000" in chain_finding.message


def test_resources_for_outcome(aligned):
    assert resources_for_outcome(aligned["partnership"], "safer-streets") == [
        {"organisation": "kite-council", "name": "Kite Council", "amount": 3000.0, "hours": 0.0},
        {"organisation": "kite-police", "name": "Kite Police", "amount": 3000.0, "hours": 100.0},
    ]
    assert resources_for_outcome(aligned["partnership"], "more-jobs") == []


def test_the_report_section_renders(aligned):
    from partnerscope.apps.common.reporting import ReportRequest

    (section,) = report_sections()
    request = ReportRequest(aligned["partnership"], dt.date(2026, 4, 1))
    html = render_to_string(
        section.template, {**section.context(request), "section": section, "report": request}
    )
    assert "£9,000" in html and "<h2" not in html


def test_outcome_resources_hook_counts_partners_and_gives_a_panel(aligned):
    from partnerscope.apps.resources.selectors import outcome_resources

    found = outcome_resources(aligned["partnership"])
    assert found["safer-streets"].count == 2
    assert found["safer-streets"].panel.context["rows"][0]["name"] == "Kite Council"
    assert found["more-jobs"].count == 0 and found["more-jobs"].panel is None
    html = render_to_string(
        found["safer-streets"].panel.template, {"panel": found["safer-streets"].panel.context}
    )
    assert "Kite Police" in html
