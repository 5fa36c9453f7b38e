"""The public versions of the health-check report: each publication is a snapshot of what
local people read (the HTML and the PDF as rendered when it was published), with who
published it and when, and when and by whom it was withdrawn or replaced.

A snapshot never changes once stored: a later change to the data reaches the public only
through a new publication, which replaces the one before it.
"""

from __future__ import annotations

from django.db import models

from partnerscope.apps.partnerships.models import Partnership


class PublicationQuerySet(models.QuerySet["Publication"]):
    def in_partnership(self, partnership: Partnership) -> PublicationQuerySet:
        return self.filter(partnership=partnership)

    def live(self) -> PublicationQuerySet:
        """Publications local people can read now (at most one per partnership)."""
        return self.filter(withdrawn_at__isnull=True)


class Publication(models.Model):
    """One published public version of a partnership's health-check report."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="report_publications"
    )
    title = models.CharField(max_length=200, help_text="The title local people see.")
    sections = models.JSONField(
        default=list, help_text="The keys of the sections published, in the report's order."
    )
    html = models.TextField(help_text="The public report as rendered when it was published.")
    pdf = models.BinaryField(help_text="The public report's PDF as rendered when published.")
    published_at = models.DateTimeField()
    published_by = models.CharField(max_length=200, help_text="Who published it.")
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.CharField(max_length=200, blank=True)
    withdrawal_reason = models.CharField(
        max_length=200, blank=True, help_text="Withdrawn by a manager, or replaced by a newer one."
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.published_at:%d %B %Y})"

    @property
    def is_live(self) -> bool:
        return self.withdrawn_at is None
