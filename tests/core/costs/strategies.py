"""Hypothesis strategies for plain appraisal models (the shape MODEL.json has)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

AGENCIES = ("council", "health", "police", "fire", "dwp")
share = st.floats(min_value=0, max_value=1, allow_nan=False)
money = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@st.composite
def benefits(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(("fiscal", "economic", "social")))
    benefit: dict[str, Any] = {
        "type": kind,
        "agency": draw(st.sampled_from(AGENCIES + ("individuals",))),
        "value": draw(st.floats(min_value=0, max_value=1e5, allow_nan=False)),
    }
    if kind == "fiscal" and draw(st.booleans()):
        benefit["cashable"] = draw(share)
    if draw(st.booleans()):
        benefit["health"] = draw(st.booleans())
    return benefit


@st.composite
def outcomes(draw: st.DrawFn, years: int) -> dict[str, Any]:
    return {
        "name": draw(st.sampled_from(("into work", "fewer admissions", "safer homes"))),
        "cohort": draw(st.floats(min_value=0, max_value=2000, allow_nan=False)),
        "engagement": draw(share),
        "impact": draw(share),
        "deadweight": draw(share),
        "lag": draw(st.integers(min_value=0, max_value=years + 1)),
        "drop_off": draw(share),
        "optimism_bias": draw(share),
        "benefits": draw(st.lists(benefits(), max_size=3)),
    }


@st.composite
def models(draw: st.DrawFn, max_years: int = 45) -> dict[str, Any]:
    """A random valid model; sometimes with a flat discount rate, sometimes with the
    Green Book's settings."""
    years = draw(st.integers(min_value=1, max_value=max_years))
    model: dict[str, Any] = {
        "name": "random",
        "base_year": draw(st.integers(min_value=2000, max_value=2030)),
        "years": years,
        "costs": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "agency": st.sampled_from(AGENCIES),
                        "kind": st.sampled_from(("revenue", "capital", "in_kind")),
                        "year": st.integers(min_value=0, max_value=years - 1),
                        "amount": money,
                    }
                ),
                max_size=6,
            )
        ),
        "outcomes": draw(st.lists(outcomes(years), max_size=4)),
    }
    if draw(st.booleans()):
        model["discount_rate"] = draw(st.floats(min_value=0, max_value=0.1, allow_nan=False))
    return model
