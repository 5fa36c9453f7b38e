"""Each kind of event is recorded: sign-ins, roles, versions of records, exports, backups."""

from __future__ import annotations

import pytest
from django.contrib.auth.signals import user_logged_out
from django.test import RequestFactory
from django.urls import reverse

from partnerscope.apps.accounts import services as access_services
from partnerscope.apps.accounts.models import Role
from partnerscope.apps.audit.log import record
from partnerscope.apps.audit.models import AuditAction, AuditEvent, Channel
from partnerscope.apps.partnerships.models import Partnership, Person
from tests.apps.partnerships.factories import PartnershipFactory, RoleFactory, UserFactory
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def events(action: str, **filters):
    return list(AuditEvent.objects.filter(action=action, **filters))


def test_signing_in_and_out_is_recorded_with_the_address(client, manager):
    response = client.post(
        reverse("accounts:login"),
        {"username": manager.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302
    [signed_in] = events(AuditAction.SIGNED_IN)
    assert signed_in.user == manager
    assert signed_in.username == manager.username
    assert signed_in.address == "203.0.113.7"
    assert signed_in.partnership is None
    client.post(reverse("accounts:logout"))
    [signed_out] = events(AuditAction.SIGNED_OUT)
    assert signed_out.user == manager


def test_a_failed_sign_in_names_the_account_tried_but_no_actor(client, manager):
    client.post(
        reverse("accounts:login"),
        {"username": manager.username, "password": "wrong"},
        REMOTE_ADDR="198.51.100.9",
    )
    [failed] = events(AuditAction.SIGN_IN_FAILED)
    assert failed.user is None
    assert failed.username == ""
    assert failed.subject_ref == manager.username
    assert failed.address == "198.51.100.9"
    assert "wrong" not in str(failed.detail)


def test_signing_out_when_not_signed_in_records_nothing():
    user_logged_out.send(sender=None, request=RequestFactory().get("/"), user=None)
    assert AuditEvent.objects.count() == 0


def test_roles_granted_changed_and_removed_on_the_web_are_recorded(kite, manager_client, manager):
    slug = kite["partnership"].slug
    manager_client.post(
        reverse("access:add", args=[slug]),
        {"username": "newcomer", "email": "new@example.org", "kind": "viewer"},
    )
    [granted] = events(AuditAction.ROLE_GRANTED, subject_ref="newcomer")
    assert granted.partnership == kite["partnership"]
    assert granted.user == manager
    role = Role.objects.get(user__username="newcomer")
    manager_client.post(reverse("access:change", args=[slug, role.pk]), {"kind": "member"})
    [changed] = events(AuditAction.ROLE_CHANGED)
    assert changed.detail == {"from": "viewer", "to": "member"}
    assert changed.user == manager
    manager_client.post(reverse("access:remove", args=[slug, role.pk]))
    [removed] = events(AuditAction.ROLE_REMOVED)
    assert removed.subject_ref == "newcomer"
    assert removed.detail == {"kind": "member"}


def test_saving_a_role_unchanged_records_no_change(kite):
    role = RoleFactory(partnership=kite["partnership"], kind="viewer")
    role.save()
    assert events(AuditAction.ROLE_CHANGED) == []


def test_a_grant_from_the_command_line_service_is_marked_as_such(kite):
    access_services.grant_role(
        kite["partnership"], username="cli-person", email="c@example.org", kind="member"
    )
    [granted] = events(AuditAction.ROLE_GRANTED, subject_ref="cli-person")
    assert granted.channel == Channel.COMMAND_LINE
    assert granted.user is None
    assert "os_user" in granted.detail


def test_every_change_and_deletion_of_a_record_names_the_person(kite, manager_client, manager):
    slug = kite["partnership"].slug
    alice = kite["alice"]
    response = manager_client.post(
        reverse("partnerships:person_edit", args=[slug, alice.pk]),
        {
            "name": "Alice Adams-Smith",
            "ref": alice.ref,
            "organisation": kite["council"].pk,
            "job_title": "Director",
            "email": "",
        },
        REMOTE_ADDR="192.0.2.1",
    )
    assert response.status_code == 302, response.content
    [changed] = events(AuditAction.RECORD_CHANGED, subject_type="person")
    assert changed.user == manager
    assert changed.partnership == kite["partnership"]
    assert changed.subject_ref == alice.ref
    assert "name" in changed.detail["fields"] and "job_title" in changed.detail["fields"]
    assert changed.address == "192.0.2.1"
    version = Person.history.get(history_id=changed.detail["history_id"])
    assert version.history_user == manager and version.name == "Alice Adams-Smith"

    membership = kite["membership"]
    manager_client.post(reverse("partnerships:membership_delete", args=[slug, membership.pk]))
    [deleted] = events(AuditAction.RECORD_DELETED, subject_type="membership")
    assert deleted.user == manager
    assert deleted.partnership == kite["partnership"]


def test_a_record_reached_through_several_keys_finds_its_partnership(kite):
    from partnerscope.apps.partnerships.models import Attendance

    Attendance.objects.create(meeting=kite["meeting"], person=kite["bola"])
    [added] = events(AuditAction.RECORD_CREATED, subject_type="attendance")
    assert added.partnership == kite["partnership"]


def test_a_shared_organisation_change_is_shown_in_each_of_its_partnerships(kite):
    other = PartnershipFactory()
    other.participations.create(organisation=kite["council"])
    AuditEvent.objects.all().delete()
    kite["council"].name = "Kite County Council"
    kite["council"].save()
    changed = events(AuditAction.RECORD_CHANGED, subject_type="organisation")
    assert {event.partnership for event in changed} == {kite["partnership"], other}


def test_deleting_a_partnership_keeps_its_events_site_wide(kite):
    partnership = Partnership.objects.get(pk=kite["partnership"].pk)
    Person.objects.filter(partnership=partnership).delete()
    partnership.delete()
    assert AuditEvent.objects.filter(partnership_id=kite["partnership"].pk).count() == 0
    [deleted] = events(AuditAction.RECORD_DELETED, subject_type="partnership")
    assert deleted.subject_label == "Kite Partnership"
    assert events(AuditAction.RECORD_DELETED, subject_type="body")


def test_an_event_outlives_the_account_that_did_it(kite):
    user = UserFactory(username="leaver")
    record(AuditAction.DATA_PACKAGE_EXPORTED, user=user, partnership=kite["partnership"])
    user.delete()
    [event] = events(AuditAction.DATA_PACKAGE_EXPORTED)
    assert event.user is None
    assert event.username == "leaver"


def test_the_web_export_of_a_data_package_is_recorded(kite, manager_client, manager):
    response = manager_client.get(reverse("partnerships:export", args=[kite["partnership"].slug]))
    assert response.status_code == 200
    [exported] = events(AuditAction.DATA_PACKAGE_EXPORTED)
    assert exported.user == manager
    assert exported.partnership == kite["partnership"]
    assert exported.channel == Channel.WEB
