"""The 7S findings handed to the one register: rules cited, subjects, evidence, anonymity."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerscope.apps.common.extensions import finding_sources
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.sevens import findings as sevens_findings
from partnerscope.apps.sevens.findings import findings, result_findings, rules
from partnerscope.apps.sevens.services import results_dict
from partnerscope.core.findings import Severity, SubjectKind, check_findings
from partnerscope.core.sevens import ELEMENT_IDS, WAVE, Respondent, score_wave
from partnerscope.reference.sevens import load_instrument
from tests.apps.sevens.factories import make_closed_wave, make_responses, make_wave

INSTRUMENT = load_instrument()


def assert_readable(client, found) -> None:
    for finding in found:
        assert client.get(finding.evidence.url).status_code == 200, finding.evidence.url


def test_the_area_registers_its_findings_source():
    assert finding_sources()["sevens"] is sevens_findings
    assert [rule.id for rule in rules()] == ["weak_element", "significant_change"]
    assert all(rule.label and rule.text for rule in rules())


@pytest.mark.django_db
def test_the_demo_findings_cite_known_rules_name_elements_and_link_to_pages(client):
    build_demo(1)
    northshire = Partnership.objects.get(slug="northshire")
    found = check_findings(findings(northshire), rules())
    assert found
    latest = sevens_findings.latest_published_wave(northshire)
    assert latest is not None
    for finding in found:
        assert finding.area == "sevens"
        assert finding.subject.kind == SubjectKind.ELEMENT
        assert finding.subject.ref in ELEMENT_IDS
        assert finding.period == latest.title
        assert finding.evidence.figures and finding.message
    assert {f.rule.id for f in found} == {"weak_element", "significant_change"}
    client.force_login(_viewer())
    assert_readable(client, found)


def _viewer():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="viewer")


@pytest.mark.django_db
def test_no_findings_without_a_closed_wave_or_when_the_rules_hold(kite):
    assert findings(kite["partnership"]) == []
    open_wave = make_wave(kite)
    make_responses(open_wave, 6, "police", value=1)
    assert findings(kite["partnership"]) == []
    good = make_closed_wave(kite)
    make_responses(good, 6, "police", value=4)
    assert findings(kite["partnership"]) == []


@pytest.mark.django_db
def test_weak_elements_of_the_latest_closed_wave(kite, role_user, client):
    older = make_closed_wave(kite)
    make_responses(older, 6, "police", value=4)
    latest = make_closed_wave(kite, previous=older)
    make_responses(latest, 6, "police", value=2)
    found = check_findings(findings(kite["partnership"]), rules())
    weak = [f for f in found if f.rule.id == "weak_element"]
    assert [f.subject.ref for f in weak] == list(ELEMENT_IDS)
    assert {f.severity for f in weak} == {Severity.MEDIUM}
    assert dict(weak[0].evidence.figures)["score"] == 25.0
    falls = [f for f in found if f.rule.id == "significant_change"]
    assert len(falls) == len(ELEMENT_IDS)
    assert {f.severity for f in falls} == {Severity.MEDIUM}
    assert dict(falls[0].evidence.figures)["difference"] == -50.0
    assert {f.period for f in found} == {latest.title}
    client.force_login(role_user("viewer"))
    assert_readable(client, found)


@pytest.mark.django_db
def test_a_significant_improvement_is_good_news(kite):
    older = make_closed_wave(kite)
    make_responses(older, 6, "health", value=3)
    latest = make_closed_wave(kite, previous=older)
    make_responses(latest, 6, "health", value=5)
    found = check_findings(findings(kite["partnership"]), rules())
    assert {f.rule.id for f in found} == {"significant_change"}
    assert {f.severity for f in found} == {Severity.POSITIVE}


@pytest.mark.django_db
def test_a_wave_below_the_threshold_has_no_findings(kite):
    wave = make_closed_wave(kite)
    make_responses(wave, kite["partnership"].anonymity_threshold - 1, "police", value=1)
    assert findings(kite["partnership"]) == []


@pytest.mark.django_db
def test_a_withheld_group_leaves_no_trace_in_the_findings(kite):
    wave = make_closed_wave(kite)
    make_responses(wave, 5, "police", value=3)
    make_responses(wave, 2, "health", value=1)
    result = results_dict(wave)
    assert "sector:health" in result["withheld"]
    found = check_findings(findings(kite["partnership"]), rules())
    assert [f.subject.ref for f in found] == list(ELEMENT_IDS)
    for finding in found:
        assert "health" not in repr(finding.to_dict()).casefold()
        figures = dict(finding.evidence.figures)
        assert figures["respondents"] == 7
        assert figures["score"] == result["elements"][finding.subject.ref]["score"]


# ---- The adversary: findings never hold a figure of a group the pages withhold ------------

SECTORS = ("council", "police", "health", "voluntary_community")
LAYERS = ("strategic", "executive", "operational")
ANSWER = st.one_of(st.integers(min_value=1, max_value=5), st.just("dk"))


@st.composite
def respondents(draw, prefix: str) -> list[Respondent]:
    count = draw(st.integers(min_value=0, max_value=9))
    people = []
    for number in range(count):
        by_element = {e: draw(ANSWER) for e in ELEMENT_IDS}
        answers = {s.id: by_element[s.element] for s in INSTRUMENT.statements}
        layers = frozenset(draw(st.sets(st.sampled_from(LAYERS), min_size=1)))
        people.append(
            Respondent(f"{prefix}{number}", draw(st.sampled_from(SECTORS)), layers, answers)
        )
    return people


def _whole_wave_only(result: dict) -> dict:
    """What the pages show of the whole wave, with every breakdown and withheld name gone."""
    return {
        "withheld": [WAVE] if WAVE in result["withheld"] else [],
        "elements": result["elements"],
        "change": result.get("change"),
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    current=respondents("r"),
    previous=st.one_of(st.none(), respondents("p")),
    threshold=st.integers(min_value=3, max_value=6),
)
def test_findings_hold_no_figure_of_a_group_below_the_threshold(current, previous, threshold):
    result = score_wave(
        current, INSTRUMENT, threshold=threshold, previous=previous, resamples=100
    ).to_dict()
    found = result_findings(result, "Wave", "/results/", lambda e: f"/results/{e}/")
    check_findings(found, rules())
    if len(current) < threshold:
        assert found == []
    if previous is None or len(previous) < threshold:
        assert all(f.rule.id != "significant_change" for f in found)
    # The same findings come from the whole wave's figures alone: no breakdown bears on them.
    alone = result_findings(
        _whole_wave_only(result), "Wave", "/results/", lambda e: f"/results/{e}/"
    )
    assert found == alone
    withheld_groups = [name for name in result["withheld"] if ":" in name]
    for finding in found:
        text = repr(finding.to_dict())
        assert not any(name in text for name in withheld_groups)
        figures = dict(finding.evidence.figures)
        shown = (
            result["elements"][finding.subject.ref]
            if finding.rule.id == "weak_element"
            else result["change"][finding.subject.ref]
        )
        for key, value in figures.items():
            if key == "respondents":
                assert value == shown["n"]
            elif key != "weak_below":
                assert value == shown[key]
