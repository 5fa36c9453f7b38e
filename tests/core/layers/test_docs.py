"""docs/governance.md names every layer rule and every setting."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from partnerscope.core.layers import DEFAULT_RULES, LayerSettings

DOC = Path(__file__).resolve().parents[3] / "docs" / "governance.md"


def test_every_rule_and_setting_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert [rule.id for rule in DEFAULT_RULES if f"`{rule.id}`" not in text] == []
    assert [f.name for f in fields(LayerSettings) if f"`{f.name}`" not in text] == []
