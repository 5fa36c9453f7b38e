"""Managers add committees, members, reviews, referrals and training; others may not."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerscope.apps.scrutiny.models import Committee, Referral, Review, Training
from tests.apps.scrutiny.builders import review

pytestmark = pytest.mark.django_db


def test_manager_adds_committee_review_referral_and_training(client, kite, manager):
    client.force_login(manager)
    response = client.post(
        reverse("scrutiny:committee_new", args=["kite"]),
        {"name": "Joint Health Scrutiny", "kind": "joint", "councils": "Kite; Tail"},
    )
    assert response.status_code == 302
    committee = Committee.objects.get(name="Joint Health Scrutiny")
    response = client.post(
        reverse("scrutiny:review_new", args=["kite", committee.ref]),
        {
            "topic": "Hospital discharge",
            "started": "2025-04-01",
            "organisations_called": [kite["police"].pk],
            "bodies_called": [kite["board"].pk],
        },
    )
    assert response.status_code == 302
    added = Review.objects.get(topic="Hospital discharge")
    assert list(added.organisations_called.all()) == [kite["police"]]
    client.post(
        reverse("scrutiny:referral_new", args=["kite", committee.ref]),
        {
            "councillor": "Cllr A",
            "matter": "Lights",
            "received": "2025-05-01",
            "decision": "pending",
        },
    )
    assert Referral.objects.get().ref == "referral"
    response = client.post(
        reverse("scrutiny:training_new", args=["kite"]),
        {
            "person": kite["alice"].pk,
            "topic": "Partnership working",
            "date": "2025-01-01",
            "partnership_working": "on",
        },
    )
    assert response.status_code == 302 and Training.objects.get().partnership_working


def test_training_needs_one_trainee_and_keeps_the_input(client, kite, manager):
    client.force_login(manager)
    response = client.post(
        reverse("scrutiny:training_new", args=["kite"]), {"topic": "Keep me", "date": "2025-01-01"}
    )
    assert response.status_code == 400
    assert "Choose one board member or one committee member." in response.content.decode()
    assert "Keep me" in response.content.decode()
    assert not Training.objects.exists()


def test_scrutineer_may_not_manage(client, kite, role_user):
    client.force_login(role_user("scrutineer"))
    ref = review(kite).committee.ref
    assert client.get(reverse("scrutiny:review_new", args=["kite", ref])).status_code == 403
    assert client.get(reverse("scrutiny:committee_new", args=["kite"])).status_code == 403
