"""The demo waves tell the story they are meant to: weak hard elements, a Style gap, change."""

from __future__ import annotations

from collections import defaultdict

import pytest

from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.sevens.demo import demo_tables
from partnerscope.core.sevens import Respondent, local_statement, score_wave
from partnerscope.reference.sevens import load_instrument


@pytest.fixture(scope="module")
def results():
    packages = list(demo_packages(1))
    rows = demo_tables(packages[0], 0)
    assert all(demo_tables(tables, index) == {} for index, tables in enumerate(packages) if index)
    local = rows["sevens_local_statements"][0]
    kit = load_instrument().with_local(
        [local_statement(local["id"], local["element"], local["text"], [local["layers"]])]
    )
    people: dict[str, dict[str, Respondent]] = defaultdict(dict)
    answers: dict[tuple[str, str], dict] = defaultdict(dict)
    about = {}
    for row in rows["sevens_responses"]:
        key = (row["wave"], row["respondent"])
        answers[key][row["item"]] = row["answer"] if row["answer"] == "dk" else int(row["answer"])
        about[key] = (row["sector"], frozenset(row["layer"].split(";")))
    for (wave, respondent), given in answers.items():
        sector, layers = about[(wave, respondent)]
        people[wave][respondent] = Respondent(respondent, sector, layers, given)
    first = score_wave(list(people["autumn-2024"].values()), kit).to_dict()
    second = score_wave(
        list(people["autumn-2025"].values()), kit, previous=list(people["autumn-2024"].values())
    ).to_dict()
    return first, second


def test_each_wave_has_enough_people_for_breakdowns(results):
    for result in results:
        assert 25 <= result["respondents"] <= 35
        assert len(result["groups"]["sector"]) >= 3
        assert len(result["groups"]["layer"]) == 3


def test_steering_and_systems_are_weakest(results):
    for result in results:
        scores = {key: value["score"] for key, value in result["elements"].items()}
        assert set(sorted(scores, key=scores.get)[:2]) == {"steering", "systems"}


def test_the_council_rates_style_above_its_partners(results):
    for result in results:
        gap = result["groups"]["council_vs_partners"]["gap"]
        assert gap["style"] > 10
        assert gap["style"] == max(gap.values())


def test_the_second_wave_is_a_little_better_on_steering(results):
    change = results[1]["change"]["steering"]
    assert 3 < change["difference"] < 15
    assert change["significant"]


def test_one_small_sector_shows_withholding(results):
    for result in results:
        assert result["withheld_rules"]["sector:fire"] == "small_group"
        assert "fire" not in result["groups"]["sector"]
