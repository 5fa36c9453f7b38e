"""The register's records: each stored finding (one per partnership and key), each refresh
that asked the areas again, and what each refresh did to each finding.

A stored finding keeps its versions (django-simple-history, as every record does, written in
bulk by the refresh) when its wording, figures or status change; the refreshes and events
are an append-only log, so a finding's page reads its history across refreshes from them.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from simple_history.models import HistoricalRecords

from partnerscope.apps.findings import querysets
from partnerscope.apps.findings.choices import Change, FindingStatus, Severity, SubjectKind
from partnerscope.core.findings import Evidence, Finding, FindingKey, RuleRef, Subject
from partnerscope.core.findings import Severity as CoreSeverity
from partnerscope.core.findings import SubjectKind as CoreSubjectKind


class Refresh(models.Model):
    """One refresh of a partnership's register: when, who or what ran it, and its counts."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="finding_refreshes"
    )
    ran_at = models.DateTimeField(help_text="When the areas were asked for their findings.")
    ran_by = models.CharField(
        max_length=200, help_text="Who or what ran it: a person, the command line, the demo."
    )
    new = models.PositiveIntegerField(default=0, help_text="Findings first found.")
    persisting = models.PositiveIntegerField(default=0, help_text="Open findings found again.")
    resolved = models.PositiveIntegerField(default=0, help_text="Open findings no longer found.")
    found_again = models.PositiveIntegerField(
        default=0, help_text="Resolved findings found once more."
    )

    objects = querysets.RefreshQuerySet.as_manager()

    class Meta:
        ordering = ["-ran_at", "-pk"]
        verbose_name_plural = "refreshes"

    def __str__(self) -> str:
        return f"Refresh of {self.ran_at:%d %b %Y %H:%M} by {self.ran_by}"


class StoredFinding(models.Model):
    """What one rule of one area found about one subject of a partnership, as last found."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="findings"
    )
    area = models.CharField(max_length=40, help_text="The area that found it (its app label).")
    rule_id = models.CharField(max_length=100, help_text="The rule's stable id.")
    rule_label = models.CharField(max_length=200, help_text="The rule's short label.")
    rule_text = models.TextField(help_text="The rule's full wording.")
    subject_kind = models.CharField(max_length=20, choices=SubjectKind.choices)
    subject_ref = models.CharField(max_length=200, help_text="The subject's stable ref.")
    subject_name = models.CharField(max_length=300, blank=True)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    figures = models.JSONField(
        default=list, blank=True, help_text="The evidence: [name, value] pairs, in order."
    )
    evidence_url = models.CharField(
        max_length=500, blank=True, help_text="The page that shows the evidence."
    )
    period = models.CharField(max_length=100, blank=True, help_text="The period or wave.")
    message = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=FindingStatus.choices, default=FindingStatus.OPEN
    )
    first_found = models.DateTimeField()
    last_found = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = querysets.StoredFindingQuerySet.as_manager()

    class Meta:
        ordering = ["area", "rule_id", "subject_kind", "subject_ref"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "area", "rule_id", "subject_kind", "subject_ref"],
                name="findings_one_finding_per_key",
            )
        ]
        indexes = [models.Index(fields=["partnership", "status", "severity"])]

    def __str__(self) -> str:
        return f"{self.rule_label}: {self.subject_name or self.subject_ref}"

    @property
    def key(self) -> FindingKey:
        return (self.area, self.rule_id, self.subject_kind, self.subject_ref)

    @property
    def is_open(self) -> bool:
        return self.status == FindingStatus.OPEN

    def content(self) -> dict[str, Any]:
        """What a refresh may change: the rule's wording, subject name, severity, evidence."""
        return {name: getattr(self, name) for name in CONTENT_FIELDS}

    def to_core(self) -> Finding:
        """The stored finding as the protocol's :class:`Finding` (unknown kinds refused)."""
        return Finding(
            area=self.area,
            rule=RuleRef(self.rule_id, self.rule_label, self.rule_text),
            subject=Subject(
                CoreSubjectKind(self.subject_kind), self.subject_ref, self.subject_name
            ),
            severity=CoreSeverity(self.severity),
            evidence=Evidence(
                tuple((name, value) for name, value in self.figures), self.evidence_url
            ),
            period=self.period,
            message=self.message,
        )


CONTENT_FIELDS = (
    "rule_label",
    "rule_text",
    "subject_name",
    "severity",
    "figures",
    "evidence_url",
    "period",
    "message",
)


def content_of(finding: Finding) -> dict[str, Any]:
    """The stored fields a refresh writes from a protocol finding (JSON figures as lists)."""
    return {
        "rule_label": finding.rule.label,
        "rule_text": finding.rule.text,
        "subject_name": finding.subject.name,
        "severity": finding.severity.value,
        "figures": [[name, value] for name, value in finding.evidence.figures],
        "evidence_url": finding.evidence.url,
        "period": finding.period,
        "message": finding.message,
    }


class FindingEvent(models.Model):
    """What one refresh did to one finding: new, persisting, resolved or found again."""

    refresh = models.ForeignKey(Refresh, on_delete=models.CASCADE, related_name="events")
    finding = models.ForeignKey(StoredFinding, on_delete=models.CASCADE, related_name="events")
    change = models.CharField(max_length=12, choices=Change.choices)

    class Meta:
        ordering = ["-refresh__ran_at", "-refresh_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["refresh", "finding"], name="findings_one_event_per_refresh"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_change_display()} at {self.refresh}"
