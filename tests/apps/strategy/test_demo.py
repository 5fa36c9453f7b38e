"""The demo's strategies: Northshire's is overdue for review and one of its outcomes' review
dates has passed; the demo's chains serve outcomes of the strategy."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from partnerscope.apps.common.extensions import demo_builders
from partnerscope.apps.partnerships.demo import area_packages
from partnerscope.apps.strategy.demo import PASSED, demo_tables
from partnerscope.core.strategy import OutcomeFacts, StrategyFacts, review_strategy


@pytest.fixture(scope="module")
def packages():
    result = []
    for index, tables in enumerate(itertools.islice(area_packages(0), 2)):
        for builder in demo_builders():
            tables.update(builder(tables, index))
        result.append(tables)
    return result


def facts_of(tables) -> StrategyFacts:
    strategy = tables["strategies"][0]
    dates = {row["outcome"]: row["review_date"] for row in tables["outcome_reviews"]}
    return StrategyFacts(
        today=timezone.localdate(),
        title=strategy["title"],
        adopted=strategy["adopted"],
        last_reviewed=strategy["last_reviewed"],
        interval_years=strategy["review_interval_years"],
        outcomes=tuple(
            OutcomeFacts(ref, ref, dates.get(ref), indicators=1, owner="x", chains=1)
            for ref in (row["id"] for row in tables["outcomes"])
        ),
    )


def test_northshire_is_overdue_and_one_outcome_review_has_passed(packages):
    county = packages[0]
    assert county["partnership"][0]["slug"] == "northshire"
    today = timezone.localdate()
    assert county["strategies"][0]["last_reviewed"] < today - dt.timedelta(days=3 * 366)
    found = review_strategy(facts_of(county))
    assert [(f.rule, f.outcome) for f in found] == [("SCS-01", ""), ("SCS-02", PASSED)]


def test_the_districts_reviewed_theirs_recently(packages):
    assert review_strategy(facts_of(packages[1])) == []


def test_the_demo_chains_serve_outcomes(packages):
    chains = {row["id"]: row["outcome_ref"] for row in packages[0]["chains"]}
    assert chains == {"neet": "learning", "domestic-abuse": "domestic-abuse", "carbon": "carbon"}
    outcomes = {row["id"] for row in packages[0]["outcomes"]}
    assert set(chains.values()) <= outcomes


def test_the_demo_rows_are_the_same_each_time(packages):
    county = {key: packages[0][key] for key in ("partnership", "outcomes")}
    assert demo_tables(county, 0) == demo_tables(county, 0)
