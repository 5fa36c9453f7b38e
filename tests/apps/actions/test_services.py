"""The action plan's use cases: refs, finding keys, notes, owners, and a person's data."""

from __future__ import annotations

import datetime as dt
import json

from partnerscope.apps.actions import services
from partnerscope.apps.actions.models import Action
from partnerscope.apps.audit import personal_data
from tests.apps.actions.builders import ISOLATED_POLICE, TODAY, WEAK_STEERING, action


def test_refs_are_numbered_and_skip_those_taken(kite):
    partnership = kite["partnership"]
    action(partnership, ref="a02")
    assert action(partnership).ref == "a03"
    assert action(partnership).ref == "a04"
    assert action(partnership, ref="a01").ref == "a01"


def test_a_finding_key_reads_back_with_slashes_in_its_subject_ref():
    key = ("chains", "DC-W01", "link", "neet/personal-advisers/young-people/delivers_to")
    assert services.parse_key(services.key_text(key)) == key
    assert services.parse_key("sevens/weak_element/element") is None
    assert services.parse_key("a//b/c") is None


def test_setting_findings_adds_and_removes(kite):
    found = action(kite["partnership"], [WEAK_STEERING])
    services.set_findings(found, [ISOLATED_POLICE])
    assert [link.key for link in found.findings.all()] == [ISOLATED_POLICE]


def test_overdue_and_unowned(kite):
    late = action(kite["partnership"], ref="late", due=TODAY - dt.timedelta(days=1))
    assert late.is_overdue(TODAY) and late.is_unowned
    assert not late.is_overdue(TODAY - dt.timedelta(days=1))
    late.status = "dropped"
    assert not late.is_overdue(TODAY) and not late.is_unowned
    late.status, late.owner_other = "in_progress", "The youth team"
    assert not late.is_unowned and late.owner_names == "The youth team"


def test_notes_come_newest_first(kite):
    found = action(kite["partnership"])
    services.add_note(found, "First.", "Ann", dt.date(2026, 1, 1))
    services.add_note(found, "Second.", "Ann", dt.date(2026, 2, 1))
    assert [note.text for note in found.notes.all()] == ["Second.", "First."]


def test_a_persons_data_holds_the_actions_they_own_and_erasing_keeps_the_action(kite):
    action(kite["partnership"], ref="mine", title="My action", owner_person=kite["alice"])
    subject = personal_data.subject_for_person(kite["alice"])
    data = personal_data.export_data(subject)
    assert [(a["ref"], a["action"]) for a in data["actions_owned"]] == [("mine", "My action")]
    json.dumps(data, cls=personal_data.ENCODER)
    personal_data.erase_person(kite["alice"], None)
    kept = Action.objects.get(ref="mine")
    assert kept.owner_person.email == "" and kept.owner_person.name != "Alice Adams"
