"""The scrutiny area's register findings, each rule by name."""

from __future__ import annotations

from datetime import date

import pytest

from partnerscope.apps.partnerships.models import Body
from partnerscope.apps.scrutiny import findings as source
from partnerscope.apps.scrutiny.models import CommitteeMember, Response, Training
from tests.apps.scrutiny.builders import recommendation, review

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 1)


def by_rule(kite):
    return {(f.rule.id, f.subject.ref) for f in source.findings(kite["partnership"], TODAY)}


def test_response_overdue(kite):
    recommendation(kite, "late", received=date(2025, 1, 10))
    recommendation(kite, "fresh", to="council", received=date(2025, 5, 1))
    assert ("response_overdue", "kite-police") in by_rule(kite)
    assert ("response_overdue", "kite-council") not in by_rule(kite)


def test_rejected_without_reasons(kite):
    item = recommendation(kite, received=date(2025, 1, 10))
    Response.objects.create(
        recommendation=item, ref="response", decision="rejected", published=date(2025, 2, 1)
    )
    found = by_rule(kite)
    assert ("rejected_without_reasons", "kite-police") in found
    assert ("response_overdue", "kite-police") not in found


def test_no_partnership_development(kite):
    committee = review(kite).committee
    trained = CommitteeMember.objects.create(committee=committee, ref="cllr-a", name="Cllr A")
    CommitteeMember.objects.create(committee=committee, ref="cllr-b", name="Cllr B")
    Training.objects.create(
        partnership=kite["partnership"],
        ref="t1",
        member=trained,
        topic="Partnerships",
        date=date(2024, 1, 1),
        partnership_working=True,
    )
    Body.objects.filter(pk=kite["board"].pk).update(governance_layer="strategic")
    found = [
        f
        for f in source.findings(kite["partnership"], TODAY)
        if f.rule.id == "no_partnership_development"
    ]
    refs = {f.subject.ref: f for f in found}
    assert dict(refs["scrutiny-osc"].evidence.figures)["without"] == 1
    assert dict(refs[kite["board"].ref].evidence.figures)["without"] == 2


def test_rules_are_all_listed():
    assert [rule.id for rule in source.rules()] == [
        "response_overdue",
        "rejected_without_reasons",
        "no_partnership_development",
    ]
