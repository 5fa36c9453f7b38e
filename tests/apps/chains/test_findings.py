"""The delivery chains' findings for the register: every finding cites a declared rule,
names a record that exists and links to a page a reader can open."""

from __future__ import annotations

from decimal import Decimal

import pytest

from partnerscope.apps.chains import findings as chain_findings
from partnerscope.apps.chains.models import Chain, ChainLink, ChainNode
from partnerscope.apps.common.extensions import finding_sources
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core.findings import Severity, SubjectKind, check_findings
from tests.apps.chains.builders import falls_chain, workshop_with
from tests.apps.partnerships.factories import RoleFactory

pytestmark = pytest.mark.django_db


def subject_exists(partnership: Partnership, kind: SubjectKind, ref: str) -> bool:
    chain_ref, *rest = ref.split("/")
    chain = Chain.objects.filter(partnership=partnership, ref=chain_ref).first()
    if chain is None:
        return False
    if kind is SubjectKind.CHAIN:
        return not rest
    if kind is SubjectKind.NODE:
        return len(rest) == 1 and chain.nodes.filter(ref=rest[0]).exists()
    source, target, link_type = rest
    return ChainLink.objects.filter(
        chain=chain, source__ref=source, target__ref=target, type=link_type
    ).exists()


def assert_well_formed(partnership: Partnership, client) -> list:
    found = check_findings(chain_findings.findings(partnership), chain_findings.rules())
    reader = RoleFactory(partnership=partnership, kind="viewer").user
    client.force_login(reader)
    for url in {finding.evidence.url for finding in found}:
        assert client.get(url).status_code == 200, url
    for finding in found:
        assert finding.area == "chains"
        assert finding.subject.kind in {SubjectKind.CHAIN, SubjectKind.NODE, SubjectKind.LINK}
        assert subject_exists(partnership, finding.subject.kind, finding.subject.ref), finding
        assert finding.severity is chain_findings.SEVERITY[finding.rule.id]
        assert finding.message and finding.period
    return found


def test_the_chains_app_registers_its_finding_source():
    assert finding_sources()["chains"] is chain_findings


def test_rules_are_every_chain_rule_with_its_id_label_and_wording():
    rules = {rule.id: rule for rule in chain_findings.rules()}
    assert set(rules) == set(chain_findings.SEVERITY)
    assert rules["DC-S04"].label == "Single point of failure"
    assert rules["DC-S04"].text.startswith("No single node holds the chain together")


def test_the_falls_chain_finds_its_weak_links_at_the_workshop_period(kite, client):
    falls = falls_chain(kite)
    workshop_with(falls["chain"], 3, 3, link=(falls["nurses"], falls["older-people"]))
    found = assert_well_formed(kite["partnership"], client)
    by_key = {(f.rule.id, f.subject.ref): f for f in found}
    risky = by_key[("DC-W02", "falls/nurses/older-people/delivers_to")]
    assert dict(risky.evidence.figures)["score"] == 16
    assert risky.subject.name == "Community nurses delivers to Older people at risk of falling"
    assert risky.period == "Workshop spring"
    assert risky.evidence.url == f"/p/kite/chains/{falls['chain'].pk}/analysis/"
    red = by_key[("DC-W01", "falls/nurses/older-people/delivers_to")]
    assert dict(red.evidence.figures) == {"red": 6, "scored": 6, "types": "delivers_to"}
    assert red.severity is Severity.HIGH
    point = by_key[("DC-S04", "falls/nurses")]
    assert point.subject.kind is SubjectKind.NODE
    assert dict(point.evidence.figures)["cuts_off"] == "older-people"
    assert ("DC-F02", "falls/council/falls-service/funds") in by_key
    assert ("DC-W03", "falls/nurses/older-people/delivers_to") in by_key


def test_without_a_rated_workshop_the_period_is_current(kite):
    falls_chain(kite)
    found = chain_findings.findings(kite["partnership"])
    assert found and {finding.period for finding in found} == {"current"}


def healthy_chain(kite) -> Chain:
    """Outcome <- board <- council, which funds and delivers to the people twice over."""
    chain = Chain.objects.create(partnership=kite["partnership"], ref="sound", outcome_title="X")

    def node(ref: str, kind: str, **extra) -> ChainNode:
        return ChainNode.objects.create(chain=chain, ref=ref, kind=kind, name=ref, **extra)

    outcome = node("outcome", "outcome")
    board = node("board", "body", layer="strategic", body=kite["board"])
    council = node("council", "organisation", organisation=kite["council"])
    police = node("police", "organisation", organisation=kite["police"])
    people = node("people", "people")

    def link(source: ChainNode, target: ChainNode, kind: str, **extra) -> ChainLink:
        return ChainLink.objects.create(
            chain=chain,
            source=source,
            target=target,
            type=kind,
            owner_person=kite["alice"],
            indicator="NI 1",
            **extra,
        )

    link(board, outcome, "accountable_to")
    link(police, outcome, "accountable_to")
    link(council, board, "accountable_to")
    link(council, police, "funds", amount=Decimal("1000"))
    link(board, council, "funds", amount=Decimal("1000"))
    link(council, people, "delivers_to")
    link(police, people, "delivers_to")
    link(council, board, "reports_data_to", frequency=4)
    return chain


def test_nothing_is_found_when_the_rules_hold(kite, client):
    healthy_chain(kite)
    assert assert_well_formed(kite["partnership"], client) == []


def test_an_unowned_link_an_unreached_group_and_an_unfunded_branch(kite, client):
    chain = healthy_chain(kite)
    chain.links.filter(type="funds").delete()
    chain.links.filter(source__ref="police", target__ref="people").update(owner_person=None)
    ChainNode.objects.create(chain=chain, ref="carers", kind="people", name="Carers")
    found = assert_well_formed(kite["partnership"], client)
    keys = {(f.rule.id, f.subject.ref) for f in found}
    assert ("DC-S01", "sound/police/people/delivers_to") in keys
    assert ("DC-S03", "sound/carers") in keys
    assert any(rule == "DC-F01" for rule, _ in keys)


def test_the_demo_findings_are_well_formed_and_cover_the_crosschecks(client):
    build_demo(1)
    northshire = Partnership.objects.get(slug="northshire")
    found = assert_well_formed(northshire, client)
    rules = {finding.rule.id for finding in found}
    assert {"DC-S02", "DC-S04", "DC-W01", "DC-W04", "DC-X01", "DC-X02"} <= rules
    merged = [f for f in found if f.rule.id == "DC-S02" and "more" in dict(f.evidence.figures)]
    assert merged and all("path (3)" in dict(f.evidence.figures) for f in merged)
