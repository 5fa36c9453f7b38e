"""The relationship survey's findings for the one register (the ``finding_source`` of the area).

What the relationship rules (``partnerscope.core.network.rules``) find in the latest closed
wave, analysed as the measures page shows it by default (``analysis.Options()``: ties at
cooperation or closer, the ties of organisations that did not answer inferred from the
other side). The survey is not anonymous, so findings name organisations.

Rules, subjects and severities:

* ``isolated_partner``, about the organisation (its ref): MEDIUM, a partner the
  partnership does not reach.
* ``council_dominance``, about the partnership (its ref, so the finding persists across
  waves): MEDIUM, a warning sign of how the partnership works rather than of its outcomes.
* ``low_trust``, about the organisation rated: MEDIUM when two or more organisations rated
  it, LOW when only one did (one partner's view of one relationship).
* ``low_reciprocity``, about the partnership: LOW, partners see their ties differently.

The period is the wave's title; the evidence links to the organisation's page (isolated
partner, low trust) or the wave's measures page (council dominance, low reciprocity).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from partnerscope.apps.network.analysis import Options, WaveNetwork, analyse, wave_network
from partnerscope.apps.network.services import latest_closed_wave
from partnerscope.core import network as core
from partnerscope.core.findings import (
    Evidence,
    EvidenceValue,
    Finding,
    RuleRef,
    Severity,
    Subject,
    SubjectKind,
)
from partnerscope.core.network.rules import (
    COUNCIL_DEPENDENCY_ABOVE,
    COUNCIL_DOMINANCE,
    ISOLATED_PARTNER,
    LOW_RECIPROCITY,
    LOW_TRUST,
    LOW_TRUST_BELOW,
    RECIPROCITY_BELOW,
    RULES,
    Rule,
    council_dominates,
    isolated,
    low_reciprocity,
    low_trust,
)

__all__ = ["AREA", "findings", "rules", "wave_findings"]

AREA = "network"


def rule_ref(rule: Rule) -> RuleRef:
    """A relationship rule as the findings protocol cites it."""
    return RuleRef(rule.name, rule.label, rule.text)


def rules() -> list[RuleRef]:
    """Every rule a relationship finding may cite."""
    return [rule_ref(rule) for rule in RULES]


def findings(partnership: Any) -> list[Finding]:
    """What the relationship rules find in the partnership's latest closed wave."""
    wave = latest_closed_wave(partnership)
    if wave is None:
        return []
    return wave_findings(wave_network(wave), Options())


def wave_findings(network: WaveNetwork, options: Options) -> list[Finding]:
    """The findings of one wave's network analysed with ``options``."""
    result = analyse(network, options)
    wave = network.wave
    slug = wave.partnership.slug
    query = f"?{options.query()}"
    measures = reverse("network:metrics", args=[slug, wave.pk]) + query

    def finding(
        rule: Rule,
        subject: Subject,
        severity: Severity,
        figures: tuple[tuple[str, EvidenceValue], ...],
        url: str,
        message: str,
    ) -> Finding:
        return Finding(
            AREA, rule_ref(rule), subject, severity, Evidence(figures, url), wave.title, message
        )

    found: list[Finding] = []
    for metrics in result.organisations:
        organisation = network.organisations[metrics.id]
        subject = Subject(SubjectKind.ORGANISATION, organisation.ref, organisation.name)
        page = reverse("network:organisation", args=[slug, wave.pk, organisation.pk]) + query
        if isolated(metrics.in_degree, metrics.out_degree):
            found.append(
                finding(
                    ISOLATED_PARTNER,
                    subject,
                    Severity.MEDIUM,
                    (
                        ("ties_received", metrics.in_degree),
                        ("ties_given", metrics.out_degree),
                        ("min_level", options.min_level),
                        ("answered", bool(metrics.responded)),
                    ),
                    page,
                    f"{organisation.name} has no tie at level {options.min_level} "
                    f"({options.level_label.lower()}) or closer with any other organisation.",
                )
            )
        if low_trust(metrics.trust):
            mean = metrics.trust.mean or 0.0
            count = metrics.trust.ratings
            found.append(
                finding(
                    LOW_TRUST,
                    subject,
                    Severity.MEDIUM if count > 1 else Severity.LOW,
                    (
                        ("mean_trust", mean),
                        ("ratings", count),
                        ("low_below", LOW_TRUST_BELOW),
                    ),
                    page,
                    f"{organisation.name}'s mean trust rating is {mean:.2f} of 4 from "
                    f"{count} organisation{'s' if count != 1 else ''}.",
                )
            )
    found += _network_findings(network, result, measures, finding)
    return found


def _network_findings(
    network: WaveNetwork, result: core.NetworkResult, url: str, finding: Any
) -> list[Finding]:
    partnership = network.wave.partnership
    subject = Subject(SubjectKind.PARTNERSHIP, partnership.slug, partnership.name)
    whole = result.network
    found: list[Finding] = []
    council = whole.council
    if council_dominates(council):
        names = ", ".join(network.organisations[ref].name for ref in council.council)
        removal = whole.council_removal
        found.append(
            finding(
                COUNCIL_DOMINANCE,
                subject,
                Severity.MEDIUM,
                (
                    ("council_dependency", council.dependency),
                    ("dominance_above", COUNCIL_DEPENDENCY_ABOVE),
                    ("pairs", council.pairs),
                    ("council", names),
                    (
                        "left_without_a_tie",
                        None if removal is None else len(removal.newly_isolated),
                    ),
                ),
                url,
                f"{100 * (council.dependency or 0):.0f}% of the shortest routes between the "
                f"other organisations pass through the council ({names}).",
            )
        )
    if low_reciprocity(whole.reciprocity):
        found.append(
            finding(
                LOW_RECIPROCITY,
                subject,
                Severity.LOW,
                (
                    ("reciprocity", whole.reciprocity),
                    ("low_below", RECIPROCITY_BELOW),
                    ("ties", whole.ties),
                ),
                url,
                f"{100 * (whole.reciprocity or 0):.0f}% of the {whole.ties} counted ties are "
                "named by both organisations.",
            )
        )
    return found
