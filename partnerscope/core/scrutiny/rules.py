"""The scrutiny rules: each a named object whose docstring is its text, so a finding can
cite the rule that produced it.

Examples
--------
>>> from datetime import date
>>> late = RecommendationFacts("r1", "Police", date(2025, 1, 10), date(2025, 3, 10), None, "", "")
>>> [hit.subject for hit in ResponseOverdue().check([late], date(2025, 3, 11))]
['r1']
>>> ResponseOverdue().check([late], date(2025, 3, 10))
[]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from partnerscope.core.scrutiny.tracker import Status, status_on

__all__ = [
    "RULES",
    "Hit",
    "MemberDevelopment",
    "NoPartnershipDevelopment",
    "RecommendationFacts",
    "RejectedWithoutReasons",
    "ResponseOverdue",
    "Rule",
]


@dataclass(frozen=True)
class RecommendationFacts:
    """What the rules need of one recommendation: its ref, the partner it is addressed to,
    when the partner received the report and the response's due date (None if not sent),
    when the response was published, its decision and reasons."""

    ref: str
    addressed_to: str
    received: date | None
    due: date | None
    published: date | None
    decision: str
    reasons: str
    closed: bool = False


@dataclass(frozen=True)
class MemberDevelopment:
    """A member of a scrutiny committee or the board and the dates of their development on
    partnership working."""

    ref: str
    name: str
    seat: str
    partnership_training: tuple[date, ...]


@dataclass(frozen=True)
class Hit:
    """One thing a rule found: its subject's ref, a sentence and the evidence figures."""

    subject: str
    message: str
    figures: tuple[tuple[str, str | int], ...] = ()


class Rule:
    """A scrutiny rule: ``name`` (its stable id), ``label`` and ``text`` (its docstring)."""

    name: ClassVar[str]
    label: ClassVar[str]

    @classmethod
    def text(cls) -> str:
        return " ".join((cls.__doc__ or "").split())


class ResponseOverdue(Rule):
    """A partner's response to a scrutiny recommendation is overdue: the partner received
    the report more than the set number of months ago (two months under the 2009
    regulations) and no response has been published."""

    name = "response_overdue"
    label = "Response overdue"

    def check(self, recommendations: Sequence[RecommendationFacts], today: date) -> list[Hit]:
        hits = []
        for item in recommendations:
            if status_on(item.due, item.published, item.closed, today) is not Status.OVERDUE:
                continue
            assert item.due is not None
            days = (today - item.due).days
            hits.append(
                Hit(
                    item.ref,
                    f"{item.addressed_to} has not responded; the response was due on "
                    f"{item.due.isoformat()}, {days} days ago.",
                    (
                        ("received", str(item.received)),
                        ("due", item.due.isoformat()),
                        ("days overdue", days),
                    ),
                )
            )
        return hits


class RejectedWithoutReasons(Rule):
    """A partner rejected a scrutiny recommendation, wholly or in part, without giving its
    reasons: the response must say why, so the committee can judge it."""

    name = "rejected_without_reasons"
    label = "Rejected without reasons"
    decisions: ClassVar[frozenset[str]] = frozenset({"rejected", "partly_accepted"})

    def check(self, recommendations: Sequence[RecommendationFacts]) -> list[Hit]:
        return [
            Hit(
                item.ref,
                f"{item.addressed_to} {item.decision.replace('_', ' ')} the recommendation "
                "without giving reasons.",
                (("decision", item.decision),),
            )
            for item in recommendations
            if item.published is not None
            and item.decision in self.decisions
            and not item.reasons.strip()
        ]


class NoPartnershipDevelopment(Rule):
    """A member of a scrutiny committee or of the partnership board has had no training or
    development on partnership working in the set number of years: the study recommends
    engaging elected members through training and development."""

    name = "no_partnership_development"
    label = "No development on partnership working"

    def check(self, members: Sequence[MemberDevelopment], today: date, years: int) -> list[Hit]:
        since = _years_before(today, years)
        hits = []
        for member in members:
            recent = [day for day in member.partnership_training if since <= day <= today]
            if recent:
                continue
            last = max(member.partnership_training, default=None)
            hits.append(
                Hit(
                    member.ref,
                    f"{member.name} ({member.seat}) has had no development on partnership "
                    f"working since {since.isoformat()}.",
                    (
                        ("seat", member.seat),
                        ("years", years),
                        ("last", last.isoformat() if last else "never"),
                    ),
                )
            )
        return hits


def _years_before(today: date, years: int) -> date:
    """The same day ``years`` years earlier (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


RULES: tuple[type[Rule], ...] = (ResponseOverdue, RejectedWithoutReasons, NoPartnershipDevelopment)
