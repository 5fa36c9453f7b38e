"""The scrutiny pages: the due date as the pages show it, who may respond, the tracker's due
and overdue, permissions, and bad input that loses nothing."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse

from partnerscope.apps.scrutiny.models import ProgressUpdate, Recommendation, Response
from tests.apps.partnerships.factories import PersonFactory
from tests.apps.scrutiny.builders import key, recommendation, review

pytestmark = pytest.mark.django_db


def page(name: str, *args: str) -> str:
    return reverse(f"scrutiny:{name}", args=["kite", *args])


@pytest.fixture
def police_rep(kite, role_user):
    user = role_user("member")
    PersonFactory(partnership=kite["partnership"], organisation=kite["police"], user=user)
    return user


@pytest.mark.parametrize(
    ("received", "shown"),
    [
        ("2024-12-31", "28 February 2025"),
        ("2023-12-31", "29 February 2024"),
        ("2025-08-31", "31 October 2025"),
        ("2025-01-15", "15 March 2025"),
    ],
)
def test_due_date_through_the_pages(client, kite, role_user, received, shown):
    client.force_login(role_user("scrutineer"))
    response = client.post(
        page("recommend", "osc--" + review(kite).ref),
        {"text": "Fund refuge places", "organisation": kite["police"].pk, "received": received},
    )
    assert response.status_code == 302
    assert shown in client.get(response["Location"]).content.decode()


def test_scrutineer_makes_recommendations_and_viewer_cannot(client, kite, role_user):
    url = page("recommend", "osc--" + review(kite).ref)
    client.force_login(role_user("viewer"))
    assert client.get(url).status_code == 403
    client.force_login(role_user("scrutineer"))
    assert client.get(url).status_code == 200


def test_representative_responds_only_to_own_organisation(client, kite, police_rep):
    to_police = recommendation(kite, "p1", to="police", received=date(2025, 1, 10))
    to_council = recommendation(kite, "c1", to="council", received=date(2025, 1, 10))
    client.force_login(police_rep)
    answer = {"decision": "accepted", "proposed_action": "Fund it", "published": "2025-03-01"}
    assert client.post(page("respond", key(to_council)), answer).status_code == 403
    assert not Response.objects.filter(recommendation=to_council).exists()
    assert client.post(page("respond", key(to_police)), answer).status_code == 302
    assert Response.objects.get(recommendation=to_police).written_by
    update = {"date": "2025-06-01", "text": "Funded", "closes": "on"}
    assert client.post(page("progress", key(to_council)), update).status_code == 403
    assert client.post(page("progress", key(to_police)), update).status_code == 302
    assert ProgressUpdate.objects.get(recommendation=to_police).closes


def test_scrutineer_without_a_person_may_not_respond(client, kite, role_user):
    item = recommendation(kite, received=date(2025, 1, 10))
    client.force_login(role_user("scrutineer"))
    assert client.get(page("respond", key(item))).status_code == 403


def test_outsider_gets_404(client, kite, outsider):
    item = recommendation(kite)
    client.force_login(outsider)
    assert client.get(page("respond", key(item))).status_code == 404
    assert client.get(page("tracker")).status_code == 404


def test_tracker_due_and_overdue(client, kite, role_user):
    today = date.today()
    recommendation(kite, "late", received=today - timedelta(days=70))
    recommendation(kite, "ontime", received=today - timedelta(days=5))
    client.force_login(role_user("viewer"))
    html = client.get(page("tracker")).content.decode()
    assert "1 overdue" in html and "1 due" in html
    rows = list(
        csv.DictReader(io.StringIO(client.get(page("tracker") + "?format=csv").content.decode()))
    )
    assert {row["recommendation"].split("--")[-1]: row["status"] for row in rows} == {
        "late": "overdue",
        "ontime": "due",
    }


def test_rejection_without_reasons_is_refused_and_loses_nothing(client, kite, police_rep):
    item = recommendation(kite, received=date(2025, 1, 10))
    client.force_login(police_rep)
    response = client.post(
        page("respond", key(item)),
        {"decision": "rejected", "proposed_action": "Keep my words", "published": "2025-03-01"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the reasons for rejecting the recommendation." in html
    assert "Keep my words" in html
    assert not Response.objects.exists()


def test_bad_date_is_refused_and_loses_nothing(client, kite, role_user):
    client.force_login(role_user("scrutineer"))
    response = client.post(
        page("recommend", "osc--" + review(kite).ref),
        {"text": "Keep this text", "organisation": kite["police"].pk, "received": "2025-02-30"},
    )
    assert response.status_code == 400
    assert "Keep this text" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_other_pages_render(client, kite, role_user):
    recommendation(kite, received=date(2025, 1, 10))
    client.force_login(role_user("scrutineer"))
    for name in ("index", "questions", "development"):
        assert client.get(page(name)).status_code == 200
    client.force_login(role_user("viewer"))
    assert client.get(page("questions")).status_code == 403
