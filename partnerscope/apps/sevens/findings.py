"""The 7S self-assessment's findings for the one register (the ``finding_source`` of the area).

What the 7S rules find in the latest closed wave, read only from that wave's *published*
results (``services.results_dict``, the JSON form the results pages read), so a finding
can never show more than the pages do: withheld groups are absent from that form, and the
findings use only the whole wave's figures, which exist only when the whole wave reaches
the anonymity threshold.

Rules cited (``partnerscope.core.sevens.rules``, by their existing names and wording):

* ``weak_element``: an element scoring below 50. Severity MEDIUM: a concern the board
  should discuss, not on its own evidence for a red flag.
* ``significant_change``: a change since the previous wave whose 95% interval excludes
  zero. Severity POSITIVE for an improvement (evidence for a green flag), MEDIUM for a
  decline.

Subjects are the elements, by their codes; the period is the wave's title; the evidence
links to the element's results page (weak element) or the wave's results page, which
shows the change chart (significant change).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import reverse

from partnerscope.apps.sevens.models import Wave
from partnerscope.apps.sevens.services import results_dict, results_published
from partnerscope.core.findings import (
    Evidence,
    Finding,
    RuleRef,
    Severity,
    Subject,
    SubjectKind,
)
from partnerscope.core.sevens import ELEMENTS, SIGNIFICANT_CHANGE, WAVE, WEAK_ELEMENT, WEAK_SCORE
from partnerscope.core.sevens.rules import Rule

__all__ = ["AREA", "findings", "latest_published_wave", "result_findings", "rules"]

AREA = "sevens"

CITED: tuple[Rule, ...] = (WEAK_ELEMENT, SIGNIFICANT_CHANGE)


def rule_ref(rule: Rule) -> RuleRef:
    """A 7S rule as the findings protocol cites it: its name, label and wording."""
    return RuleRef(rule.name, rule.label, rule.text)


def rules() -> list[RuleRef]:
    """Every rule a 7S finding may cite."""
    return [rule_ref(rule) for rule in CITED]


def latest_published_wave(partnership: Any) -> Wave | None:
    """The partnership's most recently closed wave (the latest whose results are shown)."""
    waves = Wave.objects.in_partnership(partnership).order_by("-closes", "-pk")
    return next((wave for wave in waves if results_published(wave)), None)


def findings(partnership: Any) -> list[Finding]:
    """What the 7S rules find in the partnership's latest closed wave (none without one)."""
    wave = latest_published_wave(partnership)
    if wave is None:
        return []
    slug = partnership.slug
    return result_findings(
        results_dict(wave),
        wave.title,
        reverse("sevens:results", args=[slug, wave.pk]),
        lambda element_id: reverse("sevens:element_results", args=[slug, wave.pk, element_id]),
    )


def result_findings(
    result: dict[str, Any],
    period: str,
    results_url: str,
    element_url: Callable[[str], str],
) -> list[Finding]:
    """The findings of one wave's published results (``WaveResult.to_dict`` form).

    Only the whole wave's element scores and its change since the previous wave are read,
    never a breakdown, so no finding holds a figure of any group; a wave withheld whole
    has no findings.

    Examples
    --------
    >>> result = {"withheld": [], "elements": {"steering": {"score": 42.5, "n": 8}},
    ...           "change": {"style": {"previous_score": 50.0, "score": 61.0,
    ...           "difference": 11.0, "low": 3.0, "high": 19.0, "significant": True}}}
    >>> found = result_findings(result, "7S 2026", "/r/", lambda e: f"/r/{e}/")
    >>> [(f.rule.id, f.subject.ref, f.severity.value) for f in found]
    [('weak_element', 'steering', 'medium'), ('significant_change', 'style', 'positive')]
    >>> result_findings({**result, "withheld": ["wave"]}, "7S 2026", "/r/", str)
    []
    """
    if WAVE in result.get("withheld", ()):
        return []
    found = [
        finding
        for info in ELEMENTS
        if (finding := _weak(info.id, info.name, result, period, element_url(info.id)))
    ]
    found += [
        finding
        for info in ELEMENTS
        if (finding := _changed(info.id, info.name, result, period, results_url))
    ]
    return found


def _weak(
    element_id: str, name: str, result: dict[str, Any], period: str, url: str
) -> Finding | None:
    figures = result.get("elements", {}).get(element_id) or {}
    score = figures.get("score")
    if not WEAK_ELEMENT.weak(score):
        return None
    return Finding(
        area=AREA,
        rule=rule_ref(WEAK_ELEMENT),
        subject=Subject(SubjectKind.ELEMENT, element_id, name),
        severity=Severity.MEDIUM,
        evidence=Evidence(
            (("score", score), ("weak_below", WEAK_SCORE), ("respondents", figures.get("n"))),
            url,
        ),
        period=period,
        message=f"{name} scored {score:.1f} of 100, below {WEAK_SCORE:.0f}.",
    )


def _changed(
    element_id: str, name: str, result: dict[str, Any], period: str, url: str
) -> Finding | None:
    change = (result.get("change") or {}).get(element_id)
    if not change or not SIGNIFICANT_CHANGE.significant(change.get("low"), change.get("high")):
        return None
    difference = change["difference"]
    improved = difference > 0
    return Finding(
        area=AREA,
        rule=rule_ref(SIGNIFICANT_CHANGE),
        subject=Subject(SubjectKind.ELEMENT, element_id, name),
        severity=Severity.POSITIVE if improved else Severity.MEDIUM,
        evidence=Evidence(
            tuple(
                (key, change.get(key))
                for key in ("previous_score", "score", "difference", "low", "high")
            ),
            url,
        ),
        period=period,
        message=(
            f"{name} {'rose' if improved else 'fell'} by {abs(difference):.1f} points since "
            f"the previous wave (95% interval {change['low']:.1f} to {change['high']:.1f})."
        ),
    )
