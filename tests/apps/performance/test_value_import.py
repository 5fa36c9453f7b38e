"""Bulk import of values: every problem located as file:row:column, and all or nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from partnerscope.apps.performance import value_import
from partnerscope.apps.performance.models import (
    IndicatorStatusSnapshot,
    PendingImport,
    ValueVersion,
)
from tests.apps.performance import factories

pytestmark = pytest.mark.django_db

HEADER = ["indicator", "area", "period", "value", "status", "reason"]


def csv_bytes(rows):
    lines = [",".join(HEADER)] + [",".join(str(cell) for cell in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def xlsx_bytes(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def ni15(kite):
    return factories.kite_indicator(kite)


def snapshot_of_database():
    return (
        list(
            ValueVersion.objects.order_by("pk").values_list("pk", "value", "version", "is_current")
        ),
        PendingImport.objects.count(),
        IndicatorStatusSnapshot.objects.count(),
    )


BAD_ROWS = [
    ("NI 15", "Kiteshire", "2026-Q1", 9.1, "final", ""),
    ("NI 99", "Kiteshire", "2026-Q2", 9.0, "final", ""),
    ("NI 15", "Nowhere", "2026-Q2", 9.0, "final", ""),
    ("NI 15", "Kiteshire", "2026/27", 9.0, "final", ""),
    ("NI 15", "Kiteshire", "2026-Q3", "lots", "final", ""),
    ("NI 15", "Kiteshire", "2025-Q4", 9.7, "final", ""),
    ("NI 15", "Kiteshire", "2026-Q1", 9.2, "final", ""),
]


@pytest.mark.parametrize("ext, build", [("csv", csv_bytes), ("xlsx", xlsx_bytes)])
def test_a_file_with_bad_rows_changes_nothing(kite, ni15, ext, build):
    before = snapshot_of_database()
    check, pending = value_import.stage_upload(
        kite["partnership"], None, f"values.{ext}", build(BAD_ROWS)
    )
    assert pending is None and not check.ok
    assert [str(error) for error in check.errors] == [
        f"values.{ext}:6:value: 'lots' is not a number"
    ]
    assert snapshot_of_database() == before


@pytest.mark.parametrize("ext, build", [("csv", csv_bytes), ("xlsx", xlsx_bytes)])
def test_every_row_problem_is_named_by_file_row_and_column(kite, ni15, ext, build):
    rows = [row for row in BAD_ROWS if row[3] != "lots"]
    before = snapshot_of_database()
    check, pending = value_import.stage_upload(
        kite["partnership"], None, f"values.{ext}", build(rows)
    )
    assert pending is None
    messages = [str(error) for error in check.errors]
    assert messages[:3] == [
        f"values.{ext}:3:indicator: 'NI 99' is not an indicator here",
        f"values.{ext}:4:area: 'Nowhere' is not an area here",
        f"values.{ext}:5:period: 2026/27 is a financial year but NI 15 is reported by "
        "quarter (written like 2024-Q1)",
    ]
    assert messages[3].startswith(f"values.{ext}:6:reason: NI 15 for Kiteshire in 2025-Q4")
    assert "needs a reason" in messages[3]
    assert messages[4] == f"values.{ext}:7:period: NI 15 for Kiteshire in 2026-Q1 repeats row 2"
    assert snapshot_of_database() == before


def test_a_good_file_is_previewed_then_saved_on_confirmation(kite, ni15, manager):
    rows = [
        ("NI 15", "kiteshire", "2026-Q1", 9.1, "provisional", ""),
        ("NI 15", "Kiteshire", "2025-Q4", 9.7, "final", "Audit found a double count"),
        ("NI 15", "Kiteshire", "2025-Q3", 9.9, "final", ""),
    ]
    check, pending = value_import.stage_upload(
        kite["partnership"], manager, "values.csv", csv_bytes(rows)
    )
    assert check.ok and pending is not None
    assert value_import.counts_of(pending.rows) == {"new": 1, "correction": 1, "unchanged": 1}
    assert ValueVersion.objects.filter(indicator=ni15).count() == 8
    counts, errors = value_import.confirm_import(pending, manager)
    assert errors == [] and counts["new"] == 1
    assert not PendingImport.objects.exists()
    q4 = ValueVersion.objects.filter(indicator=ni15, period="2025-Q4").order_by("version")
    assert [(v.value, v.is_current, v.reason) for v in q4] == [
        (9.5, False, ""),
        (9.7, True, "Audit found a double count"),
    ]
    new = ValueVersion.objects.get(indicator=ni15, period="2026-Q1")
    assert new.status == "provisional" and new.recorded_by == manager.username
    assert IndicatorStatusSnapshot.objects.get(indicator=ni15).latest_period == "2026-Q1"


def test_a_value_changed_after_the_preview_stops_the_import(kite, ni15, manager):
    check, pending = value_import.stage_upload(
        kite["partnership"],
        manager,
        "values.csv",
        csv_bytes([("NI 15", "Kiteshire", "2025-Q4", 9.7, "final", "Audit")]),
    )
    from partnerscope.apps.performance.recording import record_value
    from partnerscope.core.indicators import parse_period

    place = factories.area(kite["partnership"])
    record_value(ni15, place, parse_period("2025-Q4"), {"value": 9.6, "status": "final"}, "Other")
    counts, errors = value_import.confirm_import(pending, manager)
    assert counts == {} and "changed since the preview" in str(errors[0])
    assert ValueVersion.objects.filter(indicator=ni15, period="2025-Q4").count() == 2


def test_an_unreadable_or_foreign_file_is_refused(kite, ni15):
    check = value_import.check_upload(kite["partnership"], "values.xlsx", b"not a workbook")
    assert [str(e) for e in check.errors] == ["values.xlsx:0:: not a readable XLSX workbook"]
    check = value_import.check_upload(kite["partnership"], "values.csv", b"\xff\xfe\x00bad")
    assert [str(e) for e in check.errors] == ["values.csv:0:: file is not UTF-8 text"]
    check = value_import.check_upload(
        kite["partnership"], "values.csv", b"indicator,area\nNI 15,x\n"
    )
    assert {e.column for e in check.errors} == {"period", "value"}


def test_an_interval_must_hold_its_value(kite, ni15):
    content = b"indicator,area,period,value,lower,upper\nNI 15,Kiteshire,2026-Q1,9,9.5,10\n"
    check = value_import.check_upload(kite["partnership"], "values.csv", content)
    assert [str(e) for e in check.errors] == [
        "values.csv:2:value: 9.0 is outside its interval 9.5 to 10.0"
    ]


def test_an_upload_never_confirmed_is_forgotten_after_a_day(kite, ni15):
    import datetime as dt

    stale = factories.pending_import(kite)
    PendingImport.objects.filter(pk=stale.pk).update(
        created_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    )
    value_import.stage_upload(kite["partnership"], None, "values.csv", csv_bytes([]))
    assert not PendingImport.objects.filter(pk=stale.pk).exists()
