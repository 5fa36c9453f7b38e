"""The resources area's findings for the one register (the findings protocol of
``partnerscope.core.findings``).

Every rule of ``partnerscope.core.resources`` may be cited by its name, as its function is
named, with the first paragraph of its docstring as its wording. The Table 10 rules are
about a pooled fund (subject kind ``budget``, ref the fund's ref); the alignment rules about
an outcome or an organisation; the check of the delivery chains' funding links about a
chain. The period is "current": the rules read the ledger as it stands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import reverse

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.resources.alignment import build_alignment
from partnerscope.apps.resources.pools import checked_funds
from partnerscope.core.findings import Evidence, Finding, RuleRef, Severity, Subject, SubjectKind
from partnerscope.core.resources.alignment import ALIGNMENT_RULES
from partnerscope.core.resources.checks import Check, rule_label, rule_text
from partnerscope.core.resources.funding import chain_funding_not_in_ledger
from partnerscope.core.resources.pooled import POOL_RULES

AREA = "resources"
PERIOD = "current"

SEVERITY = {
    "pool_membership_restricted": Severity.HIGH,
    "pool_vat_recovery_by_host": Severity.MEDIUM,
    "pool_written_agreement": Severity.HIGH,
    "unfunded_priority": Severity.HIGH,
    "off_track_despite_resources": Severity.HIGH,
    "well_resourced_not_improving": Severity.MEDIUM,
    "contributions_out_of_line_with_involvement": Severity.LOW,
    "chain_funding_not_in_ledger": Severity.MEDIUM,
}
"""How much each rule's finding matters; a rule not listed is MEDIUM."""


def all_rules() -> tuple[Callable[..., Any], ...]:
    return (*POOL_RULES, *ALIGNMENT_RULES, chain_funding_not_in_ledger)


def rules() -> list[RuleRef]:
    """Every rule the resources area may cite."""
    return [RuleRef(rule.__name__, rule_label(rule), rule_text(rule)) for rule in all_rules()]


def findings(partnership: Partnership) -> list[Finding]:
    """What the resources rules find now in the partnership."""
    by_id = {rule.id: rule for rule in rules()}
    pools_url = reverse("resources:pools", args=[partnership.slug])
    found: list[Finding] = []
    for item in checked_funds(partnership):
        found.extend(
            as_finding(by_id, check, SubjectKind.BUDGET, item.fund.name, pools_url)
            for check in item.checks
        )
    view = build_alignment(partnership)
    alignment_url = reverse("resources:alignment", args=[partnership.slug])
    titles = {outcome.ref: outcome.title for outcome in view.result.outcomes}
    for check in view.checks:
        if check.rule == "chain_funding_not_in_ledger":
            kind, name = SubjectKind.CHAIN, str(dict(check.figures)["chain"])
        elif check.rule == "contributions_out_of_line_with_involvement":
            kind, name = SubjectKind.ORGANISATION, view.names.get(check.subject, check.subject)
        else:
            kind, name = SubjectKind.OUTCOME, titles.get(check.subject, check.subject)
        found.append(as_finding(by_id, check, kind, name, alignment_url))
    return found


def as_finding(
    by_id: dict[str, RuleRef], check: Check, kind: SubjectKind, name: str, url: str
) -> Finding:
    return Finding(
        area=AREA,
        rule=by_id[check.rule],
        subject=Subject(kind, check.subject, name),
        severity=SEVERITY.get(check.rule, Severity.MEDIUM),
        evidence=Evidence(check.figures, url),
        period=PERIOD,
        message=check.message,
    )
