"""Refreshing the register: new, persisting, resolved and found again; refusals that leave
the register as it was; idempotence; the demo's hook."""

from __future__ import annotations

import pytest

from partnerscope.apps.common import extensions
from partnerscope.apps.findings import choices, services
from partnerscope.apps.findings.choices import Change, FindingStatus
from partnerscope.apps.findings.models import FindingEvent, Refresh, StoredFinding
from partnerscope.core.findings import RuleRef, Severity, SubjectKind, compare
from tests.apps.findings.builders import isolated, weak_element
from tests.apps.partnerships.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def changes_of(finding: StoredFinding) -> list[str]:
    return list(
        finding.events.order_by("refresh__ran_at", "refresh_id").values_list("change", flat=True)
    )


def test_a_first_refresh_stores_every_finding_as_new(kite, sources):
    sources["sevens"].found = [weak_element("steering"), weak_element("systems", 38)]
    sources["network"].found = [isolated()]
    log = services.refresh(kite["partnership"], ran_by="Alice Adams")
    assert (log.new, log.persisting, log.resolved, log.found_again) == (3, 0, 0, 0)
    assert log.ran_by == "Alice Adams"
    steering = StoredFinding.objects.get(subject_ref="steering")
    assert steering.key == ("sevens", "weak_element", "element", "steering")
    assert steering.rule_text == "An element scoring below 50 of 100 is weak."
    assert steering.figures == [["score", 42.5], ["respondents", 12]]
    assert steering.evidence_url == "/p/kite/sevens/"
    assert steering.period == "7S 2026"
    assert steering.status == FindingStatus.OPEN
    assert steering.first_found == steering.last_found == log.ran_at
    assert changes_of(steering) == [Change.NEW]


def test_refreshing_twice_changes_nothing_but_the_refresh_log(kite, sources):
    sources["sevens"].found = [weak_element("steering"), weak_element("systems", 38)]
    services.refresh(kite["partnership"], ran_by="first")
    before = {row.pk: row.content() | {"status": row.status} for row in StoredFinding.objects.all()}
    versions = StoredFinding.history.count()
    second = services.refresh(kite["partnership"], ran_by="second")
    assert (second.new, second.persisting, second.resolved, second.found_again) == (0, 2, 0, 0)
    after = {row.pk: row.content() | {"status": row.status} for row in StoredFinding.objects.all()}
    assert after == before
    assert StoredFinding.history.count() == versions
    assert Refresh.objects.count() == 2
    assert set(second.events.values_list("change", flat=True)) == {Change.PERSISTING}


def test_a_finding_no_longer_found_is_resolved_and_found_again_later(kite, sources):
    partnership = kite["partnership"]
    sources["sevens"].found = [weak_element("steering")]
    first = services.refresh(partnership, ran_by="one")
    sources["sevens"].found = []
    resolved = services.refresh(partnership, ran_by="two")
    steering = StoredFinding.objects.get(subject_ref="steering")
    assert resolved.resolved == 1
    assert steering.status == FindingStatus.RESOLVED
    assert steering.resolved_at == resolved.ran_at
    assert services.refresh(partnership, ran_by="three").resolved == 0

    sources["sevens"].found = [weak_element("steering", 40)]
    again = services.refresh(partnership, ran_by="four")
    steering.refresh_from_db()
    assert again.found_again == 1 and again.new == 0
    assert steering.status == FindingStatus.OPEN and steering.resolved_at is None
    assert steering.first_found == first.ran_at and steering.last_found == again.ran_at
    assert steering.figures[0] == ["score", 40]
    assert changes_of(steering) == [Change.NEW, Change.RESOLVED, Change.FOUND_AGAIN]


def test_a_persisting_finding_takes_its_new_figures_as_a_new_version(kite, sources):
    sources["sevens"].found = [weak_element("steering", 42.5)]
    services.refresh(kite["partnership"], ran_by="one")
    sources["sevens"].found = [weak_element("steering", 45, Severity.LOW)]
    log = services.refresh(kite["partnership"], ran_by="two")
    steering = StoredFinding.objects.get(subject_ref="steering")
    assert log.persisting == 1
    assert steering.severity == "low" and steering.figures[0] == ["score", 45]
    assert [v.severity for v in steering.history.order_by("history_date")] == ["medium", "low"]


def test_the_stored_register_agrees_with_the_protocols_compare(kite, sources):
    sources["sevens"].found = [weak_element("steering"), weak_element("style")]
    services.refresh(kite["partnership"], ran_by="one")
    open_keys = set(
        StoredFinding.objects.open().values_list("area", "rule_id", "subject_kind", "subject_ref")
    )
    now = [weak_element("style"), weak_element("systems")]
    expected = compare(open_keys, now)
    sources["sevens"].found = now
    log = services.refresh(kite["partnership"], ran_by="two")
    assert (log.new, log.persisting, log.resolved) == (
        len(expected.new),
        len(expected.persisting),
        len(expected.resolved),
    )


def test_a_finding_citing_an_unknown_rule_is_refused_and_nothing_is_stored(kite, sources):
    unknown = RuleRef("made_up", "Made up", "A rule the area never declared.")
    sources["network"].found = [isolated()]
    sources["sevens"].found = [weak_element()]
    sources["sevens"].found.append(
        type(weak_element())(
            area="sevens", rule=unknown, subject=weak_element().subject, severity=Severity.LOW
        )
    )
    with pytest.raises(services.SourceFailed, match="sevens.*cites rule 'made_up'"):
        services.refresh(kite["partnership"], ran_by="one")
    assert not StoredFinding.objects.exists() and not Refresh.objects.exists()


def test_a_failing_source_leaves_the_register_as_it_was(kite, sources):
    sources["sevens"].found = [weak_element()]
    sources["network"].found = [isolated()]
    services.refresh(kite["partnership"], ran_by="one")
    before = list(StoredFinding.objects.values())
    events = FindingEvent.objects.count()
    sources["sevens"].found = []
    sources["network"].failure = RuntimeError("the ties table is locked")
    with pytest.raises(services.SourceFailed) as failure:
        services.refresh(kite["partnership"], ran_by="two")
    assert failure.value.area == "network"
    assert str(failure.value) == (
        "The network area's findings could not be gathered: the ties table is locked"
    )
    assert list(StoredFinding.objects.values()) == before
    assert FindingEvent.objects.count() == events and Refresh.objects.count() == 1


def test_a_source_may_not_hand_over_another_areas_findings(kite, sources):
    sources["network"].declared.append(weak_element().rule)
    sources["network"].found = [weak_element()]
    with pytest.raises(services.SourceFailed, match=r"another area \(sevens\)"):
        services.refresh(kite["partnership"], ran_by="one")
    assert not Refresh.objects.exists()


def test_each_partnership_has_its_own_register(kite, sources):
    other = PartnershipFactory(slug="other")
    sources["sevens"].found = [weak_element()]
    services.refresh(kite["partnership"], ran_by="one")
    log = services.refresh(other, ran_by="one")
    assert log.new == 1
    assert StoredFinding.objects.filter(subject_ref="steering").count() == 2


def test_the_demo_hook_refreshes_every_partnership_it_is_given(kite, sources):
    other = PartnershipFactory(slug="other")
    sources["network"].found = [isolated()]
    extensions.after_demo([kite["partnership"], other])
    assert set(Refresh.objects.values_list("partnership__slug", "ran_by")) == {
        ("kite", "the demo"),
        ("other", "the demo"),
    }


def test_the_choices_name_every_severity_and_subject_kind_of_the_protocol():
    assert set(choices.Severity.values) == {severity.value for severity in Severity}
    assert set(choices.SubjectKind.values) == {kind.value for kind in SubjectKind}
