"""The instrument's shape: statements, local statements, and reading it from a mapping."""

from __future__ import annotations

from typing import Any

import pytest

from partnerscope.core.sevens import (
    Instrument,
    Statement,
    instrument_from_mapping,
    local_statement,
    score_wave,
)
from tests.core.sevens.strategies import SMALL, person


def _row(**changes: Any) -> dict[str, Any]:
    row = {
        "id": "style.01",
        "element": "style",
        "kind": "soft",
        "text": "The chair listens.",
        "layers": ["executive", "strategic"],
        "tests": "Chair's leadership style",
    }
    row.update(changes)
    return row


def test_reads_a_statement_and_orders_its_layers() -> None:
    kit = instrument_from_mapping({"version": "2", "statements": [_row()]})
    assert kit.version == "2"
    statement = kit.statements[0]
    assert statement.kind == "soft"
    assert statement.layers == ("strategic", "executive")
    assert not statement.local


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "hard"}, "kind 'hard' but element 'style' is 'soft'"),
        ({"element": "strategy"}, "unknown element"),
        ({"layers": ["tactical"]}, "unknown layer"),
        ({"layers": "strategic"}, "list of layer names"),
        ({"text": 3}, "'text' must be text"),
        ({"tests": None}, "'tests' must be text"),
    ],
)
def test_refuses_a_bad_statement(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        instrument_from_mapping({"version": "1", "statements": [_row(**changes)]})


def test_refuses_repeated_ids_and_a_missing_version() -> None:
    with pytest.raises(ValueError, match="appears twice"):
        instrument_from_mapping({"version": "1", "statements": [_row(), _row()]})
    with pytest.raises(ValueError, match="version"):
        instrument_from_mapping({"statements": [_row()]})
    with pytest.raises(ValueError, match="non-empty list"):
        instrument_from_mapping({"version": "1", "statements": []})


def test_local_statements_need_the_local_prefix() -> None:
    assert local_statement("local.1", "steering", "We meet our budget holders.").local
    with pytest.raises(ValueError, match="local statements, and only they"):
        local_statement("steering.99", "steering", "A local statement without the prefix.")
    with pytest.raises(ValueError, match="local statements, and only they"):
        Statement("local.2", "style", "Marked shared but named local.", (), "x")


def test_local_statements_join_their_element_and_are_flagged() -> None:
    extra = local_statement("local.1", "style", "Meetings start on time.", ["operational"])
    kit = SMALL.with_local([extra])
    assert kit.for_element("style")[-1] == extra
    assert kit.without_local() == SMALL
    wave = [
        person(f"r{i}", "health", "strategic", {"style.01": 2, "style.02": 2, "local.1": 5})
        for i in range(5)
    ]
    data = score_wave(wave, kit).to_dict()
    assert data["items"]["local.1"]["local"] is True
    assert data["items"]["style.01"]["local"] is False
    # Item means 2, 2 and 5: the element mean is 3 with the local statement counted.
    assert data["elements"]["style"]["mean"] == 3.0
    assert data["strongest"][0] == {
        "id": "local.1",
        "element": "style",
        "local": True,
        "text": "Meetings start on time.",
        "mean": 5.0,
    }


def test_with_local_refuses_a_shared_statement_and_a_clash() -> None:
    with pytest.raises(ValueError, match="not marked local"):
        SMALL.with_local([Statement("style.09", "style", "t", (), "x")])
    extra = local_statement("local.1", "style", "t")
    with pytest.raises(ValueError, match="appears twice"):
        SMALL.with_local([extra, extra])


def test_answers_to_unknown_statements_are_refused() -> None:
    wave = [person(f"r{i}", "health", "strategic", {"style.77": 3}) for i in range(5)]
    with pytest.raises(ValueError, match="unknown statement"):
        score_wave(wave, SMALL)


def test_repeated_respondent_ids_are_refused() -> None:
    wave = [person("r1", "health", "strategic", {"style.01": 3}) for _ in range(5)]
    with pytest.raises(ValueError, match="appears twice"):
        score_wave(wave, SMALL)


def test_to_dict_lists_items_with_their_tags() -> None:
    data = Instrument("9", SMALL.statements[:1]).to_dict()
    assert data == {
        "version": "9",
        "items": [
            {
                "id": "scs.01",
                "element": "scs",
                "kind": "core",
                "text": "Statement 1 on scs.",
                "layers": ["strategic"],
                "tests": "an example",
                "local": False,
            }
        ],
    }
