"""The strategy review's findings for the one register (the findings protocol of
``partnerscope.core.findings``).

Every rule of ``partnerscope.core.strategy.review`` may be cited, by its id (``SCS-…``),
label and the first paragraph of its docstring. SCS-01 (strategy not reviewed) is about the
partnership, ref its slug; the other rules are each about one outcome, ref the outcome's ref.
The evidence links to the strategy page for SCS-01 and to the outcome's page otherwise. The
period is "current": the rules judge the strategy as it stands on the day of the refresh.
SCS-06 (no resources) is declared but finds nothing until an area that records resources is
installed.
"""

from __future__ import annotations

from django.urls import reverse

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.strategy.review import strategy_review
from partnerscope.core.findings import Evidence, Finding, RuleRef, Severity, Subject, SubjectKind
from partnerscope.core.strategy import RULES, ReviewFinding, rule_text

AREA = "strategy"
PERIOD = "current"

SEVERITY = {
    "SCS-01": Severity.MEDIUM,
    "SCS-02": Severity.LOW,
    "SCS-03": Severity.MEDIUM,
    "SCS-04": Severity.MEDIUM,
    "SCS-05": Severity.LOW,
    "SCS-06": Severity.MEDIUM,
}
"""How much each rule's finding matters: an outcome nobody measures, owns or funds, or a
strategy left unreviewed, is a medium concern; a passed review date or an outcome with no
chain traced yet is low. No review rule finds good news or, alone, a red flag."""


def rules() -> list[RuleRef]:
    """Every review rule, in the order the review runs them."""
    return [RuleRef(rule.id, rule.label, rule_text(type(rule))) for rule in RULES]


def findings(partnership: Partnership) -> list[Finding]:
    """What the review rules find now in the partnership's strategy."""
    review = strategy_review(partnership)
    by_id = {rule.id: rule for rule in rules()}
    return [register_finding(partnership, found, by_id, review.titles) for found in review.findings]


def register_finding(
    partnership: Partnership,
    found: ReviewFinding,
    by_id: dict[str, RuleRef],
    titles: dict[str, str],
) -> Finding:
    if found.outcome:
        subject = Subject(
            SubjectKind.OUTCOME, found.outcome, titles.get(found.outcome, found.outcome)
        )
        url = reverse("strategy:outcome", args=[partnership.slug, found.outcome])
    else:
        subject = Subject(SubjectKind.PARTNERSHIP, partnership.slug, partnership.name)
        url = reverse("strategy:strategy", args=[partnership.slug])
    return Finding(
        area=AREA,
        rule=by_id[found.rule],
        subject=subject,
        severity=SEVERITY[found.rule],
        evidence=Evidence(found.figures, url),
        period=PERIOD,
        message=found.message,
    )
