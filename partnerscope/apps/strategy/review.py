"""The review of the shared strategy: its record, its outcomes' review dates and what the
review rules (``core.strategy.review``) find in them.

The strategy page and the findings register both call :func:`strategy_review`, so the
page shows exactly what the register stores.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.chains import selectors as chains
from partnerscope.apps.common.extensions import outcome_resources
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance import selectors as performance
from partnerscope.apps.strategy.models import OutcomeReview, Strategy
from partnerscope.core.strategy import (
    DEFAULT_REVIEW_INTERVAL_YEARS,
    RULES,
    OutcomeFacts,
    ReviewFinding,
    ReviewRule,
    StrategyFacts,
    add_years,
    review_strategy,
    rule_text,
)


@dataclass(frozen=True)
class RuleRow:
    """A review rule as the strategy page lists it, with whether it is judged."""

    id: str
    label: str
    text: str
    judged: bool
    found: int


@dataclass(frozen=True)
class OutcomeRow:
    outcome: dict[str, Any]
    review_date: dt.date | None
    overdue: bool
    url: str


@dataclass(frozen=True)
class StrategyReview:
    """The strategy, its outcomes with their review dates, and what the rules found."""

    strategy: Strategy | None
    today: dt.date
    next_review: dt.date | None
    outcomes: list[OutcomeRow]
    findings: list[ReviewFinding]
    rules: list[RuleRow]
    resources_known: bool
    titles: dict[str, str]

    @property
    def interval_years(self) -> int:
        return (
            self.strategy.review_interval_years if self.strategy else DEFAULT_REVIEW_INTERVAL_YEARS
        )

    @property
    def labelled_findings(self) -> list[tuple[ReviewFinding, str]]:
        """Each finding with its rule's label, for tables."""
        labels = {rule.id: rule.label for rule in self.rules}
        return [(found, labels[found.rule]) for found in self.findings]

    @property
    def overdue(self) -> bool:
        return any(found.rule == "SCS-01" for found in self.findings)


def judged(rule: ReviewRule, resources_known: bool) -> bool:
    return resources_known or not rule.needs_resources


def strategy_of(partnership: Partnership) -> Strategy | None:
    return Strategy.objects.in_partnership(partnership).first()


def review_dates(strategy: Strategy | None) -> dict[str, dt.date]:
    if strategy is None:
        return {}
    return dict(strategy.reviews.values_list("ref", "review_date"))


def outcome_facts(
    outcomes: list[dict[str, Any]],
    dates: dict[str, dt.date],
    chain_counts: dict[str, int],
    resources: dict[str, Any] | None,
) -> tuple[OutcomeFacts, ...]:
    """Each outcome's facts for the rules; a theme counts its goals' indicators and chains."""
    goals: dict[str, list[dict[str, Any]]] = {}
    for outcome in outcomes:
        if outcome["parent"]:
            goals.setdefault(outcome["parent"], []).append(outcome)

    def family(outcome: dict[str, Any]) -> list[dict[str, Any]]:
        return [outcome, *goals.get(outcome["ref"], [])]

    return tuple(
        OutcomeFacts(
            ref=outcome["ref"],
            title=outcome["title"],
            review_date=dates.get(outcome["ref"]),
            indicators=len({code for member in family(outcome) for code in member["indicators"]}),
            owner=outcome["owner"]["ref"] if outcome["owner"] else "",
            body=outcome["body"]["ref"] if outcome["body"] else "",
            chains=sum(chain_counts.get(member["ref"], 0) for member in family(outcome)),
            resources=None
            if resources is None
            else (resources[outcome["ref"]].count if outcome["ref"] in resources else 0),
        )
        for outcome in outcomes
    )


def strategy_review(
    partnership: Partnership,
    today: dt.date | None = None,
    *,
    outcomes: list[dict[str, Any]] | None = None,
    chain_counts: dict[str, int] | None = None,
) -> StrategyReview:
    """Run the review rules on the partnership's strategy and outcomes as they are now."""
    today = today or timezone.localdate()
    strategy = strategy_of(partnership)
    outcomes = performance.outcomes(partnership) if outcomes is None else outcomes
    if chain_counts is None:
        chain_counts = chains.chain_counts_by_outcome(partnership)
    resources = outcome_resources(partnership)
    dates = review_dates(strategy)
    facts = StrategyFacts(
        today=today,
        title=strategy.title if strategy else "",
        adopted=strategy.adopted if strategy else None,
        last_reviewed=strategy.last_reviewed if strategy else None,
        interval_years=strategy.review_interval_years
        if strategy
        else DEFAULT_REVIEW_INTERVAL_YEARS,
        outcomes=outcome_facts(outcomes, dates, chain_counts, resources),
        recorded=strategy is not None,
    )
    found = review_strategy(facts)
    last = (strategy.last_reviewed or strategy.adopted) if strategy else None
    return StrategyReview(
        strategy=strategy,
        today=today,
        next_review=add_years(last, facts.interval_years) if last else None,
        outcomes=[
            OutcomeRow(
                outcome,
                dates.get(outcome["ref"]),
                bool(dates.get(outcome["ref"]) and dates[outcome["ref"]] < today),
                reverse("strategy:outcome", args=[partnership.slug, outcome["ref"]]),
            )
            for outcome in outcomes
        ],
        findings=found,
        rules=[
            RuleRow(
                rule.id,
                rule.label,
                rule_text(type(rule)),
                judged(rule, resources is not None),
                sum(1 for item in found if item.rule == rule.id),
            )
            for rule in RULES
        ],
        resources_known=resources is not None,
        titles={outcome["ref"]: outcome["title"] for outcome in outcomes},
    )


def save_strategy(partnership: Partnership, form: Any) -> Strategy:
    """Save the strategy form (a new version of the record)."""
    strategy = form.save(commit=False)
    strategy.partnership = partnership
    if not strategy.ref:
        strategy.ref = "strategy"
    strategy.save()
    return strategy


@transaction.atomic
def save_review_dates(strategy: Strategy, dates: dict[str, dt.date | None]) -> int:
    """Set, change or clear each outcome's review date; returns how many changed. Each
    change is a new version of that outcome's review record."""
    existing = {review.ref: review for review in strategy.reviews.all()}
    changed = 0
    for ref, day in dates.items():
        review = existing.get(ref)
        if day is None:
            if review is not None:
                review.delete()
                changed += 1
        elif review is None:
            OutcomeReview.objects.create(strategy=strategy, ref=ref, review_date=day)
            changed += 1
        elif review.review_date != day:
            review.review_date = day
            review.save()
            changed += 1
    return changed
