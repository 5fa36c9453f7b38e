"""The public version: published by a manager as a snapshot, read without signing in, gone
when withdrawn, and holding nothing the anonymity rules withhold."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from partnerscope.apps.reports import publishing
from partnerscope.apps.reports.models import Publication
from partnerscope.apps.sevens.models import Response
from tests.apps.reports.builders import full_kite
from tests.apps.sevens.factories import answers

pytestmark = pytest.mark.django_db

PUBLIC = reverse("reports_public:report", args=["kite"])
PUBLIC_PDF = reverse("reports_public:report_pdf", args=["kite"])


def publish(manager_client, sections=("sevens", "network", "chains", "performance")):
    return manager_client.post(
        reverse("reports:publications", args=["kite"]),
        {"title": "Kite in 2026", "sections": list(sections)},
    )


def test_nothing_is_public_before_a_manager_publishes(kite):
    assert Client().get(PUBLIC).status_code == 404
    assert Client().get(PUBLIC_PDF).status_code == 404


def test_a_published_version_is_read_without_signing_in(kite, manager_client, manager):
    full_kite(kite)
    response = publish(manager_client)
    assert response.status_code == 302
    published = Publication.objects.get()
    assert published.sections == ["sevens", "network", "chains", "performance"]
    assert published.published_by == manager.get_username()
    anonymous = Client()
    page = anonymous.get(PUBLIC)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kite in 2026" in html and 'id="report-section-sevens"' in html
    assert 'id="report-section-appendix"' not in html
    pdf = anonymous.get(PUBLIC_PDF)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_the_appendix_cannot_be_published(kite, manager_client):
    response = publish(manager_client, sections=("sevens", "appendix"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Publication.objects.exists()


def test_withdrawn_gives_404_and_stays_in_the_history(kite, manager_client):
    publish(manager_client, sections=("performance",))
    published = Publication.objects.get()
    response = manager_client.post(reverse("reports:withdraw", args=["kite", published.pk]))
    assert response.status_code == 302
    assert Client().get(PUBLIC).status_code == 404
    assert Client().get(PUBLIC_PDF).status_code == 404
    history = manager_client.get(reverse("reports:publications", args=["kite"])).content.decode()
    assert "Kite in 2026" in history and "Withdrawn" in history
    snapshot = manager_client.get(reverse("reports:publication", args=["kite", published.pk]))
    assert snapshot.status_code == 200


def test_a_new_publication_replaces_the_live_one(kite, manager):
    first = publishing.publish(kite["partnership"], by="A", keys=["performance"], title="First")
    second = publishing.publish(kite["partnership"], by="B", keys=["performance"], title="Second")
    first.refresh_from_db()
    assert not first.is_live and first.withdrawal_reason == publishing.REPLACED
    assert publishing.live_publication(kite["partnership"]) == second
    assert "Second" in Client().get(PUBLIC).content.decode()


def test_the_public_version_is_a_snapshot(kite):
    full_kite(kite)
    publishing.publish(kite["partnership"], by="A", keys=["sevens"])
    before = Client().get(PUBLIC).content.decode()
    wave = kite["sevens_wave"]
    for _ in range(10):
        Response.objects.create(
            wave=wave, sector="police", layers=["strategic"], answers=answers(1)
        )
    assert Client().get(PUBLIC).content.decode() == before


def test_another_partnerships_public_version_is_not_this_ones(kite):
    from tests.apps.partnerships.factories import PartnershipFactory

    other = PartnershipFactory(slug="elsewhere")
    publishing.publish(other, by="A", keys=["performance"])
    assert Client().get(PUBLIC).status_code == 404
    assert Client().get(reverse("reports_public:report", args=["elsewhere"])).status_code == 200
