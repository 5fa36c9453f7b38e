"""A person's data is exported and erased on request; others' history and every survey
figure stay as they were, and survey answers were never linked to anyone."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse

from partnerscope.apps.accounts.models import Role
from partnerscope.apps.audit import personal_data
from partnerscope.apps.audit.models import AuditAction, AuditEvent
from partnerscope.apps.chains.models import Participant
from partnerscope.apps.chains.models import Rating as WorkshopRating
from partnerscope.apps.notifications.models import OptOut
from partnerscope.apps.partnerships.models import Attendance, Membership, Person
from partnerscope.apps.sevens.models import Evidence, Response
from partnerscope.apps.sevens.services import response_rates, results_dict
from tests.apps.partnerships.factories import (
    PartnershipFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
)
from tests.apps.sevens.factories import make_closed_wave, make_invitation, make_responses, make_wave
from tests.apps.sevens.test_views import page_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice_account(kite):
    """Alice Adams of the kite council, with an account holding a member's role."""
    user = UserFactory(
        username="aadams", email="alice@example.org", first_name="Alice", last_name="Adams"
    )
    RoleFactory(partnership=kite["partnership"], user=user, kind="member")
    alice = kite["alice"]
    alice.user, alice.email, alice.job_title = user, "alice@example.org", "Chief executive"
    alice.save()
    Attendance.objects.create(meeting=kite["meeting"], person=alice)
    return user


def test_the_export_holds_the_account_roles_records_and_events(kite, alice_account):
    wave = make_wave(kite)
    make_invitation(wave, kite["alice"])
    data = personal_data.export_data(personal_data.subject_for_user(alice_account))
    assert data["account"]["username"] == "aadams"
    assert data["account"]["email"] == "alice@example.org"
    assert data["roles"] == [{"partnership": "kite", "role": "member"}]
    [person] = data["people"]
    assert person["name"] == "Alice Adams" and person["job_title"] == "Chief executive"
    assert [v["change"] for v in person["versions"]] == ["Created", "Changed"]
    assert data["memberships"][0]["role"] == "chair"
    assert data["attendance"][0]["status"] == "present"
    assert data["survey_invitations"][0]["wave"] == wave.title
    assert any(event["action"] == "Role granted" for event in data["audit_events"])
    assert "not linked to anyone" in data["survey_answers"]
    json.dumps(data, cls=personal_data.ENCODER)


def test_a_managers_export_holds_their_partnership_only(kite, alice_account):
    other = PartnershipFactory(slug="hawk")
    Role.objects.create(user=alice_account, partnership=other, kind="viewer")
    PersonFactory(partnership=other, user=alice_account, name="Alice in Hawk")
    data = personal_data.export_data(
        personal_data.subject_for_person(kite["alice"], kite["partnership"])
    )
    assert data["roles"] == [{"partnership": "kite", "role": "member"}]
    assert [p["partnership"] for p in data["people"]] == ["kite"]
    assert all(event["partnership"] == "kite" for event in data["audit_events"])
    assert "workshop_invitations" not in data


def test_the_manager_downloads_a_persons_data_and_it_is_logged(kite, manager_client, manager):
    url = reverse("audit:person_export", args=["kite", kite["bola"].pk])
    response = manager_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    assert json.loads(response.content)["people"][0]["name"] == "Bola Bello"
    [event] = AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_EXPORTED)
    assert event.user == manager and event.partnership == kite["partnership"]


def test_a_person_downloads_their_own_data_from_their_account(client, kite, alice_account):
    client.force_login(alice_account)
    page = client.get(reverse("personal_data:mine")).content.decode()
    assert reverse("personal_data:export") in page
    data = json.loads(client.get(reverse("personal_data:export")).content)
    assert data["account"]["username"] == "aadams"
    assert data["scope"] == "every partnership"


def test_the_own_data_pages_need_signing_in(client):
    response = client.get(reverse("personal_data:export"))
    assert response.status_code == 302


def test_submitted_answers_carry_no_link_to_anyone():
    """A response, its evidence and a workshop participant's answers have no foreign key to a
    person, an invitation or an account, and no time."""
    for model in (Response, Evidence, Participant, WorkshopRating):
        targets = {
            field.related_model._meta.label
            for field in model._meta.get_fields()
            if field.is_relation and field.related_model is not None
        }
        assert not targets & {
            "partnerships.Person",
            "auth.User",
            "sevens.Invitation",
            "chains.Invitation",
        }, model
        assert not [f for f in model._meta.fields if isinstance(f, models.DateTimeField)]
        assert not hasattr(model, "history")


def test_sending_answers_signed_in_leaves_no_event_naming_the_respondent(
    client, kite, alice_account
):
    wave = make_wave(kite)
    invitation, _ = make_invitation(wave, kite["alice"])
    client.force_login(alice_account)
    client.post(
        reverse("sevens:answer", args=["kite", wave.pk]),
        {"sector": "council", "layers": ["strategic"], "action": "next"},
    )
    for number in range(1, 8):
        client.post(
            reverse("sevens:answer_step", args=["kite", wave.pk, number]),
            page_answers(invitation, number),
        )
    before = AuditEvent.objects.count()
    response = client.post(reverse("sevens:answer_check", args=["kite", wave.pk]))
    assert response.status_code == 302
    assert Response.objects.filter(wave=wave).count() == 1
    assert AuditEvent.objects.count() == before


def test_erasure_anonymises_the_person_keeps_history_and_figures(kite, manager, alice_account):
    closed = make_closed_wave(kite)
    make_responses(closed, 6, "council", 4)
    make_responses(closed, 6, "police", 2)
    invitation, _ = make_invitation(closed, kite["alice"])
    invitation.answered = True
    invitation.save()
    results_before = results_dict(closed)
    rates_before = response_rates(closed)
    alice = kite["alice"]
    versions_before = alice.history.count()
    bola_versions = kite["bola"].history.count()

    result = personal_data.erase(personal_data.subject_for_user(alice_account), user=manager)

    assert result.people == 1 and result.account_erased
    alice.refresh_from_db()
    assert alice.name == f"Erased person {alice.pk}"
    assert alice.ref == f"erased-{alice.pk}"
    assert alice.email == "" and alice.job_title == "" and alice.user is None
    versions = list(alice.history.all())
    assert len(versions) == versions_before + 1
    assert {v.name for v in versions} == {alice.name}
    assert {v.email for v in versions} == {""}
    assert kite["bola"].history.count() == bola_versions
    assert Membership.objects.filter(person=alice).count() == 1
    assert Attendance.objects.filter(person=alice).count() == 1

    account = get_user_model().objects.get(pk=alice_account.pk)
    assert account.username == f"erased-{account.pk}"
    assert not account.is_active and not account.has_usable_password()
    assert account.email == "" and account.get_full_name() == ""
    assert not Role.objects.filter(user=account).exists()

    assert results_dict(closed) == results_before
    assert response_rates(closed) == rates_before

    everything = json.dumps(list(AuditEvent.objects.values()), default=str)
    assert "Alice Adams" not in everything
    assert "aadams" not in everything
    [erased] = AuditEvent.objects.filter(action=AuditAction.PERSON_ERASED)
    assert erased.user == manager and erased.partnership == kite["partnership"]


def test_erased_history_of_others_keeps_its_actor(kite, manager_client, manager):
    """A manager who edited records and is then erased still shows as one (pseudonymous)
    actor on every version and event they made."""
    manager_client.post(
        reverse("partnerships:person_edit", args=["kite", kite["bola"].pk]),
        {
            "name": "Bola Bello",
            "ref": kite["bola"].ref,
            "organisation": kite["police"].pk,
            "job_title": "Inspector",
            "email": "",
        },
    )
    version = kite["bola"].history.latest("history_date")
    assert version.history_user == manager
    RoleFactory(partnership=kite["partnership"], kind="manager")
    personal_data.erase(personal_data.subject_for_user(manager))
    version.refresh_from_db()
    assert version.history_user_id == manager.pk
    changed = AuditEvent.objects.get(
        action=AuditAction.RECORD_CHANGED, subject_ref=kite["bola"].ref
    )
    assert changed.username == f"erased-{manager.pk}"


def test_a_manager_erases_within_their_partnership_and_confirms_first(
    kite, manager_client, alice_account
):
    other = PartnershipFactory(slug="hawk")
    Role.objects.create(user=alice_account, partnership=other, kind="viewer")
    url = reverse("audit:person_erase", args=["kite", kite["alice"].pk])
    page = manager_client.get(url)
    assert page.status_code == 200 and "cannot be undone" in page.content.decode()
    refused = manager_client.post(url, {})
    assert refused.status_code == 400
    assert "Confirm that you understand" in refused.content.decode()
    assert Person.objects.get(pk=kite["alice"].pk).name == "Alice Adams"

    done = manager_client.post(url, {"confirm": "on"})
    assert done.status_code == 302
    alice = Person.objects.get(pk=kite["alice"].pk)
    assert alice.name.startswith("Erased person") and alice.user is None
    account = get_user_model().objects.get(pk=alice_account.pk)
    assert account.is_active and account.username == "aadams"
    assert list(Role.objects.filter(user=account).values_list("partnership__slug", flat=True)) == [
        "hawk"
    ]


def test_a_manager_erasing_a_person_used_nowhere_else_closes_the_account(
    kite, manager_client, alice_account
):
    url = reverse("audit:person_erase", args=["kite", kite["alice"].pk])
    manager_client.post(url, {"confirm": "on"})
    account = get_user_model().objects.get(pk=alice_account.pk)
    assert not account.is_active and account.username.startswith("erased-")


def test_a_person_of_another_partnership_is_404(kite, manager_client):
    stranger = PersonFactory(partnership=PartnershipFactory())
    for name in ("audit:person_export", "audit:person_erase"):
        assert manager_client.get(reverse(name, args=["kite", stranger.pk])).status_code == 404


def test_the_admin_erases_an_account_only_after_confirming(admin_client, kite, alice_account):
    changelist = reverse("admin:auth_user_changelist")
    chosen = {"action": "erase_personal_data", "_selected_action": [alice_account.pk]}
    asked = admin_client.post(changelist, chosen)
    assert asked.status_code == 200
    assert "cannot be undone" in asked.content.decode()
    assert get_user_model().objects.get(pk=alice_account.pk).is_active
    done = admin_client.post(changelist, {**chosen, "confirmed": "yes"})
    assert done.status_code == 302
    account = get_user_model().objects.get(pk=alice_account.pk)
    assert not account.is_active and account.username == f"erased-{account.pk}"
    assert Person.objects.get(pk=kite["alice"].pk).name.startswith("Erased person")


def test_the_admin_exports_one_account(admin_client, kite, alice_account):
    response = admin_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "export_personal_data", "_selected_action": [alice_account.pk]},
    )
    assert response.status_code == 200
    assert json.loads(response.content)["account"]["username"] == "aadams"


def test_erasing_a_short_name_leaves_longer_names_that_contain_it(kite):
    from partnerscope.apps.audit.log import record

    ann = PersonFactory(partnership=kite["partnership"], name="Ann Lee")
    PersonFactory(partnership=kite["partnership"], name="Ann Leeds")
    record(
        AuditAction.RECORD_CHANGED,
        partnership=kite["partnership"],
        subject_type="memo",
        subject_label="Ann Lee and Ann Leeds met Ann Lee",
    )
    personal_data.erase(personal_data.subject_for_person(ann))
    labels = set(
        AuditEvent.objects.filter(subject_type="memo").values_list("subject_label", flat=True)
    )
    placeholder = f"Erased person {ann.pk}"
    assert labels == {f"{placeholder} and Ann Leeds met {placeholder}"}
    assert Person.objects.filter(name="Ann Leeds").exists()


def test_the_export_holds_an_opt_out_from_reminders(kite, alice_account):
    OptOut.objects.create(person=kite["alice"])
    data = personal_data.export_data(personal_data.subject_for_user(alice_account))
    assert [o["person"] for o in data["reminder_opt_outs"]] == [kite["alice"].ref]
