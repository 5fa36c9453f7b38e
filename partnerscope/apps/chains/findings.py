"""The delivery chains' findings for the one register (the findings protocol of
``partnerscope.core.findings``).

Every rule of ``partnerscope.core.chains.rules`` may be cited, by its id (``DC-…``), class
name and the first paragraph of its docstring. Each chain is analysed as its analysis page
shows it (:func:`partnerscope.apps.chains.analysis.analyse`) and each core finding becomes
one register finding about the record it names:

- a rule that names one link (DC-S01, DC-W01 to DC-W04, DC-F02, DC-X01, DC-X02) is about
  that link, ref ``<chain>/<from node>/<to node>/<link type>`` (DC-W01 judges a pair of
  nodes: its subject is the pair's first link by type, every type is in the evidence);
- a rule that names nodes (DC-S02, DC-S03, DC-S04, DC-F01) is about the first node it
  names (the first silent node of the path, the group not reached, the single point of
  failure, the head of the branch), ref ``<chain>/<node>``;
- anything else is about the chain, ref ``<chain>``.

Refs are slugs, so ``/`` never occurs inside one. When one rule names the same subject
twice (DC-X02 for a link behind two off-track indicators, DC-S02 for a node silent on two
paths) they are one register finding: the first three messages are joined, their figures
numbered from the second (``path (2)``), and ``more`` counts the rest.

The period is the chain's latest rated workshop ("<title> (<date>)"), or "current" when no
workshop has enough participants to show. The evidence links to the chain's analysis page.
"""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse

from partnerscope.apps.chains.analysis import ChainAnalysis, analyse
from partnerscope.apps.chains.choices import LinkType
from partnerscope.apps.chains.models import Chain
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core import chains as core
from partnerscope.core.findings import (
    Evidence,
    EvidenceValue,
    Finding,
    RuleRef,
    Severity,
    Subject,
    SubjectKind,
)

AREA = "chains"

SEVERITY = {
    "DC-S01": Severity.MEDIUM,
    "DC-S02": Severity.MEDIUM,
    "DC-S03": Severity.HIGH,
    "DC-S04": Severity.HIGH,
    "DC-F01": Severity.MEDIUM,
    "DC-F02": Severity.MEDIUM,
    "DC-W01": Severity.HIGH,
    "DC-W02": Severity.MEDIUM,
    "DC-W03": Severity.LOW,
    "DC-W04": Severity.LOW,
    "DC-X01": Severity.MEDIUM,
    "DC-X02": Severity.HIGH,
}
"""How much each rule's finding matters. HIGH is evidence for a red flag: people the chain
cannot reach, a single point of failure, a link most partners rate red, a weak link behind
an off-track indicator. LOW is a gap in the chain's monitoring (no indicator on a link,
data reported too seldom). The rest are MEDIUM. No chain rule finds good news."""

NO_WORKSHOP = "current"
MERGED_SHOWN = 3
"""How many findings of one rule about one subject a merged finding spells out."""


def rules() -> list[RuleRef]:
    """Every chain rule, in the order the analysis lists its findings; the label is the
    rule's class name in words (``SinglePointOfFailure``: "Single point of failure")."""
    return [
        RuleRef(entry["id"], label_of(entry["name"]), entry["text"])
        for entry in core.rules_catalogue()
    ]


def label_of(class_name: str) -> str:
    words = re.findall(r"[A-Z][a-z]*", class_name)
    return " ".join([words[0], *(word.lower() for word in words[1:])])


def findings(partnership: Partnership) -> list[Finding]:
    """What the chain rules find now in every chain of the partnership."""
    found: list[Finding] = []
    for chain in Chain.objects.in_partnership(partnership).select_related("partnership"):
        found.extend(chain_findings(analyse(chain)))
    return found


def chain_findings(analysis: ChainAnalysis) -> list[Finding]:
    """One chain's core findings as register findings, merged where they share a key."""
    chain = analysis.chain
    by_rule = {rule.id: rule for rule in rules()}
    url = reverse("chains:chain_analysis", args=[chain.partnership.slug, chain.pk])
    period = workshop_period(analysis)
    names = {node.ref: node.name for node in analysis.nodes}
    merged: dict[tuple[str, Subject], list[dict[str, Any]]] = {}
    for found in analysis.result["findings"]:
        subject = subject_of(chain, found, names)
        merged.setdefault((found["rule"], subject), []).append(found)
    return [
        Finding(
            area=AREA,
            rule=by_rule[rule],
            subject=subject,
            severity=SEVERITY.get(rule, Severity.MEDIUM),
            evidence=Evidence(figures_of(group), url),
            period=period,
            message=message_of(group),
        )
        for (rule, subject), group in merged.items()
    ]


def workshop_period(analysis: ChainAnalysis) -> str:
    """The workshop whose ratings the analysis read, or "current"."""
    workshop = analysis.workshop
    if workshop is None:
        return NO_WORKSHOP
    if workshop.held_on is None:
        return workshop.title
    return f"{workshop.title} ({workshop.held_on.isoformat()})"


def link_ref(chain: Chain, source: str, target: str, kind: str) -> str:
    """A link's stable ref: its chain's ref, its two nodes' refs and its type."""
    return f"{chain.ref}/{source}/{target}/{kind}"


def node_ref(chain: Chain, node: str) -> str:
    """A node's stable ref: its chain's ref and its own."""
    return f"{chain.ref}/{node}"


def subject_of(chain: Chain, found: dict[str, Any], names: dict[str, str]) -> Subject:
    """The link, node or chain a core finding names (see the module's docstring)."""
    links = sorted(found["links"], key=lambda key: key["type"])
    if links and (len(links) == 1 or found["rule"] == "DC-W01"):
        link = links[0]
        label = LinkType(link["type"]).label.lower()
        return Subject(
            SubjectKind.LINK,
            link_ref(chain, link["from"], link["to"], link["type"]),
            f"{names[link['from']]} {label} {names[link['to']]}",
        )
    if found["nodes"]:
        node = found["nodes"][0]
        return Subject(SubjectKind.NODE, node_ref(chain, node), names.get(node, node))
    return Subject(SubjectKind.CHAIN, chain.ref, chain.outcome_title)


def figures_of(group: list[dict[str, Any]]) -> tuple[tuple[str, EvidenceValue], ...]:
    """The figures of one or more core findings, lists written out; the second and third
    are numbered, and ``more`` counts any beyond (the analysis page lists them all)."""
    figures: list[tuple[str, EvidenceValue]] = []
    for number, found in enumerate(group[:MERGED_SHOWN], start=1):
        evidence = dict(found["evidence"])
        if found["rule"] == "DC-W01":
            evidence["types"] = [link["type"] for link in found["links"]]
        suffix = "" if number == 1 else f" ({number})"
        figures.extend((f"{name}{suffix}", plain(value)) for name, value in evidence.items())
    if len(group) > MERGED_SHOWN:
        figures.append(("more", len(group) - MERGED_SHOWN))
    return tuple(figures)


def message_of(group: list[dict[str, Any]]) -> str:
    shown = " ".join(item["message"] for item in group[:MERGED_SHOWN])
    more = len(group) - MERGED_SHOWN
    return shown if more <= 0 else f"{shown} And {more} more like these."


def plain(value: Any) -> EvidenceValue:
    """A figure as the register stores it: a list becomes its items joined by commas."""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return value  # type: ignore[no-any-return]
