"""The review of the shared strategy: named rules on the sustainable community strategy and
its outcomes.

The 2009 study asks partnerships to monitor and review local achievements against a
regularly updated strategy. Each rule below is a small object whose docstring's first
paragraph is its wording; :func:`review_strategy` runs every rule that can be judged on the
facts given and returns what they found, each finding naming its rule, its subject and the
figures behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

__all__ = [
    "DEFAULT_REVIEW_INTERVAL_YEARS",
    "RULES",
    "OutcomeFacts",
    "OutcomeReviewPassed",
    "OutcomeWithoutChain",
    "OutcomeWithoutIndicator",
    "OutcomeWithoutOwner",
    "OutcomeWithoutResources",
    "ReviewFinding",
    "ReviewRule",
    "StrategyFacts",
    "StrategyNotReviewed",
    "add_years",
    "review_strategy",
    "rule_text",
]

DEFAULT_REVIEW_INTERVAL_YEARS = 3
"""How many years a strategy may go without a review, unless the partnership sets its own."""


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February in other years).

    >>> add_years(date(2024, 2, 29), 1)
    datetime.date(2025, 2, 28)
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True, slots=True)
class OutcomeFacts:
    """What the review rules need of one outcome. ``indicators`` and ``chains`` count a
    theme's goals' too; ``resources`` is None when no installed area records resources,
    else how many budgets or resources are assigned to it."""

    ref: str
    title: str
    review_date: date | None = None
    indicators: int = 0
    owner: str = ""
    body: str = ""
    chains: int = 0
    resources: int | None = None


@dataclass(frozen=True, slots=True)
class StrategyFacts:
    """The strategy (None fields when no strategy is recorded) and its outcomes."""

    today: date
    title: str = ""
    adopted: date | None = None
    last_reviewed: date | None = None
    interval_years: int = DEFAULT_REVIEW_INTERVAL_YEARS
    outcomes: tuple[OutcomeFacts, ...] = ()
    recorded: bool = True


@dataclass(frozen=True, slots=True)
class ReviewFinding:
    """What one rule found: about the strategy (``outcome`` empty) or one outcome."""

    rule: str
    outcome: str
    message: str
    figures: tuple[tuple[str, str | int | float | None], ...] = field(default=())


def rule_text(rule: type[ReviewRule]) -> str:
    """The first paragraph of a rule's docstring, on one line: its wording."""
    doc = (rule.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(doc.split())


class ReviewRule:
    """A named rule of the strategy review."""

    id: ClassVar[str]
    label: ClassVar[str]
    needs_resources: ClassVar[bool] = False

    def findings(self, facts: StrategyFacts) -> list[ReviewFinding]:
        raise NotImplementedError


class StrategyNotReviewed(ReviewRule):
    """The sustainable community strategy has not been reviewed within the review interval
    (three years unless the partnership sets another), or no strategy is recorded at all.

    A strategy is reviewed when it is adopted and at each review since; it is overdue when
    the last of these is more than the interval before today.

    >>> facts = StrategyFacts(date(2026, 6, 1), "Plan", date(2020, 1, 1), date(2022, 5, 31))
    >>> [f.message for f in StrategyNotReviewed().findings(facts)]
    ['The strategy was last reviewed on 31 May 2022, more than 3 years ago.']
    """

    id = "SCS-01"
    label = "Strategy not reviewed"

    def findings(self, facts: StrategyFacts) -> list[ReviewFinding]:
        if not facts.recorded:
            return [ReviewFinding(self.id, "", "No sustainable community strategy is recorded.")]
        last = facts.last_reviewed or facts.adopted
        if last is None:
            return [
                ReviewFinding(
                    self.id,
                    "",
                    "The strategy has no adoption or review date.",
                    (("interval (years)", facts.interval_years),),
                )
            ]
        due = add_years(last, facts.interval_years)
        if due >= facts.today:
            return []
        return [
            ReviewFinding(
                self.id,
                "",
                f"The strategy was last reviewed on {last:%-d %B %Y}, more than "
                f"{facts.interval_years} years ago.",
                (
                    ("last reviewed", last.isoformat()),
                    ("review due", due.isoformat()),
                    ("interval (years)", facts.interval_years),
                    ("days overdue", (facts.today - due).days),
                ),
            )
        ]


class OutcomeReviewPassed(ReviewRule):
    """An outcome's own review date has passed and it has not been given a new one.

    >>> outcome = OutcomeFacts("work", "More people in work", review_date=date(2026, 1, 31))
    >>> [f.message for f in OutcomeReviewPassed().findings(
    ...     StrategyFacts(date(2026, 3, 1), outcomes=(outcome,)))]
    ['More people in work was due for review on 31 January 2026.']
    """

    id = "SCS-02"
    label = "Outcome review date passed"

    def findings(self, facts: StrategyFacts) -> list[ReviewFinding]:
        return [
            ReviewFinding(
                self.id,
                outcome.ref,
                f"{outcome.title} was due for review on {outcome.review_date:%-d %B %Y}.",
                (
                    ("review date", outcome.review_date.isoformat()),
                    ("days overdue", (facts.today - outcome.review_date).days),
                ),
            )
            for outcome in facts.outcomes
            if outcome.review_date is not None and outcome.review_date < facts.today
        ]


class OutcomeWithoutIndicator(ReviewRule):
    """An outcome of the strategy has no indicator to measure it, so no one can tell
    whether it is being achieved.

    A theme counts its goals' indicators as its own.

    >>> facts = StrategyFacts(date(2026, 3, 1), outcomes=(OutcomeFacts("bus", "Buses"),))
    >>> [f.outcome for f in OutcomeWithoutIndicator().findings(facts)]
    ['bus']
    """

    id = "SCS-03"
    label = "Outcome with no indicator"

    def findings(self, facts: StrategyFacts) -> list[ReviewFinding]:
        return [
            ReviewFinding(
                self.id,
                outcome.ref,
                f"{outcome.title} has no indicator.",
                (("indicators", 0),),
            )
            for outcome in facts.outcomes
            if outcome.indicators == 0
        ]


class OutcomeWithoutOwner(ReviewRule):
    """An outcome of the strategy has no owner: no organisation is accountable for it.

    A body that reviews the outcome is not enough: someone must answer for delivering it.

    >>> facts = StrategyFacts(date(2026, 3, 1), outcomes=(OutcomeFacts("bus", "Buses"),))
    >>> [f.message for f in OutcomeWithoutOwner().findings(facts)]
    ['Buses has no accountable organisation.']
    """

    id = "SCS-04"
    label = "Outcome with no owner"

    def findings(self, facts: StrategyFacts) -> list[ReviewFinding]:
        return [
            ReviewFinding(
                self.id,
                outcome.ref,
                f"{outcome.title} has no accountable organisation.",
                (("owner", None), ("body", outcome.body or None)),
            )
            for outcome in facts.outcomes
            if not outcome.owner
        ]


class OutcomeWithoutChain(ReviewRule):
    """An outcome of the strategy has no delivery chain: no one has traced how the
    partners' actions reach the people it serves.

    A theme counts its goals' chains as its own.

    >>> facts = StrategyFacts(date(2026, 3, 1), outcomes=(OutcomeFacts("bus", "Buses"),))
    >>> [f.rule for f in OutcomeWithoutChain().findings(facts)]
    ['SCS-05']
    """

    id = "SCS-05"
    label = "Outcome with no delivery chain"

    def findings(self, facts: StrategyFacts) -> list[ReviewFinding]:
        return [
            ReviewFinding(
                self.id,
                outcome.ref,
                f"{outcome.title} has no delivery chain.",
                (("delivery chains", 0),),
            )
            for outcome in facts.outcomes
            if outcome.chains == 0
        ]


class OutcomeWithoutResources(ReviewRule):
    """An outcome of the strategy has no resources assigned to it: no mainstream, pooled or
    aligned budget stands behind it.

    Judged only where an area that records resources is installed; without one, an
    outcome's resources are unknown (``resources`` is None) and the rule finds nothing.

    >>> unknown = StrategyFacts(date(2026, 3, 1), outcomes=(OutcomeFacts("bus", "Buses"),))
    >>> OutcomeWithoutResources().findings(unknown)
    []
    >>> known = StrategyFacts(
    ...     date(2026, 3, 1), outcomes=(OutcomeFacts("bus", "Buses", resources=0),))
    >>> [f.message for f in OutcomeWithoutResources().findings(known)]
    ['Buses has no resources recorded.']
    """

    id = "SCS-06"
    label = "Outcome with no resources"
    needs_resources = True

    def findings(self, facts: StrategyFacts) -> list[ReviewFinding]:
        return [
            ReviewFinding(
                self.id,
                outcome.ref,
                f"{outcome.title} has no resources recorded.",
                (("resources", 0),),
            )
            for outcome in facts.outcomes
            if outcome.resources == 0
        ]


RULES: Sequence[ReviewRule] = (
    StrategyNotReviewed(),
    OutcomeReviewPassed(),
    OutcomeWithoutIndicator(),
    OutcomeWithoutOwner(),
    OutcomeWithoutChain(),
    OutcomeWithoutResources(),
)


def review_strategy(facts: StrategyFacts) -> list[ReviewFinding]:
    """Every rule's findings, in the rules' order.

    >>> facts = StrategyFacts(date(2026, 3, 1), recorded=False)
    >>> [f.rule for f in review_strategy(facts)]
    ['SCS-01']
    """
    return [found for rule in RULES for found in rule.findings(facts)]
