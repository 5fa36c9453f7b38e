"""A partnership's flags and its answers to the study's three questions.

A :class:`Flag` is one candidate proposed by a flag rule (``partnerscope.core.flags``) about
one outcome or the whole partnership, with the evidence at its proposal, and the manager's
decision about it. Refreshing the candidates never loses a decision: a decided flag keeps
it while its rule still proposes it, and is marked ``supported=False`` when the evidence no
longer does. Both records are versioned, so a flag's history of decisions is its versions.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from partnerscope.apps.common.records import VersionedRecord, ref_field, ref_unique_within
from partnerscope.apps.flags.choices import SELF_RATINGS, Colour, FlagStatus, Question, Scope
from partnerscope.core.flags import flag_key


class Flag(VersionedRecord):
    """A candidate red or green flag and what a manager decided about it."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="flags"
    )
    ref = ref_field(200)
    rule_id = models.CharField(max_length=100, help_text="The flag rule that proposed it.")
    scope = models.CharField(max_length=20, choices=Scope.choices)
    scope_ref = models.CharField(
        max_length=200, help_text="The outcome's ref, or the partnership's slug."
    )
    scope_name = models.CharField(max_length=300, blank=True)
    proposed_colour = models.CharField(max_length=10, choices=Colour.choices)
    status = models.CharField(
        max_length=10, choices=FlagStatus.choices, default=FlagStatus.CANDIDATE
    )
    decided_colour = models.CharField(
        max_length=10,
        choices=Colour.choices,
        blank=True,
        help_text="The colour a manager gave it instead, when the decision changed it.",
    )
    reason = models.TextField(blank=True, help_text="Why the manager decided as they did.")
    decided_by = models.CharField(max_length=200, blank=True)
    decided_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    evidence = models.JSONField(
        default=dict,
        blank=True,
        help_text='At its proposal: {"findings": [[area, rule, kind, ref], ...], '
        '"figures": [[name, value], ...]}.',
    )
    tackled_by = models.JSONField(
        default=list,
        blank=True,
        help_text="Evidence findings an open, on-time action answers (known and being tackled).",
    )
    supported = models.BooleanField(
        default=True, help_text="Whether the rule still proposes it on the latest evidence."
    )
    proposed_at = models.DateTimeField()
    last_proposed_at = models.DateTimeField()

    class Meta:
        ordering = ["scope", "scope_ref", "rule_id"]
        constraints = [ref_unique_within("partnership", name="flag_ref_unique")]

    def __str__(self) -> str:
        return f"{self.get_proposed_colour_display()} flag: {self.scope_name or self.scope_ref}"

    @property
    def key(self) -> str:
        return flag_key(self.rule_id, self.scope, self.scope_ref)

    @property
    def known_and_being_tackled(self) -> bool:
        """A red candidate whose evidence an open, on-time action answers."""
        return (
            self.status == FlagStatus.CANDIDATE
            and self.proposed_colour == Colour.RED
            and bool(self.tackled_by)
        )

    @property
    def colour_shown(self) -> str:
        """The colour people see: "" for a rejected flag or one known and being tackled."""
        if self.status == FlagStatus.REJECTED or self.known_and_being_tackled:
            return ""
        if self.status == FlagStatus.CHANGED:
            return self.decided_colour
        return self.proposed_colour

    @property
    def shown_as(self) -> str:
        """The flag's state in words, as every page shows it."""
        if self.known_and_being_tackled:
            return "Known and being tackled"
        colour = Colour(self.colour_shown).label if self.colour_shown else ""
        return {
            FlagStatus.CANDIDATE: f"Candidate {colour.lower()} flag",
            FlagStatus.CONFIRMED: f"{colour} flag, confirmed",
            FlagStatus.CHANGED: f"{colour} flag, changed from {self.proposed_colour}",
            FlagStatus.REJECTED: "Rejected",
        }[FlagStatus(self.status)]

    def evidence_keys(self) -> list[tuple[str, str, str, str]]:
        return [tuple(key) for key in self.evidence.get("findings", [])]  # type: ignore[misc]

    def figures(self) -> list[Any]:
        return list(self.evidence.get("figures", []))


class QuestionAnswer(VersionedRecord):
    """The partnership's answer to one of the study's three questions."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="question_answers"
    )
    ref = ref_field()
    question = models.CharField(max_length=20, choices=Question.choices)
    narrative = models.TextField(
        blank=True, help_text="The partnership's answer, in its own words, citing the evidence."
    )
    self_rating = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=SELF_RATINGS,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text="Optional: the partnership's own rating, 1 (lowest) to 4; not an inspector's.",
    )
    updated_by = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["partnership", "question"]
        constraints = [
            ref_unique_within("partnership", name="question_answer_ref_unique"),
            models.UniqueConstraint(
                fields=["partnership", "question"], name="one_answer_per_question"
            ),
        ]

    def __str__(self) -> str:
        return self.get_question_display()
