"""The action plan's tables in the data package: round trip, a format 1.0 package whose
chain actions still import into the plan, and located errors."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from partnerscope.apps.actions.demo import demo_tables as action_tables
from partnerscope.apps.actions.models import Action
from partnerscope.apps.chains.demo.tables import demo_tables as chain_tables
from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.datapackage.package import write_package

pytestmark = pytest.mark.django_db

ACTION_FILES = ["actions.csv", "action_findings.csv", "action_notes.csv"]
BUILT = dt.date(2026, 6, 1)


@pytest.fixture
def northshire():
    """Northshire's demo package with its chains and plan, less the meetings."""
    tables = next(demo_packages(1))
    tables.update(chain_tables(tables, 0))
    tables.update(action_tables(tables, 0, today=BUILT))
    tables.update(memberships=[], meetings=[], agenda_items=[], attendance=[])
    return tables


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_export_import_export_gives_identical_action_files(tmp_path, northshire):
    write_package(tmp_path / "demo", "Northshire", northshire)
    first = import_folder(tmp_path / "demo")
    assert first.ok, first.errors
    export_folder(first.partnership, tmp_path / "one")
    first.partnership.delete()
    second = import_folder(tmp_path / "one")
    assert second.ok, second.errors
    export_folder(second.partnership, tmp_path / "two")
    for name in ACTION_FILES:
        one = (tmp_path / "one" / name).read_bytes()
        assert one == (tmp_path / "two" / name).read_bytes(), name
        assert one.count(b"\n") > 1, name
    assert (tmp_path / "one" / "chain_actions.csv").read_text().count("\n") == 1
    assert len(rows_of(tmp_path / "one" / "actions.csv")) == 15


def format_1_0_package(folder: Path, tables: dict) -> Path:
    """The package as format 1.0 wrote it: the chains' actions in chain_actions.csv and no
    file of the action plan."""
    old = dict(tables)
    old["chain_actions"] = [
        {
            "chain": "neet",
            "id": "a01",
            "action": "Recruit two more personal advisers.",
            "question": "q03",
            "from": "personal-advisers",
            "to": "young-people",
            "type": "delivers_to",
            "workshop": "winter-2026",
            "owner": "",
            "owner_person": tables["people"][0]["id"],
            "due": dt.date(2026, 9, 30),
            "status": "in_progress",
        },
        {
            "chain": "domestic-abuse",
            "id": "a01",
            "action": "Agree a referral pathway.",
            "owner": "Partnership manager",
            "status": "done",
        },
        {
            "chain": "domestic-abuse",
            "id": "a02",
            "action": "Secure funding.",
            "status": "not_started",
        },
    ]
    old.update(actions=[], action_findings=[], action_notes=[])
    write_package(folder, "Northshire", old)
    for name in ACTION_FILES:
        (folder / name).unlink()
    return folder


def test_a_format_1_0_package_imports_its_chain_actions_into_the_plan(tmp_path, northshire):
    folder = format_1_0_package(tmp_path / "old", northshire)
    result = import_folder(folder)
    assert result.ok, result.errors
    actions = {a.ref: a for a in Action.objects.filter(partnership=result.partnership)}
    assert set(actions) == {"neet-a01", "domestic-abuse-a01", "a02"}
    advisers = actions["neet-a01"]
    assert advisers.title == "Recruit two more personal advisers."
    assert advisers.owner_person.ref == northshire["people"][0]["id"]
    assert advisers.owner_organisation == advisers.owner_person.organisation
    assert (advisers.chain_ref, advisers.link_source_ref, advisers.link_target_ref) == (
        "neet",
        "personal-advisers",
        "young-people",
    )
    assert (advisers.question, advisers.workshop_ref, advisers.status) == (
        "q03",
        "winter-2026",
        "in_progress",
    )
    assert actions["domestic-abuse-a01"].owner_other == "Partnership manager"
    assert actions["a02"].history.count() == 1


def test_an_action_on_a_link_the_chain_lacks_is_located_and_nothing_imported(tmp_path, northshire):
    northshire["actions"][0]["to"] = "nowhere"
    northshire["actions"][1]["from"] = None
    result = import_folder(write_package(tmp_path / "bad", "Northshire", northshire))
    assert not result.ok
    assert "actions.csv:2:from: chain 'domestic-abuse' has no link emergency-staff -> nowhere" in (
        result.errors
    )
    assert "actions.csv:3:from: a link needs from and to" in result.errors
    assert not Partnership.objects.exists()


def test_an_unknown_status_is_refused_by_the_schema(tmp_path, northshire):
    northshire["actions"][0]["status"] = "lost"
    result = import_folder(write_package(tmp_path / "bad", "Northshire", northshire))
    assert any(error.startswith("actions.csv:2:status:") for error in result.errors)
    assert not Action.objects.exists()
