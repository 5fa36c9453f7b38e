"""The seven elements and their kinds, as the seed's 7S table sets them out."""

from __future__ import annotations

import pytest

from partnerscope.core.sevens import (
    ELEMENT_IDS,
    HARD_ELEMENTS,
    SOFT_ELEMENTS,
    element,
    kind_of,
)


def test_the_seven_elements_in_order() -> None:
    assert ELEMENT_IDS == (
        "scs",
        "staff_skills",
        "style",
        "synergies",
        "steering",
        "systems",
        "standards",
    )


def test_kinds_follow_the_seed_table() -> None:
    assert kind_of("scs") == "core"
    assert SOFT_ELEMENTS == ("staff_skills", "style", "synergies")
    assert HARD_ELEMENTS == ("steering", "systems", "standards")


def test_an_unknown_element_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown 7S element 'shared_values'"):
        element("shared_values")
