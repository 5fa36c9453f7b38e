"""Sends of one survey link that race: one set of answers, and "already answered" for the rest.

On a survey's launch day a respondent double-clicks "Send", or opens the link in two tabs.
Each survey locks its respondent when sending and checks it again, so the answers are stored
once; the request that loses the race must see the survey's own "already answered" page,
never a server error.

The deterministic tests replay the losing side of the race on every database: the request
has already read its respondent (unanswered) when another request's send commits. The
threaded tests send at the same moment from separate connections; they need PostgreSQL,
since the test suite's SQLite database is one in-memory file whose shared cache refuses a
second writer at once instead of waiting for it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from partnerscope.apps.chains import rating as chains
from partnerscope.apps.chains.models import Participant, Rating
from partnerscope.apps.network import answering as network
from partnerscope.apps.network.models import Draft as NetworkDraft
from partnerscope.apps.network.models import Representative, Tie
from partnerscope.apps.sevens import answering as sevens
from partnerscope.apps.sevens.models import Draft as SevensDraft
from partnerscope.apps.sevens.models import Evidence, Invitation, Response
from tests.apps.chains.builders import QUESTIONS, falls_chain, workshop_with
from tests.apps.network.factories import add_organisation, make_representative
from tests.apps.network.factories import make_wave as make_network_wave
from tests.apps.sevens.factories import make_invitation
from tests.apps.sevens.factories import make_wave as make_sevens_wave

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
ATTEMPTS = 10


def sevens_ready_to_send(kite: dict[str, Any]) -> tuple[Invitation, str]:
    """An invitation whose draft can be sent: about you, one page answered, some evidence."""
    invitation, token = make_invitation(make_sevens_wave(kite), kite["alice"])
    sevens.save_about(invitation, "police", ["operational"])
    page = sevens.element_page(invitation, 1)
    sevens.save_element(
        invitation, page, {s.id: "4" for s in page.statements}, "Board papers arrive late."
    )
    return invitation, token


def network_ready_to_send(kite: dict[str, Any]) -> tuple[Representative, str]:
    """A representative who has answered about one organisation of two."""
    add_organisation(kite, "Charity")
    representative, token = make_representative(make_network_wave(kite), kite["alice"])
    network.save_answers(representative, {kite["police"].pk: {"level": 3}})
    return representative, token


def rating_answers() -> dict[str, str]:
    return {"level": "operational", **dict.fromkeys(QUESTIONS, "green"), "comment": "Fine."}


def the_other_send_commits_first(monkeypatch: pytest.MonkeyPatch, area: Any, model: Any) -> None:
    """Make the area's send run first for a fresh copy of the respondent, as the request
    that wins the race would, and then for the copy this request read before it."""
    send = area.submit

    def lose(respondent: Any) -> Any:
        send(model.objects.get(pk=respondent.pk))
        return send(respondent)

    monkeypatch.setattr(area, "submit", lose)


# ---- The losing side of the race, on every database ----------------------------------


@pytest.mark.django_db
def test_a_7s_send_after_another_committed_sees_already_answered(kite, client, monkeypatch):
    _, token = sevens_ready_to_send(kite)
    the_other_send_commits_first(monkeypatch, sevens, Invitation)
    response = client.post(reverse("sevens_public:check", args=[token]))
    assert response.status_code == 410
    assert "You have already answered" in response.content.decode()
    assert Response.objects.count() == 1
    assert Evidence.objects.count() == 1
    assert not SevensDraft.objects.exists()


@pytest.mark.django_db
def test_a_signed_in_7s_send_after_another_committed_sees_already_answered(
    kite, client, role_user, monkeypatch
):
    invitation, _ = sevens_ready_to_send(kite)
    member = role_user("member")
    kite["alice"].user = member
    kite["alice"].save()
    client.force_login(member)
    the_other_send_commits_first(monkeypatch, sevens, Invitation)
    response = client.post(reverse("sevens:answer_check", args=["kite", invitation.wave.pk]))
    assert response.status_code == 410
    page = response.content.decode()
    assert "You have already answered" in page
    assert "Thank you: your answers are in" not in page
    assert Response.objects.count() == 1


@pytest.mark.django_db
def test_a_relationship_send_after_another_committed_sees_already_answered(
    kite, client, monkeypatch
):
    _, token = network_ready_to_send(kite)
    the_other_send_commits_first(monkeypatch, network, Representative)
    response = client.post(reverse("network_public:check", args=[token]))
    assert response.status_code == 410
    assert "Your organisation has already answered" in response.content.decode()
    assert Tie.objects.count() == 2
    assert Tie.objects.filter(target=kite["police"]).get().level == 3
    assert not NetworkDraft.objects.exists()


@pytest.mark.django_db
def test_a_rating_sent_after_another_committed_sees_already_given(kite, client, monkeypatch):
    workshop = workshop_with(falls_chain(kite)["chain"], 0, 0)
    (token,) = chains.create_invitations(workshop, 1)
    record = chains.record_answers

    def lose(invitation: Any, answers: Any) -> Any:
        record(chains.Invitation.objects.get(pk=invitation.pk), answers)
        return record(invitation, answers)

    monkeypatch.setattr(chains, "record_answers", lose)
    response = client.post(reverse("chains_public:rate", args=[token]), rating_answers())
    assert response.status_code == 409
    assert "already been given" in response.content.decode()
    assert Participant.objects.count() == 1
    assert Rating.objects.count() == len(QUESTIONS)


# ---- Sends at the same moment from separate connections (PostgreSQL) -------------------


def at_once(count: int, send: Callable[[int], Any]) -> list[Any]:
    """Run ``send(i)`` for ``i`` in ``range(count)`` in threads released together; each
    thread has its own database connection, closed when it ends."""
    start = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(number: int) -> None:
        try:
            start.wait()
            results[number] = send(number)
        except Exception as error:  # noqa: BLE001 - the test reports what each thread met
            results[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def statuses(results: list[Any]) -> Counter[Any]:
    return Counter(getattr(result, "status_code", repr(result)) for result in results)


needs_postgresql = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="separate writers need PostgreSQL (see the module's docstring)"
)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_ten_7s_sends_of_one_link_at_once_store_one_set_of_answers(kite):
    _, token = sevens_ready_to_send(kite)
    check = reverse("sevens_public:check", args=[token])
    results = at_once(ATTEMPTS, lambda _: Client().post(check))
    assert statuses(results) == {302: 1, 410: ATTEMPTS - 1}
    refused = [r for r in results if r.status_code == 410]
    assert all("You have already answered" in r.content.decode() for r in refused)
    assert Response.objects.count() == 1
    assert Evidence.objects.count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_ten_relationship_sends_of_one_link_at_once_record_the_ties_once(kite):
    _, token = network_ready_to_send(kite)
    check = reverse("network_public:check", args=[token])
    results = at_once(ATTEMPTS, lambda _: Client().post(check))
    assert statuses(results) == {302: 1, 410: ATTEMPTS - 1}
    assert Tie.objects.count() == 2


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_ten_ratings_of_one_link_at_once_are_stored_once(kite):
    workshop = workshop_with(falls_chain(kite)["chain"], 0, 0)
    (token,) = chains.create_invitations(workshop, 1)
    rate = reverse("chains_public:rate", args=[token])
    results = at_once(ATTEMPTS, lambda _: Client().post(rate, rating_answers()))
    assert statuses(results) == {200: 1, 409: ATTEMPTS - 1}
    assert Participant.objects.count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_ten_people_rating_one_workshop_at_once_are_each_stored(kite):
    workshop = workshop_with(falls_chain(kite)["chain"], 0, 0)
    tokens = chains.create_invitations(workshop, ATTEMPTS)
    results = at_once(
        ATTEMPTS,
        lambda n: Client().post(reverse("chains_public:rate", args=[tokens[n]]), rating_answers()),
    )
    assert statuses(results) == {200: ATTEMPTS}
    refs = sorted(workshop.participants.values_list("ref", flat=True))
    assert refs == [f"spring-p{n:02d}" for n in range(1, ATTEMPTS + 1)]
    assert Rating.objects.count() == ATTEMPTS * len(QUESTIONS)
