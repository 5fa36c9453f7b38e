"""Building the flag rules' evidence snapshot from the register and the analyses.

Each outcome's indicators and their latest whole-area statuses come from performance
(``outcomes_with_statuses``), its chains from the delivery chains (``chain_summaries``,
joined by the chain's ``outcome_ref``), and the open findings from the register: about the
outcome itself, its indicators, its chains (and their nodes and links) and the body that
owns it. The partnership's evidence also holds every open finding.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from partnerscope.apps.actions import selectors as actions
from partnerscope.apps.chains import selectors as chains
from partnerscope.apps.findings import selectors as register
from partnerscope.apps.performance import selectors as performance
from partnerscope.core.findings import FindingKey
from partnerscope.core.flags import (
    ChainEvidence,
    FindingEvidence,
    IndicatorEvidence,
    OutcomeEvidence,
    PartnershipEvidence,
)


def partnership_evidence(partnership: Any) -> PartnershipEvidence:
    """The evidence snapshot of ``partnership`` as it stands now."""
    found = [FindingEvidence(f.key, f.severity) for f in register.open_core_findings(partnership)]
    chains_by_outcome: dict[str, list[dict[str, Any]]] = {}
    for chain in chains.chain_summaries(partnership):
        chains_by_outcome.setdefault(chain["outcome_ref"], []).append(chain)
    outcomes = tuple(
        outcome_evidence(outcome, chains_by_outcome.get(outcome["ref"], []), found)
        for outcome in performance.outcomes_with_statuses(partnership)
    )
    return PartnershipEvidence(
        outcomes=outcomes, findings=tuple(found), ref=partnership.slug, name=partnership.name
    )


def outcome_evidence(
    outcome: dict[str, Any], served_by: list[dict[str, Any]], found: list[FindingEvidence]
) -> OutcomeEvidence:
    indicators = tuple(
        IndicatorEvidence(
            code=row["code"],
            title=row["title"],
            rag=row["rag"],
            direction=row["direction"],
            year_ago=row["year_ago"],
            variation=row["variation"],
            assurance=row["assurance"],
            has_target=row["target"] is not None,
        )
        for row in outcome["indicators"]
    )
    chain_evidence = tuple(
        ChainEvidence(
            ref=chain["ref"],
            title=chain["title"],
            strength=chain["strength"],
            single_points=tuple(chain["single_points"]),
            weak_links=chain["weak_links"],
        )
        for chain in served_by
    )
    subjects = {("outcome", outcome["ref"])} | {("indicator", i.code) for i in indicators}
    if outcome["body"]:
        subjects.add(("body", outcome["body"]))
    chain_refs = {chain.ref for chain in chain_evidence}
    return OutcomeEvidence(
        ref=outcome["ref"],
        title=outcome["title"],
        indicators=indicators,
        chains=chain_evidence,
        findings=tuple(f for f in found if about(f.key, subjects, chain_refs)),
    )


def about(key: FindingKey, subjects: set[tuple[str, str]], chain_refs: set[str]) -> bool:
    """A finding about one of these subjects, or about one of these chains, a node or a
    link of it (``<chain>/...``)."""
    kind, ref = key[2], key[3]
    if (kind, ref) in subjects:
        return True
    if key[0] != "chains":
        return False
    if ref in chain_refs:
        return True
    return kind in ("node", "link") and ref.split("/", 1)[0] in chain_refs


def tackled_keys(partnership: Any, today: date) -> set[FindingKey]:
    """The findings an open, on-time action of the action plan answers."""
    return set(actions.finding_keys_being_tackled(partnership, today))
