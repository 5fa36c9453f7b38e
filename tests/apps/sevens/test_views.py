"""The 7S pages: answering by link and signed in, managing waves, results."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.sevens import answering, services
from partnerscope.apps.sevens.models import Draft, Invitation, LocalStatement, Response, Wave
from tests.apps.sevens.factories import (
    make_closed_wave,
    make_invitation,
    make_local,
    make_responses,
    make_wave,
)

pytestmark = pytest.mark.django_db


def page_answers(invitation: Invitation, number: int, value: str = "4") -> dict[str, str]:
    page = answering.element_page(invitation, number)
    data = {f"answer_{s.id.replace('.', '_')}": value for s in page.statements}
    return {**data, "evidence": "", "action": "next"}


def test_answering_by_link_from_start_to_finish(client, kite):
    wave = make_wave(kite)
    invitation, token = make_invitation(wave, kite["alice"])
    about = reverse("sevens_public:about", args=[token])
    response = client.get(about)
    assert response.status_code == 200
    assert "About you" in response.content.decode()

    response = client.post(about, {"action": "next"})
    assert response.status_code == 400
    assert "Select the sector your organisation is in" in response.content.decode()

    response = client.post(about, {"sector": "police", "layers": ["operational"], "action": "next"})
    assert response["Location"] == reverse("sevens_public:step", args=[token, 1])
    page = client.get(response["Location"]).content.decode()
    assert "Element 1 of 7" in page
    assert "Don&#x27;t know" in page

    for number in range(1, 8):
        data = page_answers(invitation, number, "dk" if number == 2 else "4")
        response = client.post(reverse("sevens_public:step", args=[token, number]), data)
        assert response.status_code == 302
    assert response["Location"] == reverse("sevens_public:check", args=[token])
    check = client.get(response["Location"]).content.decode()
    assert "Check your answers" in check
    assert "Police" in check

    response = client.post(reverse("sevens_public:check", args=[token]))
    assert response["Location"] == reverse("sevens_public:thanks")
    stored = Response.objects.get()
    assert stored.sector == "police"
    assert "dk" in stored.answers.values()
    assert not Draft.objects.exists()

    again = client.get(about)
    assert again.status_code == 410
    assert "You have already answered" in again.content.decode()
    assert client.post(reverse("sevens_public:check", args=[token])).status_code == 410
    assert Response.objects.count() == 1


def test_save_and_come_back_later(client, kite):
    wave = make_wave(kite)
    invitation, token = make_invitation(wave, kite["alice"])
    client.post(
        reverse("sevens_public:about", args=[token]),
        {"sector": "council", "layers": ["strategic"], "action": "next"},
    )
    data = {
        **page_answers(invitation, 3, "2"),
        "evidence": "Agendas arrive late.",
        "action": "later",
    }
    response = client.post(reverse("sevens_public:step", args=[token, 3]), data)
    assert response["Location"] == reverse("sevens_public:saved", args=[token])
    assert "Your answers are saved" in client.get(response["Location"]).content.decode()
    resumed = client.get(reverse("sevens_public:step", args=[token, 3])).content.decode()
    assert 'value="2" checked' in resumed
    assert "Agendas arrive late." in resumed
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("days", "words"),
    [((-20, -1), "This survey has closed"), ((3, 9), "This survey is not open yet")],
)
def test_a_closed_or_unopened_wave_refuses_with_a_clear_message(client, kite, days, words):
    wave = make_wave(kite, days_open=days)
    _, token = make_invitation(wave, kite["alice"])
    response = client.get(reverse("sevens_public:about", args=[token]))
    assert response.status_code == 403
    assert words in response.content.decode()
    response = client.post(reverse("sevens_public:check", args=[token]))
    assert response.status_code == 403
    assert not Response.objects.exists()


def test_a_bad_link_gets_404_with_a_message(client, kite):
    response = client.get(reverse("sevens_public:about", args=["nonsense"]))
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_a_signed_in_member_answers_through_their_invitation(client, kite, role_user):
    user = role_user("member")
    kite["bola"].user = user
    kite["bola"].save()
    wave = make_wave(kite)
    invitation, _ = make_invitation(wave, kite["bola"])
    client.force_login(user)
    index = client.get(reverse("sevens:index", args=["kite"])).content.decode()
    assert f"Answer {wave.title}" in index
    start = reverse("sevens:answer", args=["kite", wave.pk])
    client.post(start, {"sector": "police", "layers": ["executive"], "action": "next"})
    for number in range(1, 8):
        url = reverse("sevens:answer_step", args=["kite", wave.pk, number])
        assert client.post(url, page_answers(invitation, number)).status_code == 302
    response = client.post(reverse("sevens:answer_check", args=["kite", wave.pk]))
    assert response["Location"] == reverse("sevens:index", args=["kite"])
    assert Response.objects.get().sector == "police"
    assert client.get(start).status_code == 410


def test_viewers_cannot_answer_signed_in(client, kite, role_user):
    client.force_login(role_user("viewer"))
    wave = make_wave(kite)
    assert client.get(reverse("sevens:answer", args=["kite", wave.pk])).status_code == 403


def test_manager_opens_a_wave(manager_client, kite):
    url = reverse("sevens:wave_create", args=["kite"])
    today = timezone.localdate()
    bad = {
        "title": "Spring wave",
        "opens": today.isoformat(),
        "closes": (today - dt.timedelta(days=1)).isoformat(),
        "bodies": [kite["board"].pk],
    }
    response = manager_client.post(url, bad)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    good = {**bad, "closes": (today + dt.timedelta(days=14)).isoformat()}
    response = manager_client.post(url, good)
    wave = Wave.objects.get(title="Spring wave")
    assert response["Location"] == reverse("sevens:wave", args=["kite", wave.pk])
    assert wave.instrument_version == services.shared_instrument().version
    assert list(wave.bodies.all()) == [kite["board"]]


def test_members_cannot_manage_waves(client, kite, role_user):
    client.force_login(role_user("member"))
    assert client.get(reverse("sevens:wave_create", args=["kite"])).status_code == 403
    wave = make_wave(kite)
    assert client.get(reverse("sevens:invitations", args=["kite", wave.pk])).status_code == 403


def test_sending_invitations_shows_each_link_once(manager_client, kite, settings):
    settings.PARTNERSCOPE_BASE_URL = "https://partners.example.org"
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    wave = make_wave(kite)
    url = reverse("sevens:invitations", args=["kite", wave.pk])
    page = manager_client.get(url).content.decode()
    assert "Send invitations to 2 people" in page
    page = manager_client.post(url).content.decode()
    assert "2 new links" in page
    assert "https://partners.example.org/a/sevens/" in page
    assert "No e-mail address" in page
    assert len(mail.outbox) == 1
    later = manager_client.get(url).content.decode()
    assert "https://partners.example.org/a/sevens/" not in later
    assert "Everyone has been invited" in later


def test_a_new_link_for_one_person(manager_client, kite):
    wave = make_wave(kite)
    invitation, old = make_invitation(wave, kite["alice"])
    url = reverse("sevens:invitation_renew", args=["kite", wave.pk, invitation.pk])
    assert "Give Alice Adams a new link?" in manager_client.get(url).content.decode()
    page = manager_client.post(url).content.decode()
    assert "1 new link" in page
    assert manager_client.get(reverse("sevens_public:about", args=[old])).status_code == 404


def test_response_rates_come_as_an_htmx_fragment(manager_client, kite):
    wave = make_wave(kite)
    make_invitation(wave, kite["alice"])
    url = reverse("sevens:wave", args=["kite", wave.pk])
    full = manager_client.get(url).content.decode()
    assert "<html" in full and 'hx-trigger="every 15s"' in full
    fragment = manager_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment
    assert fragment.strip().startswith('<div id="ps-sevens-rates"')
    assert "0 of 1" in fragment


def test_manager_adds_and_deletes_a_local_statement(manager_client, kite):
    wave = make_wave(kite)
    url = reverse("sevens:local_create", args=["kite", wave.pk])
    response = manager_client.post(
        url, {"element": "steering", "text": "Budgets follow priorities.", "layers": ["executive"]}
    )
    assert response.status_code == 302
    statement = LocalStatement.objects.get()
    assert (statement.statement_id, statement.layers) == ("local.1", ["executive"])
    delete = reverse("sevens:local_delete", args=["kite", wave.pk, statement.pk])
    assert manager_client.post(delete).status_code == 302
    assert not LocalStatement.objects.exists()


def test_local_statements_are_locked_once_answers_arrive(manager_client, kite):
    wave = make_wave(kite)
    statement = make_local(wave)
    make_responses(wave, 1, "council")
    url = reverse("sevens:local_create", args=["kite", wave.pk])
    response = manager_client.post(url, {"element": "style", "text": "New."})
    assert response.status_code == 400
    assert "already answered" in response.content.decode()
    delete = reverse("sevens:local_delete", args=["kite", wave.pk, statement.pk])
    assert manager_client.post(delete).status_code == 400
    assert LocalStatement.objects.count() == 1


def test_results_pages_show_scores_local_statements_and_practice_notes(client, kite, role_user):
    wave = make_closed_wave(kite)
    make_local(wave, "steering", "Budgets follow priorities.")
    make_responses(wave, 6, "council", 2)
    client.force_login(role_user("viewer"))
    page = client.get(reverse("sevens:results", args=["kite", wave.pk])).content.decode()
    assert "The 7S wheel: element scores out of 100" in page
    assert "<desc" in page and "Show the data behind this chart" in page
    assert "1 local statement added for this wave" in page
    assert "Steering scores 25: below 50" in page
    steering = reverse("sevens:element_results", args=["kite", wave.pk, "steering"])
    element = client.get(steering).content.decode()
    assert "Warning signs" in element
    assert "Local" in element and "Budgets follow priorities." in element
    missing = reverse("sevens:element_results", args=["kite", wave.pk, "nonsense"])
    assert client.get(missing).status_code == 404


def test_results_json_has_the_documented_keys(manager_client, kite):
    wave = make_closed_wave(kite)
    make_responses(wave, 5, "council")
    response = manager_client.get(reverse("sevens:results_json", args=["kite", wave.pk]))
    data = response.json()
    assert data["wave"]["id"] == wave.ref
    assert {"elements", "items", "groups", "withheld", "strongest", "weakest"} <= set(data)


def test_a_wave_of_another_partnership_is_not_found(manager_client, kite):
    from tests.apps.partnerships.factories import PartnershipFactory

    other = make_wave({**kite, "partnership": PartnershipFactory()})
    for name in ("sevens:wave", "sevens:results", "sevens:answer"):
        assert manager_client.get(reverse(name, args=["kite", other.pk])).status_code == 404


def test_results_wait_until_the_wave_closes(manager_client, kite):
    wave = make_wave(kite)
    make_responses(wave, 6, "council", 2)
    page = manager_client.get(reverse("sevens:results", args=["kite", wave.pk])).content.decode()
    assert "Results are published when the wave closes" in page
    assert "The 7S wheel" not in page
    element = reverse("sevens:element_results", args=["kite", wave.pk, "style"])
    assert "Show the data behind this chart" not in manager_client.get(element).content.decode()
    data = manager_client.get(reverse("sevens:results_json", args=["kite", wave.pk])).json()
    assert data["published"] is False
    assert "elements" not in data


def test_a_closed_wave_cannot_be_reopened(manager_client, kite):
    wave = make_closed_wave(kite)
    url = reverse("sevens:wave_edit", args=["kite", wave.pk])
    later = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    data = {
        "title": "Renamed",
        "opens": wave.opens.isoformat(),
        "closes": later,
        "bodies": [kite["board"].pk],
    }
    response = manager_client.post(url, data)
    assert response.status_code == 400
    assert "cannot be reopened" in response.content.decode()
    response = manager_client.post(url, {**data, "closes": wave.closes.isoformat()})
    assert response.status_code == 302
    wave.refresh_from_db()
    assert wave.title == "Renamed"
