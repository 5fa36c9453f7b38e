"""Initiatives: the model they turn into, the results page against the command line, the
editor's validation, the year-flow download and who may edit."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.urls import reverse
from typer.testing import CliRunner

from partnerscope.apps.costs.cba_model import initiative_model, initiative_report
from partnerscope.apps.costs.models import Initiative, InitiativeCost, InitiativeOutcome
from partnerscope.cli import app
from tests.apps.costs.builders import falls_initiative

pytestmark = pytest.mark.django_db


def url(name, initiative, *args):
    return reverse(f"costs:{name}", args=[initiative.partnership.slug, initiative.pk, *args])


def test_the_initiative_turns_into_the_cores_model_exactly(kite):
    model = initiative_model(falls_initiative(kite))
    assert model["name"] == "Falls prevention"
    assert (model["base_year"], model["years"]) == (2025, 6)
    assert "discount_rate" not in model
    assert model["costs"] == [
        {"agency": "Kite Council", "kind": "revenue", "year": 0, "amount": 50000.0},
        {"agency": "Kite Police", "kind": "in_kind", "year": 0, "amount": 5000.0},
        {"agency": "Kite Council", "kind": "capital", "year": 0, "amount": 12000.0},
        {"agency": "Kite Council", "kind": "revenue", "year": 1, "amount": 30000.0},
    ]
    callouts, admissions = model["outcomes"]
    assert callouts == {
        "name": "Fewer call-outs",
        "cohort": 300,
        "engagement": 0.6,
        "impact": 0.4,
        "deadweight": 0.1,
        "lag": 1,
        "drop_off": 0.2,
        "need": 500,
        "confidence": "3",
        "benefits": [
            {
                "type": "fiscal",
                "agency": "Kite Police",
                "value": 450.0,
                "cashable": 0.25,
                "name": "Call-outs avoided",
            }
        ],
    }
    assert admissions["optimism_bias"] == 0.15
    assert all(benefit["health"] for benefit in admissions["benefits"])
    assert model["sensitivity"] == {
        "spread": 0.2,
        "ranges": {
            "outcomes[1].impact": [0.2, 0.35],
            "outcomes[0].benefits[0].value": [300, 600],
        },
    }


def test_the_results_page_shows_what_the_command_line_computes(kite, manager_client, tmp_path):
    initiative = falls_initiative(kite)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(initiative_model(initiative)), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["costs", "cba", str(path), "--format", "json", "--monte-carlo", "2000", "--seed", "0"]
    )
    assert result.exit_code == 0, result.output
    cli = json.loads(result.output)
    assert initiative_report(initiative) == cli

    page = manager_client.get(url("initiative_results", initiative)).content.decode()
    shown = dict(re.findall(r'data-measure="(\w+)">([^<]+)<', page))
    financial, economic = cli["financial_case"], cli["economic_case"]

    def pounds(value):
        return f"−£{-value:,.0f}" if value < -0.5 else f"£{abs(value):,.0f}"

    assert shown["pv_costs"] == pounds(financial["pv_costs"])
    assert shown["pv_fiscal_benefits"] == pounds(financial["pv_fiscal_benefits"])
    assert shown["cashable"] == pounds(financial["cashable"])
    assert shown["net_present_budget_impact"] == pounds(financial["net_present_budget_impact"])
    assert shown["financial_roi"] == f"{financial['financial_roi']:.2f}"
    assert shown["net_present_public_value"] == pounds(economic["net_present_public_value"])
    assert shown["bcr"] == f"{economic['bcr']:.2f}"
    for position in cli["by_agency"]:
        assert position["agency"] in page
        assert pounds(position["net"]) in page
    for chart_id in ("cash-flows", "payback", "tornado", "monte-carlo", "who-pays"):
        assert f'id="{chart_id}-title"' in page
    assert "Wrong-pocket cases" in page


def test_the_year_flows_download_is_the_cores_year_flows(kite, manager_client):
    initiative = falls_initiative(kite)
    response = manager_client.get(url("initiative_flows", initiative))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    report = initiative_report(initiative, draws=0)
    assert len(rows) == 6
    for row, flow in zip(rows, report["years"], strict=True):
        assert int(row["calendar_year"]) == flow["calendar_year"]
        assert float(row["cumulative_discounted_net"]) == pytest.approx(
            flow["cumulative_discounted_net"]
        )


def test_a_bad_outcome_is_refused_naming_the_field_and_nothing_is_lost(kite, manager_client):
    initiative = falls_initiative(kite)
    before = list(InitiativeOutcome.objects.values_list("name", "engagement"))
    data = {
        "name": "Fewer repeat falls",
        "cohort": "80",
        "need": "50",
        "engagement": "1.5",
        "impact": "0.3",
        "deadweight": "0",
        "lag": "0",
        "drop_off": "0",
        "optimism_bias": "",
        "confidence": "",
    }
    response = manager_client.post(url("initiative_step", initiative, "outcomes"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Ensure this value is less than or equal to 1.0" in page
    assert "Cohort must not be more than the need" in page
    assert "Give an optimism bias, or choose a confidence grade" in page
    assert 'value="Fewer repeat falls"' in page
    assert 'value="1.5"' in page
    assert list(InitiativeOutcome.objects.values_list("name", "engagement")) == before


def test_a_cost_outside_the_appraisal_is_refused(kite, manager_client):
    initiative = falls_initiative(kite)
    count = InitiativeCost.objects.count()
    response = manager_client.post(
        url("initiative_step", initiative, "costs"),
        {"organisation": kite["council"].pk, "kind": "revenue", "year": "6", "amount": "100"},
    )
    assert response.status_code == 400
    assert "Appraisal year must be a whole number from 0 to 5" in response.content.decode()
    assert InitiativeCost.objects.count() == count


def test_a_range_must_contain_the_value_used_now(kite, manager_client):
    initiative = falls_initiative(kite)
    outcome = initiative.outcomes.get(ref="callouts")
    response = manager_client.post(
        url("initiative_step", initiative, "assumptions"),
        {"assumption": "impact", "outcome": outcome.pk, "low": "0.5", "high": "0.7"},
    )
    assert response.status_code == 400
    assert "The range must contain the value used now, 0.4" in response.content.decode()


def test_a_manager_builds_an_initiative_in_steps(kite, manager_client):
    slug = kite["partnership"].slug
    response = manager_client.post(
        reverse("costs:initiative_create", args=[slug]),
        {"name": "Tenancy support", "base_year": "2025", "years": "3", "spread": "0.2"},
    )
    initiative = Initiative.objects.get(name="Tenancy support")
    assert response.status_code == 302
    assert response["Location"] == url("initiative_step", initiative, "costs")
    manager_client.post(
        url("initiative_step", initiative, "costs"),
        {"organisation": kite["council"].pk, "kind": "revenue", "year": "0", "amount": "1000"},
    )
    manager_client.post(
        url("initiative_step", initiative, "outcomes"),
        {
            "name": "Fewer evictions",
            "cohort": "10",
            "engagement": "1",
            "impact": "0.5",
            "deadweight": "0",
            "lag": "0",
            "drop_off": "0",
            "optimism_bias": "0",
        },
    )
    outcome = initiative.outcomes.get()
    manager_client.post(
        url("initiative_step", initiative, "benefits"),
        {
            "outcome": outcome.pk,
            "type": "fiscal",
            "organisation": kite["police"].pk,
            "value": "100",
            "cashable": "0",
        },
    )
    report = initiative_report(initiative, draws=0)
    assert report["financial_case"]["pv_costs"] == 1000.0
    expected = sum(5 * 100 / 1.035**t for t in range(3))
    assert report["financial_case"]["pv_fiscal_benefits"] == pytest.approx(expected)
    assert [c.ref for c in initiative.costs.all()] == ["kite-council-revenue-0"]


def test_a_change_is_a_new_version(kite, manager_client):
    initiative = falls_initiative(kite)
    cost = initiative.costs.get(ref="cost-0")
    response = manager_client.post(
        url("part_edit", initiative, "costs", cost.pk),
        {"organisation": kite["council"].pk, "kind": "revenue", "year": "0", "amount": "55000"},
    )
    assert response.status_code == 302
    assert cost.history.count() == 2


def test_a_viewer_reads_but_cannot_edit(kite, client, role_user):
    initiative = falls_initiative(kite)
    client.force_login(role_user("viewer"))
    assert client.get(url("initiative_results", initiative)).status_code == 200
    page = client.get(url("initiative_step", initiative, "costs"))
    assert page.status_code == 200
    assert "Add cost" not in page.content.decode()
    response = client.post(
        url("initiative_step", initiative, "costs"),
        {"organisation": kite["council"].pk, "kind": "revenue", "year": "0", "amount": "1"},
    )
    assert response.status_code == 403
    assert (
        client.get(url("part_edit", initiative, "costs", initiative.costs.first().pk)).status_code
        == 403
    )


def test_an_unknown_step_is_not_found(kite, manager_client):
    assert (
        manager_client.get(url("initiative_step", falls_initiative(kite), "nonsense")).status_code
        == 404
    )


def test_the_list_shows_each_initiatives_headline(kite, manager_client):
    falls_initiative(kite)
    page = manager_client.get(reverse("costs:index", args=["kite"])).content.decode()
    assert "Falls prevention" in page
    assert "Benefit–cost ratio" in page
