"""The scrutiny area's findings for the one register (the findings protocol of
``partnerscope.core.findings``), from the rules of ``partnerscope.core.scrutiny.rules``:

- ``response_overdue`` and ``rejected_without_reasons`` are about the partner a
  recommendation is addressed to (an organisation or a body, by its ref); a partner's
  recommendations under one rule are one finding, each named in the message;
- ``no_partnership_development`` is about a scrutiny committee (kind ``body``, ref
  ``scrutiny-<committee>``) or a strategic body; it counts the members without development
  on partnership working and names their seats, not the people.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.urls import reverse

from partnerscope.apps.scrutiny import development, services
from partnerscope.apps.scrutiny.models import Recommendation
from partnerscope.core.findings import Evidence, Finding, RuleRef, Severity, Subject, SubjectKind
from partnerscope.core.scrutiny import (
    NoPartnershipDevelopment,
    RejectedWithoutReasons,
    ResponseOverdue,
)
from partnerscope.core.scrutiny.rules import RULES, Hit
from partnerscope.core.scrutiny.settings import ScrutinySettings

AREA = "scrutiny"
SEVERITY = {
    ResponseOverdue.name: Severity.MEDIUM,
    RejectedWithoutReasons.name: Severity.MEDIUM,
    NoPartnershipDevelopment.name: Severity.LOW,
}


def rules() -> list[RuleRef]:
    return [RuleRef(rule.name, rule.label, rule.text()) for rule in RULES]


def findings(partnership: Any, today: date | None = None) -> list[Finding]:
    today = today or date.today()
    by_rule = {rule.id: rule for rule in rules()}
    items = list(services.recommendations(partnership))
    by_key = {services.recommendation_key(item): item for item in items}
    facts = [services.facts(item) for item in items]
    tracker_url = reverse("scrutiny:tracker", args=[partnership.slug])
    found = [
        *partner_findings(
            by_rule[ResponseOverdue.name],
            ResponseOverdue().check(facts, today),
            by_key,
            tracker_url,
        ),
        *partner_findings(
            by_rule[RejectedWithoutReasons.name],
            RejectedWithoutReasons().check(facts),
            by_key,
            tracker_url,
        ),
    ]
    years = ScrutinySettings().development_years
    rule = by_rule[NoPartnershipDevelopment.name]
    url = reverse("scrutiny:development", args=[partnership.slug])
    for ref, name, kind, members in development.groups(partnership, today):
        hits = NoPartnershipDevelopment().check(members, today, years)
        if not hits:
            continue
        seats = "; ".join(str(dict(hit.figures)["seat"]) for hit in hits)
        found.append(
            Finding(
                area=AREA,
                rule=rule,
                subject=Subject(SubjectKind.BODY, ref, name),
                severity=SEVERITY[rule.id],
                evidence=Evidence(
                    (("members", len(members)), ("without", len(hits)), ("years", years)), url
                ),
                period=str(today.year),
                message=f"{len(hits)} of {len(members)} members of the {kind} have had no "
                f"development on partnership working in {years} years: {seats}.",
            )
        )
    return found


def partner_findings(
    rule: RuleRef, hits: Iterable[Hit], by_key: dict[str, Recommendation], url: str
) -> list[Finding]:
    """One finding per partner, naming each of its recommendations the rule found."""
    grouped: dict[Subject, list[Hit]] = {}
    for hit in hits:
        grouped.setdefault(subject_of(by_key[hit.subject]), []).append(hit)
    return [
        Finding(
            area=AREA,
            rule=rule,
            subject=subject,
            severity=SEVERITY[rule.id],
            evidence=Evidence(
                (
                    ("recommendations", len(group)),
                    *(
                        (f"{hit.subject} {name}", value)
                        for hit in group
                        for name, value in hit.figures
                    ),
                ),
                url,
            ),
            message=" ".join(f"{by_key[hit.subject].ref}: {hit.message}" for hit in group),
        )
        for subject, group in grouped.items()
    ]


def subject_of(recommendation: Recommendation) -> Subject:
    if recommendation.organisation is not None:
        organisation = recommendation.organisation
        return Subject(SubjectKind.ORGANISATION, organisation.ref, organisation.name)
    body = recommendation.body
    assert body is not None
    return Subject(SubjectKind.BODY, body.ref, body.name)
