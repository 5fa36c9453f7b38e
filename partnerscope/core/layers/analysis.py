"""Run every layer rule on a partnership and gather the figures each body is judged by."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from partnerscope.core.findings import Finding, RuleRef, check_findings
from partnerscope.core.layers.facts import BodyYear, LayerFacts, build_facts
from partnerscope.core.layers.model import Governance
from partnerscope.core.layers.rules import DEFAULT_RULES, Rule
from partnerscope.core.layers.rules.base import rounded
from partnerscope.core.layers.rules.leadership import SHARES
from partnerscope.core.layers.settings import LayerSettings

__all__ = ["GovernanceResult", "analyse_governance", "body_figures", "rules_catalogue"]


@dataclass(frozen=True)
class GovernanceResult:
    """The measures of a partnership's governance and what the rules found."""

    facts: LayerFacts
    findings: tuple[Finding, ...]
    rules: tuple[RuleRef, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``partnership``, ``years`` judged, ``bodies``, ``leadership`` (the
        council's shares by year), ``findings`` and ``rules``."""
        facts = self.facts
        return {
            "partnership": facts.governance.partnership,
            "years": [facts.year_label(year) for year in facts.years],
            "bodies": [body_figures(facts, body.ref) for body in facts.governance.bodies],
            "leadership": [
                {"year": facts.year_label(shares.year)}
                | {f"council_share_of_{name}": rounded(shares.share(name)) for name in SHARES}
                for shares in facts.council_shares
            ],
            "findings": [
                {
                    "rule": finding.rule.id,
                    "subject": {
                        "kind": finding.subject.kind.value,
                        "ref": finding.subject.ref,
                        "name": finding.subject.name,
                    },
                    "text": finding.message,
                    "evidence": dict(finding.evidence.figures),
                    "severity": finding.severity.value,
                    "period": finding.period,
                }
                for finding in self.findings
            ],
            "rules": [
                {"id": rule.id, "label": rule.label, "text": rule.text} for rule in self.rules
            ],
        }


def _share(part: int, whole: int) -> float | None:
    return rounded(part / whole) if whole else None


def body_figures(facts: LayerFacts, ref: str) -> dict[str, Any]:
    """One body's figures over the judged years, and year by year."""
    body = facts.bodies[ref]
    rows = [
        facts.body_years.get((ref, year)) or BodyYear(body=ref, year=year) for year in facts.years
    ]
    items = sum(row.items for row in rows)
    off_items = sum(row.off_layer_items(body.layer) for row in rows)
    minutes = sum(row.minutes for row in rows)
    off_minutes = sum(row.minutes - row.minutes_by_layer.get(body.layer, 0) for row in rows)
    chair = facts.chairs.get(ref)
    return {
        "body": ref,
        "name": body.name,
        "layer": body.layer,
        "parent": body.parent,
        "functions": list(body.functions),
        "size": facts.sizes.get(ref, 0),
        "meetings_per_year": rounded(sum(row.meetings for row in rows) / len(rows), 2)
        if rows
        else None,
        "drift_share": _share(off_items, items),
        "time_drift_share": _share(off_minutes, minutes),
        "attendance_rate": _share(
            sum(row.attendance_present for row in rows),
            sum(row.attendance_recorded for row in rows),
        ),
        "council_presented_share": _share(
            sum(row.council_presented for row in rows), sum(row.presented for row in rows)
        ),
        "chair": chair.person if chair else None,
        "chair_organisation": chair.organisation if chair else None,
        "chair_sector": chair.sector if chair else None,
        "chair_type": chair.type.kind if chair else None,
        "chair_risk": chair.type.risk if chair else None,
        "years": [
            {
                "year": facts.year_label(row.year),
                "meetings": row.meetings,
                "items": row.items,
                "drift_share": rounded(row.drift_share(body.layer)),
                "time_drift_share": rounded(row.time_drift_share(body.layer)),
                "attendance_rate": rounded(row.attendance_rate),
                "meetings_below_quorum": row.meetings_below_quorum,
                "council_presented_share": rounded(row.council_presented_share),
            }
            for row in rows
        ],
    }


def analyse_governance(
    governance: Governance,
    settings: LayerSettings | None = None,
    rules: Sequence[Rule] = DEFAULT_RULES,
) -> GovernanceResult:
    """Measure ``governance`` and run ``rules`` on it.

    Examples
    --------
    >>> from partnerscope.core.layers.model import Body
    >>> result = analyse_governance(Governance("p", "P", bodies=(Body("b", "Board", "strategic"),)))
    >>> [finding.rule.id for finding in result.findings]
    ['function_missing', 'no_chair']
    """
    facts = build_facts(governance, settings)
    refs = tuple(rule.ref() for rule in rules)
    found = [finding for rule in rules for finding in rule.findings(facts)]
    return GovernanceResult(facts, tuple(check_findings(found, refs)), refs)


def rules_catalogue(rules: Sequence[Rule] = DEFAULT_RULES) -> list[dict[str, str]]:
    """Each rule's id, label and text, as ``governance rules`` lists them."""
    return [{"id": rule.id, "label": rule.label, "text": rule.text()} for rule in rules]
