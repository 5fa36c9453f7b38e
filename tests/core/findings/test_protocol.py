"""The findings protocol: keys, checks and the comparison of one refresh with the last."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerscope.core import findings
from partnerscope.core.findings import (
    Evidence,
    Finding,
    RuleRef,
    Severity,
    Subject,
    SubjectKind,
    check_findings,
    compare,
)

RULES = [RuleRef(f"rule_{n}", f"Rule {n}", f"The wording of rule {n}.") for n in range(3)]


def test_the_examples_in_the_docstrings_hold() -> None:
    result = doctest.testmod(findings)
    assert result.attempted > 0
    assert result.failed == 0


def finding(rule: int, ref: str, period: str = "2026") -> Finding:
    return Finding(
        area="sevens",
        rule=RULES[rule],
        subject=Subject(SubjectKind.BODY, ref, ref.title()),
        severity=Severity.MEDIUM,
        evidence=Evidence((("score", 40),), "/p/x/"),
        period=period,
    )


def test_the_period_is_not_part_of_a_findings_identity() -> None:
    assert finding(0, "board", "2025").key == finding(0, "board", "2026").key


def test_two_findings_with_one_key_are_refused() -> None:
    with pytest.raises(ValueError, match="share the key"):
        check_findings([finding(0, "board"), finding(0, "board", "2025")], RULES)


def test_a_rule_needs_its_wording_and_a_subject_its_ref() -> None:
    with pytest.raises(ValueError, match="needs a text"):
        RuleRef("r", "R", " ")
    with pytest.raises(ValueError, match="needs a ref"):
        Subject(SubjectKind.BODY, "", "Board")


def test_a_finding_as_json_names_its_rule_subject_and_evidence() -> None:
    data = finding(1, "board").to_dict()
    assert data["rule"] == {"id": "rule_1", "label": "Rule 1", "text": "The wording of rule 1."}
    assert data["subject"] == {"kind": "body", "ref": "board", "name": "Board"}
    assert data["evidence"] == {"figures": {"score": 40}, "url": "/p/x/"}
    assert data["severity"] == "medium"


keys = st.sets(st.tuples(st.integers(0, 2), st.sampled_from("abcdef")), max_size=12)


@given(before=keys, now=keys)
def test_every_finding_is_new_or_persisting_and_every_vanished_key_resolved(before, now):
    previous = {finding(rule, ref).key for rule, ref in before}
    current = [finding(rule, ref) for rule, ref in sorted(now)]
    changes = compare(previous, current)
    assert {f.key for f in changes.new} | {f.key for f in changes.persisting} == {
        f.key for f in current
    }
    assert not {f.key for f in changes.new} & previous
    assert {f.key for f in changes.persisting} <= previous
    assert set(changes.resolved) == previous - {f.key for f in current}
    assert list(changes.resolved) == sorted(changes.resolved)
