"""The twelve-question instrument file is complete, well formed and matches the core."""

from __future__ import annotations

import json
import re
from importlib import resources

from partnerscope.core.chains import QUESTION_IDS, RATING_VALUES
from partnerscope.reference.chains import RESOURCE, load_instrument, load_questions


def test_instrument_file_is_valid_json_with_the_expected_fields() -> None:
    raw = json.loads(
        resources.files("partnerscope.reference.chains").joinpath(RESOURCE).read_text("utf-8")
    )
    assert set(raw) == {"id", "title", "version", "source", "wording", "scale", "questions"}
    for question in raw["questions"]:
        assert set(question) == {"id", "slug", "text"}


def test_twelve_questions_in_order_with_unique_slugs() -> None:
    questions = load_questions()
    assert tuple(question.id for question in questions) == QUESTION_IDS
    slugs = [question.slug for question in questions]
    assert len(set(slugs)) == 12
    for question in questions:
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", question.slug)
        assert question.text.endswith("?")
        assert len(question.text) > 20


def test_scale_matches_the_core_ratings() -> None:
    instrument = load_instrument()
    assert tuple(point.value for point in instrument.scale) == RATING_VALUES
    assert "2006" in instrument.source


def test_questions_cover_the_twelve_topics() -> None:
    topics = [
        "outcome",
        "evidence",
        "capacity",
        "plan",
        "funding",
        "information",
        "incentives",
        "risks",
        "performance",
        "governance",
        "feedback",
        "efficiency",
    ]
    for question, topic in zip(load_questions(), topics, strict=True):
        assert topic in question.text.lower(), (question.id, topic)


def test_to_dict_round_trips_through_json() -> None:
    document = json.loads(json.dumps(load_instrument().to_dict()))
    assert [q["id"] for q in document["questions"]] == list(QUESTION_IDS)
