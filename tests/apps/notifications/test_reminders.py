"""Survey reminders: only those who have not answered, each reminder once, opt-outs honoured,
the schedule kept, and a log that never says who answered an anonymous survey."""

from __future__ import annotations

import datetime as dt
import doctest
import re

import pytest
from django.core import mail
from django.urls import reverse

from partnerscope.apps.common.surveys import schedule
from partnerscope.apps.common.surveys.links import hash_token
from partnerscope.apps.network import invitations as network_invitations
from partnerscope.apps.network import representatives as network_representatives
from partnerscope.apps.notifications import services
from partnerscope.apps.notifications.models import OptOut, ReminderLog, Survey
from partnerscope.apps.sevens import answering as sevens_answering
from partnerscope.apps.sevens import invitations as sevens_invitations
from partnerscope.apps.sevens.models import Draft, Invitation
from tests.apps.network.factories import make_representative
from tests.apps.network.factories import make_wave as make_network_wave
from tests.apps.sevens.factories import add_person, make_invitation, make_wave

pytestmark = pytest.mark.django_db


def test_the_schedule_examples_run():
    assert doctest.testmod(schedule).failed == 0


def invited_wave(kite, **fields):
    """A 7S wave opened 3 days ago with Alice, Bola and Chidi invited, all with e-mail."""
    for key in ("alice", "bola"):
        kite[key].email = f"{key}@example.org"
        kite[key].save()
    add_person(kite, "Chidi Okafor", "health", email="chidi@example.org")
    wave = make_wave(kite, **fields)
    sevens_invitations.send_invitations(wave)
    mail.outbox.clear()
    return wave


def reminded(today):
    """Queue (and, with the immediate backend, send) what is due on ``today``."""
    mail.outbox.clear()
    services.queue_due_reminders(today)
    return sorted(address for message in mail.outbox for address in message.to)


def test_only_those_who_have_not_answered_are_reminded(kite):
    wave = invited_wave(kite, reminder_days=[2])
    Invitation.objects.filter(person=kite["bola"]).update(answered=True)
    assert reminded(wave.opens + dt.timedelta(days=2)) == [
        "alice@example.org",
        "chidi@example.org",
    ]


def test_each_reminder_goes_once_to_each_person(kite):
    wave = invited_wave(kite, reminder_days=[2])
    day = wave.opens + dt.timedelta(days=2)
    assert len(reminded(day)) == 3
    assert reminded(day) == []
    assert reminded(day + dt.timedelta(days=1)) == []
    assert ReminderLog.objects.filter(survey="sevens", wave_id=wave.pk).count() == 3
    assert services.send_reminder("sevens", wave.pk, "after-2", day) == 0


def test_the_schedule_is_kept(kite):
    wave = invited_wave(kite, reminder_days=[1, 3], reminder_before_closing=1)
    opens, closes = wave.opens, wave.closes
    assert reminded(opens) == []
    assert len(reminded(opens + dt.timedelta(days=1))) == 3
    assert reminded(opens + dt.timedelta(days=2)) == []
    assert len(reminded(opens + dt.timedelta(days=3))) == 3
    assert reminded(closes - dt.timedelta(days=2)) == []
    assert len(reminded(closes - dt.timedelta(days=1))) == 3
    assert reminded(closes) == []
    assert reminded(closes + dt.timedelta(days=1)) == []
    keys = set(ReminderLog.objects.values_list("reminder", flat=True))
    assert keys == {"after-1", "after-3", "before-1"}


def test_a_missed_day_sends_the_latest_reminder_once_and_never_an_earlier_one(kite):
    wave = invited_wave(kite, reminder_days=[1, 2])
    assert len(reminded(wave.opens + dt.timedelta(days=3))) == 3
    assert set(ReminderLog.objects.values_list("reminder", flat=True)) == {"after-2"}
    assert reminded(wave.opens + dt.timedelta(days=4)) == []


def test_a_wave_with_no_schedule_sends_no_reminders(kite):
    wave = invited_wave(kite)
    assert reminded(wave.opens + dt.timedelta(days=2)) == []


def test_someone_who_opted_out_is_not_reminded(kite):
    wave = invited_wave(kite, reminder_days=[2])
    services.opt_out(kite["alice"])
    assert "alice@example.org" not in reminded(wave.opens + dt.timedelta(days=2))


def test_the_reminder_carries_the_persons_working_link_and_an_opt_out_link(kite):
    wave = invited_wave(kite, reminder_days=[2])
    reminded(wave.opens + dt.timedelta(days=2))
    message = next(m for m in mail.outbox if m.to == ["alice@example.org"])
    assert message.subject.startswith("Reminder: Kite Partnership")
    token = re.search(r"/a/sevens/([^/\s]+)/", message.body).group(1)
    assert sevens_answering.invitation_by_token(token).person == kite["alice"]
    assert "/a/reminders/" in message.body


def test_an_old_link_that_cannot_be_made_again_is_renewed_and_keeps_the_draft(kite):
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    wave = make_wave(kite, reminder_days=[2])
    invitation, old = make_invitation(wave, kite["alice"])
    Draft.objects.create(wave=wave, token_hash=invitation.token_hash, answers={"scs.1": "4"})
    reminded(wave.opens + dt.timedelta(days=2))
    token = re.search(r"/a/sevens/([^/\s]+)/", mail.outbox[0].body).group(1)
    assert token != old
    invitation.refresh_from_db()
    assert hash_token(token) == invitation.token_hash
    assert Draft.objects.get(wave=wave).token_hash == invitation.token_hash


def test_links_in_invitations_and_reminders_use_the_configured_base_url(kite, settings):
    settings.PARTNERSCOPE_BASE_URL = "https://partners.example.org"
    wave = invited_wave(kite, reminder_days=[2])
    invitation_links = sevens_invitations.send_invitations(wave)
    assert invitation_links.issued == []
    reminded(wave.opens + dt.timedelta(days=2))
    for message in mail.outbox:
        links = re.findall(r"https?://\S+", message.body)
        assert links and all(link.startswith("https://partners.example.org/") for link in links)


def test_relationship_survey_representatives_are_reminded_until_their_organisation_answers(
    kite,
):
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    kite["bola"].email = "bola@example.org"
    kite["bola"].save()
    wave = make_network_wave(kite, reminder_days=[2])
    network_representatives.suggest_representatives(wave)
    network_invitations.send_invitations(wave)
    wave.representatives.filter(person=kite["bola"]).update(answered=dt.datetime.now(dt.UTC))
    assert reminded(wave.opens + dt.timedelta(days=2)) == ["alice@example.org"]
    assert "Kite Council's answers" in mail.outbox[0].body


# ---- Opting out ----------------------------------------------------------------------


def test_the_opt_out_link_works_without_signing_in_and_only_on_the_button(client, kite):
    url = reverse("notifications_public:opt_out", args=[services.opt_out_token(kite["alice"])])
    page = client.get(url)
    assert page.status_code == 200
    assert "Stop reminders" in page.content.decode()
    assert not OptOut.objects.exists()
    done = client.post(url)
    assert "You will get no more reminders" in done.content.decode()
    assert OptOut.objects.get().person == kite["alice"]
    client.post(url)
    assert OptOut.objects.count() == 1


def test_a_forged_opt_out_link_is_refused(client, kite):
    token = services.opt_out_token(kite["alice"])
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.post(reverse("notifications_public:opt_out", args=[forged]))
    assert response.status_code == 404
    assert not OptOut.objects.exists()


# ---- The log -------------------------------------------------------------------------


def test_the_7s_log_shows_counts_but_never_who_was_reminded(manager_client, kite):
    wave = invited_wave(kite, reminder_days=[2])
    Invitation.objects.filter(person=kite["bola"]).update(answered=True)
    reminded(wave.opens + dt.timedelta(days=2))
    page = manager_client.get(reverse("notifications:sevens_log", args=["kite", wave.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "2 reminders sent" in text
    assert "2 days after opening" in text
    for name in ("Alice Adams", "Bola Bello", "Chidi Okafor"):
        assert name not in text


def test_the_relationship_survey_log_names_the_representatives_reminded(manager_client, kite):
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    wave = make_network_wave(kite, reminder_days=[2])
    make_representative(wave, kite["alice"])
    reminded(wave.opens + dt.timedelta(days=2))
    page = manager_client.get(reverse("notifications:network_log", args=["kite", wave.pk]))
    assert "Alice Adams (Kite Council)" in page.content.decode()


def test_the_log_is_for_managers(client, role_user, kite):
    wave = make_wave(kite)
    client.force_login(role_user("member"))
    page = client.get(reverse("notifications:sevens_log", args=["kite", wave.pk]))
    assert page.status_code == 403
    assert services.reminder_page(Survey.SEVENS, wave).total == 0


def test_another_partnerships_wave_is_not_found_under_this_partnership(manager_client, kite):
    from tests.apps.partnerships.factories import PartnershipFactory

    other = {**kite, "partnership": PartnershipFactory(slug="other")}
    wave = make_wave(other)
    page = manager_client.get(reverse("notifications:sevens_log", args=["kite", wave.pk]))
    assert page.status_code == 404
    network_wave = make_network_wave(other)
    page = manager_client.get(reverse("notifications:network_log", args=["kite", network_wave.pk]))
    assert page.status_code == 404


# ---- The schedule on the wave forms ----------------------------------------------------


def wave_data(**extra):
    today = dt.date.today()
    return {
        "title": "Spring wave",
        "opens": today.isoformat(),
        "closes": (today + dt.timedelta(days=10)).isoformat(),
        **extra,
    }


def test_the_relationship_survey_form_takes_a_schedule(kite):
    from partnerscope.apps.network.forms import WaveForm

    form = WaveForm(
        wave_data(reminder_days="7, 3,3", reminder_before_closing="0"),
        partnership=kite["partnership"],
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["reminder_days"] == [3, 7]
    assert form.cleaned_data["reminder_before_closing"] == 0


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"reminder_days": "3, soon"}, "reminder_days", "'soon' is not a whole number"),
        ({"reminder_days": "11"}, "reminder_days", "would come after it closes"),
        ({"reminder_before_closing": "10"}, "reminder_before_closing", "fewer days"),
    ],
)
def test_a_schedule_outside_the_wave_is_refused(kite, extra, field, message):
    from partnerscope.apps.sevens.forms import WaveForm

    data = wave_data(bodies=[kite["board"].pk], **extra)
    form = WaveForm(data, partnership=kite["partnership"])
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])
