"""Each rule of the strategy review, with a test of its name."""

from __future__ import annotations

from datetime import date

from partnerscope.core.strategy import (
    RULES,
    OutcomeFacts,
    StrategyFacts,
    review_strategy,
    rule_text,
)
from partnerscope.core.strategy.review import (
    OutcomeReviewPassed,
    OutcomeWithoutChain,
    OutcomeWithoutIndicator,
    OutcomeWithoutOwner,
    OutcomeWithoutResources,
    StrategyNotReviewed,
)

TODAY = date(2026, 12, 7)
FULL = OutcomeFacts(
    "work",
    "More people in work",
    date(2027, 3, 31),
    indicators=2,
    owner="jobcentre",
    body="economy",
    chains=1,
)


def facts(*outcomes: OutcomeFacts, **strategy: object) -> StrategyFacts:
    base: dict[str, object] = {
        "today": TODAY,
        "title": "Northshire 2030",
        "adopted": date(2021, 4, 1),
        "last_reviewed": date(2024, 1, 10),
        "outcomes": outcomes,
    }
    base.update(strategy)
    return StrategyFacts(**base)  # type: ignore[arg-type]


def test_StrategyNotReviewed() -> None:
    assert StrategyNotReviewed().findings(facts()) == []
    late = StrategyNotReviewed().findings(facts(last_reviewed=date(2023, 6, 30)))
    assert [f.rule for f in late] == ["SCS-01"]
    assert dict(late[0].figures)["days overdue"] == (TODAY - date(2026, 6, 30)).days
    shorter = StrategyNotReviewed().findings(facts(interval_years=2))
    assert len(shorter) == 1 and "more than 2 years" in shorter[0].message
    never = StrategyNotReviewed().findings(facts(last_reviewed=None, adopted=date(2020, 1, 1)))
    assert len(never) == 1
    missing = StrategyNotReviewed().findings(StrategyFacts(TODAY, recorded=False))
    assert missing[0].message == "No sustainable community strategy is recorded."


def test_StrategyNotReviewed_on_the_day_it_falls_due_is_not_late() -> None:
    assert StrategyNotReviewed().findings(facts(last_reviewed=date(2023, 12, 7))) == []


def test_OutcomeReviewPassed() -> None:
    passed = OutcomeFacts("bus", "Buses", date(2026, 12, 6), indicators=1, owner="x", chains=1)
    today = OutcomeFacts("taxi", "Taxis", TODAY, indicators=1, owner="x", chains=1)
    found = OutcomeReviewPassed().findings(facts(FULL, passed, today))
    assert [(f.outcome, dict(f.figures)["days overdue"]) for f in found] == [("bus", 1)]


def test_OutcomeWithoutIndicator() -> None:
    bare = OutcomeFacts("bus", "Buses", owner="x", chains=1)
    assert [f.outcome for f in OutcomeWithoutIndicator().findings(facts(FULL, bare))] == ["bus"]


def test_OutcomeWithoutOwner() -> None:
    body_only = OutcomeFacts("a", "A", body="board")
    owner_only = OutcomeFacts("b", "B", owner="council")
    nobody = OutcomeFacts("c", "C")
    found = OutcomeWithoutOwner().findings(facts(body_only, owner_only, nobody))
    assert [f.outcome for f in found] == ["a", "c"]
    assert dict(found[0].figures) == {"owner": None, "body": "board"}


def test_OutcomeWithoutChain() -> None:
    bare = OutcomeFacts("bus", "Buses", indicators=1, owner="x")
    assert [f.outcome for f in OutcomeWithoutChain().findings(facts(FULL, bare))] == ["bus"]


def test_OutcomeWithoutResources() -> None:
    unknown = OutcomeFacts("bus", "Buses")
    assert OutcomeWithoutResources().findings(facts(unknown)) == []
    none = OutcomeFacts("bus", "Buses", resources=0)
    some = OutcomeFacts("car", "Cars", resources=2)
    found = OutcomeWithoutResources().findings(facts(none, some))
    assert [f.outcome for f in found] == ["bus"]


def test_every_rule_has_an_id_label_and_wording() -> None:
    ids = [rule.id for rule in RULES]
    assert ids == ["SCS-01", "SCS-02", "SCS-03", "SCS-04", "SCS-05", "SCS-06"]
    assert all(rule.label and rule_text(type(rule)) for rule in RULES)


def test_review_strategy_runs_every_rule_in_order() -> None:
    bare = OutcomeFacts("bus", "Buses", date(2025, 1, 1))
    found = review_strategy(facts(bare, last_reviewed=date(2020, 1, 1)))
    assert [f.rule for f in found] == ["SCS-01", "SCS-02", "SCS-03", "SCS-04", "SCS-05"]
