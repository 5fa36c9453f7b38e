"""Models of the 7S self-assessment area: waves, local statements, invitations and answers.

The answers are anonymous. A ``Response`` holds the sector and governance layers the
respondent stated and their answers, with no link to the person, the invitation or the
user, and no timestamp; ``Evidence`` (the free text) is not linked even to the response.
Neither has a history table, since history records who made each change. An
``Invitation`` stores only a hash of its single-use token, and a ``Draft`` is kept against
that hash until the answers are submitted, then deleted.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerscope.apps.common.links import LINK_KEY_HELP
from partnerscope.apps.common.models import SurveyWave
from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.common.surveys.models import ReminderSchedule
from partnerscope.apps.partnerships.choices import Sector
from partnerscope.apps.partnerships.models import Body, Partnership, Person
from partnerscope.apps.sevens import querysets
from partnerscope.core.sevens import LOCAL_PREFIX


class Element(models.TextChoices):
    SCS = "scs", "SCS (shared long-term goals)"
    STAFF_SKILLS = "staff_skills", "Staff and skills"
    STYLE = "style", "Style"
    SYNERGIES = "synergies", "Synergies"
    STEERING = "steering", "Steering"
    SYSTEMS = "systems", "Systems"
    STANDARDS = "standards", "Standards"


class Wave(SurveyWave, ReminderSchedule, VersionedRecord):
    """One round of the 7S self-assessment, answered by the members of chosen bodies."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="sevens_waves"
    )
    ref = ref_field()
    title = models.CharField(max_length=200, help_text="For example, 7S self-assessment 2025.")
    opens = models.DateField(help_text="The first day people can answer.")
    closes = models.DateField(help_text="The last day people can answer.")
    bodies = models.ManyToManyField(
        Body,
        related_name="sevens_waves",
        help_text="The members of these bodies are invited to answer.",
    )
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_waves",
        help_text="The earlier wave to measure change against.",
    )
    instrument_version = models.CharField(
        max_length=20, help_text="The version of the shared 7S statements this wave uses."
    )
    _history_m2m_fields = ["bodies"]

    objects = querysets.WaveQuerySet.as_manager()

    class Meta:
        ordering = ["-opens", "-pk"]
        constraints = [ref_unique_within("partnership", name="sevens_wave_ref_unique")]

    def __str__(self) -> str:
        return self.title


class LocalStatement(models.Model):
    """A statement one wave adds to the shared instrument, scored in its element."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="local_statements")
    number = models.PositiveIntegerField(help_text="Its id is local.<number>.")
    element = models.CharField(
        max_length=20, choices=Element.choices, help_text="The 7S element the statement measures."
    )
    text = models.TextField(help_text="The statement people rate from strongly disagree to agree.")
    layers = models.JSONField(
        default=list, blank=True, help_text="The governance layers the statement concerns."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["wave", "number"]
        constraints = [
            models.UniqueConstraint(fields=["wave", "number"], name="sevens_local_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.text}"

    @property
    def statement_id(self) -> str:
        return f"{LOCAL_PREFIX}{self.number}"


class Invitation(models.Model):
    """A person's single-use invitation to answer a wave; only the token's hash is stored."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sevens_invitations")
    token_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the token.")
    link_key = models.CharField(max_length=32, blank=True, default="", help_text=LINK_KEY_HELP)
    created = models.DateTimeField(default=timezone.now)
    emailed = models.BooleanField(default=False, help_text="Whether the link was e-mailed.")
    answered = models.BooleanField(default=False, help_text="Whether the answers are in.")

    objects = querysets.InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["person__name"]
        constraints = [
            models.UniqueConstraint(fields=["wave", "person"], name="sevens_one_invitation_each")
        ]

    def __str__(self) -> str:
        return f"{self.person} to {self.wave}"


class Draft(models.Model):
    """Answers saved part-way, kept against the invitation's token hash until submitted."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="drafts")
    token_hash = models.CharField(max_length=64, unique=True)
    sector = models.CharField(max_length=30, choices=Sector.choices, blank=True)
    layers = models.JSONField(default=list, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    evidence = models.JSONField(default=dict, blank=True)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Draft for {self.wave}"


class Response(models.Model):
    """One person's submitted answers, with no link to who they are.

    ``answers`` maps statement ids to 1..5 or "dk". There is deliberately no person,
    invitation, user or time here. ``sector`` is blank and ``layers`` empty for a response
    imported from a data package that blanked them (see ``datapackage_services``).
    """

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    sector = models.CharField(
        max_length=30,
        choices=Sector.choices,
        blank=True,
        help_text="Blank when imported from a data package that left it out to keep a "
        "respondent whose sector and layers few share from being picked out.",
    )
    layers = models.JSONField(default=list, blank=True)
    answers = models.JSONField(default=dict)

    objects = querysets.ResponseQuerySet.as_manager()

    def __str__(self) -> str:
        return f"A response to {self.wave}"


class Evidence(models.Model):
    """A piece of free-text evidence given for one element, linked to no response."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="evidence")
    element = models.CharField(max_length=20, choices=Element.choices)
    text = models.TextField()

    class Meta:
        ordering = ["element", "text"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return f"Evidence on {self.get_element_display()}"
