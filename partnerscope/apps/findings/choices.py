"""The register's choices: a finding's status, severity, subject kind, and its change at a
refresh. Severity and subject kind mirror ``partnerscope.core.findings`` with labels for people."""

from __future__ import annotations

from django.db import models

from partnerscope.core.findings import Severity as CoreSeverity
from partnerscope.core.findings import SubjectKind as CoreSubjectKind


class FindingStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"


class Severity(models.TextChoices):
    HIGH = CoreSeverity.HIGH.value, "High"
    MEDIUM = CoreSeverity.MEDIUM.value, "Medium"
    LOW = CoreSeverity.LOW.value, "Low"
    POSITIVE = CoreSeverity.POSITIVE.value, "Positive"


class SubjectKind(models.TextChoices):
    PARTNERSHIP = CoreSubjectKind.PARTNERSHIP.value, "Partnership"
    ORGANISATION = CoreSubjectKind.ORGANISATION.value, "Organisation"
    BODY = CoreSubjectKind.BODY.value, "Body"
    OUTCOME = CoreSubjectKind.OUTCOME.value, "Outcome"
    INDICATOR = CoreSubjectKind.INDICATOR.value, "Indicator"
    CHAIN = CoreSubjectKind.CHAIN.value, "Delivery chain"
    LINK = CoreSubjectKind.LINK.value, "Chain link"
    NODE = CoreSubjectKind.NODE.value, "Chain node"
    ELEMENT = CoreSubjectKind.ELEMENT.value, "7S element"
    LAYER = CoreSubjectKind.LAYER.value, "Governance layer"
    WAVE = CoreSubjectKind.WAVE.value, "Survey wave"
    BUDGET = CoreSubjectKind.BUDGET.value, "Budget"


class Change(models.TextChoices):
    """What a refresh did to one finding."""

    NEW = "new", "New"
    PERSISTING = "persisting", "Persisting"
    RESOLVED = "resolved", "Resolved"
    FOUND_AGAIN = "found_again", "Found again"
