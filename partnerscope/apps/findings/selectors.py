"""The register's public read module: what other areas and the report read of it.

Every function returns plain data (JSON-ready dictionaries, or the protocol's
:class:`~partnerscope.core.findings.Finding`), never a model. A finding as a dictionary has
the keys of ``Finding.to_dict()`` (``area``, ``rule``, ``subject``, ``severity``,
``evidence``, ``period``, ``message``) plus ``id``, ``url`` (its page), ``status``,
``first_found``, ``last_found`` and ``resolved_at`` (ISO 8601 or None).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from partnerscope.apps.findings.choices import FindingStatus, Severity
from partnerscope.apps.findings.models import Refresh, StoredFinding
from partnerscope.core.findings import Finding, FindingKey

__all__ = [
    "counts_by_severity",
    "finding",
    "findings",
    "findings_about",
    "last_refresh",
    "open_core_findings",
    "open_findings",
]


def as_dict(row: StoredFinding, slug: str) -> dict[str, Any]:
    return {
        "id": row.pk,
        "url": reverse("findings:finding", args=[slug, row.pk]),
        "area": row.area,
        "rule": {"id": row.rule_id, "label": row.rule_label, "text": row.rule_text},
        "subject": {"kind": row.subject_kind, "ref": row.subject_ref, "name": row.subject_name},
        "severity": row.severity,
        "evidence": {
            "figures": dict(row.figures),
            "url": row.evidence_url,
        },
        "period": row.period,
        "message": row.message,
        "status": row.status,
        "first_found": row.first_found.isoformat(),
        "last_found": row.last_found.isoformat(),
        "resolved_at": row.resolved_at.isoformat() if row.resolved_at else None,
    }


def findings(
    partnership: Any,
    *,
    area: str = "",
    severity: str = "",
    status: str = "",
    subject_kind: str = "",
) -> list[dict[str, Any]]:
    """The partnership's findings, open and resolved, filtered by any of the named fields."""
    rows = StoredFinding.objects.in_partnership(partnership).matching(
        {"area": area, "severity": severity, "status": status, "subject_kind": subject_kind}
    )
    return [as_dict(row, partnership.slug) for row in rows]


def open_findings(partnership: Any, *, area: str = "", severity: str = "") -> list[dict[str, Any]]:
    """The partnership's open findings, optionally of one area or severity."""
    return findings(partnership, area=area, severity=severity, status=FindingStatus.OPEN)


def findings_about(
    partnership: Any, kind: str, ref: str, *, include_resolved: bool = False
) -> list[dict[str, Any]]:
    """The findings about one subject (an organisation's ref, an element's code, …)."""
    rows = StoredFinding.objects.in_partnership(partnership).about(kind, ref)
    if not include_resolved:
        rows = rows.open()
    return [as_dict(row, partnership.slug) for row in rows]


def finding(partnership: Any, finding_id: int) -> dict[str, Any] | None:
    """One finding of the partnership by its id, or None."""
    row = StoredFinding.objects.in_partnership(partnership).filter(pk=finding_id).first()
    return None if row is None else as_dict(row, partnership.slug)


def counts_by_severity(partnership: Any, *, status: str = FindingStatus.OPEN) -> dict[str, int]:
    """How many findings of each severity (every severity named, zero included)."""
    counts = StoredFinding.objects.in_partnership(partnership).matching({"status": status})
    found = counts.counts_by("severity")
    return {severity.value: found.get(severity.value, 0) for severity in Severity}


def open_core_findings(partnership: Any) -> list[Finding]:
    """The open findings as the protocol's :class:`Finding`, for the report's analysis."""
    return [row.to_core() for row in StoredFinding.objects.in_partnership(partnership).open()]


def last_refresh(partnership: Any) -> dict[str, Any] | None:
    """When the register was last refreshed, by whom, and its counts; None if never."""
    log = Refresh.objects.in_partnership(partnership).first()
    if log is None:
        return None
    return {
        "ran_at": log.ran_at.isoformat(),
        "ran_by": log.ran_by,
        "new": log.new,
        "persisting": log.persisting,
        "resolved": log.resolved,
        "found_again": log.found_again,
    }


def findings_by_keys(
    partnership: Any, keys: Iterable[FindingKey]
) -> dict[FindingKey, dict[str, Any]]:
    """The findings (open or resolved) with these keys, by key; keys not stored are left out.

    For areas that keep something about a finding by its key (a reply, an action), so they
    can show its rule and subject beside what they keep."""
    wanted = set(keys)
    areas = {key[0] for key in wanted}
    rules = {key[1] for key in wanted}
    rows = StoredFinding.objects.in_partnership(partnership).filter(
        area__in=areas, rule_id__in=rules
    )
    return {row.key: as_dict(row, partnership.slug) for row in rows if row.key in wanted}


__all__ += ["findings_by_keys"]
