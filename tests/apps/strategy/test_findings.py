"""The strategy review's findings for the register: each cites a declared rule, names the
partnership or an outcome that exists, carries its figures and links to a page that opens."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerscope.apps.common.extensions import finding_sources
from partnerscope.apps.findings import selectors as register
from partnerscope.apps.findings import services as register_services
from partnerscope.apps.performance.models import Outcome
from partnerscope.apps.strategy import findings as strategy_findings
from partnerscope.core.findings import Severity, SubjectKind, check_findings
from tests.apps.strategy.builders import kite_outcomes, kite_strategy, review_date

pytestmark = pytest.mark.django_db


def by_rule(found):
    return {(f.rule.id, f.subject.ref) for f in found}


def test_the_source_is_registered_with_every_rule():
    source = finding_sources()["strategy"]
    assert [rule.id for rule in source.rules()] == [f"SCS-0{n}" for n in range(1, 7)]
    assert all(rule.text.endswith(".") for rule in source.rules())


def test_each_finding_cites_a_rule_names_a_subject_and_opens(kite, client, manager):
    kite_outcomes(kite)
    strategy = kite_strategy(kite)
    review_date(strategy, "falls", dt.date(2020, 6, 30))
    found = check_findings(
        strategy_findings.findings(kite["partnership"]), strategy_findings.rules()
    )
    assert by_rule(found) == {
        ("SCS-01", "kite"),
        ("SCS-02", "falls"),
        ("SCS-03", "buses"),
        ("SCS-04", "safer"),
        ("SCS-04", "buses"),
        ("SCS-05", "buses"),
    }
    outcomes = set(Outcome.objects.values_list("ref", flat=True))
    client.force_login(manager)
    for finding in found:
        if finding.subject.kind is SubjectKind.OUTCOME:
            assert finding.subject.ref in outcomes
        else:
            assert finding.subject.kind is SubjectKind.PARTNERSHIP
        assert finding.evidence.figures and finding.message
        assert client.get(finding.evidence.url).status_code == 200
    overdue = next(f for f in found if f.rule.id == "SCS-01")
    assert overdue.severity is Severity.MEDIUM
    assert dict(overdue.evidence.figures)["review due"] == "2025-05-01"


def test_no_strategy_recorded_is_itself_a_finding(kite):
    found = strategy_findings.findings(kite["partnership"])
    assert [(f.rule.id, f.message) for f in found] == [
        ("SCS-01", "No sustainable community strategy is recorded.")
    ]


def test_the_register_stores_them_with_their_rule(kite):
    kite_outcomes(kite)
    kite_strategy(kite)
    register_services.refresh(kite["partnership"], ran_by="Test")
    stored = register.findings(kite["partnership"], area="strategy")
    assert {f["rule"]["id"] for f in stored} >= {"SCS-01", "SCS-03", "SCS-04", "SCS-05"}
    assert all(f["evidence"]["url"].startswith("/p/kite/strategy/") for f in stored)


def test_resources_are_not_judged_until_an_area_records_them(kite):
    kite_outcomes(kite)
    kite_strategy(kite)
    assert not any(f.rule.id == "SCS-06" for f in strategy_findings.findings(kite["partnership"]))


def test_resources_are_judged_once_an_area_records_them(kite, monkeypatch):
    from partnerscope.apps.common.extensions import OutcomeResources
    from partnerscope.apps.strategy import review

    kite_outcomes(kite)
    kite_strategy(kite)
    monkeypatch.setattr(
        review, "outcome_resources", lambda partnership: {"falls": OutcomeResources(2)}
    )
    found = strategy_findings.findings(kite["partnership"])
    assert {f.subject.ref for f in found if f.rule.id == "SCS-06"} == {"safer", "buses"}
    shown = review.strategy_review(kite["partnership"])
    assert all(rule.judged for rule in shown.rules)
