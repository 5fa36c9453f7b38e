"""Delivery chains: one shared outcome, the nodes that deliver it, the links between them, and
the workshops in which partners rate the chain. The actions agreed for a chain live in the
one action plan (the actions area), which names the chain by its ref.

Chains, nodes, links and workshops keep their history (``simple_history``). A
workshop's answers do not: a historical record would name the user who saved it, and the
answers are stored apart from the invitation and the person that gave them.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from partnerscope.apps.chains import querysets
from partnerscope.apps.chains.choices import (
    LinkType,
    NodeKind,
    ParticipantLevel,
    Question,
    RatingValue,
)
from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.partnerships.choices import Layer
from partnerscope.apps.partnerships.models import Body, Organisation, Partnership, Person

RISK_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Chain(VersionedRecord):
    """The delivery chain of one shared outcome of a partnership."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="delivery_chains"
    )
    ref = ref_field()
    outcome_title = models.CharField(
        "Outcome",
        max_length=200,
        help_text="The shared outcome the chain delivers, for example Fewer young people not in "
        "education, employment or training.",
    )
    outcome_description = models.TextField(
        "Description",
        blank=True,
        help_text="What the outcome means and how partners will know it is achieved. Optional.",
    )
    target_date = models.DateField(
        null=True,
        blank=True,
        help_text="When the outcome is to be achieved. Funding secure only until an earlier "
        "date is flagged. Optional.",
    )
    # NULL: not yet tied to an outcome of the performance area (which will own Outcome).
    outcome_ref = models.CharField(  # noqa: DJ001
        max_length=64,
        null=True,
        blank=True,
        help_text="The id of the partnership's performance outcome this chain serves, if any.",
    )

    objects = querysets.ChainQuerySet.as_manager()

    class Meta:
        ordering = ["outcome_title"]
        constraints = [ref_unique_within("partnership", name="chain_ref_unique")]

    def __str__(self) -> str:
        return self.outcome_title


class ChainNode(VersionedRecord):
    """One place in a chain: the outcome, a body, an organisation, a service, a front-line
    team or a group of people served."""

    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="nodes")
    ref = ref_field()
    kind = models.CharField(max_length=20, choices=NodeKind.choices)
    name = models.CharField(max_length=200)
    layer = models.CharField(
        "Governance layer",
        max_length=20,
        choices=Layer.choices,
        blank=True,
        help_text="For a partnership body only: the layer it sits in.",
    )
    body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chain_nodes",
        help_text="For a partnership body: which of the partnership's bodies it is. Optional.",
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chain_nodes",
        help_text="The partner organisation this is, or that runs it. Optional.",
    )

    objects = querysets.ChainNodeQuerySet.as_manager()

    class Meta:
        ordering = ["chain", "pk"]
        constraints = [ref_unique_within("chain", name="chain_node_ref_unique")]

    def __str__(self) -> str:
        return self.name


class ChainLink(models.Model):
    """A typed, owned link between two nodes of a chain."""

    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="links")
    source = models.ForeignKey(
        ChainNode, on_delete=models.CASCADE, related_name="links_out", verbose_name="From"
    )
    target = models.ForeignKey(
        ChainNode, on_delete=models.CASCADE, related_name="links_in", verbose_name="To"
    )
    type = models.CharField("Link type", max_length=20, choices=LinkType.choices)
    owner = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who answers for making this link work, if not a person listed above.",
    )
    owner_person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chain_links",
        verbose_name="Owner",
        help_text="The person of the partnership who answers for making this link work.",
    )
    indicator = models.CharField(
        max_length=64,
        blank=True,
        help_text="The code of the indicator this link should move, for example NI 117.",
    )
    amount = models.DecimalField(
        "Amount (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Funding links only: the money the link carries a year.",
    )
    secure_until = models.DateField(
        null=True, blank=True, help_text="Funding links only: the last day the money is secure."
    )
    frequency = models.PositiveSmallIntegerField(
        "Reports a year",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Data links only: how many times a year the data arrive.",
    )
    likelihood = models.PositiveSmallIntegerField(
        "Risk likelihood",
        null=True,
        blank=True,
        validators=RISK_VALIDATORS,
        help_text="How likely the link is to fail: 1 (rare) to 5 (almost certain).",
    )
    impact = models.PositiveSmallIntegerField(
        "Risk impact",
        null=True,
        blank=True,
        validators=RISK_VALIDATORS,
        help_text="How badly the outcome would suffer if it failed: 1 (little) to 5 (severely).",
    )
    history = HistoricalRecords()

    objects = querysets.ChainLinkQuerySet.as_manager()

    class Meta:
        ordering = ["chain", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "type"], name="chain_link_once_per_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_type_display().lower()} {self.target}"

    @property
    def owner_name(self) -> str:
        """The owner as the analysis sees it: the person's name, else the text given."""
        return self.owner_person.name if self.owner_person else self.owner

    @property
    def risk_score(self) -> int | None:
        if self.likelihood is None or self.impact is None:
            return None
        return self.likelihood * self.impact


class Workshop(VersionedRecord):
    """A wave of the twelve-question self-assessment of one chain."""

    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="workshops")
    ref = ref_field()
    title = models.CharField(
        max_length=200, help_text="For example, Delivery chain workshop, spring 2026."
    )
    held_on = models.DateField(
        null=True, blank=True, help_text="The day of the workshop. Optional."
    )
    is_open = models.BooleanField(
        "Open for answers",
        default=True,
        help_text="Untick to stop accepting answers once the workshop is over.",
    )

    objects = querysets.WorkshopQuerySet.as_manager()

    class Meta:
        ordering = ["chain", "-held_on", "-pk"]
        constraints = [ref_unique_within("chain", name="workshop_ref_unique")]

    def __str__(self) -> str:
        return self.title


class Invitation(models.Model):
    """The right to answer a workshop once: a single-use link, of which only the SHA-256
    hash of the token is kept, or a signed-in user's own invitation."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, blank=True)
    user = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    used = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["token_hash"],
                condition=~models.Q(token_hash=""),
                name="invitation_token_unique",
            ),
            models.UniqueConstraint(
                fields=["workshop", "user"],
                condition=models.Q(user__isnull=False),
                name="invitation_once_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation to {self.workshop}"


class Participant(models.Model):
    """One participant's answers to a workshop, with no link to who gave them."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    ref = ref_field(96)
    level = models.CharField(max_length=20, choices=ParticipantLevel.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["workshop", "pk"]
        constraints = [ref_unique_within("workshop", name="participant_ref_unique")]

    def __str__(self) -> str:
        return self.ref


class Rating(models.Model):
    """A participant's rating of one question, for the whole chain or for one link
    (every link from ``link_source`` to ``link_target``)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="ratings")
    question = models.CharField(max_length=3, choices=Question.choices)
    value = models.CharField(max_length=10, choices=RatingValue.choices)
    link_source = models.ForeignKey(
        ChainNode, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_target = models.ForeignKey(
        ChainNode, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        ordering = ["participant", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "question"],
                condition=models.Q(link_source__isnull=True),
                name="rating_once_for_the_chain",
            ),
            models.UniqueConstraint(
                fields=["participant", "question", "link_source", "link_target"],
                condition=models.Q(link_source__isnull=False),
                name="rating_once_per_link",
            ),
            models.CheckConstraint(
                condition=models.Q(link_source__isnull=True, link_target__isnull=True)
                | models.Q(link_source__isnull=False, link_target__isnull=False),
                name="rating_link_has_both_ends",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.question} {self.value}"
