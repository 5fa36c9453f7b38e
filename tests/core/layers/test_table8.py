"""The study's Table 8 at its boundaries, per layer: one meeting fewer than the least and
one more than the most are found; the least and the most themselves are not."""

from __future__ import annotations

import pytest

from partnerscope.core.layers import TABLE_8, analyse_governance
from tests.core.layers.kite import kite

BODY_OF_LAYER = {"strategic": "board", "executive": "exec", "operational": "theme"}
CASES = [
    ("strategic", 2, "frequency_below_table8"),
    ("strategic", 3, None),
    ("strategic", 4, None),
    ("strategic", 5, "frequency_above_table8"),
    ("executive", 5, "frequency_below_table8"),
    ("executive", 6, None),
    ("executive", 12, None),
    ("executive", 13, "frequency_above_table8"),
    ("operational", 11, "frequency_below_table8"),
    ("operational", 12, None),
    ("operational", 52, None),
    ("operational", 53, "frequency_above_table8"),
]


def test_table_8_as_the_study_gives_it() -> None:
    assert dict(TABLE_8) == {"strategic": (3, 4), "executive": (6, 12), "operational": (12, 52)}


@pytest.mark.parametrize(("layer", "meetings", "rule"), CASES)
def test_table_8_boundaries(layer: str, meetings: int, rule: str | None) -> None:
    body = BODY_OF_LAYER[layer]
    result = analyse_governance(kite({body: meetings}))
    frequency = [
        (f.rule.id, f.subject.ref) for f in result.findings if f.rule.id.startswith("frequency_")
    ]
    assert frequency == ([] if rule is None else [(rule, body)])
    [figures] = [b for b in result.to_dict()["bodies"] if b["body"] == body]
    assert figures["meetings_per_year"] == meetings
