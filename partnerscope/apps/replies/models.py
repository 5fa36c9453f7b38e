"""The replies' records: a partner organisation's reply to a finding or a flag, and the
manager's response saying what changed because of it.

Both are versioned records: editing a reply or a response keeps the earlier text as a
version with its date (django-simple-history), and the reply's page lists them all. A reply
names its finding or flag by key, never by a database row, so it stays attached to the same
finding across refreshes of the register and travels in the data package.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.partnerships.models import Organisation, Partnership, Person
from partnerscope.apps.replies import querysets
from partnerscope.apps.replies.choices import Position, TargetKind


class Reply(VersionedRecord):
    """What one organisation says about one finding or flag that names it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="replies")
    ref = ref_field()
    target_kind = models.CharField(max_length=10, choices=TargetKind.choices)
    target_key = models.CharField(
        max_length=500,
        help_text="The finding's key (area|rule|subject kind|subject ref) or the flag's key.",
    )
    target_label = models.CharField(
        max_length=500, blank=True, help_text="What the finding or flag said when replied to."
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="replies")
    position = models.CharField(max_length=12, choices=Position.choices)
    text = models.TextField(blank=True)
    written_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
        help_text="The organisation's representative who wrote it.",
    )
    written_by_name = models.CharField(max_length=200, blank=True)
    recorded_by_manager = models.BooleanField(
        default=False, help_text="A manager recorded it on the organisation's behalf."
    )
    via_link = models.BooleanField(
        default=False, help_text="Given through a one-time link, without signing in."
    )
    written_at = models.DateTimeField(help_text="When the reply was first given.")
    updated_at = models.DateTimeField(help_text="When its current version was written.")

    objects = querysets.ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["-written_at", "-pk"]
        verbose_name_plural = "replies"
        constraints = [ref_unique_within("partnership", name="reply_ref_unique")]
        indexes = [models.Index(fields=["partnership", "target_kind", "target_key"])]

    def __str__(self) -> str:
        return f"{self.organisation.name}: {self.get_position_display()}"


class ManagerResponse(models.Model):
    """What the partnership changed because of a reply, recorded by a manager (one per
    reply, travelling with the reply's ref, so it needs no ref of its own)."""

    reply = models.OneToOneField(Reply, on_delete=models.CASCADE, related_name="response")
    text = models.TextField(help_text="What changed because of the reply, or why nothing did.")
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_by_name = models.CharField(max_length=200, blank=True)
    responded_at = models.DateTimeField(help_text="When the response was first recorded.")
    updated_at = models.DateTimeField(help_text="When its current version was written.")

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Response to {self.reply}"


class ReplyLink(models.Model):
    """A one-time link with which an organisation's representative who has no account
    replies to one finding or flag. Only the token's hash is kept; the link is used up by
    the reply it gives."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="reply_links"
    )
    target_kind = models.CharField(max_length=10, choices=TargetKind.choices)
    target_key = models.CharField(max_length=500)
    target_label = models.CharField(max_length=500, blank=True)
    target_url = models.CharField(max_length=500, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="reply_links"
    )
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reply_links",
        help_text="The representative the link was made for.",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply = models.OneToOneField(
        Reply, null=True, blank=True, on_delete=models.SET_NULL, related_name="link"
    )
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Reply link for {self.organisation} on {self.target_label}"
