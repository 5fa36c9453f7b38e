"""Reference data for costs and benefits: an optimism bias table and a deflator series.

``optimism_bias.json`` maps the confidence grade of an outcome's evidence to an optimism
bias; its percentages are not confirmed against the 2014 guidance (the file says so), so
they are settings. ``deflators.json`` is an illustrative price index (2% a year), to be
replaced by HM Treasury's GDP deflators for a real appraisal. Each file records its source
and licence.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from partnerscope.core.costs import (
    DeflatorSeries,
    OptimismBiasTable,
    deflator_series,
    optimism_bias_table,
)

__all__ = ["DEFLATORS_FILE", "OPTIMISM_BIAS_FILE", "load_deflators", "load_optimism_bias"]

OPTIMISM_BIAS_FILE = "optimism_bias.json"
DEFLATORS_FILE = "deflators.json"


def _read(name: str) -> dict[str, object]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


@cache
def load_optimism_bias() -> OptimismBiasTable:
    """The shipped optimism bias table (unconfirmed percentages, with their source)."""
    return optimism_bias_table(_read(OPTIMISM_BIAS_FILE))


@cache
def load_deflators() -> DeflatorSeries:
    """The shipped deflator series (illustrative, with its source)."""
    return deflator_series(_read(DEFLATORS_FILE))
