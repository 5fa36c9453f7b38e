"""Performance management's findings for the register: the indicator core's rules applied
to the stored statuses, the data-quality findings and the crowding report; every finding
cites a declared rule, names a record that exists and links to a page a reader can open."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerscope.apps.common.extensions import finding_sources
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance import findings as performance_findings
from partnerscope.apps.performance.models import (
    Indicator,
    IndicatorStatusSnapshot,
    Outcome,
    QualityRecord,
)
from partnerscope.core.findings import Severity, SubjectKind, check_findings
from partnerscope.core.indicators import CROWDING_RULES, QUALITY_RULES
from tests.apps.partnerships.factories import RoleFactory
from tests.apps.performance import factories

pytestmark = pytest.mark.django_db

HOLDS = {
    "rag": "amber",
    "direction": "no_change",
    "year_ago": "improving",
    "forecast": "uncertain",
    "variation": "common_cause",
    "assurance": "hit_and_miss",
}
"""A status no rule the area hands to the register finds anything in."""


def store(partnership, code: str, area_ref: str, **fields) -> IndicatorStatusSnapshot:
    return IndicatorStatusSnapshot.objects.create(
        indicator=factories.indicator(partnership, code, title=f"Title of {code}"),
        area=factories.area(partnership, area_ref, area_ref.title()),
        as_of=dt.date(2026, 4, 1),
        latest_period="2026-Q1",
        latest_value=12.0,
        target=10.0,
        **{**HOLDS, **fields},
    )


def assert_well_formed(partnership: Partnership, client) -> list:
    found = check_findings(performance_findings.findings(partnership), performance_findings.rules())
    client.force_login(RoleFactory(partnership=partnership, kind="viewer").user)
    for url in {finding.rule.id: finding.evidence.url for finding in found}.values():
        assert client.get(url).status_code == 200, url
    codes = set(Indicator.objects.in_partnership(partnership).values_list("code", flat=True))
    outcomes = set(Outcome.objects.in_partnership(partnership).values_list("ref", flat=True))
    for finding in found:
        assert finding.area == "performance"
        known = codes if finding.subject.kind is SubjectKind.INDICATOR else outcomes
        assert finding.subject.kind in {SubjectKind.INDICATOR, SubjectKind.OUTCOME}
        assert finding.subject.ref in known, finding
        assert finding.message and finding.period and finding.evidence.figures
    return found


def test_the_performance_app_registers_its_finding_source():
    assert finding_sources()["performance"] is performance_findings


def test_rules_are_the_cores_named_rules_with_their_wording():
    rules = {rule.id: rule for rule in performance_findings.rules()}
    assert {"rag_red", "rag_green", "forecast_likely_missed", "direction_worsening"} <= set(rules)
    assert {rule.name for rule in (*QUALITY_RULES, *CROWDING_RULES)} <= set(rules)
    assert rules["rag_red"].label == "Red"
    assert rules["rag_red"].text.startswith("Red: the value misses the target")


def test_nothing_is_found_when_the_rules_hold(kite, client):
    store(kite["partnership"], "A 1", "north")
    store(kite["partnership"], "A 1", "south")
    assert assert_well_formed(kite["partnership"], client) == []


def test_red_and_worsening_is_high_red_alone_medium_good_news_positive(kite, client):
    partnership = kite["partnership"]
    store(partnership, "A 1", "north", rag="red", direction="worsening")
    store(partnership, "A 1", "south", rag="red")
    store(partnership, "A 2", "north", rag="red", year_ago="no_change")
    store(partnership, "A 3", "north", rag="green", variation="special_cause_improving")
    store(partnership, "A 3", "south", assurance="consistently_met")
    found = {(f.rule.id, f.subject.ref): f for f in assert_well_formed(partnership, client)}
    assert set(found) == {
        ("rag_red", "A 1"),
        ("direction_worsening", "A 1"),
        ("rag_red", "A 2"),
        ("rag_green", "A 3"),
        ("spc_special_cause_improving", "A 3"),
        ("spc_consistently_met", "A 3"),
    }
    red = found[("rag_red", "A 1")]
    assert red.severity is Severity.HIGH
    figures = dict(red.evidence.figures)
    assert figures["areas"] == 2 and figures["statuses"] == 2 and figures["red_and_worse"] == 1
    assert figures["value"] == 12.0 and figures["target"] == 10.0
    assert red.period == "2026-Q1"
    assert red.evidence.url.endswith("?area=north")
    assert red.subject.name == "Title of A 1"
    assert found[("rag_red", "A 2")].severity is Severity.MEDIUM
    worse = found[("direction_worsening", "A 1")]
    assert worse.severity is Severity.LOW
    assert dict(worse.evidence.figures)["direction"] == "worsening"
    assert {found[(rule, "A 3")].severity for rule in ("rag_green", "spc_consistently_met")} == {
        Severity.POSITIVE
    }


@pytest.mark.parametrize(
    ("fields", "rule"),
    [
        ({"forecast": "likely_missed"}, "forecast_likely_missed"),
        ({"variation": "special_cause_concerning"}, "spc_special_cause_concerning"),
        ({"assurance": "consistently_missed"}, "spc_consistently_missed"),
        ({"year_ago": "worsening"}, "direction_worsening"),
    ],
)
def test_each_concern_in_a_stored_status_is_found_by_its_rule(kite, client, fields, rule):
    store(kite["partnership"], "A 1", "north", **fields)
    found = assert_well_formed(kite["partnership"], client)
    assert [(f.rule.id, f.severity) for f in found] == [
        (rule, performance_findings.STATUS_RULES_BY_NAME[rule].severity)
    ]


def test_every_data_quality_check_is_found_per_indicator_across_areas(kite, client):
    partnership = kite["partnership"]
    quality = [
        {"rule": rule.name, "dimension": str(rule.dimension), "period": "2025-Q4", "detail": "x"}
        for rule in QUALITY_RULES
    ]
    store(partnership, "A 1", "north", quality=quality, quality_count=len(quality))
    store(partnership, "A 1", "south", quality=quality[:1], quality_count=1)
    found = assert_well_formed(partnership, client)
    assert [f.rule.id for f in found] == [rule.name for rule in QUALITY_RULES]
    assert {f.severity for f in found} == {Severity.LOW}
    first = dict(found[0].evidence.figures)
    assert first == {
        "areas": 2,
        "example_area": "north",
        "period": "2025-Q4",
        "dimension": QUALITY_RULES[0].dimension,
    }
    assert dict(found[1].evidence.figures)["areas"] == 1


def test_a_dimension_whose_latest_rating_is_red_is_found(kite, client):
    indicator = factories.indicator(kite["partnership"], "A 1")
    rate = QualityRecord.objects.create
    rate(indicator=indicator, dimension="accuracy", rating="red", evidence="Counted twice")
    rate(indicator=indicator, dimension="timeliness", rating="red", evidence="Late")
    rate(indicator=indicator, dimension="timeliness", rating="green", evidence="On time now")
    found = assert_well_formed(kite["partnership"], client)
    assert [(f.rule.id, f.subject.ref, f.severity) for f in found] == [
        ("quality_rated_red", "A 1", Severity.LOW)
    ]
    assert dict(found[0].evidence.figures)["dimensions"] == "accuracy"
    assert found[0].message == "Accuracy rated red: Counted twice"
    assert found[0].evidence.url == "/p/kite/performance/quality/"


def test_status_findings_take_a_few_queries_however_many_areas(kite, django_assert_max_num_queries):
    for number in range(30):
        store(kite["partnership"], "A 1", f"area-{number}", rag="red", direction="worsening")
    with django_assert_max_num_queries(3):
        found = performance_findings.status_findings(
            kite["partnership"],
            {row.pk: {"code": row.code, "title": row.title} for row in Indicator.objects.all()},
        )
    assert {dict(f.evidence.figures)["areas"] for f in found} == {30}


def test_the_demo_finds_the_status_and_crowding_rules(client):
    """No demo indicator consistently meets its target; the hand-built test covers it."""
    build_demo(1)
    northshire = Partnership.objects.get(slug="northshire")
    found = assert_well_formed(northshire, client)
    rules = {finding.rule.id for finding in found}
    in_the_demo = set(performance_findings.STATUS_RULES_BY_NAME) - {"spc_consistently_met"}
    assert in_the_demo <= rules
    assert {rule.name for rule in CROWDING_RULES} <= rules
    transport = {f.rule.id for f in found if f.subject.ref == "transport"}
    assert {"crowding_no_indicator", "crowding_no_owner", "crowding_no_agenda_time"} <= transport
    assert any(f.rule.id == "rag_red" and f.severity is Severity.HIGH for f in found)
    assert any(f.severity is Severity.POSITIVE for f in found)
