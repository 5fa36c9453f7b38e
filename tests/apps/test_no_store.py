"""What a browser or a proxy may keep: never a signed-in page, a download or a survey page
reached by its link; the static files as long as they like."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.apps.network.factories import make_wave as make_network_wave
from tests.apps.network.factories import star
from tests.apps.sevens.factories import make_invitation, make_wave

pytestmark = pytest.mark.django_db


def kept_from_caches(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_every_signed_in_page_is_kept_from_caches(manager_client, kite):
    slug = kite["partnership"].slug
    for url in (
        reverse("partnerships:list"),
        reverse("partnerships:overview", args=[slug]),
        reverse("partnerships:data", args=[slug]),
        reverse("performance:exceptions", args=[slug]),
    ):
        response = manager_client.get(url)
        assert response.status_code == 200, url
        assert kept_from_caches(response), url


def test_a_refusal_to_a_signed_in_user_is_kept_from_caches(client, outsider, kite):
    client.force_login(outsider)
    response = client.get(reverse("partnerships:overview", args=[kite["partnership"].slug]))
    assert response.status_code == 404
    assert kept_from_caches(response)


def test_exports_and_downloads_are_kept_from_caches(manager_client, kite):
    slug = kite["partnership"].slug
    csv = manager_client.get(reverse("performance:exceptions_csv", args=[slug]))
    assert csv["Content-Type"].startswith("text/csv") and kept_from_caches(csv)
    package = manager_client.get(reverse("partnerships:export", args=[slug]))
    assert package["Content-Type"] == "application/zip" and kept_from_caches(package)
    wave = make_network_wave(kite)
    star(kite, wave, spokes=1)
    network = manager_client.get(
        reverse("network:download", kwargs={"slug": slug, "pk": wave.pk, "kind": "nodes.csv"})
    )
    assert network.status_code == 200 and kept_from_caches(network)


def test_a_survey_page_reached_by_its_link_is_kept_from_caches(client, kite):
    """It shows a respondent's answers to whoever uses the same browser next."""
    invitation, token = make_invitation(make_wave(kite), kite["alice"])
    response = client.get(reverse("sevens_public:about", args=[token]))
    assert response.status_code == 200
    assert kept_from_caches(response)


def test_the_sign_in_page_is_not_stored_as_django_decides(client):
    """Django's sign-in view already forbids storing its form (it holds a CSRF token)."""
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert kept_from_caches(response)
    assert "max-age=0" in response["Cache-Control"]


def test_public_pages_without_a_secret_are_not_forced(client):
    response = client.get(reverse("sevens_public:thanks"))
    assert response.status_code == 200
    assert "Cache-Control" not in response


def test_static_files_stay_cacheable(client):
    response = client.get("/static/common/favicon.svg")
    assert response.status_code == 200
    assert not kept_from_caches(response)
    assert "max-age" in response["Cache-Control"]
