"""The demo's performance data: on and off track, a special cause, data-quality problems."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from partnerscope.apps.common.extensions import demo_builders
from partnerscope.apps.partnerships.datapackage_services import import_tables
from partnerscope.apps.partnerships.demo import area_packages
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance import crowding
from partnerscope.apps.performance.demo.tables import demo_tables
from partnerscope.apps.performance.models import IndicatorStatusSnapshot, ValueVersion

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def packages():
    """Northshire county and its first district, with every area's demo rows."""
    result = []
    for index, tables in enumerate(itertools.islice(area_packages(0), 2)):
        for builder in demo_builders():
            tables.update(builder(tables, index))
        result.append(tables)
    return result


def test_the_demo_is_deterministic(packages):
    county = {
        key: packages[0][key]
        for key in ("partnership", "organisations", "bodies", "meetings", "agenda_items")
    }
    assert demo_tables(county, 0) == demo_tables(county, 0)


def test_the_county_has_forty_indicators_for_itself_and_each_district(packages):
    county = packages[0]
    assert len(county["indicators"]) == 40
    assert [row["name"] for row in county["performance_areas"]] == [
        "Northshire",
        "Easton",
        "Westmere",
        "Southam Vale",
        "Kirkby Moor",
        "Riverside",
    ]
    periods = {row["period"] for row in county["indicator_values"] if row["indicator"] == "NI 16"}
    assert len(periods) == 20 and min(periods) == "2021-Q2" and max(periods) == "2026-Q1"


def test_the_demo_imports_with_its_stories(packages):
    for tables in packages:
        result = import_tables(tables)
        assert result.ok, result.errors[:5]
    county = Partnership.objects.get(slug="northshire")
    whole = IndicatorStatusSnapshot.objects.filter(
        indicator__partnership=county, area__ref="northshire"
    )
    ratings = Counter(whole.values_list("rag", flat=True))
    assert ratings["green"] >= 10 and ratings["red"] >= 5 and ratings["amber"] >= 2
    surge = whole.get(indicator__code="NI 15")
    assert surge.variation == "special_cause_concerning"
    rules = {finding["rule"] for snapshot in whole for finding in snapshot.quality}
    assert {
        "quality_received_late",
        "quality_missing_period",
        "quality_large_revision",
        "quality_overdue",
    } <= rules
    assert ValueVersion.objects.filter(indicator__partnership=county, version__gt=1).count() == 3
    crowded = {row["outcome"].ref: row for row in crowding.crowding_report(county).rows}
    assert set(crowded) == {"skills", "carbon", "independence", "transport"}
    district = Partnership.objects.get(slug="northshire-easton")
    assert IndicatorStatusSnapshot.objects.filter(indicator__partnership=district).count() == 40
    same = ValueVersion.objects.filter(
        indicator__code="NI 16", area__name="Easton", period="2025-Q1"
    )
    assert len({value.value for value in same}) == 1 and same.count() == 2
