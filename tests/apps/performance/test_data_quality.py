"""The data-quality register: latest ratings, findings by check, and the filter by check."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from partnerscope.apps.performance import data_quality, recording, status_snapshots
from partnerscope.apps.performance.models import IndicatorStatusSnapshot, QualityRecord
from partnerscope.core.indicators import QUALITY_RULES, parse_period
from tests.apps.performance import factories

pytestmark = pytest.mark.django_db


def finding(rule, period, detail):
    return {"rule": rule, "text": "", "dimension": "", "period": period, "detail": detail}


@pytest.fixture
def stored(kite):
    """Two series with known findings, stored as a refresh would store them."""
    partnership = kite["partnership"]
    north = factories.area(partnership, "north", "North", position=1)
    south = factories.area(partnership, "south", "South", position=2)
    first = factories.indicator(partnership, "A 1")
    second = factories.indicator(partnership, "A 2")
    rows = [
        (first, south, [finding("quality_overdue", "2026-Q1", "due 2026-05-15, none")]),
        (
            first,
            north,
            [
                finding("quality_missing_period", "2025-Q3", "no value"),
                finding("quality_overdue", "2026-Q1", "due 2026-05-15, none"),
            ],
        ),
        (second, north, [finding("quality_outlier", "2024-Q2", "modified z-score 4.1")]),
        (second, south, []),
    ]
    for indicator, area, quality in rows:
        IndicatorStatusSnapshot.objects.create(
            indicator=indicator,
            area=area,
            as_of=dt.date(2026, 6, 1),
            quality=quality,
            quality_count=len(quality),
        )
    return partnership


def rows_of(register):
    return [
        (f.indicator.code, f.area.ref, f.rule.name, f.period, f.detail) for f in register.findings
    ]


def test_findings_come_in_indicator_and_area_order_with_their_check(stored):
    register = data_quality.quality_register(stored, None, 1)
    assert rows_of(register) == [
        ("A 1", "north", "quality_missing_period", "2025-Q3", "no value"),
        ("A 1", "north", "quality_overdue", "2026-Q1", "due 2026-05-15, none"),
        ("A 1", "south", "quality_overdue", "2026-Q1", "due 2026-05-15, none"),
        ("A 2", "north", "quality_outlier", "2024-Q2", "modified z-score 4.1"),
    ]
    assert register.total == register.finding_count == 4
    assert register.findings[0].rule.label == "Missing period"


def test_the_key_counts_every_check_including_those_with_none(stored):
    counts = {t.rule.name: t.count for t in data_quality.quality_register(stored, None, 1).checks}
    assert list(counts) == [rule.name for rule in QUALITY_RULES]
    assert counts["quality_overdue"] == 2 and counts["quality_outlier"] == 1
    assert counts["quality_large_revision"] == 0


def test_choosing_a_check_narrows_the_findings_not_the_key(stored):
    register = data_quality.quality_register(stored, "quality_overdue", 1)
    assert [row[:2] for row in rows_of(register)] == [("A 1", "north"), ("A 1", "south")]
    assert register.finding_count == 2 and register.total == 4
    assert register.query == "check=quality_overdue"
    unknown = data_quality.quality_register(stored, "quality_purple", 1)
    assert unknown.check is None and unknown.finding_count == 4 and unknown.query == ""


def test_the_latest_rating_of_each_dimension(kite, manager):
    indicator = factories.kite_indicator(kite)
    for rating in ("red", "amber"):
        QualityRecord.objects.create(
            indicator=indicator, dimension="accuracy", rating=rating, evidence="Spot check"
        )
    ((rated, ratings),) = data_quality.latest_ratings(kite["partnership"])
    assert rated == indicator
    assert ratings[0].rating == "amber" and ratings[1:] == [None] * 5


def test_a_refresh_stores_the_findings_the_register_shows(kite, manager):
    indicator = factories.kite_indicator(kite)
    place = factories.area(kite["partnership"])
    figures = {"status": "final"}
    recording.record_value(
        indicator, place, parse_period("2025-Q4"), {**figures, "value": 12.0}, "Revised", manager
    )
    recording.record_value(indicator, place, parse_period("2026-Q2"), {**figures, "value": 9.0})
    status_snapshots.refresh_partnership(kite["partnership"])
    checks = {
        f.rule.name for f in data_quality.quality_register(kite["partnership"], "", 1).findings
    }
    assert {"quality_missing_period", "quality_large_revision"} <= checks


def test_the_page_shows_the_key_and_keeps_the_check_in_its_links(manager_client, stored):
    url = reverse("performance:quality_register", args=[stored.slug])
    page = manager_client.get(url, {"check": "quality_overdue"}).content.decode()
    assert "2 findings: overdue" in page
    assert "Outlier: the value&#x27;s modified z-score" in page
    assert 'href="?check=quality_outlier"' in page
    assert 'href="?check=quality_large_revision"' not in page
    assert 'aria-current="true">Overdue<' in page and 'href="?"' in page
    assert "modified z-score 4.1" not in page
