"""Data-quality dimensions, records and each automatic check."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerscope.core.indicators.model import Indicator, Series
from partnerscope.core.indicators.periods import Frequency, Period, parse_period
from partnerscope.core.indicators.quality import (
    QUALITY_RATED_RED,
    QUALITY_RULES,
    Dimension,
    QualityRecord,
    check_completeness,
    check_outliers,
    check_quality,
    check_range,
    check_ratios,
    check_revisions,
    check_timeliness,
    modified_z_scores,
    rated_red,
)
from partnerscope.core.indicators.rag import Rag


def months(values, start=1):
    return Series.of(
        (parse_period(f"2024-{m:02d}"), float(v)) for m, v in enumerate(values, start=start)
    )


def names(findings):
    return [(finding.rule.name, str(finding.period)) for finding in findings]


def test_six_dimensions():
    assert [d.value for d in Dimension] == [
        "accuracy",
        "validity",
        "reliability",
        "timeliness",
        "relevance",
        "completeness",
    ]


def test_record_to_dict():
    record = QualityRecord(Dimension.RELEVANCE, Rag.AMBER, "Board asked for ward-level data.")
    assert record.to_dict() == {
        "dimension": "relevance",
        "rating": "amber",
        "evidence": "Board asked for ward-level data.",
    }


def test_every_rule_names_a_dimension():
    assert all(isinstance(rule.dimension, Dimension) for rule in QUALITY_RULES)
    assert len({rule.name for rule in QUALITY_RULES}) == len(QUALITY_RULES)


def test_quality_overdue():
    # Monthly values to March 2024, due 30 days after each month ends. On 31 May 2024
    # April's value (due 30 May) is overdue; May's (due 30 June) is not yet due.
    series = months([1, 2, 3])
    found = check_timeliness(series, 30, date(2024, 5, 31))
    assert names(found) == [("quality_overdue", "2024-04")]
    assert found[0].dimension is Dimension.TIMELINESS
    assert check_timeliness(series, 30, date(2024, 5, 29)) == []


def test_quality_received_late():
    # January's value was due 30 days after 31 January, on 1 March; it came on 4 March.
    series = Series(
        (parse_period("2024-01"), parse_period("2024-02")),
        (1.0, 2.0),
        received=(date(2024, 3, 4), date(2024, 3, 30)),
    )
    found = check_timeliness(series, 30, date(2024, 3, 31))
    assert names(found) == [("quality_received_late", "2024-01")]
    assert "due 2024-03-01" in found[0].detail


def test_quality_missing_period():
    series = Series.of(
        [(parse_period(p), 1.0) for p in ("2023-Q1", "2023-Q2", "2023-Q4", "2024-Q3")]
    )
    assert names(check_completeness(series)) == [
        ("quality_missing_period", "2023-Q3"),
        ("quality_missing_period", "2024-Q1"),
        ("quality_missing_period", "2024-Q2"),
    ]


def test_quality_out_of_range():
    series = months([-1, 50, 101])
    assert names(check_range(series, 0.0, 100.0)) == [
        ("quality_out_of_range", "2024-01"),
        ("quality_out_of_range", "2024-03"),
    ]
    assert names(check_range(series, None, 100.0)) == [("quality_out_of_range", "2024-03")]
    assert check_range(series, -5.0, None) == []


def ratio_series(values, numerators, denominators):
    periods = tuple(Period.of(Frequency.YEAR, 2020 + i) for i in range(len(values)))
    return Series(periods, tuple(values), tuple(numerators), tuple(denominators))


def test_quality_numerator_above_denominator():
    series = ratio_series([100.0, 120.0], [50.0, 60.0], [50.0, 50.0])
    assert names(check_ratios(series, None, True)) == [
        ("quality_numerator_above_denominator", "2021")
    ]
    # Not a proportion (e.g. a rate per 1,000): a numerator above the denominator is fine.
    assert check_ratios(series, None, False) == []


def test_quality_zero_denominator():
    series = ratio_series([0.0], [0.0], [0.0])
    assert names(check_ratios(series, 100.0, True)) == [("quality_zero_denominator", "2020")]


def test_quality_ratio_mismatch():
    # 45 / 97 x 100 = 46.391...: 46.4 agrees to one place, 46.39 to two, 46 to none;
    # 46.5, 46.38 and 47 do not.
    agree = ratio_series([46.4, 46.39, 46.0], [45.0] * 3, [97.0] * 3)
    assert check_ratios(agree, 100.0, True) == []
    disagree = ratio_series([46.5, 46.38, 47.0], [45.0] * 3, [97.0] * 3)
    assert [name for name, _ in names(check_ratios(disagree, 100.0, True))] == [
        "quality_ratio_mismatch"
    ] * 3
    # A rate per 100,000: 37 / 251,000 x 100,000 = 14.741; 14.7 agrees.
    assert check_ratios(ratio_series([14.7], [37.0], [251000.0]), 100000.0, False) == []


def test_quality_frequent_revisions():
    found = check_revisions({parse_period("2024"): [50.0, 50.5, 50.6, 50.4]})
    assert names(found) == [("quality_frequent_revisions", "2024")]
    assert check_revisions({parse_period("2024"): [50.0, 50.5, 50.6]}) == []
    assert names(check_revisions({parse_period("2024"): [1.0, 1.0]}, max_revisions=0)) == [
        ("quality_frequent_revisions", "2024")
    ]


def test_quality_large_revision():
    # 50 -> 56 is 12% of 50, more than 10%; 56 -> 60 is 7.1% of 56.
    found = check_revisions({parse_period("2024-Q1"): [50.0, 56.0, 60.0]})
    assert names(found) == [("quality_large_revision", "2024-Q1")]
    assert found[0].detail == "revised from 50.0 to 56.0"
    # From zero any change is large.
    assert len(check_revisions({parse_period("2024-Q1"): [0.0, 0.1]})) == 1


def test_quality_outlier():
    # 10 11 12 11 10 12 40: median 11, absolute deviations 1 0 1 0 1 1 29, MAD 1; the
    # score of 40 is 0.6745 x 29 = 19.6 > 3.5; the others score at most 0.67.
    series = months([10, 11, 12, 11, 10, 12, 40])
    found = check_outliers(series)
    assert names(found) == [("quality_outlier", "2024-07")]
    assert found[0].detail == "modified z-score 19.56"
    # Fewer than five values: not judged. A MAD of zero: not judged.
    assert check_outliers(months([10, 11, 12, 99])) == []
    assert check_outliers(months([5, 5, 5, 5, 5, 9])) == []


def test_check_quality_runs_what_the_indicator_allows():
    series = Series(
        tuple(parse_period(p) for p in ("2023-Q1", "2023-Q3", "2023-Q4")),
        (40.0, 140.0, 45.0),
        numerators=(4.0, 14.0, 9.0),
        denominators=(10.0, 10.0, 20.0),
    )
    indicator = Indicator(
        "NI 1", minimum=0.0, maximum=100.0, multiplier=100.0, is_proportion=True, due_days=45
    )
    found = check_quality(series, indicator, date(2024, 5, 31))
    assert names(found) == [
        ("quality_overdue", "2024-Q1"),
        ("quality_missing_period", "2023-Q2"),
        ("quality_out_of_range", "2023-Q3"),
        ("quality_numerator_above_denominator", "2023-Q3"),
    ]
    # Without due days or a reference date there is no timeliness check.
    assert "quality_overdue" not in [n for n, _ in names(check_quality(series, indicator))]
    assert found[0].to_dict() == {
        "rule": "quality_overdue",
        "text": found[0].rule.text,
        "dimension": "timeliness",
        "period": "2024-Q1",
        "detail": "due 2024-05-15, none by 2024-05-31",
    }


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=-1e4, max_value=1e4), min_size=5, max_size=40))
def test_modified_z_matches_numpy(values):
    median = np.median(values)
    mad = np.median(np.abs(np.asarray(values) - median))
    scores = modified_z_scores(values)
    if mad == 0:
        assert scores is None
    else:
        assert scores == pytest.approx(list(0.6745 * (np.asarray(values) - median) / mad))
        flagged = [f.period.ordinal for f in check_outliers(_long(values))]
        first = _long(values).periods[0].ordinal
        assert [o - first for o in flagged] == [i for i, s in enumerate(scores) if abs(s) > 3.5]


def _long(values):
    return Series(
        tuple(Period.of(Frequency.MONTH, 2000 + i // 12, i % 12 + 1) for i in range(len(values))),
        tuple(values),
    )


@given(st.sets(st.integers(min_value=0, max_value=60), min_size=1, max_size=30))
def test_missing_periods_fill_the_gaps(ordinals):
    periods = sorted(Period(Frequency.QUARTER, 8000 + o) for o in ordinals)
    series = Series(tuple(periods), tuple(1.0 for _ in periods))
    missing = {p.ordinal for p in (f.period for f in check_completeness(series))}
    span = set(range(periods[0].ordinal, periods[-1].ordinal + 1))
    assert missing == span - {p.ordinal for p in periods}


def test_quality_rated_red():
    older = QualityRecord(Dimension.VALIDITY, Rag.GREEN, "Checked")
    newer = QualityRecord(Dimension.VALIDITY, Rag.RED, "Definition changed mid-year")
    mended = QualityRecord(Dimension.ACCURACY, Rag.AMBER, "Mostly fixed")
    broken = QualityRecord(Dimension.ACCURACY, Rag.RED, "Counted twice")
    assert rated_red([newer, mended, older, broken]) == [newer]
    assert rated_red([mended, broken]) == []
    assert rated_red([]) == []
    assert QUALITY_RATED_RED.label == "Rated red"
