"""Helpers for judging many series at once as the rows of a numpy array.

A status run judges hundreds of thousands of series; the per-series measures (the XmR
chart, the forecast, the outlier check) each take every series of one length together as
one array, one row per series, and a single series is a batch of one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import chain

import numpy as np

__all__ = ["row_sums", "groups_by_length", "rows_of"]


def row_sums(table: np.ndarray) -> np.ndarray:
    """Each row's sum, added left to right as Python's ``sum`` adds, so that a series'
    result is the same to the last bit however many others it is judged with."""
    return np.cumsum(table, axis=1)[:, -1]


def groups_by_length(lengths: Sequence[int], minimum: int) -> dict[int, list[int]]:
    """Positions of the items of each length (of at least ``minimum``), by length."""
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for position, length in enumerate(lengths):
        if length >= minimum:
            groups[length].append(position)
    return groups


def rows_of(sequences: Sequence[Sequence[float]], width: int) -> np.ndarray:
    """The sequences (each ``width`` long) as the rows of a float array, read straight
    from an iterator (faster than ``np.array`` on a list of tuples)."""
    flat = np.fromiter(chain.from_iterable(sequences), dtype=float, count=len(sequences) * width)
    return flat.reshape(len(sequences), width)
