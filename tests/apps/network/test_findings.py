"""The relationship findings handed to the one register: rules, subjects, evidence pages."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from partnerscope.apps.common.extensions import finding_sources
from partnerscope.apps.network import findings as network_findings
from partnerscope.apps.network.findings import findings, rules
from partnerscope.apps.network.services import latest_closed_wave
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Organisation, Partnership
from partnerscope.core.findings import Severity, SubjectKind, check_findings
from tests.apps.network.factories import make_closed_wave, make_wave, star, tie

pytestmark = pytest.mark.django_db


def assert_subjects_exist(found, partnership) -> None:
    for finding in found:
        if finding.subject.kind == SubjectKind.ORGANISATION:
            organisation = Organisation.objects.get(ref=finding.subject.ref)
            assert finding.subject.name == organisation.name
        else:
            assert finding.subject.kind == SubjectKind.PARTNERSHIP
            assert finding.subject.ref == partnership.slug


def assert_readable(client, found) -> None:
    for finding in found:
        assert client.get(finding.evidence.url).status_code == 200, finding.evidence.url


def by_rule(found) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for finding in found:
        grouped.setdefault(finding.rule.id, []).append(finding)
    return grouped


def test_the_area_registers_its_findings_source():
    assert finding_sources()["network"] is network_findings
    assert [rule.id for rule in rules()] == [
        "isolated_partner",
        "council_dominance",
        "low_trust",
        "low_reciprocity",
    ]
    assert all(rule.text.startswith(f"{rule.label}:") for rule in rules())


def test_the_demo_findings_cite_known_rules_name_organisations_and_link_to_pages(client):
    build_demo(1)
    client.force_login(get_user_model().objects.get(username="viewer"))
    northshire = Partnership.objects.get(slug="northshire")
    found = check_findings(findings(northshire), rules())
    grouped = by_rule(found)
    assert {"council_dominance", "low_trust"} <= set(grouped)
    assert {f.period for f in found} == {latest_closed_wave(northshire).title}
    assert all(f.evidence.figures and f.message for f in found)
    assert_subjects_exist(found, northshire)
    assert_readable(client, found)


def test_no_findings_without_a_closed_wave_or_when_the_rules_hold(kite):
    partnership = kite["partnership"]
    assert findings(partnership) == []
    open_wave = make_wave(kite)
    tie(open_wave, kite["council"], kite["police"], 3, trust_reliable=1)
    assert findings(partnership) == []
    wave = make_closed_wave(kite)
    for source, target in ((kite["council"], kite["police"]), (kite["police"], kite["council"])):
        tie(wave, source, target, 3, trust_reliable=4, trust_committed=3, trust_open=3)
    assert findings(partnership) == []


def test_a_council_star_dominates_and_leaves_a_partner_isolated(kite, role_user, client):
    wave = make_closed_wave(kite)
    spokes = star(kite, wave, spokes=3)
    found = check_findings(findings(kite["partnership"]), rules())
    grouped = by_rule(found)
    assert set(grouped) == {"council_dominance", "isolated_partner"}
    [dominance] = grouped["council_dominance"]
    assert dominance.subject.ref == kite["partnership"].slug
    assert dominance.severity == Severity.MEDIUM
    figures = dict(dominance.evidence.figures)
    assert figures["council_dependency"] == 1.0
    assert figures["pairs"] == len(spokes) * (len(spokes) - 1)
    [alone] = grouped["isolated_partner"]
    assert alone.subject.ref == kite["police"].ref
    assert dict(alone.evidence.figures)["answered"] is False
    assert {f.period for f in found} == {wave.title}
    assert_subjects_exist(found, kite["partnership"])
    client.force_login(role_user("viewer"))
    assert_readable(client, found)


def test_low_trust_and_low_reciprocity_name_the_organisation(kite, role_user, client):
    wave = make_closed_wave(kite)
    # The council works with the police and trusts it little (1, 2, 2: mean 1.67); the
    # police answered that it does not work with the council: no tie is returned.
    tie(wave, kite["council"], kite["police"], 3, trust_reliable=1, trust_committed=2, trust_open=2)
    tie(wave, kite["police"], kite["council"], 0)
    found = check_findings(findings(kite["partnership"]), rules())
    grouped = by_rule(found)
    assert set(grouped) == {"low_trust", "low_reciprocity"}
    [trust] = grouped["low_trust"]
    assert trust.subject.ref == kite["police"].ref
    assert trust.subject.name == kite["police"].name
    assert trust.severity == Severity.LOW
    assert dict(trust.evidence.figures)["ratings"] == 1
    assert dict(trust.evidence.figures)["mean_trust"] == pytest.approx(5 / 3)
    [reciprocity] = grouped["low_reciprocity"]
    assert dict(reciprocity.evidence.figures)["reciprocity"] == 0.0
    assert reciprocity.severity == Severity.LOW
    client.force_login(role_user("viewer"))
    assert_readable(client, found)


def test_low_trust_from_several_organisations_is_a_medium_concern(kite):
    wave = make_closed_wave(kite)
    spokes = star(kite, wave, spokes=1)
    for source in (kite["council"], spokes[0]):
        tie(wave, source, kite["police"], 3, trust_reliable=2, trust_committed=2, trust_open=2)
        tie(wave, kite["police"], source, 3)
    found = by_rule(check_findings(findings(kite["partnership"]), rules()))
    [trust] = found["low_trust"]
    assert trust.severity == Severity.MEDIUM
    assert dict(trust.evidence.figures)["ratings"] == 2


def test_only_the_latest_closed_wave_counts(kite):
    older = make_closed_wave(kite)
    star(kite, older, spokes=3)
    newer = make_closed_wave(kite, previous=older)
    assert latest_closed_wave(kite["partnership"]) == newer
    # In the newer wave no one has answered, so every organisation is isolated.
    found = by_rule(check_findings(findings(kite["partnership"]), rules()))
    assert set(found) == {"isolated_partner"}
    assert {f.period for f in found["isolated_partner"]} == {newer.title}
