"""Reading stored value versions as series: exact numbers, versions, optional parts, order."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerscope.apps.performance.models import ValueVersion
from partnerscope.apps.performance.series_reading import SeriesText, read_series, series_texts
from partnerscope.core.indicators import Frequency, Observation, Period, Series, parse_period
from tests.apps.performance import factories


def reference(
    frequency: Frequency, rows: list[tuple[int, int, float, float | None, dt.date | None]]
) -> tuple[Series, dict]:
    """The series and revisions straight from ``(ordinal, version, value, numerator,
    received)`` rows: the highest version of each period is its value."""
    by_ordinal: dict[int, list[tuple[int, float, float | None, dt.date | None]]] = {}
    for ordinal, version, value, numerator, received in rows:
        by_ordinal.setdefault(ordinal, []).append((version, value, numerator, received))
    observations = []
    revisions = {}
    for ordinal, versions in by_ordinal.items():
        versions.sort()
        period = Period(frequency, ordinal)
        _, value, numerator, received = versions[-1]
        observations.append(Observation(period, value, numerator=numerator, received=received))
        if len(versions) > 1:
            revisions[period] = [version[1] for version in versions]
    return Series.from_observations(observations), revisions


def as_text(rows, values_sorted: bool = True) -> SeriesText:
    """What the database sends for rows whose keys arrive in the given order: the values
    in (period, version) order (as SQLite sends them) or in the order of the keys (as
    PostgreSQL does)."""
    extras = {
        (o, v): (n, None, None, None, r) for o, v, _, n, r in rows if n is not None or r is not None
    }
    return SeriesText(
        1,
        1,
        ",".join(str(row[0]) for row in rows),
        ",".join(str(row[1]) for row in rows),
        tuple(row[2] for row in (sorted(rows, key=lambda row: row[:2]) if values_sorted else rows)),
        extras or None,
        values_sorted,
    )


def test_versions_out_of_order_are_put_in_order_and_kept_as_revisions():
    text = SeriesText(1, 1, "8097,8096,8097", "2,1,1", (10.0, 11.0, 13.0), None)
    series, revisions = read_series(Frequency.QUARTER, text)
    assert [str(period) for period in series.periods] == ["2024-Q1", "2024-Q2"]
    assert series.values == (10.0, 13.0)
    assert revisions == {parse_period("2024-Q2"): [11.0, 13.0]}


def test_optional_parts_follow_the_version_they_belong_to():
    received = dt.date(2024, 8, 1)
    text = SeriesText(
        1,
        1,
        "8096,8097,8097",
        "1,1,2",
        (10.0, 11.0, 13.0),
        {(8097, 1): (3.0, None, None, None, received)},
    )
    series, _ = read_series(Frequency.QUARTER, text)
    assert series.numerators is None and series.received is None
    text = SeriesText(
        1,
        1,
        "8096,8097,8097",
        "1,1,2",
        (10.0, 11.0, 13.0),
        {(8097, 2): (3.0, 25.0, None, None, received)},
    )
    series, _ = read_series(Frequency.QUARTER, text)
    assert series.numerators == (None, 3.0) and series.denominators == (None, 25.0)
    assert series.lowers is None and series.received == (None, received)


row_lists = st.lists(
    st.tuples(
        st.integers(8090, 8110),
        st.integers(1, 3),
        st.floats(allow_nan=False, allow_infinity=False),
        st.none() | st.floats(0, 1e6),
        st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
    ),
    min_size=1,
    max_size=30,
    unique_by=lambda row: (row[0], row[1]),
)


@given(row_lists, st.randoms(), st.booleans())
def test_reading_in_any_order_matches_the_plain_reading(rows, shuffle, values_sorted):
    expected = reference(Frequency.QUARTER, rows)
    shuffled = list(rows)
    shuffle.shuffle(shuffled)
    assert read_series(Frequency.QUARTER, as_text(shuffled, values_sorted)) == expected


@pytest.mark.django_db
def test_stored_versions_read_back_exactly(kite):
    indicator = factories.kite_indicator(kite)
    area = factories.area(kite["partnership"], ref="exact", name="Exact")
    # 65.31607631319051 is one that SQLite 3.40's quote() writes a digit short.
    figures = [1 / 3, 0.1 + 0.2, 2.5e-300, 123456789.12345679, -7.0, 65.31607631319051]
    rows = []
    for step, value in enumerate(figures):
        period = parse_period("2024-Q1").shift(step)
        numerator = {2: value * 3, 5: 62.850315609594404}.get(step)
        received = dt.date(2025, 1, step + 1) if step == 3 else None
        rows.append((period.ordinal, 1, value, numerator, received))
    rows.append((rows[1][0], 2, 2 / 7, None, None))
    for ordinal, version, value, numerator, received in random.Random(5).sample(rows, len(rows)):
        period = parse_period("2024-Q1").shift(ordinal - rows[0][0])
        ValueVersion.objects.create(
            indicator=indicator,
            area=area,
            period=str(period),
            ordinal=ordinal,
            version=version,
            is_current=version == 2 or ordinal != rows[1][0],
            value=value,
            numerator=numerator,
            received=received,
            recorded_by="Test",
        )
    (text,) = series_texts([indicator.pk], [area.pk])
    assert read_series(Frequency.QUARTER, text) == reference(Frequency.QUARTER, rows)


@pytest.mark.django_db(transaction=True)
def test_reading_outside_a_transaction_leaves_the_connection_free(kite):
    # On SQLite the reads run in their own deferred transaction (the project's own
    # transactions are IMMEDIATE and would take the write lock); it must end with the read.
    from django.db import connection

    indicator = factories.kite_indicator(kite)
    area = factories.area(kite["partnership"], ref="free", name="Free")
    factories.values(indicator, area, factories.quarters("2024-Q1", [1.5, 2.5, 3.5]))
    (text,) = series_texts([indicator.pk], [area.pk])
    series, _ = read_series(Frequency.QUARTER, text)
    assert series.values == (1.5, 2.5, 3.5)
    assert connection.get_autocommit() and not connection.in_atomic_block
    if connection.vendor == "sqlite":
        assert not connection.connection.in_transaction
