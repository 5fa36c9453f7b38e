"""The learning area's records: a partnership's agreement to share its headline figures, and
the entries of the library of notable practice.

Both keep every version (a manager's change is a new version, never an overwrite). A
practice entry without a partnership belongs to the site-wide library, which every
partnership reads; one with a partnership is that partnership's own.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.learning import querysets
from partnerscope.apps.learning.choices import FrameworkPart
from partnerscope.apps.partnerships.models import Partnership


class SharingAgreement(models.Model):
    """Whether a partnership shares its headline figures with the others on the site, and
    whether they may name it; who agreed and when."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="sharing_agreement"
    )
    shares = models.BooleanField(
        default=False,
        help_text="Share the partnership's headline figures with the other partnerships "
        "that share theirs on this site.",
    )
    may_be_named = models.BooleanField(
        default=False,
        help_text="Let the others see the partnership's name beside its figures; otherwise "
        "it is shown as 'Partnership A', 'Partnership B' and so on.",
    )
    agreed_by = models.CharField(
        max_length=200, help_text="Who agreed for the partnership (a name and a role)."
    )
    agreed_on = models.DateField(help_text="The day it was agreed.")
    history = HistoricalRecords()

    objects = querysets.SharingAgreementQuerySet.as_manager()

    class Meta:
        ordering = ["partnership__name"]

    def __str__(self) -> str:
        return f"Sharing agreement of {self.partnership}"


class PracticeEntry(VersionedRecord):
    """A notable practice another partnership could learn from."""

    partnership = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="practice_entries",
        help_text="Empty for the site-wide library; otherwise the partnership that keeps it.",
    )
    ref = ref_field()
    practice = models.CharField(max_length=200, help_text="The practice, in a short title.")
    description = models.TextField(help_text="What was done, and how.")
    where = models.CharField(
        max_length=200, help_text="Where it was done: the partnership or the place."
    )
    evidence = models.TextField(help_text="The evidence that it worked.")
    framework_part = models.CharField(
        max_length=20,
        choices=FrameworkPart.choices,
        help_text="The part of the framework it serves.",
    )
    contact = models.CharField(
        max_length=200, help_text="Who to ask about it: a name, a role or an address."
    )
    rule_ids = models.JSONField(
        default=list,
        blank=True,
        help_text="The ids of the finding rules it could help with (e.g. weak_element).",
    )
    example = models.BooleanField(
        default=False, help_text="An example made up for the demonstration, not a real case."
    )

    objects = querysets.PracticeEntryQuerySet.as_manager()

    class Meta:
        ordering = ["practice", "pk"]
        verbose_name_plural = "practice entries"
        constraints = [
            ref_unique_within("partnership", name="practice_entry_ref_unique"),
            models.UniqueConstraint(
                fields=["ref"],
                condition=Q(partnership__isnull=True),
                name="library_entry_ref_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.practice

    @property
    def site_wide(self) -> bool:
        return self.partnership_id is None

    def helps_with(self, rule_id: str) -> bool:
        return rule_id in self.rule_ids
