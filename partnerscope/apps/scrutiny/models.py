"""Overview and scrutiny records: committees and their members, reviews with the partners
and bodies they called and their evidence sessions, recommendations to a named partner
organisation or body with the partner's response and progress updates, Councillor Call for
Action referrals, and members' training. Every record is versioned."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.scrutiny.choices import (
    CommitteeKind,
    Decision,
    MemberRole,
    ReferralDecision,
)
from partnerscope.core.layers.deadlines import response_due
from partnerscope.core.scrutiny.settings import ScrutinySettings


class Committee(VersionedRecord):
    """An overview and scrutiny committee, or a joint committee of a two-tier area."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="scrutiny_committees"
    )
    ref = ref_field()
    name = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=20, choices=CommitteeKind.choices, default=CommitteeKind.OVERVIEW_SCRUTINY
    )
    councils = models.CharField(
        max_length=300, blank=True, help_text="For a joint committee: the councils that form it."
    )

    class Meta:
        ordering = ["name"]
        constraints = [ref_unique_within("partnership", name="scrutiny_committee_ref_unique")]

    def __str__(self) -> str:
        return self.name


class CommitteeMember(VersionedRecord):
    """A councillor or co-opted member of a committee: public office-holders, named."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="members")
    ref = ref_field()
    name = models.CharField(max_length=200)
    council = models.CharField(max_length=200, blank=True, help_text="The member's council.")
    role = models.CharField(max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)

    class Meta:
        ordering = ["committee", "name"]
        constraints = [ref_unique_within("committee", name="committee_member_ref_unique")]

    def __str__(self) -> str:
        return self.name


class Review(VersionedRecord):
    """A scrutiny review: its topic, scope, dates and whom it called."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="reviews")
    ref = ref_field()
    topic = models.CharField(max_length=300)
    scope = models.TextField(blank=True, help_text="What the review looks at and what not.")
    started = models.DateField()
    ended = models.DateField(null=True, blank=True, help_text="Empty while under way.")
    organisations_called = models.ManyToManyField(
        "partnerships.Organisation", blank=True, related_name="+"
    )
    bodies_called = models.ManyToManyField("partnerships.Body", blank=True, related_name="+")
    _history_m2m_fields = ["organisations_called", "bodies_called"]

    class Meta:
        ordering = ["-started", "topic"]
        constraints = [ref_unique_within("committee", name="review_ref_unique")]

    def __str__(self) -> str:
        return self.topic


class EvidenceSession(VersionedRecord):
    """A meeting at which the review heard evidence."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="sessions")
    ref = ref_field()
    date = models.DateField()
    heard_from = models.TextField(blank=True, help_text="Who gave evidence (organisations).")

    class Meta:
        ordering = ["date"]
        constraints = [ref_unique_within("review", name="evidence_session_ref_unique")]


class Recommendation(VersionedRecord):
    """A review's recommendation to one partner organisation or one body."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    ref = ref_field()
    text = models.TextField()
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.ForeignKey(
        "partnerships.Body", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    received = models.DateField(
        null=True, blank=True, help_text="The day the partner received the committee's report."
    )
    made_by = models.CharField(max_length=200, blank=True)
    made_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["review", "ref"]
        constraints = [
            ref_unique_within("review", name="recommendation_ref_unique"),
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=True) ^ models.Q(body__isnull=True),
                name="recommendation_one_addressee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ref}: {self.text[:60]}"

    @property
    def addressed_to(self) -> str:
        return str(self.organisation or self.body)

    @property
    def due(self) -> date | None:
        """The response's due date: the set months after the partner received the report."""
        if self.received is None:
            return None
        return response_due(self.received, ScrutinySettings().response_months)


class Response(VersionedRecord):
    """The partner's response to a recommendation."""

    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.CASCADE, related_name="response"
    )
    ref = ref_field()
    decision = models.CharField(max_length=20, choices=Decision.choices)
    reasons = models.TextField(blank=True, help_text="Why, when rejected wholly or in part.")
    proposed_action = models.TextField(blank=True)
    published = models.DateField(help_text="The day the response was published.")
    written_by = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [ref_unique_within("recommendation", name="response_ref_unique")]


class ProgressUpdate(VersionedRecord):
    """A dated update on the action a partner proposed, until the recommendation is closed."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="updates"
    )
    ref = ref_field()
    date = models.DateField()
    text = models.TextField()
    closes = models.BooleanField(default=False, help_text="Whether this update closes it.")
    written_by = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["date", "ref"]
        constraints = [ref_unique_within("recommendation", name="progress_update_ref_unique")]


class Referral(VersionedRecord):
    """A Councillor Call for Action referred to a committee, and the committee's decision."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="referrals")
    ref = ref_field()
    councillor = models.CharField(max_length=200, help_text="The councillor who referred it.")
    matter = models.TextField(help_text="The local matter of concern.")
    received = models.DateField()
    decision = models.CharField(
        max_length=20, choices=ReferralDecision.choices, default=ReferralDecision.PENDING
    )
    decided = models.DateField(null=True, blank=True)
    reasons = models.TextField(blank=True)

    class Meta:
        ordering = ["-received"]
        constraints = [ref_unique_within("committee", name="referral_ref_unique")]


class Training(VersionedRecord):
    """A training or development record of a board member (a person of the partnership) or
    of a committee member."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="scrutiny_training"
    )
    ref = ref_field()
    person = models.ForeignKey(
        "partnerships.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    member = models.ForeignKey(
        CommitteeMember, null=True, blank=True, on_delete=models.CASCADE, related_name="training"
    )
    topic = models.CharField(max_length=300)
    date = models.DateField()
    provider = models.CharField(max_length=200, blank=True)
    partnership_working = models.BooleanField(
        default=False, help_text="Whether it was about partnership working."
    )

    class Meta:
        ordering = ["-date"]
        constraints = [
            ref_unique_within("partnership", name="training_ref_unique"),
            models.CheckConstraint(
                condition=models.Q(person__isnull=True) ^ models.Q(member__isnull=True),
                name="training_one_trainee",
            ),
        ]
