"""The action plan's pages: the plan with its filters, counts and CSV, an action's page,
the managers' forms (bad input refused clearly, nothing lost), notes, the finding panel."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from partnerscope.apps.actions.models import Action, ActionNote
from tests.apps.actions.builders import ISOLATED_POLICE, WEAK_STEERING, action
from tests.apps.findings.builders import stored

PLAN = "/p/kite/actions/"


@pytest.fixture
def plan(kite):
    today = timezone.localdate()
    partnership = kite["partnership"]
    return {
        "late": action(
            partnership,
            [WEAK_STEERING],
            ref="late",
            title="Late action",
            due=today - dt.timedelta(days=2),
            owner_person=kite["bola"],
            owner_organisation=kite["police"],
        ),
        "nobody": action(partnership, [ISOLATED_POLICE], ref="nobody", title="Nobody owns me"),
        "done": action(
            partnership,
            ref="done",
            title="Finished action",
            status="done",
            owner_organisation=kite["council"],
        ),
    }


def test_the_plan_shows_counts_and_marks_overdue_and_unowned(client, role_user, plan):
    client.force_login(role_user("viewer"))
    page = client.get(PLAN).content.decode()
    assert "Late action" in page and "Nobody owns me" in page and "Finished action" in page
    assert page.count('govuk-tag--red">Overdue') == 1
    assert page.count('govuk-tag--orange">Unowned') == 1
    assert "Agree an action" not in page


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("?overdue=on", ["Late action"]),
        ("?unowned=on", ["Nobody owns me"]),
        ("?status=done", ["Finished action"]),
        ("?area=network", ["Nobody owns me"]),
    ],
)
def test_the_plan_filters(manager_client, plan, query, shown):
    page = manager_client.get(PLAN + query).content.decode()
    titles = [t for t in ("Late action", "Nobody owns me", "Finished action") if t in page]
    assert titles == shown


def test_the_plan_filters_by_owner_organisation(manager_client, plan, kite):
    page = manager_client.get(PLAN + f"?organisation={kite['police'].pk}").content.decode()
    assert "Late action" in page and "Finished action" not in page


def test_a_bad_filter_is_a_clear_error(manager_client, plan):
    response = manager_client.get(PLAN + "?status=lost")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_the_plan_downloads_as_csv(manager_client, plan):
    response = manager_client.get(PLAN + "actions.csv?overdue=on")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["ref"], row["overdue"], row["owner"]) for row in rows] == [
        ("late", "yes", "Bola Bello")
    ]
    assert rows[0]["findings"] == "sevens/weak_element/element/steering"


def test_an_actions_page_shows_its_findings_notes_and_history(manager_client, plan, kite):
    finding = stored(kite["partnership"])
    ActionNote.objects.create(
        action=plan["late"], date=dt.date(2026, 5, 2), text="Met the police.", author="Ann"
    )
    page = manager_client.get(PLAN + "late/").content.decode()
    assert f'href="/p/kite/findings/{finding.pk}/"' in page
    assert "Met the police." in page and "2 May 2026" in page
    assert "Overdue" in page
    assert "History" in page and "Created" in page


def test_a_finding_no_longer_in_the_register_is_still_named(manager_client, plan):
    page = manager_client.get(PLAN + "nobody/").content.decode()
    assert "network/isolated_partner/organisation/kite-police (not in the register now)" in page


def test_a_manager_agrees_an_action_answering_a_finding(manager_client, kite):
    form = manager_client.get(PLAN + "new/?finding=sevens/weak_element/element/steering")
    assert "sevens/weak_element/element/steering</textarea>" in form.content.decode()
    response = manager_client.post(
        PLAN + "new/",
        {
            "title": "Set up a steering group",
            "finding_keys": "sevens/weak_element/element/steering",
            "owner_person": kite["alice"].pk,
            "due": "2027-01-31",
            "status": "not_started",
            "created_on": "2026-06-01",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert response.url == f"/p/kite/actions/{action.ref}/"
    assert action.owner_organisation == kite["council"]
    assert [link.key for link in action.findings.all()] == [WEAK_STEERING]


def test_bad_input_is_refused_clearly_and_nothing_is_lost(manager_client):
    response = manager_client.post(
        PLAN + "new/",
        {
            "title": "",
            "description": "Keep this text.",
            "finding_keys": "not a key",
            "due": "31 June",
            "status": "not_started",
            "created_on": "2026-06-01",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "This field is required." in page
    assert "Line 1 (&#x27;not a key&#x27;) is not a finding key" in page
    assert "Enter a valid date." in page
    assert "Keep this text." in page
    assert not Action.objects.exists()


def test_a_manager_changes_and_deletes_an_action(manager_client, plan):
    response = manager_client.post(
        PLAN + "late/edit/",
        {"title": "Late action, replanned", "status": "dropped", "created_on": "2026-01-01"},
    )
    assert response.status_code == 302
    changed = Action.objects.get(ref="late")
    assert changed.status == "dropped" and changed.findings.count() == 0
    assert changed.history.count() == 2
    response = manager_client.post(PLAN + "late/delete/")
    assert response.status_code == 302
    assert not Action.objects.filter(ref="late").exists()


def test_a_progress_note_is_added_with_its_date(manager_client, plan):
    response = manager_client.post(
        PLAN + "late/notes/new/", {"date": "2026-05-03", "text": "Draft agreed."}
    )
    assert response.status_code == 302
    note = plan["late"].notes.get()
    assert (note.date, note.text) == (dt.date(2026, 5, 3), "Draft agreed.")


def test_an_empty_note_is_refused(manager_client, plan):
    response = manager_client.post(PLAN + "late/notes/new/", {"date": "", "text": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not ActionNote.objects.exists()


@pytest.mark.parametrize("kind", ["viewer", "member", "scrutineer"])
def test_only_managers_change_the_plan(client, role_user, plan, kind):
    client.force_login(role_user(kind))
    for path in ("new/", "late/edit/", "late/delete/", "late/notes/new/"):
        assert client.get(PLAN + path).status_code == 403
        assert client.post(PLAN + path, {"title": "x"}).status_code == 403
    assert client.get(PLAN + "late/").status_code == 200


def test_another_partnerships_action_is_not_found(client, outsider, plan):
    client.force_login(outsider)
    assert client.get(PLAN + "late/").status_code == 404


def test_a_findings_page_lists_the_actions_answering_it(client, role_user, plan, kite):
    finding = stored(kite["partnership"])
    client.force_login(role_user("manager"))
    page = client.get(f"/p/kite/findings/{finding.pk}/").content.decode()
    assert "Actions answering this finding" in page
    assert 'href="/p/kite/actions/late/"' in page
    assert "finding=sevens%2Fweak_element%2Felement%2Fsteering" in page
    client.force_login(role_user("viewer"))
    page = client.get(f"/p/kite/findings/{finding.pk}/").content.decode()
    assert 'href="/p/kite/actions/late/"' in page
    assert "/p/kite/actions/new/" not in page


def test_the_menu_links_to_the_plan(manager_client, kite):
    page = manager_client.get("/p/kite/").content.decode()
    assert 'href="/p/kite/actions/"' in page
