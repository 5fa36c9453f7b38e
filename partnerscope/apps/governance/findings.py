"""The governance area's findings for the one register (the findings protocol of
``partnerscope.core.findings``).

Every layer rule of ``partnerscope.core.layers`` may be cited by its id, and so may the
cycle rules of ``partnerscope.core.layers.cycles``. The partnership's records become the
core's inputs through
:mod:`partnerscope.apps.governance.inputs` (the same conversion the command line uses on a
package), the core judges them, and each finding keeps its subject, figures and period; only
the evidence gains the page that shows the figures:

- a finding about a body links to that body's page;
- a finding about an organisation, or about people on too many bodies, links to the
  attendance page;
- a finding about the council's shares links to the leadership page;
- a finding of a cycle rule links to the cycles page;
- anything else links to the governance overview.
"""

from __future__ import annotations

from dataclasses import replace

from django.urls import reverse

from partnerscope.apps.governance import cycles
from partnerscope.apps.governance.inputs import analysis_of
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core.findings import Evidence, Finding, RuleRef, SubjectKind
from partnerscope.core.layers import DEFAULT_RULES, GovernanceResult

PAGE_OF_RULE = {
    "council_domination": "governance:leadership",
    "bottleneck_people": "governance:attendance",
}
"""Rules whose evidence is on a page other than the one their subject kind points to."""


def rules() -> list[RuleRef]:
    """Every layer rule and every cycle rule, in the order findings are listed."""
    return [rule.ref() for rule in DEFAULT_RULES] + cycles.rules()


def findings(partnership: Partnership) -> list[Finding]:
    """What the layer and cycle rules find now in the partnership's records."""
    return located(partnership, analysis_of(partnership))


def located(partnership: Partnership, result: GovernanceResult) -> list[Finding]:
    """The analysis's findings and the cycle rules', each with the page of its evidence."""
    layer = [with_page(partnership, finding) for finding in result.findings]
    return layer + [
        with_page(partnership, finding, "governance:cycles")
        for finding in cycles.findings_of(partnership, result.facts.governance)
    ]


def evidence_url(partnership: Partnership, finding: Finding) -> str:
    """The page that shows a layer finding's figures (see the module's docstring)."""
    slug = partnership.slug
    page = PAGE_OF_RULE.get(finding.rule.id)
    if page:
        return reverse(page, args=[slug])
    if finding.subject.kind is SubjectKind.BODY:
        return reverse("governance:body", args=[slug, finding.subject.ref])
    if finding.subject.kind is SubjectKind.ORGANISATION:
        return reverse("governance:attendance", args=[slug])
    return reverse("governance:overview", args=[slug])


def with_page(partnership: Partnership, finding: Finding, page: str = "") -> Finding:
    """The finding with the page of its evidence."""
    url = reverse(page, args=[partnership.slug]) if page else evidence_url(partnership, finding)
    return replace(finding, evidence=Evidence(finding.evidence.figures, url))
