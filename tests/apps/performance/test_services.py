"""Services of the performance area: values and corrections, stored statuses, reports."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.partnerships.models import AgendaItem
from partnerscope.apps.performance import (
    benchmarking,
    crowding,
    dashboard,
    indicators,
    lookups,
    recording,
    status_snapshots,
)
from partnerscope.apps.performance.models import (
    Indicator,
    IndicatorStatusSnapshot,
    PerformanceSettings,
    ValueVersion,
)
from partnerscope.core.indicators import Indicator as CoreIndicator
from partnerscope.core.indicators import Polarity, Series, indicator_status, parse_period
from tests.apps.partnerships.factories import (
    MeetingFactory,
    OrganisationFactory,
    PartnershipFactory,
    RoleFactory,
)
from tests.apps.performance import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def ni15(kite):
    return factories.kite_indicator(kite)


@pytest.fixture
def place(kite):
    return factories.area(kite["partnership"])


def figures(value, **extra):
    return {"value": value, "status": "final", **extra}


# ---- Values and corrections -------------------------------------------------------------


def test_a_correction_keeps_every_version_with_who_when_and_why(ni15, place, manager):
    period = parse_period("2025-Q4")
    first = ValueVersion.objects.get(indicator=ni15, ordinal=period.ordinal)
    corrected = recording.record_value(
        ni15, place, period, figures(9.7), "Police data audit", manager
    )
    assert corrected.version == 2 and corrected.is_current
    assert corrected.reason == "Police data audit"
    assert corrected.recorded_by == manager.username and corrected.user == manager
    first.refresh_from_db()
    assert first.value == 9.5 and not first.is_current
    versions = ValueVersion.objects.filter(indicator=ni15, ordinal=period.ordinal)
    assert [(v.version, v.value, v.is_current) for v in versions] == [
        (1, 9.5, False),
        (2, 9.7, True),
    ]


def test_a_correction_without_a_reason_is_refused_and_changes_nothing(ni15, place):
    period = parse_period("2025-Q4")
    with pytest.raises(ValidationError) as problem:
        recording.record_value(ni15, place, period, figures(9.7), "  ")
    assert "reason" in problem.value.message_dict
    assert ValueVersion.objects.filter(indicator=ni15, ordinal=period.ordinal).count() == 1


def test_recording_the_same_figures_again_adds_no_version(ni15, place):
    assert recording.record_value(ni15, place, parse_period("2025-Q4"), figures(9.5)) is None
    assert ValueVersion.objects.filter(indicator=ni15).count() == 8


def test_a_new_value_needs_no_reason_and_refreshes_the_stored_status(ni15, place):
    recording.record_value(ni15, place, parse_period("2026-Q1"), figures(8.5))
    snapshot = IndicatorStatusSnapshot.objects.get(indicator=ni15, area=place)
    assert snapshot.latest_period == "2026-Q1" and snapshot.latest_value == 8.5
    assert snapshot.target == 8.8 and snapshot.rag == "green"


def test_the_stored_status_is_the_cores_judgement_of_the_current_values(ni15, place, kite):
    PerformanceSettings.objects.create(partnership=kite["partnership"], as_of=dt.date(2026, 3, 1))
    recording.record_value(ni15, place, parse_period("2025-Q4"), figures(9.9), "Revised")
    status_snapshots.refresh_partnership(kite["partnership"])
    snapshot = IndicatorStatusSnapshot.objects.get(indicator=ni15, area=place)
    periods = [parse_period(text) for text in factories.quarters("2024-Q1", [0] * 8)]
    amounts = [12, 11, 11.5, 10, 10.2, 9.8, 9.9, 9.9]
    expected = indicator_status(
        Series(tuple(periods), tuple(float(a) for a in amounts)),
        {parse_period("2025-Q4"): 9.0, parse_period("2026-Q1"): 8.8},
        CoreIndicator("NI 15", polarity=Polarity.LOWER_IS_BETTER, due_days=45),
        dt.date(2026, 3, 1),
        revisions={parse_period("2025-Q4"): [9.5, 9.9]},
    )
    assert snapshot.as_of == dt.date(2026, 3, 1)
    assert snapshot.rag == str(expected.rag.rating) == "red"
    assert snapshot.latest_value == 9.9 and snapshot.target == 9.0
    assert snapshot.variation == str(expected.spc.variation)
    assert snapshot.forecast == str(expected.forecast.forecast_class)
    assert snapshot.quality_count == len(expected.quality)
    assert [finding["rule"] for finding in snapshot.quality] == [
        finding.rule.name for finding in expected.quality
    ]
    assert snapshot.recent[-1] == ["2025-Q4", 9.9]


def test_refresh_replaces_every_snapshot_of_the_partnership(ni15, place, kite):
    result = status_snapshots.refresh_partnership(kite["partnership"])
    again = status_snapshots.refresh_partnership(kite["partnership"])
    assert result.series == again.series == 1
    assert IndicatorStatusSnapshot.objects.count() == 1


def test_a_target_without_values_still_gets_a_status(kite, place):
    lonely = factories.indicator(kite["partnership"], "NI 16")
    recording.save_target(lonely, place, {"laa": True}, {parse_period("2026-Q1"): 5.0})
    snapshot = IndicatorStatusSnapshot.objects.get(indicator=lonely)
    assert snapshot.values_count == 0 and snapshot.rag == ""


def test_saving_a_target_replaces_its_periods_and_keeps_history(ni15, place):
    target = recording.save_target(
        ni15, place, {"baseline_value": 12.0, "laa": True}, {parse_period("2026-Q2"): 8.0}
    )
    assert [(v.period, v.value) for v in target.values.all()] == [("2026-Q2", 8.0)]
    assert target.baseline_value == 12.0 and target.laa
    assert target.history.count() >= 1


# ---- The dashboard and reports -----------------------------------------------------------


def test_the_dashboard_groups_indicators_by_theme_and_counts_ratings(ni15, place, kite):
    partnership = kite["partnership"]
    theme = factories.outcome(partnership, "theme", "Safer communities")
    goal = factories.outcome(partnership)
    goal.parent = theme
    goal.save()
    factories.indicator(partnership, "L 1", polarity="")
    status_snapshots.refresh_partnership(partnership)
    board = dashboard.dashboard(partnership, None, 1)
    assert [summary.title for summary in board.themes] == [
        "Safer communities",
        dashboard.UNLINKED,
    ]
    assert board.themes[0].counts == {"red": 1, "amber": 0, "green": 0, "none": 0}
    rows = board.groups[0][1]
    assert rows[0].code == "NI 15" and rows[0].rag == "red"
    assert "<title" in rows[0].sparkline and "<desc" in rows[0].sparkline
    assert board.groups[1][1][0].code == "L 1" and board.groups[1][1][0].sparkline == ""


def test_the_crowding_report_gives_every_reason(kite, ni15):
    partnership = kite["partnership"]
    PerformanceSettings.objects.create(partnership=partnership, as_of=dt.date(2026, 9, 1))
    measured = factories.outcome(partnership)
    measured.owner = kite["council"]
    measured.body = kite["board"]
    measured.save()
    item = AgendaItem.objects.create(
        meeting=kite["meeting"],
        title="Safer streets",
        function="vision",
        governance_layer="strategic",
    )
    measured.agenda_items.add(item)
    bare = factories.outcome(partnership, "homes", "Decent homes")
    untargeted = factories.outcome(partnership, "jobs", "Jobs", owner=kite["council"])
    factories.indicator(partnership, "NI 151", "higher_is_better").outcomes.add(untargeted)
    report = crowding.crowding_report(partnership)
    reasons = {row["outcome"].ref: [r["rule"] for r in row["reasons"]] for row in report.rows}
    assert reasons["homes"] == [
        "crowding_no_indicator",
        "crowding_no_owner",
        "crowding_no_agenda_time",
    ]
    assert reasons["jobs"] == [
        "crowding_no_target",
        "crowding_no_agenda_time",
        "crowding_no_recent_value",
    ]
    assert reasons["safer"] == ["crowding_no_recent_value"]
    assert bare.pk


def test_discussing_a_goal_gives_its_theme_agenda_time(kite, ni15):
    partnership = kite["partnership"]
    theme = factories.outcome(
        partnership, "theme", "Safer", owner=kite["council"], body=kite["board"]
    )
    goal = factories.outcome(partnership)
    goal.parent, goal.body, goal.owner = theme, kite["board"], kite["council"]
    goal.save()
    goal.agenda_items.add(
        AgendaItem.objects.create(
            meeting=MeetingFactory(body=kite["board"], date=dt.date(2025, 12, 1)),
            title="Crime",
            function="vision",
            governance_layer="strategic",
        )
    )
    PerformanceSettings.objects.create(partnership=partnership, as_of=dt.date(2026, 1, 10))
    listed = {row["outcome"].ref for row in crowding.crowding_report(partnership).rows}
    assert "theme" not in listed and "safer" not in listed


def test_adopting_national_indicators_uses_the_catalogue(kite, manager):
    access = Access(kite["partnership"], "manager", manager)
    adopted = indicators.adopt_indicators(access, ["NI 15", "NI 151", "NI 999"], "quarter")
    assert [indicator.code for indicator in adopted] == ["NI 15", "NI 151"]
    ni151 = Indicator.objects.get(code="NI 151")
    assert ni151.polarity == "higher_is_better" and ni151.origin == "national"
    assert ni151.unit == "percentage" and ni151.maximum == 100
    assert indicators.adopt_indicators(access, ["NI 15"], "quarter") == []


def test_period_in_refuses_a_period_of_another_frequency():
    assert str(lookups.period_in("2024-q2", "quarter")) == "2024-Q2"
    with pytest.raises(ValidationError, match="not a period of this indicator"):
        lookups.period_in("2024/25", "quarter")
    with pytest.raises(ValidationError, match="not a period"):
        lookups.period_in("Q2 2024", "quarter")


# ---- Benchmarking respects access -----------------------------------------------------------


@pytest.fixture
def neighbours(kite, manager):
    """Two more partnerships with NI 15: one the manager can see, one they cannot."""
    factories.kite_indicator(kite)
    seen = PartnershipFactory(slug="hawk", name="Hawk Partnership")
    RoleFactory(user=manager, partnership=seen, kind="viewer")
    hidden = PartnershipFactory(slug="owl", name="Owl Partnership")
    for partnership, amount in ((seen, 8.0), (hidden, 7.0)):
        place = factories.area(partnership, partnership.slug, partnership.name)
        factories.values(factories.indicator(partnership, "NI 15"), place, {"2025-Q4": amount})
    return seen, hidden


def test_benchmarking_compares_only_the_partnerships_the_user_can_see(kite, manager, neighbours):
    result = benchmarking.benchmark_report(manager, kite["partnership"], "NI 15")
    assert result.period == "2025-Q4"
    assert [(row["area"], row["rank"], row["own"]) for row in result.rows] == [
        ("Hawk Partnership (Hawk Partnership)", 1, False),
        ("Kiteshire", 2, True),
    ]
    assert "Owl" not in str(result.rows)
    assert result.partnerships == ["Hawk Partnership", "Kite Partnership"]


def test_benchmarking_adds_a_comparator_file_and_finds_neighbours(kite, manager, neighbours):
    content = (
        b"area,indicator,period,value\n"
        b"Gull Bay,NI 15,2025-Q4,10\nTern Point,NI 15,2025-Q4,9.4\nGull Bay,NI 16,2025-Q4,3\n"
    )
    result = benchmarking.benchmark_report(
        manager, kite["partnership"], "NI 15", "", ("others.csv", content), "kiteshire", [], 2
    )
    assert [row["area"] for row in result.rows] == [
        "Hawk Partnership (Hawk Partnership)",
        "Tern Point (comparator file)",
        "Kiteshire",
        "Gull Bay (comparator file)",
    ]
    assert result.rows[0]["quartile"] == 1 and result.rows[-1]["quartile"] == 4
    assert [n["area"] for n in result.neighbours] == [
        "Tern Point (comparator file)",
        "Gull Bay (comparator file)",
    ]


def test_a_bad_comparator_file_gets_file_row_column_errors(kite, manager, neighbours):
    content = b"area,indicator,period,value\nGull Bay,NI 15,2025-Q9,ten\n"
    result = benchmarking.benchmark_report(
        manager, kite["partnership"], "NI 15", "", ("others.csv", content)
    )
    assert result.rows == []
    assert any(error.startswith("others.csv:2:period:") for error in result.errors)
    assert any(error.startswith("others.csv:2:value:") for error in result.errors)


def test_benchmark_choices_list_visible_codes_own_first(kite, manager, neighbours):
    factories.indicator(neighbours[0], "NI 1", "higher_is_better")
    factories.indicator(neighbours[1], "NI 2", "higher_is_better")
    codes, areas = benchmarking.benchmark_choices(manager, kite["partnership"])
    assert [code for code, _ in codes] == ["NI 15", "NI 1"]
    assert areas == [("kiteshire", "Kiteshire")]


def test_areas_of_makes_the_whole_area_first(kite):
    partnership = kite["partnership"]
    areas = lookups.areas_of(partnership)
    assert [(a.ref, a.name) for a in areas] == [("kite", "Kiteshire")]
    assert lookups.areas_of(partnership) == areas


def test_an_organisation_of_another_partnership_is_not_offered(kite):
    from partnerscope.apps.performance.forms import OutcomeForm

    stranger = OrganisationFactory(name="Stranger Council")
    form = OutcomeForm(partnership=kite["partnership"])
    assert stranger not in form.fields["owner"].queryset
    assert kite["council"] in form.fields["owner"].queryset


def test_the_refresh_command_names_what_it_did(ni15, kite):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("refresh_indicator_status", "kite", stdout=out)
    assert out.getvalue().startswith("kite: 1 statuses of 1 indicators as at ")
    with pytest.raises(CommandError, match="No such partnership: nowhere"):
        call_command("refresh_indicator_status", "nowhere")
