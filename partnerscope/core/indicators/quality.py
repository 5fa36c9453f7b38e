"""Data quality: the Audit Commission's six dimensions and automatic checks against them.

The six dimensions come from *Improving information to support decision making: standards
for better quality data* (Audit Commission, 2007). People rate a dimension with a
:class:`QualityRecord` and its evidence; the checks here find problems a machine can see,
each finding citing the rule that found it and the dimension it bears on.

Outliers are found with the modified z-score of Iglewicz and Hoaglin (1993),
``0.6745 × (x − median) / MAD`` with MAD the median absolute deviation, flagged beyond 3.5.
It resists the outliers it looks for, unlike a mean and standard deviation. A point beyond
the SPC limits is not a data-quality finding here: it is a special-cause signal of the
process (see :mod:`partnerscope.core.indicators.spc`), which may be real.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import Any

import numpy as np

from partnerscope.core.indicators.arrays import groups_by_length, rows_of
from partnerscope.core.indicators.model import Indicator, Series
from partnerscope.core.indicators.periods import Period, latest_due_period
from partnerscope.core.indicators.rag import Rag
from partnerscope.core.indicators.rules import Rule

__all__ = [
    "Dimension",
    "QualityRecord",
    "QualityRule",
    "QualityFinding",
    "QUALITY_OVERDUE",
    "QUALITY_RECEIVED_LATE",
    "QUALITY_MISSING_PERIOD",
    "QUALITY_OUT_OF_RANGE",
    "QUALITY_NUMERATOR_ABOVE_DENOMINATOR",
    "QUALITY_ZERO_DENOMINATOR",
    "QUALITY_RATIO_MISMATCH",
    "QUALITY_FREQUENT_REVISIONS",
    "QUALITY_LARGE_REVISION",
    "QUALITY_OUTLIER",
    "QUALITY_RULES",
    "QUALITY_RATED_RED",
    "rated_red",
    "MAX_REVISIONS",
    "MAX_REVISION_CHANGE",
    "OUTLIER_THRESHOLD",
    "MINIMUM_OUTLIER_POINTS",
    "check_timeliness",
    "check_completeness",
    "check_range",
    "check_ratios",
    "check_revisions",
    "check_outliers",
    "check_quality",
    "check_quality_many",
    "modified_z_scores",
    "modified_z_score_rows",
    "outlier_findings",
]

MAX_REVISIONS = 2
"""More revisions than this to one value is frequent."""
MAX_REVISION_CHANGE = 0.10
"""A revision moving a value by more than this fraction of it is large."""
OUTLIER_THRESHOLD = 3.5
"""Iglewicz and Hoaglin's cut-off for the modified z-score."""
MINIMUM_OUTLIER_POINTS = 5


class Dimension(StrEnum):
    """The six dimensions of data quality."""

    ACCURACY = "accuracy"
    VALIDITY = "validity"
    RELIABILITY = "reliability"
    TIMELINESS = "timeliness"
    RELEVANCE = "relevance"
    COMPLETENESS = "completeness"


@dataclass(frozen=True, slots=True)
class QualityRecord:
    """A person's rating of one dimension of an indicator's data, with the evidence."""

    dimension: Dimension
    rating: Rag
    evidence: str

    def to_dict(self) -> dict[str, str]:
        """``dimension``, ``rating`` and ``evidence``."""
        return {
            "dimension": str(self.dimension),
            "rating": str(self.rating),
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class QualityRule(Rule):
    """A data-quality rule and the dimension it bears on."""

    dimension: Dimension

    def to_dict(self) -> dict[str, str]:
        """``name``, ``text`` and ``dimension``."""
        return {"name": self.name, "text": self.text, "dimension": str(self.dimension)}


@dataclass(frozen=True, slots=True)
class QualityFinding:
    """One problem found: the rule, the period it concerns (if one) and the detail."""

    rule: QualityRule
    period: Period | None
    detail: str

    @property
    def dimension(self) -> Dimension:
        """The dimension the finding bears on."""
        return self.rule.dimension

    def to_dict(self) -> dict[str, Any]:
        """``rule``, ``text``, ``dimension``, ``period`` and ``detail``."""
        return {
            "rule": self.rule.name,
            "text": self.rule.text,
            "dimension": str(self.rule.dimension),
            "period": None if self.period is None else str(self.period),
            "detail": self.detail,
        }


QUALITY_OVERDUE = QualityRule(
    "quality_overdue",
    "Overdue: the value for a period was due (the set number of days after the period "
    "ended) by the reference date, but there is none.",
    Dimension.TIMELINESS,
)
QUALITY_RECEIVED_LATE = QualityRule(
    "quality_received_late",
    "Received late: the value arrived after its due date.",
    Dimension.TIMELINESS,
)
QUALITY_MISSING_PERIOD = QualityRule(
    "quality_missing_period",
    "Missing period: a period between the first and the latest value has no value.",
    Dimension.COMPLETENESS,
)
QUALITY_OUT_OF_RANGE = QualityRule(
    "quality_out_of_range",
    "Out of range: the value is below the indicator's plausible minimum or above its "
    "plausible maximum.",
    Dimension.VALIDITY,
)
QUALITY_NUMERATOR_ABOVE_DENOMINATOR = QualityRule(
    "quality_numerator_above_denominator",
    "Numerator above denominator: for a proportion the numerator cannot exceed the denominator.",
    Dimension.VALIDITY,
)
QUALITY_ZERO_DENOMINATOR = QualityRule(
    "quality_zero_denominator",
    "Zero denominator: a value cannot be calculated from a denominator of zero.",
    Dimension.VALIDITY,
)
QUALITY_RATIO_MISMATCH = QualityRule(
    "quality_ratio_mismatch",
    "Value does not match its parts: the value differs from numerator ÷ denominator × "
    "multiplier by more than rounding to the value's own decimal places allows.",
    Dimension.ACCURACY,
)
QUALITY_FREQUENT_REVISIONS = QualityRule(
    "quality_frequent_revisions",
    "Frequent revisions: the value has been revised more times than allowed (by default "
    "more than twice).",
    Dimension.RELIABILITY,
)
QUALITY_LARGE_REVISION = QualityRule(
    "quality_large_revision",
    "Large revision: a revision moved the value by more than the allowed share (by default "
    "10%) of the value it replaced.",
    Dimension.RELIABILITY,
)
QUALITY_OUTLIER = QualityRule(
    "quality_outlier",
    "Outlier: the value's modified z-score (0.6745 × distance from the series' median ÷ "
    "median absolute deviation) is beyond 3.5; check it was recorded correctly.",
    Dimension.ACCURACY,
)
QUALITY_RULES = (
    QUALITY_OVERDUE,
    QUALITY_RECEIVED_LATE,
    QUALITY_MISSING_PERIOD,
    QUALITY_OUT_OF_RANGE,
    QUALITY_NUMERATOR_ABOVE_DENOMINATOR,
    QUALITY_ZERO_DENOMINATOR,
    QUALITY_RATIO_MISMATCH,
    QUALITY_FREQUENT_REVISIONS,
    QUALITY_LARGE_REVISION,
    QUALITY_OUTLIER,
)

QUALITY_RATED_RED = Rule(
    "quality_rated_red",
    "Rated red: a person's latest rating of a dimension of the indicator's data is red, so "
    "its figures cannot be relied on until the weakness is put right.",
)
"""People's ratings, not an automatic check: not in :data:`QUALITY_RULES`."""


def rated_red(records: Sequence[QualityRecord]) -> list[QualityRecord]:
    """The ratings :data:`QUALITY_RATED_RED` finds: the latest rating of each dimension,
    where it is red. ``records`` come latest first, as the register lists them.

    Examples
    --------
    >>> old = QualityRecord(Dimension.ACCURACY, Rag.RED, "Counted twice in 2024")
    >>> new = QualityRecord(Dimension.ACCURACY, Rag.GREEN, "Fixed")
    >>> late = QualityRecord(Dimension.TIMELINESS, Rag.RED, "Six weeks late")
    >>> [record.evidence for record in rated_red([new, late, old])]
    ['Six weeks late']
    """
    latest: dict[Dimension, QualityRecord] = {}
    for record in records:
        latest.setdefault(record.dimension, record)
    return [record for record in latest.values() if record.rating is Rag.RED]


_RULE_ORDER = {rule.name: position for position, rule in enumerate(QUALITY_RULES)}


def check_timeliness(series: Series, due_days: int, as_of: date) -> list[QualityFinding]:
    """Values overdue at ``as_of``, and values received after their due date.

    Overdue periods are those after the latest value whose due date (period end plus
    ``due_days``) is on or before ``as_of``.

    Examples
    --------
    Latest value 2023-Q3; with 45 days' grace on 15 May 2024 the values for 2023-Q4 (due
    14 Feb) and 2024-Q1 (due 15 May) are overdue.

    >>> from partnerscope.core.indicators.periods import parse_period
    >>> s = Series.of([(parse_period("2023-Q3"), 1.0)])
    >>> [str(f.period) for f in check_timeliness(s, 45, date(2024, 5, 15))]
    ['2023-Q4', '2024-Q1']
    """
    findings: list[QualityFinding] = []
    if not series.periods:
        return findings
    if series.received is not None:
        for period, received in zip(series.periods, series.received, strict=True):
            if received is not None and received > period.due(due_days):
                findings.append(
                    QualityFinding(
                        QUALITY_RECEIVED_LATE,
                        period,
                        f"received {received.isoformat()}, due {period.due(due_days).isoformat()}",
                    )
                )
    last = series.periods[-1]
    due = latest_due_period(last.frequency, as_of, due_days)
    for ordinal in range(last.ordinal + 1, due.ordinal + 1):
        period = Period(last.frequency, ordinal)
        findings.append(
            QualityFinding(
                QUALITY_OVERDUE,
                period,
                f"due {period.due(due_days).isoformat()}, none by {as_of.isoformat()}",
            )
        )
    return findings


def check_completeness(series: Series) -> list[QualityFinding]:
    """Periods with no value between the first value and the latest.

    Examples
    --------
    >>> from partnerscope.core.indicators.periods import parse_period
    >>> s = Series.of([(parse_period("2024-01"), 1.0), (parse_period("2024-04"), 1.0)])
    >>> [str(f.period) for f in check_completeness(s)]
    ['2024-02', '2024-03']
    """
    findings: list[QualityFinding] = []
    periods = series.periods
    if not periods or periods[-1].ordinal - periods[0].ordinal == len(periods) - 1:
        return findings
    for before, after in pairwise(periods):
        for ordinal in range(before.ordinal + 1, after.ordinal):
            findings.append(
                QualityFinding(
                    QUALITY_MISSING_PERIOD,
                    Period(before.frequency, ordinal),
                    f"no value between {before} and {after}",
                )
            )
    return findings


def check_range(
    series: Series, minimum: float | None, maximum: float | None
) -> list[QualityFinding]:
    """Values outside the plausible range ``[minimum, maximum]`` (either bound optional).

    Examples
    --------
    >>> from partnerscope.core.indicators.periods import parse_period
    >>> s = Series.of([(parse_period("2024"), 104.0)])
    >>> check_range(s, 0.0, 100.0)[0].detail
    '104.0 is above the maximum 100.0'
    """
    findings: list[QualityFinding] = []
    values = series.values
    if not values or (
        (minimum is None or min(values) >= minimum) and (maximum is None or max(values) <= maximum)
    ):
        return findings
    for period, value in zip(series.periods, values, strict=True):
        if minimum is not None and value < minimum:
            detail = f"{value} is below the minimum {minimum}"
        elif maximum is not None and value > maximum:
            detail = f"{value} is above the maximum {maximum}"
        else:
            continue
        findings.append(QualityFinding(QUALITY_OUT_OF_RANGE, period, detail))
    return findings


def _half_unit(value: float) -> float:
    """Half a unit in the last decimal place ``value`` shows (0.5 for whole numbers)."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= 0:
        return 0.5
    return 0.5 * 10.0**exponent


def check_ratios(
    series: Series, multiplier: float | None, is_proportion: bool
) -> list[QualityFinding]:
    """Values inconsistent with their numerator and denominator.

    A proportion's numerator may not exceed its denominator; a denominator may not be
    zero; and, given ``multiplier``, the value must equal numerator ÷ denominator ×
    multiplier once rounded to the value's own decimal places.

    Examples
    --------
    45 of 97 is 46.39%: 46.4 agrees (to one decimal place), 46.5 does not.

    >>> from partnerscope.core.indicators.periods import parse_period
    >>> p = (parse_period("2023"), parse_period("2024"))
    >>> s = Series(p, (46.4, 46.5), numerators=(45.0, 45.0), denominators=(97.0, 97.0))
    >>> [str(f.period) for f in check_ratios(s, 100.0, True)]
    ['2024']
    """
    findings: list[QualityFinding] = []
    if series.numerators is None or series.denominators is None:
        return findings
    for period, value, numerator, denominator in zip(
        series.periods, series.values, series.numerators, series.denominators, strict=True
    ):
        if numerator is None or denominator is None:
            continue
        if is_proportion and numerator > denominator:
            findings.append(
                QualityFinding(
                    QUALITY_NUMERATOR_ABOVE_DENOMINATOR,
                    period,
                    f"numerator {numerator} is above denominator {denominator}",
                )
            )
        if denominator == 0:
            findings.append(
                QualityFinding(QUALITY_ZERO_DENOMINATOR, period, "the denominator is zero")
            )
            continue
        if multiplier is None:
            continue
        expected = numerator / denominator * multiplier
        allowed = _half_unit(value) + 1e-9 * max(1.0, abs(expected))
        if abs(value - expected) > allowed:
            findings.append(
                QualityFinding(
                    QUALITY_RATIO_MISMATCH,
                    period,
                    f"{value} but {numerator} ÷ {denominator} × {multiplier:g} = {expected:.6g}",
                )
            )
    return findings


def check_revisions(
    revisions: Mapping[Period, Sequence[float]],
    max_revisions: int = MAX_REVISIONS,
    max_change: float = MAX_REVISION_CHANGE,
) -> list[QualityFinding]:
    """Values revised too often or by too much, from each period's versions, oldest first.

    Examples
    --------
    >>> from partnerscope.core.indicators.periods import parse_period
    >>> found = check_revisions({parse_period("2024"): [50.0, 51.0, 60.0, 60.5]})
    >>> [f.rule.name for f in found]
    ['quality_frequent_revisions', 'quality_large_revision']
    """
    findings: list[QualityFinding] = []
    for period in sorted(revisions, key=lambda p: p.ordinal):
        versions = revisions[period]
        count = len(versions) - 1
        if count > max_revisions:
            findings.append(
                QualityFinding(QUALITY_FREQUENT_REVISIONS, period, f"revised {count} times")
            )
        for old, new in zip(versions, versions[1:], strict=False):
            change = abs(new - old)
            if (old == 0 and change > 0) or (old != 0 and change > max_change * abs(old)):
                findings.append(
                    QualityFinding(QUALITY_LARGE_REVISION, period, f"revised from {old} to {new}")
                )
    return findings


def _medians(ordered: np.ndarray) -> np.ndarray:
    """The median of each row of an array whose rows are sorted."""
    middle = ordered.shape[1] // 2
    medians: np.ndarray = (
        ordered[:, middle]
        if ordered.shape[1] % 2
        else (ordered[:, middle - 1] + ordered[:, middle]) / 2
    )
    return medians


def modified_z_score_rows(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The modified z-scores of each row of ``values``, and whether each row has any
    (a row whose MAD is zero has none; its scores are then meaningless)."""
    centres = _medians(np.sort(values, axis=1))
    distances = values - centres[:, None]
    mads = _medians(np.sort(np.abs(distances), axis=1))
    scored = mads > 0
    return 0.6745 * distances / np.where(scored, mads, 1.0)[:, None], scored


def modified_z_scores(values: Sequence[float]) -> list[float] | None:
    """Iglewicz and Hoaglin's modified z-scores; ``None`` when the MAD is zero.

    Examples
    --------
    Values 1, 2, 3, 4, 100: median 3, absolute deviations 2, 1, 0, 1, 97, MAD 1; the
    score of 100 is 0.6745 × 97 = 65.4.

    >>> round(modified_z_scores([1.0, 2.0, 3.0, 4.0, 100.0])[-1], 2)
    65.43
    """
    scores, scored = modified_z_score_rows(np.asarray([values], dtype=float))
    return scores[0].tolist() if scored[0] else None


def outlier_findings(
    series: Sequence[Series], threshold: float = OUTLIER_THRESHOLD
) -> list[list[QualityFinding]]:
    """:func:`check_outliers` for many series at once (those of one length together)."""
    findings: list[list[QualityFinding]] = [[] for _ in series]
    lengths = [len(one) for one in series]
    for length, members in groups_by_length(lengths, MINIMUM_OUTLIER_POINTS).items():
        values = rows_of([series[i].values for i in members], length)
        scores, scored = modified_z_score_rows(values)
        flagged = (np.abs(scores) > threshold) & scored[:, None]
        for row in np.flatnonzero(flagged.any(axis=1)).tolist():
            one = series[members[row]]
            findings[members[row]] = [
                QualityFinding(QUALITY_OUTLIER, one.periods[i], f"modified z-score {score:.2f}")
                for i, score in enumerate(scores[row].tolist())
                if flagged[row, i]
            ]
    return findings


def check_outliers(series: Series, threshold: float = OUTLIER_THRESHOLD) -> list[QualityFinding]:
    """Values whose modified z-score is beyond ``threshold`` (needs 5 values and MAD > 0).

    Examples
    --------
    >>> from partnerscope.core.indicators.periods import parse_period
    >>> s = Series.of(
    ...     [(parse_period(f"2024-{m:02d}"), v) for m, v in enumerate([1, 2, 3, 4, 100], 1)]
    ... )
    >>> [str(f.period) for f in check_outliers(s)]
    ['2024-05']
    """
    return outlier_findings([series], threshold)[0]


def check_quality_many(
    series: Sequence[Series],
    indicators: Sequence[Indicator],
    as_of: date | None = None,
    revisions: Sequence[Mapping[Period, Sequence[float]] | None] | None = None,
) -> list[tuple[QualityFinding, ...]]:
    """:func:`check_quality` for many series at once, each with its indicator (and its
    revisions, when given)."""
    outliers = outlier_findings(series)
    results = []
    for position, (one, indicator) in enumerate(zip(series, indicators, strict=True)):
        findings: list[QualityFinding] = []
        if indicator.due_days is not None and as_of is not None:
            findings.extend(check_timeliness(one, indicator.due_days, as_of))
        findings.extend(check_completeness(one))
        if indicator.minimum is not None or indicator.maximum is not None:
            findings.extend(check_range(one, indicator.minimum, indicator.maximum))
        findings.extend(check_ratios(one, indicator.multiplier, indicator.is_proportion))
        revised = None if revisions is None else revisions[position]
        if revised:
            findings.extend(check_revisions(revised))
        findings.extend(outliers[position])
        if len(findings) > 1:
            findings.sort(
                key=lambda f: (
                    _RULE_ORDER[f.rule.name],
                    -math.inf if f.period is None else f.period.ordinal,
                )
            )
        results.append(tuple(findings))
    return results


def check_quality(
    series: Series,
    indicator: Indicator,
    as_of: date | None = None,
    revisions: Mapping[Period, Sequence[float]] | None = None,
) -> tuple[QualityFinding, ...]:
    """Run every automatic check that the indicator's definition and the inputs allow.

    Timeliness needs ``indicator.due_days`` and ``as_of``; revisions need ``revisions``.
    Findings come in the order of :data:`QUALITY_RULES`, then by period.

    Examples
    --------
    >>> from partnerscope.core.indicators.periods import parse_period
    >>> s = Series.of([(parse_period("2022"), 40.0), (parse_period("2024"), 140.0)])
    >>> found = check_quality(s, Indicator("NI 1", minimum=0.0, maximum=100.0))
    >>> [(f.rule.name, str(f.period)) for f in found]
    [('quality_missing_period', '2023'), ('quality_out_of_range', '2024')]
    """
    return check_quality_many([series], [indicator], as_of, [revisions])[0]
