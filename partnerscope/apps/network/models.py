"""Models of the Relationships area: survey waves, representatives, drafts and ties.

The relationship survey is not anonymous: a tie is between two named organisations, and
each organisation answers through one named representative. A ``Representative`` stores
only a hash of its single-use link's token; a ``Draft`` keeps an organisation's answers
part-way until they are sent, when they become ``Tie`` rows (one for every other
organisation, "not at all" included).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from partnerscope.apps.common.links import LINK_KEY_HELP
from partnerscope.apps.common.models import SurveyWave
from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.common.surveys.models import ReminderSchedule
from partnerscope.apps.network import querysets
from partnerscope.apps.network.choices import Flow, Frequency, Level, Origin, Rating
from partnerscope.apps.partnerships.models import Organisation, Partnership, Person


class Wave(SurveyWave, ReminderSchedule, VersionedRecord):
    """One round of the relationship survey, answered once by each organisation."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="network_waves"
    )
    ref = ref_field()
    title = models.CharField(
        max_length=200, help_text="For example, Relationship survey, autumn 2025."
    )
    opens = models.DateField(help_text="The first day representatives can answer.")
    closes = models.DateField(help_text="The last day representatives can answer.")
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_waves",
        help_text="The earlier wave this one is compared with.",
    )

    objects = querysets.WaveQuerySet.as_manager()

    class Meta:
        ordering = ["-opens", "-pk"]
        constraints = [ref_unique_within("partnership", name="network_wave_ref_unique")]

    def __str__(self) -> str:
        return self.title


class Representative(models.Model):
    """The person who answers for one organisation in one wave.

    ``token_hash`` is the SHA-256 of the single-use link's token, empty until a link is
    issued; the token itself is shown once and never stored.
    """

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="representatives")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="network_representatives"
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="network_representatives",
        help_text="A person of the organisation, who answers for it.",
    )
    token_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, help_text="SHA-256 of the token."
    )
    link_key = models.CharField(max_length=32, blank=True, default="", help_text=LINK_KEY_HELP)
    emailed = models.BooleanField(default=False, help_text="Whether the link was e-mailed.")
    answered = models.DateTimeField(
        null=True, blank=True, help_text="When the organisation's answers were sent."
    )
    history = HistoricalRecords(excluded_fields=["token_hash", "link_key"])

    objects = querysets.RepresentativeQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "organisation"], name="network_one_representative_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} for {self.organisation} in {self.wave}"

    def clean(self) -> None:
        if (
            self.person_id
            and self.organisation_id
            and self.person.organisation_id != self.organisation_id
        ):
            raise ValidationError({"person": "The representative must work for the organisation."})


class Draft(models.Model):
    """An organisation's answers saved part-way: ``answers`` maps the other organisation's
    id (as text) to its level, frequency, flows and ratings."""

    representative = models.OneToOneField(
        Representative, on_delete=models.CASCADE, related_name="draft"
    )
    answers = models.JSONField(default=dict, blank=True)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Draft for {self.representative}"


def rating_field(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        null=True, blank=True, choices=Rating.choices, help_text=f"{label}, 1 to 4."
    )


class Tie(models.Model):
    """One organisation's answer about another: ``source`` says how it works with ``target``."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="ties")
    source = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="network_ties_given"
    )
    target = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="network_ties_received"
    )
    level = models.PositiveSmallIntegerField(
        choices=Level.choices, help_text="How closely they work together, 0 to 4."
    )
    frequency = models.CharField(
        max_length=20, choices=Frequency.choices, blank=True, help_text="How often."
    )
    flows = models.JSONField(
        default=list, blank=True, help_text="What passes between them: information, funding, …"
    )
    trust_reliable = rating_field("Trust: reliable")
    trust_committed = rating_field("Trust: committed to the shared goals")
    trust_open = rating_field("Trust: open to discussion")
    value_power = rating_field("Value: power and influence")
    value_involvement = rating_field("Value: level of involvement")
    value_resources = rating_field("Value: resources contributed")
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.SURVEY)
    history = HistoricalRecords()

    objects = querysets.TieQuerySet.as_manager()

    class Meta:
        ordering = ["wave", "source__name", "target__name"]
        constraints = [
            models.UniqueConstraint(fields=["wave", "source", "target"], name="network_tie_once"),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="network_tie_not_to_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}: {self.get_level_display()}"

    def flow_labels(self) -> list[str]:
        return [Flow(value).label for value in self.flows if value in Flow.values]
