"""The exception report: counts by reason, filters, each row's reasons and the CSV download.

Statuses are stored by hand so that every reason, alone and together, is known in advance.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from partnerscope.apps.performance import exception_report, status_snapshots
from partnerscope.apps.performance.exception_report import REASONS, choose
from partnerscope.apps.performance.models import IndicatorStatusSnapshot
from partnerscope.apps.performance.querysets import EXCEPTION_CONDITIONS
from tests.apps.performance import factories

pytestmark = pytest.mark.django_db

NOT_AN_EXCEPTION = {"rag": "green", "direction": "improving", "year_ago": "no_change"}
STATUSES = {
    # code: (area ref, fields); the reasons each should be listed with are in REASONS_OF.
    "A 1": ("north", {"rag": "red"}),
    "A 2": ("north", {"rag": "amber", "direction": "worsening", "year_ago": "worsening"}),
    "A 3": ("south", {"forecast": "likely_missed", "latest_value": 0.1 + 0.2}),
    "A 4": ("south", {"rag": "red", "variation": "special_cause_concerning", "target": 1e-7}),
    "A 5": ("north", NOT_AN_EXCEPTION),
    "A 6": ("south", {"variation": "special_cause_improving"}),
}
REASONS_OF = {
    "A 1": ["Red"],
    "A 2": ["Worse than last period", "Worse than a year ago"],
    "A 3": ["Likely to miss target"],
    "A 4": ["Red", "Concerning special cause"],
}


@pytest.fixture
def statuses(kite):
    partnership = kite["partnership"]
    areas = {
        "north": factories.area(partnership, "north", "North", position=1),
        "south": factories.area(partnership, "south", "South", position=2),
    }
    for code, (area_ref, fields) in STATUSES.items():
        IndicatorStatusSnapshot.objects.create(
            indicator=factories.indicator(partnership, code, title=f"Title of {code}"),
            area=areas[area_ref],
            as_of=dt.date(2026, 4, 1),
            latest_period="2026-Q1",
            **fields,
        )
    return partnership


def report(partnership, area=None, reason=None, page=1):
    return exception_report.exception_report(partnership, choose(partnership, area, reason), page)


def listed(result):
    return {
        row.snapshot.indicator.code: [reason.label for reason in row.reasons] for row in result.rows
    }


def test_every_reason_has_the_condition_that_chooses_it():
    assert [reason.key for reason in REASONS] == list(EXCEPTION_CONDITIONS)


def test_each_row_names_the_reasons_that_put_it_there(statuses):
    result = report(statuses)
    assert listed(result) == REASONS_OF
    assert result.total == result.count == 4


def test_the_counts_give_every_reason_in_the_chosen_area(statuses):
    counts = {tally.reason.key: tally.count for tally in report(statuses).counts}
    assert counts == {
        "red": 2,
        "worse_than_last_period": 1,
        "worse_than_a_year_ago": 1,
        "likely_missed": 1,
        "special_cause": 1,
    }
    south = report(statuses, area="south")
    assert {t.reason.key: t.count for t in south.counts}["red"] == 1
    assert south.total == 2 and listed(south).keys() == {"A 3", "A 4"}


def test_choosing_a_reason_keeps_the_counts_of_the_others(statuses):
    result = report(statuses, reason="red")
    assert result.reason.key == "red"
    assert listed(result) == {"A 1": ["Red"], "A 4": ["Red", "Concerning special cause"]}
    assert result.count == 2 and result.total == 4
    assert sum(tally.count for tally in result.counts) == 6
    assert result.query == "reason=red"
    assert report(statuses, area="north", reason="red").query == "area=north&reason=red"


def test_an_unknown_area_or_reason_chooses_all(statuses):
    result = report(statuses, area="nowhere", reason="purple")
    assert result.area is None and result.reason is None and result.count == 4
    assert result.query == ""


def test_the_csv_lists_every_chosen_exception_exactly(statuses):
    rows = list(
        csv.DictReader(
            io.StringIO(
                "".join(exception_report.exception_csv(statuses, choose(statuses, None, None)))
            )
        )
    )
    assert list(rows[0]) == exception_report.CSV_COLUMNS
    assert [row["indicator"] for row in rows] == ["A 1", "A 2", "A 3", "A 4"]
    assert rows[1]["reasons"] == "Worse than last period; Worse than a year ago"
    assert float(rows[2]["latest_value"]) == 0.1 + 0.2
    assert float(rows[3]["target"]) == 1e-7 and rows[3]["rating"] == "red"
    assert rows[0]["title"] == "Title of A 1" and rows[0]["area"] == "North"
    only_south = "".join(exception_report.exception_csv(statuses, choose(statuses, "south", "red")))
    assert [row["indicator"] for row in csv.DictReader(io.StringIO(only_south))] == ["A 4"]


def test_a_refreshed_partnership_reports_its_red_indicator(kite):
    indicator = factories.kite_indicator(kite)
    status_snapshots.refresh_partnership(kite["partnership"])
    result = report(kite["partnership"])
    assert listed(result) == {indicator.code: ["Red"]}
    assert result.rows[0].reasons[0].rule.name == "rag_red"


def test_the_page_filters_and_the_csv_downloads(manager_client, statuses):
    base = reverse("performance:exceptions", args=[statuses.slug])
    page = manager_client.get(base, {"reason": "red", "area": "north"}).content.decode()
    assert "1 exception: red" in page
    assert 'name="reason" value="red"' in page
    assert 'href="?area=north&amp;reason=likely_missed"' in page
    assert 'href="?area=north"' in page and 'aria-current="true">Red<' in page
    assert "Red: the value misses the target" in page
    response = manager_client.get(
        reverse("performance:exceptions_csv", args=[statuses.slug]), {"reason": "red"}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="kite-exceptions.csv"'
    assert [
        row["indicator"]
        for row in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    ] == [
        "A 1",
        "A 4",
    ]


def test_pages_follow_the_report_order_and_count_the_chosen_rows(statuses, monkeypatch):
    monkeypatch.setattr(exception_report, "PAGE_SIZE", 3)
    first, second = report(statuses, page=1), report(statuses, page=2)
    assert [r.snapshot.indicator.code for r in first.rows + second.rows] == list(REASONS_OF)
    assert first.page.paginator.num_pages == 2 and len(second.rows) == 1
    red = report(statuses, reason="red", page=5)
    assert red.page.number == 1 and red.page.paginator.num_pages == 1
    assert [r.snapshot.indicator.code for r in red.rows] == ["A 1", "A 4"]


def test_large_counts_are_written_with_thousands_separated(manager_client, kite):
    from partnerscope.apps.performance.models import Indicator

    partnership = kite["partnership"]
    place = factories.area(partnership)
    indicators = Indicator.objects.bulk_create(
        Indicator(partnership=partnership, code=f"B {number:04d}", title="Bulk")
        for number in range(1001)
    )
    IndicatorStatusSnapshot.objects.bulk_create(
        IndicatorStatusSnapshot(indicator=item, area=place, as_of=dt.date(2026, 4, 1), rag="red")
        for item in indicators
    )
    page = manager_client.get(reverse("performance:exceptions", args=[partnership.slug]))
    assert "1,001 exceptions" in page.content.decode()
    assert "Download all 1,001 as CSV" in page.content.decode()


# Text a spreadsheet would run as a formula (OWASP's list of leading characters).
FORMULAS = ['=HYPERLINK("http://x")', "+1+cmd", "-1+cmd", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.fixture
def crafted(kite):
    """Exceptions whose indicator titles and area name would start formulas in a spreadsheet."""
    partnership = kite["partnership"]
    area = factories.area(partnership, "crafted", "=1+1")
    for number, title in enumerate(FORMULAS, start=1):
        IndicatorStatusSnapshot.objects.create(
            indicator=factories.indicator(partnership, f"X {number}", title=title),
            area=area,
            as_of=dt.date(2026, 4, 1),
            latest_period="2026-Q1",
            rag="red",
            latest_value=-3.5,
            target=-1e-7,
        )
    return partnership


def test_the_csv_neutralises_text_that_a_spreadsheet_would_run(crafted):
    rows = list(
        csv.DictReader(
            io.StringIO(
                "".join(exception_report.exception_csv(crafted, choose(crafted, None, None)))
            )
        )
    )
    assert [row["title"] for row in rows] == ["'" + title for title in FORMULAS]
    assert {row["area"] for row in rows} == {"'=1+1"}
    assert {(row["latest_value"], row["target"]) for row in rows} == {("-3.5", "-1e-07")}


def test_every_role_downloads_the_neutralised_csv(client, role_user, crafted):
    for kind in ("manager", "member", "scrutineer", "viewer"):
        client.force_login(role_user(kind))
        response = client.get(reverse("performance:exceptions_csv", args=[crafted.slug]))
        text = b"".join(response.streaming_content).decode()
        assert '"\'=HYPERLINK(""http://x"")"' in text, kind
        assert ",-3.5,-1e-07," in text, kind
