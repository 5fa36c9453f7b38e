"""The action plan: actions with owners, due dates and status, the findings each answers,
its dated progress notes, and the reminders sent to its owner.

An action names the findings it answers by their key (area, rule id, subject kind, subject
ref), not by the register's row, so the link survives every refresh of the register. An
action agreed in a delivery chain's workshop keeps its chain context as refs (the chain, the
link's two ends, the question, the workshop), checked through the chains' selectors.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from partnerscope.apps.actions import querysets
from partnerscope.apps.actions.choices import CLOSED_STATUSES, ActionStatus, ReminderKind
from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.partnerships.models import Organisation, Partnership, Person

CHAIN_REF_HELP = "Filled in when the action was agreed for a delivery chain."


class Action(VersionedRecord):
    """One action of the partnership's plan."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="actions")
    ref = ref_field()
    title = models.CharField(
        max_length=200, help_text="What will be done, in a short sentence people will recognise."
    )
    description = models.TextField(
        blank=True, help_text="More detail: the steps, who else is involved. Optional."
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_actions",
        verbose_name="Owner organisation",
        help_text="The partner organisation answerable for the action.",
    )
    owner_person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_actions",
        verbose_name="Owner",
        help_text="The person who will see it done. They get the reminders, if they have an "
        "e-mail address.",
    )
    owner_other = models.CharField(
        "Other owner",
        max_length=200,
        blank=True,
        help_text="Who will do it, if not a person of the partnership (for example a team).",
    )
    due = models.DateField("Due date", null=True, blank=True, help_text="Optional.")
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    created_on = models.DateField("Agreed on", default=dt.date.today)
    chain_ref = models.CharField(max_length=64, blank=True, help_text=CHAIN_REF_HELP)
    link_source_ref = models.CharField(max_length=64, blank=True, help_text=CHAIN_REF_HELP)
    link_target_ref = models.CharField(max_length=64, blank=True, help_text=CHAIN_REF_HELP)
    question = models.CharField(max_length=3, blank=True, help_text=CHAIN_REF_HELP)
    workshop_ref = models.CharField(max_length=64, blank=True, help_text=CHAIN_REF_HELP)

    objects = querysets.ActionQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "due", "ref"]
        constraints = [ref_unique_within("partnership", name="action_ref_unique")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def is_overdue(self, today: dt.date) -> bool:
        return self.is_open and self.due is not None and self.due < today

    @property
    def is_unowned(self) -> bool:
        return (
            self.is_open
            and self.owner_organisation_id is None
            and self.owner_person_id is None
            and not self.owner_other
        )

    @property
    def owner_names(self) -> str:
        """The owner as people read it: "Ann Lee (Northshire Police)", or the team named."""
        names = []
        if self.owner_person is not None:
            names.append(self.owner_person.name)
        elif self.owner_other:
            names.append(self.owner_other)
        if self.owner_organisation is not None:
            organisation = self.owner_organisation.name
            names.append(f"({organisation})" if names else organisation)
        return " ".join(names)

    @property
    def link(self) -> tuple[str, str] | None:
        if self.link_source_ref and self.link_target_ref:
            return (self.link_source_ref, self.link_target_ref)
        return None


class ActionFinding(models.Model):
    """A finding an action answers, by the finding's key (stable across refreshes)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="findings")
    area = models.CharField(max_length=40)
    rule_id = models.CharField(max_length=80)
    subject_kind = models.CharField(max_length=20)
    subject_ref = models.CharField(max_length=96)

    class Meta:
        ordering = ["action", "area", "rule_id", "subject_kind", "subject_ref"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "area", "rule_id", "subject_kind", "subject_ref"],
                name="action_finding_once",
            )
        ]

    def __str__(self) -> str:
        return "/".join(self.key)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.area, self.rule_id, self.subject_kind, self.subject_ref)


class ActionNote(models.Model):
    """A dated note of progress on an action. Notes are added, never edited."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="notes")
    date = models.DateField(default=dt.date.today, help_text="When the progress was made.")
    text = models.TextField("Progress", help_text="What has been done, or what stands in the way.")
    author = models.CharField(
        max_length=200, blank=True, help_text="Who wrote the note (their name)."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["action", "-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:60]}"


class ActionReminder(models.Model):
    """An e-mail sent to an action's owner about its due date: one of each kind per due
    date, kept unique by the database so two runs at once never send it twice."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    due = models.DateField(help_text="The due date the reminder was about.")
    sent_to = models.EmailField(blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["action", "sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["action", "kind", "due"], name="action_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.action.ref}: {self.kind} {self.due}"
