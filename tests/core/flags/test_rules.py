"""Each flag rule on hand-made evidence, with a test of its name, and the invariants."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerscope.core.findings import Severity
from partnerscope.core.flags import (
    RULES,
    ChainEvidence,
    Colour,
    FindingEvidence,
    GreenExceptionalSuccess,
    GreenSustainedImprovement,
    IndicatorEvidence,
    KnownAndBeingTackled,
    OutcomeEvidence,
    PartnershipEvidence,
    RedOutcomeConsistentlyMissing,
    RedOutcomeOffTrackFragileChain,
    RedPartnershipSignificantConcerns,
    ScopeKind,
    propose,
    rule_by_id,
)


def finding(area, rule, kind, ref, severity=Severity.MEDIUM):
    return FindingEvidence((area, rule, kind, ref), severity)


RED_CONCERNING = IndicatorEvidence(
    "NI 32",
    "Repeat victims",
    rag="red",
    direction="worsening",
    year_ago="worsening",
    variation="special_cause_concerning",
    assurance="consistently_missed",
)
GREEN_COMMON = IndicatorEvidence("NI 1", "Belonging", rag="green", variation="common_cause")
SPOF_CHAIN = ChainEvidence("dv", "Domestic abuse", strength=0.8, single_points=("dv/csp",))
SOUND_CHAIN = ChainEvidence("dv", "Domestic abuse", strength=0.9)
DV_FINDINGS = (
    finding("performance", "rag_red", "indicator", "NI 32", Severity.HIGH),
    finding("performance", "spc_special_cause_concerning", "indicator", "NI 32"),
    finding("performance", "direction_worsening", "indicator", "NI 32", Severity.LOW),
    finding("chains", "DC-S04", "node", "dv/csp", Severity.HIGH),
    finding("chains", "DC-W03", "link", "dv/a/b/funds", Severity.LOW),
    finding("chains", "DC-S04", "node", "dvx/csp", Severity.HIGH),
)


def dv_outcome(**changes):
    outcome = OutcomeEvidence(
        "domestic-abuse",
        "Less domestic abuse",
        indicators=(RED_CONCERNING, GREEN_COMMON),
        chains=(SPOF_CHAIN,),
        findings=DV_FINDINGS,
    )
    return replace(outcome, **changes)


def keys(proposals):
    return [proposal.key for proposal in proposals]


def test_red_outcome_off_track_fragile_chain():
    found = RedOutcomeOffTrackFragileChain().find(PartnershipEvidence(outcomes=(dv_outcome(),)))
    assert keys(found) == ["red_outcome_off_track_fragile_chain:outcome:domestic-abuse"]
    grounds = found[0].grounds
    assert grounds.findings == (
        ("performance", "rag_red", "indicator", "NI 32"),
        ("performance", "spc_special_cause_concerning", "indicator", "NI 32"),
        ("chains", "DC-S04", "node", "dv/csp"),
    )
    assert dict(grounds.figures) == {
        "red_indicators": "NI 32",
        "concerning_special_cause": "NI 32",
        "fragile_chains": "dv",
        "single_points_of_failure": 1,
        "weakest_chain_strength": 0.8,
    }


def test_red_outcome_off_track_fragile_chain_needs_all_three():
    rule = RedOutcomeOffTrackFragileChain()
    sound = dv_outcome(chains=(SOUND_CHAIN,))
    not_special = dv_outcome(indicators=(replace(RED_CONCERNING, variation="common_cause"),))
    no_chain = dv_outcome(chains=())
    for outcome in (sound, not_special, no_chain):
        assert rule.judge_outcome(outcome) is None
    weak = dv_outcome(chains=(ChainEvidence("dv", "Domestic abuse", strength=5 / 12),))
    assert rule.judge_outcome(weak) is not None


def test_red_outcome_consistently_missing():
    missing = replace(RED_CONCERNING, code="NI 55", variation="common_cause")
    outcome = dv_outcome(indicators=(RED_CONCERNING, missing, GREEN_COMMON, GREEN_COMMON))
    found = RedOutcomeConsistentlyMissing().find(PartnershipEvidence(outcomes=(outcome,)))
    assert keys(found) == ["red_outcome_consistently_missing:outcome:domestic-abuse"]
    assert dict(found[0].grounds.figures)["codes"] == "NI 32, NI 55"
    assert found[0].grounds.findings == (("performance", "rag_red", "indicator", "NI 32"),)
    fewer_than_half = dv_outcome(indicators=(RED_CONCERNING, missing, *(GREEN_COMMON,) * 3))
    assert RedOutcomeConsistentlyMissing().judge_outcome(fewer_than_half) is None
    only_one = dv_outcome(indicators=(RED_CONCERNING,))
    assert RedOutcomeConsistentlyMissing().judge_outcome(only_one) is None


def test_red_partnership_significant_concerns():
    findings = (
        finding("network", "council_dominance", "partnership", "kite"),
        finding("network", "low_trust", "organisation", "police"),
        finding("network", "low_trust", "organisation", "fire"),
        finding("sevens", "weak_element", "element", "systems"),
        finding("performance", "rag_red", "indicator", "NI 32", Severity.HIGH),
        finding("sevens", "strong_element", "element", "style", Severity.POSITIVE),
    )
    evidence = PartnershipEvidence(findings=findings, ref="kite", name="Kite")
    found = RedPartnershipSignificantConcerns().find(evidence)
    assert keys(found) == ["red_partnership_significant_concerns:partnership:kite"]
    assert found[0].grounds.findings == tuple(f.key for f in findings[:4])
    assert dict(found[0].grounds.figures)["concern_score"] == 4
    one_area = replace(evidence, findings=findings[:3] + (findings[2],))
    assert RedPartnershipSignificantConcerns().find(one_area) == []
    two_high = (
        finding("network", "x", "organisation", "a", Severity.HIGH),
        finding("sevens", "y", "element", "b", Severity.HIGH),
    )
    assert RedPartnershipSignificantConcerns().find(replace(evidence, findings=two_high))
    too_light = replace(evidence, findings=findings[:2] + findings[3:4])
    assert RedPartnershipSignificantConcerns().find(too_light) == []


IMPROVING = IndicatorEvidence(
    "NI 192",
    "Recycling",
    rag="green",
    direction="improving",
    year_ago="improving",
    variation="special_cause_improving",
    assurance="hit_and_miss",
)
WASTE_FINDINGS = (
    finding("performance", "spc_special_cause_improving", "indicator", "NI 192", Severity.POSITIVE),
    finding("performance", "rag_green", "indicator", "NI 192", Severity.POSITIVE),
    finding("performance", "rag_green", "indicator", "NI 1", Severity.POSITIVE),
)


def waste_outcome(**changes):
    outcome = OutcomeEvidence(
        "waste", "Less waste", indicators=(IMPROVING, GREEN_COMMON), findings=WASTE_FINDINGS
    )
    return replace(outcome, **changes)


def test_green_sustained_improvement():
    found = GreenSustainedImprovement().find(PartnershipEvidence(outcomes=(waste_outcome(),)))
    assert keys(found) == ["green_sustained_improvement:outcome:waste"]
    assert found[0].grounds.findings == tuple(f.key for f in WASTE_FINDINGS)
    assert dict(found[0].grounds.figures)["sustained_improvement"] == "NI 192"
    rule = GreenSustainedImprovement()
    not_a_year = replace(IMPROVING, year_ago="worsening")
    assert rule.judge_outcome(waste_outcome(indicators=(not_a_year, GREEN_COMMON))) is None
    amber = replace(GREEN_COMMON, rag="amber")
    assert rule.judge_outcome(waste_outcome(indicators=(IMPROVING, amber))) is None
    missed = replace(IMPROVING, assurance="consistently_missed")
    assert rule.judge_outcome(waste_outcome(indicators=(missed,))) is None
    untargeted = replace(amber, has_target=False)
    assert rule.judge_outcome(waste_outcome(indicators=(IMPROVING, untargeted))) is not None


def test_green_exceptional_success():
    positives = tuple(
        finding("performance", f"good_{n}", "indicator", "NI 192", Severity.POSITIVE)
        for n in range(5)
    )
    outcome = waste_outcome(findings=positives)
    found = GreenExceptionalSuccess().find(PartnershipEvidence(outcomes=(outcome,)))
    assert keys(found) == ["green_exceptional_success:outcome:waste"]
    assert found[0].grounds.findings == tuple(f.key for f in positives)
    assert GreenExceptionalSuccess().judge_outcome(replace(outcome, findings=positives[:4])) is None
    concern = finding("chains", "DC-S04", "node", "w/x")
    with_concern = replace(outcome, findings=(*positives, concern))
    assert GreenExceptionalSuccess().judge_outcome(with_concern) is None
    low = finding("performance", "quality_overdue", "indicator", "NI 192", Severity.LOW)
    assert GreenExceptionalSuccess().judge_outcome(replace(outcome, findings=(*positives, low)))


def test_known_and_being_tackled():
    evidence = PartnershipEvidence(outcomes=(dv_outcome(), waste_outcome()))
    tackled = {
        ("chains", "DC-S04", "node", "dv/csp"),
        ("performance", "rag_green", "indicator", "NI 1"),
    }
    found = {p.key: p for p in propose(evidence, tackled)}
    red = found["red_outcome_off_track_fragile_chain:outcome:domestic-abuse"]
    assert red.known_and_being_tackled
    assert red.tackled_by == (("chains", "DC-S04", "node", "dv/csp"),)
    green = found["green_sustained_improvement:outcome:waste"]
    assert not green.known_and_being_tackled and green.tackled_by == ()
    untackled = {p.key: p for p in propose(evidence, {("chains", "DC-S04", "node", "dvx/csp")})}
    assert not untackled["red_outcome_off_track_fragile_chain:outcome:domestic-abuse"].tackled_by
    assert KnownAndBeingTackled.text().startswith("Known and being tackled:")


def test_every_rule_has_an_id_label_text_colour_and_scope_and_is_found_by_id():
    assert len({rule.id for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.label and rule.text().endswith(".")
        assert rule_by_id(rule.id) is rule
        assert isinstance(rule.colour, Colour) and isinstance(rule.scope, ScopeKind)
    assert {rule.colour for rule in RULES} == {Colour.RED, Colour.GREEN}
    assert rule_by_id("gone") is None


RAGS = st.sampled_from(["red", "amber", "green", ""])
VARIATIONS = st.sampled_from(
    ["common_cause", "special_cause_improving", "special_cause_concerning", ""]
)
DIRECTIONS = st.sampled_from(["improving", "worsening", "no_change", ""])
ASSURANCES = st.sampled_from(["consistently_met", "consistently_missed", "hit_and_miss", ""])
SEVERITIES = st.sampled_from(list(Severity))
KINDS = st.sampled_from(["indicator", "element", "organisation", "partnership", "node", "body"])

indicators = st.builds(
    IndicatorEvidence,
    code=st.sampled_from(["A", "B", "C", "D"]),
    title=st.just("t"),
    rag=RAGS,
    direction=DIRECTIONS,
    year_ago=DIRECTIONS,
    variation=VARIATIONS,
    assurance=ASSURANCES,
    has_target=st.booleans(),
)
findings_st = st.builds(
    finding,
    area=st.sampled_from(["performance", "chains", "sevens", "network"]),
    rule=st.sampled_from(["rag_red", "spc_special_cause_concerning", "DC-S04", "x"]),
    kind=KINDS,
    ref=st.sampled_from(["A", "B", "o/n", "o"]),
    severity=SEVERITIES,
)
chains_st = st.builds(
    ChainEvidence,
    ref=st.just("o"),
    title=st.just("chain"),
    strength=st.one_of(st.none(), st.floats(0, 1)),
    single_points=st.lists(st.just("o/n"), max_size=1).map(tuple),
)
outcomes_st = st.builds(
    OutcomeEvidence,
    ref=st.sampled_from(["o", "p", "q"]),
    title=st.just("Outcome"),
    indicators=st.lists(indicators, max_size=4).map(tuple),
    chains=st.lists(chains_st, max_size=2).map(tuple),
    findings=st.lists(findings_st, max_size=5).map(tuple),
)
evidence_st = st.builds(
    PartnershipEvidence,
    outcomes=st.lists(outcomes_st, max_size=3, unique_by=lambda o: o.ref).map(tuple),
    findings=st.lists(findings_st, max_size=6).map(tuple),
)
CONCERNS = st.sampled_from([Severity.HIGH, Severity.MEDIUM])
SHARED_MACHINE = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
"""The evidence is nested; on a busy machine drawing it may be slow, never wrong."""


@SHARED_MACHINE
@given(evidence_st)
def test_a_green_is_never_proposed_for_an_off_track_outcome(evidence):
    off_track = {outcome.ref for outcome in evidence.outcomes if outcome.off_track}
    for proposal in propose(evidence):
        if proposal.colour is Colour.GREEN:
            assert proposal.scope_ref not in off_track


@SHARED_MACHINE
@given(evidence_st, findings_st, CONCERNS, st.data())
def test_adding_a_concerning_finding_never_removes_a_red_candidate(evidence, extra, severity, data):
    extra = replace(extra, severity=severity)
    before = {p.key for p in propose(evidence) if p.colour is Colour.RED}
    with_extra = replace(evidence, findings=(*evidence.findings, extra))
    if evidence.outcomes:
        index = data.draw(st.integers(0, len(evidence.outcomes) - 1))
        outcomes = list(evidence.outcomes)
        outcomes[index] = replace(outcomes[index], findings=(*outcomes[index].findings, extra))
        with_extra = replace(with_extra, outcomes=tuple(outcomes))
    after = {p.key for p in propose(with_extra) if p.colour is Colour.RED}
    assert before <= after


@SHARED_MACHINE
@given(evidence_st, st.sets(st.sampled_from([f.key for f in DV_FINDINGS])))
def test_known_and_being_tackled_changes_only_how_reds_are_shown(evidence, tackled):
    plain = propose(evidence)
    marked = propose(evidence, tackled)
    assert [p.key for p in plain] == [p.key for p in marked]
    for before, after in zip(plain, marked, strict=True):
        assert after.grounds == before.grounds
        assert set(after.tackled_by) == set(before.grounds.findings) & tackled or (
            after.colour is Colour.GREEN and not after.tackled_by
        )
        if after.known_and_being_tackled:
            assert after.colour is Colour.RED
