"""The library of notable practice: the site-wide and own entries, their pages, the links
from a finding's page, versions, bad input, and the site-wide library's import."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from partnerscope.apps.learning.library import import_library
from partnerscope.apps.learning.models import PracticeEntry
from tests.apps.findings.builders import isolated, stored, weak_element
from tests.apps.learning.builders import entry
from tests.apps.partnerships.factories import PartnershipFactory

pytestmark = pytest.mark.django_db

HEADER = "id,practice,description,where,evidence,framework_part,contact,rule_ids,example\n"


def test_a_finding_page_lists_the_practice_that_names_its_rule(client, kite, role_user):
    finding = stored(kite["partnership"], weak_element("steering"))
    helps = entry(practice="Away-day on the vision", rule_ids=["weak_element"])
    own = entry(kite["partnership"], practice="Our own fix", rule_ids=["weak_element", "x"])
    entry(practice="Buddying", rule_ids=["isolated_partner"])
    entry(PartnershipFactory(), practice="Another partnership's fix", rule_ids=["weak_element"])
    client.force_login(role_user("viewer"))
    html = client.get(reverse("findings:finding", args=["kite", finding.pk])).content.decode()
    assert "Notable practice that could help" in html
    assert helps.practice in html and own.practice in html
    assert "Buddying" not in html
    assert "Another partnership&#x27;s fix" not in html
    assert reverse("learning:entry", args=["kite", helps.pk]) in html


def test_a_finding_without_practice_shows_no_panel(client, kite, role_user):
    finding = stored(kite["partnership"], isolated())
    entry(rule_ids=["weak_element"])
    client.force_login(role_user("viewer"))
    html = client.get(reverse("findings:finding", args=["kite", finding.pk])).content.decode()
    assert "Notable practice that could help" not in html


def test_the_library_lists_site_wide_and_own_entries_only(client, kite, role_user):
    site_wide = entry(practice="Site-wide practice", example=True)
    own = entry(kite["partnership"], practice="Own practice", framework_part="network")
    entry(PartnershipFactory(), practice="Hidden practice")
    client.force_login(role_user("viewer"))
    html = client.get(reverse("learning:library", args=["kite"])).content.decode()
    assert site_wide.practice in html and own.practice in html
    assert "Hidden practice" not in html
    assert "Example" in html
    filtered = client.get(reverse("learning:library", args=["kite"]) + "?part=network")
    assert "Site-wide practice" not in filtered.content.decode()
    assert "Own practice" in filtered.content.decode()


def test_another_partnerships_entry_is_not_found(client, kite, role_user):
    other = entry(PartnershipFactory())
    client.force_login(role_user("manager"))
    assert client.get(reverse("learning:entry", args=["kite", other.pk])).status_code == 404
    assert client.get(reverse("learning:entry_change", args=["kite", other.pk])).status_code == 404


def test_a_site_wide_entry_is_read_but_not_changed_by_a_manager(client, kite, role_user):
    site_wide = entry()
    client.force_login(role_user("manager"))
    assert client.get(reverse("learning:entry", args=["kite", site_wide.pk])).status_code == 200
    response = client.get(reverse("learning:entry_change", args=["kite", site_wide.pk]))
    assert response.status_code == 404


def form_data(**fields):
    return {
        "practice": "Joint tasking meeting",
        "description": "Weekly tasking across partners.",
        "where": "Kite",
        "evidence": "Fewer repeat incidents.",
        "framework_part": "chain",
        "contact": "Kite community safety team",
        "rules_text": "weak_element",
        **fields,
    }


def test_a_manager_adds_and_changes_an_entry_and_each_version_is_kept(client, kite, role_user):
    client.force_login(role_user("manager"))
    response = client.post(reverse("learning:entry_add", args=["kite"]), form_data())
    assert response.status_code == 302
    added = PracticeEntry.objects.get(partnership=kite["partnership"])
    assert added.rule_ids == ["weak_element"]
    assert added.ref == "joint-tasking-meeting"
    response = client.post(
        reverse("learning:entry_change", args=["kite", added.pk]),
        form_data(evidence="Repeat incidents fell by a third.", rules_text=""),
    )
    assert response.status_code == 302
    added.refresh_from_db()
    assert added.evidence == "Repeat incidents fell by a third."
    assert added.rule_ids == []
    assert added.history.count() == 2
    assert added.history.earliest().evidence == "Fewer repeat incidents."


def test_an_unknown_rule_id_gets_a_clear_error_and_loses_nothing(client, kite, role_user):
    own = entry(kite["partnership"], practice="Kept as it was", rule_ids=["weak_element"])
    client.force_login(role_user("manager"))
    response = client.post(
        reverse("learning:entry_change", args=["kite", own.pk]),
        form_data(practice="Changed", rules_text="weak_element no_such_rule"),
    )
    assert response.status_code == 400
    assert "No finding rule has the id no_such_rule" in response.content.decode()
    own.refresh_from_db()
    assert own.practice == "Kept as it was"
    assert own.history.count() == 1
    response = client.post(reverse("learning:entry_add", args=["kite"]), form_data(where=""))
    assert response.status_code == 400
    assert PracticeEntry.objects.count() == 1


def test_a_reader_cannot_add_an_entry(client, kite, role_user):
    client.force_login(role_user("viewer"))
    response = client.post(reverse("learning:entry_add", args=["kite"]), form_data())
    assert response.status_code == 403
    assert not PracticeEntry.objects.exists()


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "library.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_the_library_import_adds_and_changes_entries_by_id(tmp_path):
    entry(ref="away-day", practice="Old title")
    path = write(
        tmp_path,
        "away-day,Away-day,Desc,There,Evidence,sevens,Someone,weak_element,true\n"
        "buddying,Buddying,Desc,There,Evidence,network,Someone,isolated_partner;low_trust,\n",
    )
    done = import_library(path)
    assert (done.added, done.changed) == (1, 1)
    buddying = PracticeEntry.objects.get(ref="buddying")
    assert buddying.site_wide and buddying.rule_ids == ["isolated_partner", "low_trust"]
    assert PracticeEntry.objects.get(ref="away-day").example is True
    assert import_library(path).changed == 0


def test_a_bad_library_file_names_row_and_column_and_imports_nothing(tmp_path):
    path = write(
        tmp_path,
        "good,Good,Desc,There,Evidence,sevens,Someone,weak_element,false\n"
        "bad,Bad,Desc,There,Evidence,astrology,Someone,weak element!,maybe\n",
    )
    with pytest.raises(CommandError) as problem:
        call_command("import_practice_library", str(path))
    message = str(problem.value)
    assert "Nothing was imported" in message
    assert "library.csv:3:framework_part" in message
    assert "library.csv:3:rule_ids" in message
    assert "library.csv:3:example" in message
    assert not PracticeEntry.objects.exists()


def test_the_library_command_reports_what_it_did(tmp_path, capsys):
    path = write(tmp_path, "one,One,Desc,There,Evidence,scrutiny,Someone,,false\n")
    call_command("import_practice_library", str(path))
    assert "1 added, 0 changed" in capsys.readouterr().out
