"""The 404 page: a signed-in person outside a partnership is told so and led back, without
learning whether the partnership or record exists; anyone else gets the generic page."""

from __future__ import annotations

import re

from django.urls import reverse

CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def body_of(response) -> bytes:
    """The page, without the sign-out form's CSRF token (masked afresh on every render)."""
    return CSRF_TOKEN.sub(b'name="csrfmiddlewaretoken" value=""', response.content)


def test_a_user_of_another_partnership_is_told_it_is_not_theirs_and_led_back(
    kite, outsider, client
):
    client.force_login(outsider)
    response = client.get(reverse("partnerships:overview", args=[kite["partnership"].slug]))
    assert response.status_code == 404
    text = response.content.decode()
    assert "not in any partnership you belong to" in text
    link = f'href="{reverse("partnerships:list")}"'
    assert re.search(link + r"[^>]*>Go to My partnerships</a>", text)
    assert kite["partnership"].name not in text


def test_an_existing_partnership_and_a_missing_one_give_the_same_page(kite, outsider, client):
    client.force_login(outsider)
    slug = kite["partnership"].slug
    existing = client.get(reverse("partnerships:person_list", args=[slug]))
    missing = client.get(reverse("partnerships:person_list", args=["no-such-partner"]))
    assert existing.status_code == missing.status_code == 404
    assert body_of(existing) == body_of(missing)


def test_a_missing_record_in_another_partnership_gives_the_same_page(kite, outsider, client):
    client.force_login(outsider)
    slug = kite["partnership"].slug
    real = client.get(reverse("partnerships:person_edit", args=[slug, kite["alice"].pk]))
    missing = client.get(reverse("partnerships:person_edit", args=[slug, 987654]))
    assert real.status_code == missing.status_code == 404
    assert body_of(real) == body_of(missing)


def test_an_unknown_address_gets_the_generic_page(outsider, client):
    client.force_login(outsider)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Page not found" in text
    assert "partnership you belong to" not in text


def test_a_signed_out_visitor_is_not_told_about_partnerships(kite, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Page not found" in text
    assert "partnership you belong to" not in text
    assert "My partnerships" not in text
