"""Small instruments, respondents and hypothesis strategies shared by the 7S tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hypothesis import strategies as st

from partnerscope.core.sevens import (
    DONT_KNOW,
    ELEMENT_IDS,
    LAYERS,
    Answer,
    Instrument,
    Respondent,
    Statement,
)

SMALL = Instrument(
    "test",
    tuple(
        Statement(
            f"{element_id}.0{number}",
            element_id,
            f"Statement {number} on {element_id}.",
            ("strategic",),
            "an example",
        )
        for element_id in ELEMENT_IDS
        for number in (1, 2)
    ),
)
"""Two statements per element: enough to exercise the mean of item means."""


def person(
    respondent: str,
    sector: str,
    layers: str | Sequence[str],
    answers: Mapping[str, Answer],
) -> Respondent:
    """A respondent with layers given as one name or a list."""
    chosen = {layers} if isinstance(layers, str) else set(layers)
    return Respondent(respondent, sector, frozenset(chosen), dict(answers))


answers = st.one_of(st.integers(min_value=1, max_value=5), st.just(DONT_KNOW))


@st.composite
def respondents(
    draw: st.DrawFn,
    instrument: Instrument = SMALL,
    sectors: Sequence[str] = ("council", "health", "police", "housing"),
    min_size: int = 0,
    max_size: int = 24,
) -> list[Respondent]:
    """A wave of respondents with ids r0, r1, ..., each answering some statements."""
    size = draw(st.integers(min_value=min_size, max_value=max_size))
    wave = []
    for index in range(size):
        chosen = draw(st.dictionaries(st.sampled_from(instrument.ids), answers, max_size=14))
        layer_set = draw(st.sets(st.sampled_from(LAYERS), min_size=1, max_size=3))
        wave.append(
            Respondent(f"r{index}", draw(st.sampled_from(sectors)), frozenset(layer_set), chosen)
        )
    return wave
