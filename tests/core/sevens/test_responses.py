"""Respondents: answers on the scale or "don't know", and known layers."""

from __future__ import annotations

import pytest

from partnerscope.core.sevens import DONT_KNOW, Respondent, is_scored


@pytest.mark.parametrize("answer", [0, 6, "3", 2.5, True, None])
def test_answers_off_the_scale_are_refused(answer: object) -> None:
    with pytest.raises(ValueError, match="must be 1 to 5"):
        Respondent("r1", "health", frozenset(), {"scs.01": answer})  # type: ignore[dict-item]


def test_dont_know_is_counted_but_not_scored() -> None:
    Respondent("r1", "health", frozenset(), {"scs.01": DONT_KNOW})
    assert not is_scored(DONT_KNOW)
    assert is_scored(1)


def test_unknown_layers_and_missing_fields_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown layer"):
        Respondent("r1", "health", frozenset({"board"}), {})
    with pytest.raises(ValueError, match="needs a sector"):
        Respondent("r1", "", frozenset(), {})
    with pytest.raises(ValueError, match="needs an id"):
        Respondent("", "health", frozenset(), {})
