"""The performance pages as users see them: reading, entering, correcting and importing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerscope.apps.performance.models import (
    ImprovementTarget,
    Indicator,
    Outcome,
    PendingImport,
    QualityRecord,
    ValueVersion,
)
from partnerscope.apps.performance.status_snapshots import refresh_partnership
from tests.apps.performance import factories

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"performance:{name}", args=["kite", *args])


@pytest.fixture
def ni15(kite):
    indicator = factories.kite_indicator(kite)
    refresh_partnership(kite["partnership"])
    return indicator


def test_the_dashboard_shows_each_theme_with_ratings_and_sparklines(manager_client, ni15):
    response = manager_client.get(url("dashboard"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Safer streets" in page and "NI 15" in page
    assert 'class="ps-performance-spark"' in page and "<desc" in page
    assert 'govuk-tag--red">Red<' in page


def test_the_menu_offers_performance(manager_client, ni15):
    page = manager_client.get(reverse("partnerships:overview", args=["kite"])).content.decode()
    assert f'href="{url("dashboard")}"' in page


def test_the_indicator_page_shows_chart_table_history_and_quality(manager_client, ni15, kite):
    place = factories.area(kite["partnership"])
    manager_client.post(
        url("value_entry", ni15.pk),
        {
            "area": place.pk,
            "period": "2025-Q4",
            "value": "9.4",
            "status": "final",
            "reason": "Audit",
        },
    )
    response = manager_client.get(url("indicator_detail", ni15.pk))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in page and 'role="img"' in page and "Show the data behind this chart" in page
    assert "History of corrections" in page and "Audit" in page and "2 (current)" in page
    assert "Missing period" not in page
    assert "Add a rating" in page


def test_value_entry_records_a_new_value(manager_client, ni15, kite):
    place = factories.area(kite["partnership"])
    response = manager_client.post(
        url("value_entry", ni15.pk),
        {"area": place.pk, "period": "2026-q1", "value": "9.2", "status": "provisional"},
    )
    assert response.status_code == 302
    value = ValueVersion.objects.get(indicator=ni15, period="2026-Q1")
    assert value.status == "provisional" and value.version == 1


def test_value_entry_starts_at_the_period_after_the_latest(manager_client, ni15, kite):
    place = factories.area(kite["partnership"])
    form = manager_client.get(url("value_entry", ni15.pk), {"area": place.ref}).context["form"]
    assert form.initial["period"] == "2026-Q1"
    empty = factories.area(kite["partnership"], "empty", "Empty")
    form = manager_client.get(url("value_entry", ni15.pk), {"area": empty.ref}).context["form"]
    assert "period" not in form.initial


def test_a_correction_without_a_reason_shows_the_error_summary(manager_client, ni15, kite):
    place = factories.area(kite["partnership"])
    response = manager_client.post(
        url("value_entry", ni15.pk),
        {"area": place.pk, "period": "2025-Q4", "value": "9.7", "status": "final"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and "Give a reason for correcting" in page
    assert ValueVersion.objects.filter(indicator=ni15, period="2025-Q4").count() == 1


def test_a_period_of_the_wrong_frequency_is_refused(manager_client, ni15, kite):
    place = factories.area(kite["partnership"])
    response = manager_client.post(
        url("value_entry", ni15.pk),
        {"area": place.pk, "period": "2026/27", "value": "9", "status": "final"},
    )
    assert response.status_code == 400
    assert "not a period of this indicator" in response.content.decode()


def test_the_correction_link_fills_in_the_recorded_value(manager_client, ni15):
    response = manager_client.get(url("value_entry", ni15.pk) + "?area=kiteshire&period=2025-Q4")
    assert response.status_code == 200
    assert 'value="9.5"' in response.content.decode()


def test_a_reader_may_look_but_not_enter_values(client, role_user, ni15):
    client.force_login(role_user("viewer"))
    assert client.get(url("indicator_detail", ni15.pk)).status_code == 200
    assert client.get(url("value_entry", ni15.pk)).status_code == 403
    assert client.post(url("import_upload"), {}).status_code == 403
    assert "Record a value" not in client.get(url("indicator_detail", ni15.pk)).content.decode()


def test_import_is_upload_then_preview_then_confirm(manager_client, ni15):
    upload = SimpleUploadedFile(
        "values.csv", b"indicator,area,period,value\nNI 15,Kiteshire,2026-Q1,9.1\n"
    )
    response = manager_client.post(url("import_upload"), {"file": upload})
    pending = PendingImport.objects.get()
    assert response.status_code == 302 and response["Location"] == url("import_preview", pending.pk)
    assert not ValueVersion.objects.filter(period="2026-Q1").exists()
    preview = manager_client.get(url("import_preview", pending.pk)).content.decode()
    assert "Check and confirm the import" in preview and "9.1" in preview
    response = manager_client.post(url("import_preview", pending.pk), {"confirm": "1"})
    assert response.status_code == 302
    assert ValueVersion.objects.get(period="2026-Q1").value == 9.1
    assert not PendingImport.objects.exists()


def test_an_import_with_errors_saves_nothing_and_lists_them(manager_client, ni15):
    upload = SimpleUploadedFile(
        "values.csv", b"indicator,area,period,value\nNI 15,Kiteshire,2026-Q1,x\n"
    )
    response = manager_client.post(url("import_upload"), {"file": upload})
    assert response.status_code == 400
    assert "values.csv:2:value: &#x27;x&#x27; is not a number" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_cancelling_an_import_saves_nothing(manager_client, kite):
    pending = factories.pending_import(kite)
    response = manager_client.post(url("import_preview", pending.pk), {"cancel": "1"})
    assert response.status_code == 302
    assert not PendingImport.objects.exists()
    assert not ValueVersion.objects.filter(period="2026-Q1").exists()


def test_a_pending_import_of_another_partnership_is_not_found(manager_client, kite):
    from tests.apps.partnerships.factories import PartnershipFactory

    other = PendingImport.objects.create(partnership=PartnershipFactory(), filename="x.csv")
    assert manager_client.get(url("import_preview", other.pk)).status_code == 404


def test_adopting_from_the_catalogue(manager_client, kite):
    outcome = factories.outcome(kite["partnership"])
    response = manager_client.post(
        url("catalogue"),
        {"indicators": ["NI 151", "NI 152"], "frequency": "quarter", "outcomes": [outcome.pk]},
    )
    assert response.status_code == 302
    adopted = Indicator.objects.filter(partnership=kite["partnership"]).order_by("code")
    assert [i.code for i in adopted] == ["NI 151", "NI 152"]
    assert list(adopted[0].outcomes.all()) == [outcome]
    page = manager_client.get(url("catalogue")).content.decode()
    assert 'value="NI 151"' not in page and "Adopted" in page


def test_adding_a_local_indicator(manager_client, kite):
    response = manager_client.post(
        url("indicator_create"),
        {
            "code": "L  1",
            "title": "Community forums held",
            "polarity": "",
            "frequency": "month",
            "tolerance": "0.05",
        },
    )
    assert response.status_code == 302
    local = Indicator.objects.get(code="L 1")
    assert local.origin == "local" and local.polarity == "" and local.frequency == "month"
    clash = manager_client.post(
        url("indicator_create"),
        {"code": "l 1", "title": "Again", "frequency": "month", "tolerance": "0.05"},
    )
    assert clash.status_code == 400


def test_the_frequency_cannot_change_once_values_are_recorded(manager_client, ni15):
    response = manager_client.post(
        url("indicator_edit", ni15.pk),
        {"code": "NI 15", "title": "x", "frequency": "month", "tolerance": "0.05"},
    )
    assert response.status_code == 400
    assert "the frequency cannot change" in response.content.decode()


def test_setting_a_target_by_lines(manager_client, ni15, kite):
    place = factories.area(kite["partnership"])
    response = manager_client.post(
        url("target_edit", ni15.pk),
        {"area": place.pk, "targets": "2026-Q2: 8.5\n2026-Q3 = 8.4\n", "laa": "on"},
    )
    assert response.status_code == 302
    target = ImprovementTarget.objects.get(indicator=ni15, area=place)
    assert [(v.period, v.value) for v in target.values.all()] == [
        ("2026-Q2", 8.5),
        ("2026-Q3", 8.4),
    ]
    bad = manager_client.post(
        url("target_edit", ni15.pk), {"area": place.pk, "targets": "2026: 8\nsoon: x"}
    )
    assert bad.status_code == 400
    assert "Line 1: 2026 is not a period of this indicator" in bad.content.decode()


def test_adding_a_data_quality_rating(manager_client, ni15, manager):
    response = manager_client.post(
        url("quality_create", ni15.pk),
        {"dimension": "timeliness", "rating": "amber", "evidence": "A week late"},
    )
    assert response.status_code == 302
    record = QualityRecord.objects.get()
    assert record.recorded_by == manager.username and record.get_rating_display() == "Amber"
    assert manager_client.post(url("quality_create", ni15.pk), {}).status_code == 400


def test_outcomes_form_a_tree_without_loops(manager_client, kite):
    manager_client.post(url("outcome_create"), {"title": "Safer communities", "position": 1})
    theme = Outcome.objects.get()
    manager_client.post(
        url("outcome_create"), {"title": "Less crime", "parent": theme.pk, "position": 1}
    )
    goal = Outcome.objects.get(title="Less crime")
    response = manager_client.get(url("outcome_edit", theme.pk))
    assert list(response.context["form"].fields["parent"].queryset) == []
    response = manager_client.get(url("outcome_edit", goal.pk))
    assert list(response.context["form"].fields["parent"].queryset) == [theme]
    tree = manager_client.get(url("outcome_list")).content.decode()
    assert tree.index("Safer communities") < tree.index("Less crime")


def test_recording_agenda_time(manager_client, kite):
    from partnerscope.apps.partnerships.models import AgendaItem

    item = AgendaItem.objects.create(
        meeting=kite["meeting"], title="Crime", function="vision", governance_layer="strategic"
    )
    outcome = factories.outcome(kite["partnership"], body=kite["board"])
    response = manager_client.post(url("outcome_agenda", outcome.pk), {"agenda_items": [item.pk]})
    assert response.status_code == 302
    assert list(outcome.agenda_items.all()) == [item]


def test_the_reports_open(manager_client, ni15):
    for name in ("exceptions", "crowding", "quality_register", "benchmark", "area_list"):
        assert manager_client.get(url(name)).status_code == 200, name
    exceptions = manager_client.get(url("exceptions")).content.decode()
    assert "NI 15" in exceptions and "Red: the value misses the target" in exceptions


def test_benchmarking_through_the_page(manager_client, ni15):
    response = manager_client.post(url("benchmark"), {"indicator": "NI 15", "count": "5"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "NI 15 Indicator NI 15 in 2025-Q4" in page and "Kiteshire" in page
    assert "This partnership" not in page
    assert '<details class="govuk-details">' in page


def test_the_nearest_neighbour_choices_open_when_asked_for_or_wrong(manager_client, ni15):
    opened = '<details class="govuk-details" open>'
    assert opened not in manager_client.get(url("benchmark")).content.decode()
    asked = {"indicator": "NI 15", "neighbours_of": "kiteshire", "count": "5"}
    assert opened in manager_client.post(url("benchmark"), asked).content.decode()
    wrong = manager_client.post(url("benchmark"), {"indicator": "NI 15", "count": "99"})
    assert wrong.status_code == 400 and opened in wrong.content.decode()


def test_changing_the_reporting_date_recalculates(manager_client, ni15):
    response = manager_client.post(url("settings"), {"as_of": "2025-01-01", "due_days": "30"})
    assert response.status_code == 302
    snapshot = ni15.snapshots.get()
    assert snapshot.as_of.isoformat() == "2025-01-01" and snapshot.latest_period == "2024-Q4"


def test_the_indicator_list_names_kind_and_frequency_briefly(manager_client, ni15, kite):
    factories.indicator(kite["partnership"], "L 9", frequency="financial_year", origin="local")
    page = manager_client.get(url("indicator_list")).content.decode()
    assert "2 indicators" in page
    assert ">Financial year<" in page and ">Quarter<" in page
    assert ">Local<" in page and "(2024-Q1)" not in page
