"""Which organisations a finding names: its subject, a chain node's or link's organisations,
and the council named by the council-dominance finding."""

from __future__ import annotations

import pytest

from partnerscope.apps.findings import selectors as findings
from partnerscope.apps.replies.keys import finding_key, finding_key_text
from partnerscope.apps.replies.naming import organisations_named_by_finding
from partnerscope.core.findings import Evidence, Finding, RuleRef, Severity, Subject, SubjectKind
from tests.apps.chains.builders import falls_chain
from tests.apps.findings.builders import isolated, stored, weak_element

pytestmark = pytest.mark.django_db

RULE = RuleRef("DC-S04", "Single point of failure", "A node every path passes through.")


def named(kite, found: Finding) -> list[str]:
    row = stored(kite["partnership"], found)
    return [
        o.ref
        for o in organisations_named_by_finding(
            kite["partnership"], findings.finding(kite["partnership"], row.pk)
        )
    ]


def chain_finding(kind: SubjectKind, ref: str) -> Finding:
    return Finding("chains", RULE, Subject(kind, ref, ref), Severity.HIGH)


def test_an_organisation_finding_names_its_subject(kite):
    assert named(kite, isolated()) == ["kite-police"]


def test_a_finding_about_an_element_names_nobody(kite):
    assert named(kite, weak_element()) == []


def test_a_chain_node_names_the_organisation_that_runs_it(kite):
    falls_chain(kite)
    assert named(kite, chain_finding(SubjectKind.NODE, "falls/nurses")) == ["kite-council"]
    assert named(kite, chain_finding(SubjectKind.NODE, "falls/older-people")) == []
    assert named(kite, chain_finding(SubjectKind.NODE, "other-chain/nurses")) == []


def test_a_chain_link_names_the_organisations_of_both_ends(kite):
    falls_chain(kite)
    link = chain_finding(SubjectKind.LINK, "falls/police/nurses/refers_to")
    assert named(kite, link) == ["kite-council", "kite-police"]


def test_council_dominance_names_the_councils_in_its_evidence(kite):
    dominance = Finding(
        "network",
        RuleRef("council_dominance", "Council dominance", "Routes pass through the council."),
        Subject(SubjectKind.PARTNERSHIP, "kite", "Kite Partnership"),
        Severity.MEDIUM,
        Evidence((("council", "Kite Council"),)),
    )
    assert named(kite, dominance) == ["kite-council"]


def test_a_findings_key_as_text_and_back():
    key = ("chains", "DC-W01", "link", "falls/police/nurses/refers_to")
    assert finding_key(finding_key_text(key)) == key
    with pytest.raises(ValueError, match="not a finding's key"):
        finding_key("chains|DC-W01|link")
