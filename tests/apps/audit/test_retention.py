"""The purge: old audit events, and drafts and spent invitations of surveys closed long ago;
drafts of open surveys and every submitted answer stay."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from partnerscope.apps.audit.log import record
from partnerscope.apps.audit.models import AuditAction, AuditEvent
from partnerscope.apps.audit.retention import purge
from partnerscope.apps.chains.models import Invitation as WorkshopInvitation
from partnerscope.apps.chains.models import Participant, Workshop
from partnerscope.apps.network.models import Draft as RelationshipDraft
from partnerscope.apps.network.models import Representative, Tie
from partnerscope.apps.notifications.models import ReminderLog, Survey
from partnerscope.apps.sevens.models import Draft, Evidence, Invitation, Response
from tests.apps.chains.builders import falls_chain, workshop_with
from tests.apps.network import factories as network
from tests.apps.sevens.factories import make_invitation, make_responses, make_wave

pytestmark = pytest.mark.django_db


def aged(event: AuditEvent, days: int) -> None:
    AuditEvent.objects.filter(pk=event.pk).update(when=timezone.now() - dt.timedelta(days=days))


def test_events_older_than_the_retention_are_deleted(kite, settings):
    settings.AUDIT_RETENTION_DAYS = 730
    old = record(AuditAction.SIGNED_IN, username="old")
    aged(old, 731)
    kept = record(AuditAction.SIGNED_IN, username="recent")
    aged(kept, 729)
    purged = purge()
    assert purged.audit_events == 1
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=kept.pk).exists()
    [note] = AuditEvent.objects.filter(action=AuditAction.PURGED)
    assert note.detail["audit_events"] == 1


def sevens_wave_with_draft(kite, days_open, person):
    wave = make_wave(kite, days_open=days_open)
    invitation, _ = make_invitation(wave, person)
    Draft.objects.create(wave=wave, token_hash=invitation.token_hash, sector="council")
    make_responses(wave, 3, "council")
    Evidence.objects.create(wave=wave, element="style", text="Good chairing.")
    return wave


def test_drafts_and_invitations_of_long_closed_waves_go_and_answers_stay(kite, settings):
    settings.PURGE_AFTER_DAYS = 90
    long_closed = sevens_wave_with_draft(kite, (-200, -91), kite["alice"])
    recently_closed = sevens_wave_with_draft(kite, (-100, -89), kite["alice"])
    still_open = sevens_wave_with_draft(kite, (-400, 5), kite["bola"])
    purged = purge()
    assert purged.sevens_drafts == 1 and purged.sevens_invitations == 1
    assert not Draft.objects.filter(wave=long_closed).exists()
    assert not Invitation.objects.filter(wave=long_closed).exists()
    for wave in (recently_closed, still_open):
        assert Draft.objects.filter(wave=wave).count() == 1
        assert Invitation.objects.filter(wave=wave).count() == 1
    for wave in (long_closed, recently_closed, still_open):
        assert Response.objects.filter(wave=wave).count() == 3
        assert Evidence.objects.filter(wave=wave).count() == 1


def test_relationship_drafts_and_links_of_long_closed_waves_go(kite, settings):
    settings.PURGE_AFTER_DAYS = 90
    person = kite["alice"]
    old_wave = network.make_wave(kite, days_open=(-200, -100))
    open_wave = network.make_wave(kite, days_open=(-200, 3))
    old_rep, _ = network.make_representative(old_wave, person)
    open_rep, _ = network.make_representative(open_wave, person)
    for representative in (old_rep, open_rep):
        RelationshipDraft.objects.create(representative=representative, answers={"1": {}})
    Tie.objects.create(wave=old_wave, source=kite["council"], target=kite["police"], level=3)
    purged = purge()
    assert purged.relationship_drafts == 1 and purged.relationship_links == 1
    assert Representative.objects.get(pk=old_rep.pk).token_hash is None
    assert Representative.objects.get(pk=open_rep.pk).token_hash
    assert RelationshipDraft.objects.filter(representative=open_rep).exists()
    assert Tie.objects.filter(wave=old_wave).count() == 1


def test_invitations_of_workshops_closed_long_ago_go_and_answers_stay(kite, settings):
    settings.PURGE_AFTER_DAYS = 90
    chain = falls_chain(kite)["chain"]
    closed = workshop_with(chain, 3, 2, ref="old")
    still_open = workshop_with(chain, 3, 2, ref="new")
    for workshop in (closed, still_open):
        WorkshopInvitation.objects.create(workshop=workshop, token_hash=f"h-{workshop.ref}")
    closed.is_open = False
    closed.save()
    assert purge().workshop_invitations == 0
    Workshop.history.filter(id=closed.pk).update(
        history_date=timezone.now() - dt.timedelta(days=91)
    )
    assert purge().workshop_invitations == 1
    assert not WorkshopInvitation.objects.filter(workshop=closed).exists()
    assert WorkshopInvitation.objects.filter(workshop=still_open).count() == 1
    assert Participant.objects.filter(workshop=closed).count() == 5


def test_nothing_to_purge_records_nothing(kite):
    AuditEvent.objects.all().delete()
    assert purge().total == 0
    assert not AuditEvent.objects.exists()


def test_reminder_logs_of_long_closed_waves_go_with_their_invitations(kite, settings):
    settings.PURGE_AFTER_DAYS = 90
    long_closed = make_wave(kite, days_open=(-200, -91))
    still_open = make_wave(kite, days_open=(-20, 5))
    old_network = network.make_wave(kite, days_open=(-200, -100))
    for survey, wave in (
        (Survey.SEVENS, long_closed),
        (Survey.SEVENS, still_open),
        (Survey.NETWORK, old_network),
    ):
        ReminderLog.objects.create(survey=survey, wave_id=wave.pk, invitee_id=1, reminder="after-7")
    purged = purge()
    assert purged.reminder_logs == 2
    [kept] = ReminderLog.objects.all()
    assert (kept.survey, kept.wave_id) == (Survey.SEVENS, still_open.pk)
