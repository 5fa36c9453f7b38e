"""The register's public read module returns plain data about one partnership only."""

from __future__ import annotations

import json

import pytest

from partnerscope.apps.findings import selectors, services
from tests.apps.findings.builders import isolated, weak_element
from tests.apps.partnerships.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def refreshed(kite, sources):
    sources["sevens"].found = [weak_element("steering"), weak_element("systems")]
    sources["network"].found = [isolated()]
    services.refresh(kite["partnership"], ran_by="one")
    sources["sevens"].found = [weak_element("steering")]
    services.refresh(kite["partnership"], ran_by="two")
    services.refresh(PartnershipFactory(slug="other"), ran_by="one")
    return kite["partnership"]


def test_open_findings_are_plain_json_ready_data(refreshed):
    found = selectors.open_findings(refreshed)
    assert json.loads(json.dumps(found)) == found
    assert {(f["area"], f["subject"]["ref"]) for f in found} == {
        ("sevens", "steering"),
        ("network", "kite-police"),
    }
    steering = next(f for f in found if f["subject"]["ref"] == "steering")
    assert steering["rule"]["id"] == "weak_element"
    assert steering["evidence"] == {
        "figures": {"score": 42.5, "respondents": 12},
        "url": "/p/kite/sevens/",
    }
    assert steering["url"] == f"/p/kite/findings/{steering['id']}/"
    assert steering["status"] == "open" and steering["resolved_at"] is None


def test_findings_filter_by_area_status_and_severity(refreshed):
    assert [f["subject"]["ref"] for f in selectors.open_findings(refreshed, area="network")] == [
        "kite-police"
    ]
    resolved = selectors.findings(refreshed, status="resolved")
    assert [f["subject"]["ref"] for f in resolved] == ["systems"]
    assert resolved[0]["resolved_at"]
    assert len(selectors.open_findings(refreshed, severity="high")) == 1
    assert len(selectors.findings(refreshed)) == 3


def test_findings_about_one_subject(refreshed):
    assert selectors.findings_about(refreshed, "element", "systems") == []
    about = selectors.findings_about(refreshed, "element", "systems", include_resolved=True)
    assert [f["status"] for f in about] == ["resolved"]
    assert len(selectors.findings_about(refreshed, "organisation", "kite-police")) == 1


def test_counts_by_severity_name_every_severity(refreshed):
    assert selectors.counts_by_severity(refreshed) == {
        "high": 1,
        "medium": 1,
        "low": 0,
        "positive": 0,
    }
    assert selectors.counts_by_severity(refreshed, status="resolved")["medium"] == 1


def test_one_finding_by_id_only_within_its_partnership(refreshed):
    steering = selectors.open_findings(refreshed, area="sevens")[0]
    assert selectors.finding(refreshed, steering["id"]) == steering
    other = PartnershipFactory(slug="third")
    assert selectors.finding(other, steering["id"]) is None


def test_open_core_findings_are_the_protocols_findings(refreshed):
    assert set(selectors.open_core_findings(refreshed)) == {weak_element("steering"), isolated()}


def test_last_refresh(refreshed):
    log = selectors.last_refresh(refreshed)
    assert log is not None
    assert (log["ran_by"], log["persisting"], log["resolved"]) == ("two", 2, 1)
    assert selectors.last_refresh(PartnershipFactory(slug="never")) is None
