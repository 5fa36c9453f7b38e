"""Every named rule of the indicators core has a test of the same name."""

from __future__ import annotations

import ast
from pathlib import Path

import partnerscope.core.indicators as indicators
from partnerscope.core.indicators.rules import Rule

HERE = Path(__file__).parent


def all_rules():
    return {value.name: value for value in vars(indicators).values() if isinstance(value, Rule)}


def defined_test_names():
    names = set()
    for path in HERE.glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                names.add(node.name)
    return names


def test_every_rule_has_a_test_of_the_same_name():
    tests = defined_test_names()
    rules = all_rules()
    assert len(rules) >= 40
    missing = sorted(name for name in rules if f"test_{name}" not in tests)
    assert missing == []


def test_rule_names_are_unique_and_texts_are_sentences():
    rules = [value for value in vars(indicators).values() if isinstance(value, Rule)]
    assert len({rule.name for rule in rules}) == len({id(rule) for rule in rules})
    for rule in rules:
        assert rule.name.isidentifier() and rule.name == rule.name.lower()
        assert rule.text[0].isupper() and rule.text.endswith(".")


def test_docs_name_every_rule():
    docs = (HERE.parents[2] / "docs" / "indicators.md").read_text(encoding="utf-8")
    assert sorted(name for name in all_rules() if f"`{name}`" not in docs) == []


def test_every_rule_opens_with_a_short_label():
    for rule in all_rules().values():
        assert ":" in rule.text, rule.name
        assert 2 <= len(rule.label) <= 60 and rule.label[0].isupper(), rule.name
        assert rule.text.startswith(f"{rule.label}: "), rule.name
