"""What other apps may read of the learning from others area: plain data only."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.learning import sharing
from partnerscope.apps.learning.library import entries_for_rules


def shares_figures(partnership: Any) -> bool:
    """Whether the partnership shares its headline figures with the others on the site."""
    return sharing.shares(partnership)


def practice_for_rules(partnership: Any, rule_ids: list[str]) -> list[dict[str, Any]]:
    """The practice entries the partnership reads that could help with these rules."""
    return [
        {
            "ref": entry.ref,
            "practice": entry.practice,
            "where": entry.where,
            "framework_part": entry.framework_part,
            "rule_ids": list(entry.rule_ids),
            "example": entry.example,
            "site_wide": entry.site_wide,
        }
        for entry in entries_for_rules(partnership, rule_ids)
    ]
