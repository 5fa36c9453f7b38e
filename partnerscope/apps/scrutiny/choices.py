"""The scrutiny area's choices."""

from django.db import models


class CommitteeKind(models.TextChoices):
    OVERVIEW_SCRUTINY = "overview_scrutiny", "Overview and scrutiny committee"
    JOINT = "joint", "Joint committee (two-tier area)"


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"
    CO_OPTED = "co_opted", "Co-opted member"


class Decision(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    PARTLY_ACCEPTED = "partly_accepted", "Partly accepted"
    REJECTED = "rejected", "Rejected"


class ReferralDecision(models.TextChoices):
    PENDING = "pending", "Not yet decided"
    REVIEW = "review", "The committee will review it"
    REFERRED = "referred", "Referred to the partner or executive"
    NO_ACTION = "no_action", "No further action"
