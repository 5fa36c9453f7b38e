"""The governance area's findings reach the one register: every layer rule, found on a
hand-made partnership stored as records, with its rule id, its subject and a page of
evidence; and the demo's planted governance problems are in Northshire's register."""

from __future__ import annotations

import pytest

from partnerscope.apps.common.extensions import finding_sources
from partnerscope.apps.findings import selectors as register
from partnerscope.apps.findings.services import refresh
from partnerscope.apps.governance import findings as governance_findings
from partnerscope.apps.governance.inputs import governance_of
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core.layers import DEFAULT_RULES, analyse_governance
from partnerscope.core.layers.cycles import CYCLE_RULES
from tests.apps.governance.records import VARIANTS, save_governance
from tests.apps.partnerships.factories import RoleFactory
from tests.core.layers.kite import kite

pytestmark = pytest.mark.django_db


def test_the_governance_app_registers_its_finding_source():
    assert finding_sources()["governance"] is governance_findings
    ids = [rule.id for rule in governance_findings.rules()]
    assert ids == [r.id for r in DEFAULT_RULES] + [r.id for r in CYCLE_RULES]


def test_the_healthy_kite_partnership_has_no_governance_findings():
    partnership = save_governance(kite())
    assert governance_findings.findings(partnership) == []


def test_every_layer_rule_has_a_variant():
    assert set(VARIANTS) == {rule.id for rule in DEFAULT_RULES}


@pytest.mark.parametrize("rule", sorted(VARIANTS))
def test_each_layer_rule_reaches_the_register(rule, client):
    governance = VARIANTS[rule]()
    partnership = save_governance(governance)
    assert governance_of(partnership).bodies == governance.bodies
    found = governance_findings.findings(partnership)
    expected = analyse_governance(governance).findings
    assert [f.key for f in found] == [f.key for f in expected]
    assert [f.evidence.figures for f in found] == [f.evidence.figures for f in expected]
    assert rule in {f.rule.id for f in found}
    refresh(partnership, ran_by="test")
    stored = register.open_findings(partnership, area="governance")
    assert rule in {row["rule"]["id"] for row in stored}
    client.force_login(RoleFactory(partnership=partnership, kind="viewer").user)
    for url in {f.evidence.url for f in found}:
        assert url.startswith(f"/p/{partnership.slug}/governance/")
        assert client.get(url).status_code == 200, url


def test_the_demo_register_holds_the_planted_governance_problems():
    build_demo(1)
    northshire = Partnership.objects.get(slug="northshire")
    stored = register.open_findings(northshire, area="governance")
    keys = {(row["rule"]["id"], row["subject"]["ref"]) for row in stored}
    assert {
        ("agenda_drift", "board"),
        ("frequency_below_table8", "executive"),
        ("organisation_sends_no_one", "northshire-southam-vale-cvs"),
        ("council_presents_most", "board"),
        ("top_table", "board"),
        ("decision_outside_budget_window", "northshire-county-council"),
        ("decision_outside_budget_window", "northshire-icb"),
    } <= keys
    assert not any(rule == "reporting_periods_misaligned" for rule, _ref in keys)
