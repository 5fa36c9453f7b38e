"""Change in each element's score since the previous wave, with a bootstrap interval.

The interval is a percentile bootstrap (Efron and Tibshirani, 1993, *An Introduction to
the Bootstrap*, ch. 13): respondents are resampled with replacement within each wave, both
waves are rescored exactly as the element scores are computed (mean of item means), and the
2.5th and 97.5th percentiles of the differences bound the change. Resampling whole
respondents keeps each person's answers together. The random generator is seeded, so the
same data always give the same interval.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from partnerscope.core.sevens.elements import ELEMENT_IDS
from partnerscope.core.sevens.figures import rounded
from partnerscope.core.sevens.instrument import Instrument
from partnerscope.core.sevens.responses import DONT_KNOW, Respondent
from partnerscope.core.sevens.rules import SIGNIFICANT_CHANGE
from partnerscope.core.sevens.scores import score_elements

__all__ = [
    "CONFIDENCE",
    "DEFAULT_RESAMPLES",
    "DEFAULT_SEED",
    "ElementChange",
    "compare_waves",
    "weighted_element_scores",
]

DEFAULT_RESAMPLES: Final = 2000
DEFAULT_SEED: Final = 7
CONFIDENCE: Final = 0.95

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class ElementChange:
    """One element's score in both waves and the bootstrap interval of the difference.

    ``low`` and ``high`` bound the 95% interval of current minus previous score (in score
    points); both are None when either wave has no score for the element.

    Examples
    --------
    >>> change = ElementChange("style", 40.0, 55.0, 3.1, 27.4)
    >>> change.difference, change.significant
    (15.0, True)
    """

    element: str
    previous: float | None
    current: float | None
    low: float | None
    high: float | None

    @property
    def difference(self) -> float | None:
        """Current score minus previous score."""
        if self.previous is None or self.current is None:
            return None
        return self.current - self.previous

    @property
    def significant(self) -> bool:
        """Whether the interval excludes zero (the rule ``significant_change``)."""
        return SIGNIFICANT_CHANGE.significant(self.low, self.high)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: previous_score, score, difference, low, high, significant."""
        return {
            "previous_score": rounded(self.previous),
            "score": rounded(self.current),
            "difference": rounded(self.difference),
            "low": rounded(self.low),
            "high": rounded(self.high),
            "significant": self.significant,
        }


def _matrices(
    respondents: Sequence[Respondent], instrument: Instrument
) -> tuple[FloatArray, FloatArray, npt.NDArray[np.int64]]:
    ids = instrument.ids
    people = sorted(respondents, key=lambda person: person.id)
    values = np.zeros((len(people), len(ids)))
    scored = np.zeros((len(people), len(ids)))
    for row, person in enumerate(people):
        for column, item in enumerate(ids):
            answer = person.answers.get(item)
            if answer is not None and answer != DONT_KNOW:
                values[row, column] = float(answer)
                scored[row, column] = 1.0
    element_index = np.array(
        [ELEMENT_IDS.index(s.element) for s in instrument.statements], dtype=np.int64
    )
    return values, scored, element_index


def weighted_element_scores(
    weights: FloatArray,
    respondents: Sequence[Respondent],
    instrument: Instrument,
) -> FloatArray:
    """Element scores for many reweightings of the respondents at once.

    ``weights`` has one row per resample and one column per respondent (sorted by id):
    how many times each person is drawn. Returns one row per resample and one column per
    element (in ``ELEMENT_IDS`` order), NaN where an element has no scored statement.
    A row of ones gives the ordinary element scores.

    Examples
    --------
    >>> from partnerscope.core.sevens.instrument import Statement
    >>> kit = Instrument("1", (Statement("scs.01", "scs", "t", (), "x"),))
    >>> people = [Respondent("a", "fire", frozenset(), {"scs.01": 5}),
    ...           Respondent("b", "fire", frozenset(), {"scs.01": 1})]
    >>> weighted_element_scores(np.array([[1.0, 1.0], [2.0, 0.0]]), people, kit)[:, 0]
    array([ 50., 100.])
    """
    values, scored, element_index = _matrices(respondents, instrument)
    sums = weights @ values
    counts = weights @ scored
    has_mean = counts > 0
    item_means = np.divide(sums, counts, out=np.zeros_like(sums), where=has_mean)
    result = np.full((weights.shape[0], len(ELEMENT_IDS)), np.nan)
    for position in range(len(ELEMENT_IDS)):
        columns = element_index == position
        if not columns.any():
            continue
        means = np.where(has_mean[:, columns], item_means[:, columns], 0.0).sum(axis=1)
        counted = has_mean[:, columns].sum(axis=1)
        mean = np.divide(means, counted, out=np.full_like(means, np.nan), where=counted > 0)
        result[:, position] = (mean - 1.0) / 4.0 * 100.0
    return result


def _resampled(
    rng: np.random.Generator,
    respondents: Sequence[Respondent],
    instrument: Instrument,
    resamples: int,
) -> FloatArray:
    size = len(respondents)
    weights = rng.multinomial(size, np.full(size, 1.0 / size), size=resamples).astype(float)
    return weighted_element_scores(weights, respondents, instrument)


def compare_waves(
    current: Sequence[Respondent],
    previous: Sequence[Respondent],
    instrument: Instrument,
    previous_instrument: Instrument | None = None,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> tuple[ElementChange, ...]:
    """Return each element's change in score since the previous wave, with its interval.

    Each wave is scored with its own instrument (``previous_instrument`` defaults to
    ``instrument``). Resamples in which an element has no scored statement are skipped.
    This function applies no anonymity threshold: :func:`score_wave` does that.

    Examples
    --------
    >>> from partnerscope.core.sevens.instrument import Statement
    >>> kit = Instrument("1", (Statement("scs.01", "scs", "t", (), "x"),))
    >>> before = [Respondent(f"p{i}", "fire", frozenset(), {"scs.01": 2}) for i in range(6)]
    >>> after = [Respondent(f"c{i}", "fire", frozenset(), {"scs.01": 4}) for i in range(6)]
    >>> scs = compare_waves(after, before, kit, resamples=200)[0]
    >>> scs.difference, scs.low, scs.high, scs.significant
    (50.0, 50.0, 50.0, True)
    """
    if not current or not previous:
        raise ValueError("both waves need at least one respondent")
    if resamples < 1:
        raise ValueError("the bootstrap needs at least one resample")
    before_instrument = previous_instrument or instrument
    now = score_elements(instrument, current)
    before = score_elements(before_instrument, previous)
    rng = np.random.default_rng(seed)
    differences = _resampled(rng, current, instrument, resamples) - _resampled(
        rng, previous, before_instrument, resamples
    )
    tail = (1.0 - CONFIDENCE) / 2.0 * 100.0
    changes = []
    for position, element_id in enumerate(ELEMENT_IDS):
        low: float | None = None
        high: float | None = None
        column = differences[:, position]
        valid = column[~np.isnan(column)]
        current_score = now[element_id].score
        previous_score = before[element_id].score
        if current_score is not None and previous_score is not None and valid.size:
            low_value, high_value = np.percentile(valid, [tail, 100.0 - tail])
            low, high = float(low_value), float(high_value)
        changes.append(ElementChange(element_id, previous_score, current_score, low, high))
    return tuple(changes)
