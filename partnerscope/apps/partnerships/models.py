"""A partnership, its partner organisations, people, bodies, memberships and meetings.

Organisations are shared across partnerships (a county council sits on every district's
partnership), so two-tier analyses can follow one organisation; each partnership reaches
its organisations only through its own ``Participation`` rows, so its users see only those.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.partnerships import querysets
from partnerscope.apps.partnerships.choices import (
    AttendanceStatus,
    Function,
    Layer,
    MembershipRole,
    PartnershipKind,
    Sector,
    Tier,
)


class Partnership(models.Model):
    name = models.CharField(max_length=200, help_text="The partnership's full name.")
    slug = models.SlugField(unique=True, help_text="Used in web addresses: /p/<slug>/.")
    area = models.CharField(max_length=200, help_text="The place the partnership serves.")
    kind = models.CharField(
        max_length=20, choices=PartnershipKind.choices, default=PartnershipKind.LSP
    )
    tier = models.CharField(max_length=20, choices=Tier.choices, default=Tier.UNITARY)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="In a two-tier area, the county partnership a district partnership sits under.",
    )
    anonymity_threshold = models.PositiveSmallIntegerField(
        default=5,
        help_text="Smallest group whose survey answers are shown separately (never below 3).",
    )
    history = HistoricalRecords()

    objects = querysets.PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.anonymity_threshold < 3:
            raise ValidationError({"anonymity_threshold": "The threshold cannot be below 3."})
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "A partnership cannot be its own parent."})


class Organisation(VersionedRecord):
    ref = ref_field(unique=True)
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    partnerships = models.ManyToManyField(
        Partnership, through="Participation", related_name="organisations"
    )

    objects = querysets.OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Participation(models.Model):
    """An organisation taking part in one partnership."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="participations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="participations"
    )
    statutory = models.BooleanField(
        default=False, help_text="Whether the organisation is a statutory partner here."
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="one_participation_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.partnership}"


class Person(VersionedRecord):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="people")
    ref = ref_field()
    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="people")
    job_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text="The sign-in account of this person, if they have one.",
    )

    objects = querysets.PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [ref_unique_within("partnership", name="person_ref_unique")]

    def __str__(self) -> str:
        return self.name


class Body(VersionedRecord):
    """A board, executive group or theme partnership, sitting in one governance layer."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="bodies")
    ref = ref_field()
    name = models.CharField(max_length=200)
    governance_layer = models.CharField(
        max_length=20,
        choices=Layer.choices,
        help_text="Strategic: vision and direction. Executive: resources and performance. "
        "Operational: service management and delivery.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The body this one reports to.",
    )
    functions = models.JSONField(default=list, blank=True, help_text="What the body does.")

    objects = querysets.BodyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"
        constraints = [ref_unique_within("partnership", name="body_ref_unique")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        unknown = set(self.functions or []) - set(Function.values)
        if unknown:
            raise ValidationError({"functions": f"Unknown functions: {', '.join(sorted(unknown))}"})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": "A body cannot report to itself."})
            ancestor = ancestor.parent

    def function_labels(self) -> list[str]:
        return [Function(value).label for value in self.functions or []]


class Membership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    start = models.DateField(null=True, blank=True, help_text="When the membership began.")
    end = models.DateField(null=True, blank=True, help_text="When it ended; empty if current.")
    history = HistoricalRecords()

    objects = querysets.MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body__name", "person__name"]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}) on {self.body}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "The end date must be on or after the start date."})
        if (
            self.person_id
            and self.body_id
            and self.person.partnership_id != self.body.partnership_id
        ):
            raise ValidationError("The person and the body must belong to the same partnership.")


class Meeting(VersionedRecord):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    ref = ref_field(96)
    date = models.DateField()
    duration_minutes = models.PositiveIntegerField(default=120)

    objects = querysets.MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        constraints = [ref_unique_within("body", name="meeting_ref_unique")]

    def __str__(self) -> str:
        return f"{self.body} on {self.date:%d %B %Y}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)
    function = models.CharField(max_length=30, choices=Function.choices)
    governance_layer = models.CharField(
        max_length=20, choices=Layer.choices, help_text="The layer the business belongs to."
    )
    presenter = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presented_items",
        help_text="The organisation that presented the item, if recorded.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(
        max_length=20, choices=AttendanceStatus.choices, default=AttendanceStatus.PRESENT
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.meeting}: {self.get_status_display()}"
