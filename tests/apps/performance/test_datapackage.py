"""The performance tables travel in the data package: a round trip gives the same tables."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from partnerscope.apps.partnerships import datapackage_services as package_services
from partnerscope.apps.partnerships.models import AgendaItem, Partnership
from partnerscope.apps.performance import data_package, recording
from partnerscope.apps.performance.models import (
    Indicator,
    IndicatorStatusSnapshot,
    PerformanceSettings,
    QualityRecord,
    ValueVersion,
)
from partnerscope.core.indicators import parse_period
from partnerscope.datapackage.package import read_package
from tests.apps.performance import factories

pytestmark = pytest.mark.django_db

TABLES = [
    "performance_settings",
    "performance_areas",
    "outcomes",
    "outcome_agenda_items",
    "indicators",
    "targets",
    "target_values",
    "indicator_values",
    "quality_records",
]


@pytest.fixture
def rich(kite, manager):
    """The kite partnership with every kind of performance record, corrections included."""
    partnership = kite["partnership"]
    PerformanceSettings.objects.create(partnership=partnership, as_of=dt.date(2026, 3, 1))
    ni15 = factories.kite_indicator(kite)
    place = factories.area(partnership)
    district = factories.area(partnership, "east", "East Kite", position=2)
    theme = factories.outcome(partnership, "theme", "Safer communities", owner=kite["council"])
    goal = ni15.outcomes.get()
    goal.parent, goal.body = theme, kite["board"]
    goal.save()
    goal.agenda_items.add(
        AgendaItem.objects.create(
            meeting=kite["meeting"],
            position=2,
            title="Crime",
            function="vision",
            governance_layer="strategic",
        )
    )
    ni15.minimum, ni15.maximum, ni15.owner, ni15.due_days = 0, 50.5, kite["police"], 30
    ni15.save()
    local = factories.indicator(partnership, "L 1", "", "month", multiplier=100, is_proportion=True)
    recording.record_value(
        local,
        district,
        parse_period("2025-11"),
        {
            "value": 46.4,
            "numerator": 45,
            "denominator": 97,
            "status": "provisional",
            "received": dt.date(2025, 12, 20),
            "lower": 40.1,
            "upper": 52.25,
        },
    )
    for amount, reason in ((9.7, "Audit"), (9.65, 'Second audit, with a comma, and "quotes"')):
        recording.record_value(
            ni15,
            place,
            parse_period("2025-Q4"),
            {"value": amount, "status": "final"},
            reason,
            manager,
        )
    target = ni15.targets.get()
    target.baseline_period, target.baseline_value, target.laa = "2024-Q1", 12, True
    target.lead_organisation, target.lead_body = kite["council"], kite["board"]
    target.save()
    QualityRecord.objects.create(
        indicator=ni15,
        dimension="accuracy",
        rating="green",
        evidence="Audited",
        recorded_by="Alice Adams",
    )
    return partnership


def test_export_import_export_gives_identical_tables(rich, tmp_path):
    first = package_services.export_tables(rich)
    assert len(first["indicator_values"]) == 11
    assert [row["version"] for row in first["indicator_values"] if row["period"] == "2025-Q4"] == [
        1,
        2,
        3,
    ]
    package_services.export_folder(rich, tmp_path)
    tables = read_package(tmp_path)
    tables["partnership"][0]["slug"] = "kite-copy"
    result = package_services.import_tables(tables)
    assert result.ok, result.errors
    copy = Partnership.objects.get(slug="kite-copy")
    second = package_services.export_tables(copy)
    for name in TABLES:
        assert second[name] == first[name], name
    corrected = ValueVersion.objects.filter(indicator__partnership=copy, period="2025-Q4")
    assert [(v.version, v.is_current, v.reason) for v in corrected.order_by("version")] == [
        (1, False, ""),
        (2, False, "Audit"),
        (3, True, 'Second audit, with a comma, and "quotes"'),
    ]
    assert IndicatorStatusSnapshot.objects.filter(indicator__partnership=copy).count() == 2


def test_a_package_with_bad_performance_rows_is_refused_with_locations(rich, tmp_path):
    package_services.export_folder(rich, tmp_path)
    tables = read_package(tmp_path)
    tables["partnership"][0]["slug"] = "kite-bad"
    tables["indicator_values"][0]["period"] = "2024/25"
    tables["indicator_values"][1]["version"] = 3
    tables["indicators"][0]["outcomes"] = "nowhere"
    result = package_services.import_tables(tables)
    assert not result.ok
    assert "indicators.csv:2:outcomes: 'nowhere' is not an id in outcomes.csv" in result.errors
    assert any(
        error.startswith("indicator_values.csv:2:period: 2024/25 is a financial year")
        for error in result.errors
    )
    assert any(error.startswith("indicator_values.csv:3:version:") for error in result.errors)
    assert not Partnership.objects.filter(slug="kite-bad").exists()


def test_frictionless_checks_the_schema(rich, tmp_path):
    package_services.export_folder(rich, tmp_path)
    path = tmp_path / "indicator_values.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if ",final," in line)
    lines[number] = lines[number].replace(",final,", ",maybe,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = package_services.import_folder(tmp_path)
    assert any(
        error.startswith(f"indicator_values.csv:{number + 1}:status: 'maybe' is not one of")
        for error in result.errors
    ), result.errors


def test_check_tables_finds_loops_in_the_themes():
    tables = {
        "outcomes": [
            {"id": "a", "title": "A", "parent": "b", "position": 1},
            {"id": "b", "title": "B", "parent": "a", "position": 2},
        ]
    }
    errors = data_package.check_tables(tables)
    assert [str(e) for e in errors][0] == ("outcomes.csv:2:parent: outcomes are each other's theme")


def test_the_data_package_keeps_formula_like_text_exactly(kite, tmp_path):
    """The package is for machines and must round-trip: no spreadsheet neutralising."""
    partnership = kite["partnership"]
    titles = ['=HYPERLINK("http://x")', "+1+cmd", "-1+cmd", "@SUM(A1)", "\tTAB", "\rCR"]
    for number, title in enumerate(titles, start=1):
        factories.indicator(partnership, f"X {number}", title=title)
    package_services.export_folder(partnership, tmp_path)
    with open(tmp_path / "indicators.csv", newline="", encoding="utf-8") as handle:
        written = {row["id"]: row["title"] for row in csv.DictReader(handle)}
    assert [written[f"X {number}"] for number in range(1, 7)] == titles
    tables = read_package(tmp_path)
    tables["partnership"][0]["slug"] = "kite-copy"
    result = package_services.import_tables(tables)
    assert result.ok, result.errors
    copy = Indicator.objects.filter(partnership__slug="kite-copy", code__startswith="X ")
    assert [indicator.title for indicator in copy.order_by("code")] == titles
