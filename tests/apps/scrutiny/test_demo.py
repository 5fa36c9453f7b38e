"""Northshire's scrutiny in the demo: the domestic-abuse review's three recommendations (one
answered in time, one overdue, one rejected with reasons), the register's findings, the
scrutineer who may recommend and the police representative who may answer."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from partnerscope.apps.findings import selectors as register
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.scrutiny import services

pytestmark = pytest.mark.django_db


def test_northshire_review_recommendations_and_sign_ins(client, django_user_model):
    build_demo(1)
    northshire = Partnership.objects.get(slug="northshire")
    rows = {row.key.split("--")[-1]: row for row in services.tracker(northshire, date.today())}
    assert {ref: row.status.value for ref, row in rows.items()} == {
        "r1": "responded",
        "r2": "overdue",
        "r3": "responded",
    }
    r1 = services.find_recommendation(northshire, rows["r1"].key)
    r3 = services.find_recommendation(northshire, rows["r3"].key)
    assert r1.response.published <= r1.due
    assert r3.response.decision == "rejected" and r3.response.reasons
    found = {
        (f["rule"]["id"], f["subject"]["ref"])
        for f in register.open_findings(northshire, area="scrutiny")
    }
    assert ("response_overdue", "northshire-police") in found
    assert not any(rule == "rejected_without_reasons" for rule, _ in found)
    assert ("no_partnership_development", "scrutiny-osc") in found

    client.force_login(django_user_model.objects.get(username="scrutineer"))
    recommend = reverse("scrutiny:recommend", args=["northshire", "osc--domestic-abuse"])
    police = r1.review.organisations_called.get(ref="northshire-police")
    response = client.post(recommend, {"text": "Report quarterly.", "organisation": police.pk})
    assert response.status_code == 302
    client.force_login(django_user_model.objects.get(username="member"))
    assert (
        client.get(reverse("scrutiny:respond", args=["northshire", rows["r2"].key])).status_code
        == 200
    )
    assert (
        client.get(reverse("scrutiny:respond", args=["northshire", rows["r1"].key])).status_code
        == 403
    )
