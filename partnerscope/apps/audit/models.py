"""The audit log: one row per thing someone did that a partnership may need to account for.

An event names its actor twice: as a link to the account, and as the username it had at
the time, so the log still reads when an account is deleted (the link becomes empty) or a
person's data is erased (both are replaced with the same placeholder).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from partnerscope.apps.audit import querysets


class AuditAction(models.TextChoices):
    SIGNED_IN = "signed_in", "Signed in"
    SIGNED_OUT = "signed_out", "Signed out"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    ROLE_GRANTED = "role_granted", "Role granted"
    ROLE_CHANGED = "role_changed", "Role changed"
    ROLE_REMOVED = "role_removed", "Role removed"
    RECORD_CREATED = "record_created", "Record added"
    RECORD_CHANGED = "record_changed", "Record changed"
    RECORD_DELETED = "record_deleted", "Record deleted"
    DATA_PACKAGE_EXPORTED = "data_package_exported", "Data package exported"
    BACKUP_WRITTEN = "backup_written", "Backup written"
    BACKUP_RESTORED = "backup_restored", "Backup restored"
    PERSONAL_DATA_EXPORTED = "personal_data_exported", "Personal data exported"
    PERSON_ERASED = "person_erased", "Personal data erased"
    PURGED = "purged", "Old data purged"


SIGN_IN_ACTIONS = (AuditAction.SIGNED_IN, AuditAction.SIGNED_OUT, AuditAction.SIGN_IN_FAILED)


class Channel(models.TextChoices):
    WEB = "web", "Web"
    COMMAND_LINE = "command_line", "Command line"


class AuditEvent(models.Model):
    """Something someone did: when, who, where, in which partnership, to what."""

    when = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
        help_text="The account that acted; empty for a failed sign-in or a deleted account.",
    )
    username = models.CharField(
        max_length=150, blank=True, help_text="The actor's username when the event happened."
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
        help_text="The partnership concerned; empty for site-wide events such as sign-ins.",
    )
    action = models.CharField(max_length=40, choices=AuditAction.choices)
    subject_type = models.CharField(
        max_length=100, blank=True, help_text="What kind of thing was acted on: person, role, …"
    )
    subject_ref = models.CharField(
        max_length=200, blank=True, help_text="Its stable reference, where it has one."
    )
    subject_label = models.CharField(
        max_length=300, blank=True, help_text="How it read when the event happened."
    )
    detail = models.JSONField(default=dict, blank=True, help_text="A few facts about the event.")
    address = models.GenericIPAddressField(
        null=True, blank=True, help_text="The address the request came from."
    )
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.WEB)

    objects = querysets.AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-when", "-pk"]
        indexes = [
            models.Index(fields=["partnership", "-when"], name="audit_by_partnership"),
        ]

    def __str__(self) -> str:
        who = self.username or "someone"
        return f"{self.when:%Y-%m-%d %H:%M} {who}: {self.get_action_display()}"

    @property
    def subject(self) -> str:
        """The subject as one phrase: "Person: Alice Adams (alice)"."""
        label = self.subject_label
        if self.subject_ref and self.subject_ref != label:
            label = f"{label} ({self.subject_ref})" if label else self.subject_ref
        if self.subject_type:
            return f"{self.subject_type.capitalize()}: {label}" if label else self.subject_type
        return label

    @property
    def actor(self) -> str:
        """Who acted, as the log shows it."""
        if self.channel == Channel.COMMAND_LINE:
            os_user = self.detail.get("os_user") if isinstance(self.detail, dict) else ""
            return f"Command line ({os_user})" if os_user else "Command line"
        return self.username or "Not signed in"

    @property
    def summary(self) -> str:
        """The event's detail in a few words: the fields changed, the role before and after."""
        detail = self.detail if isinstance(self.detail, dict) else {}
        parts = []
        if detail.get("fields"):
            parts.append("Changed " + ", ".join(str(name) for name in detail["fields"]))
        if detail.get("from") and detail.get("to"):
            parts.append(f"From {detail['from']} to {detail['to']}")
        elif detail.get("kind"):
            parts.append(f"Role: {detail['kind']}")
        if detail.get("file"):
            parts.append(f"File {detail['file']}")
        return "; ".join(parts)
