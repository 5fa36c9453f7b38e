"""Replies to a flag: its named organisations' representatives reply, others may not, and
the flags' page reads the replies and the link through the selectors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.replies.models import Reply
from partnerscope.apps.replies.selectors import replies_for, reply_counts, reply_link
from tests.apps.replies.builders import police_flag, representative

pytestmark = pytest.mark.django_db


def flag_reply_url(key: str) -> str:
    return reverse("replies:reply_to_flag", args=["kite", key])


def test_a_representative_replies_to_a_flag_about_their_organisation(kite, client, rf):
    key = police_flag(kite).key
    user = representative(kite)
    client.force_login(user)
    response = client.post(flag_reply_url(key), {"position": "context", "text": "Ties grew."})
    assert response.status_code == 302
    reply = Reply.objects.get()
    assert reply.target_kind == "flag" and reply.target_key == key
    assert reply.organisation == kite["police"]
    (view,) = replies_for(kite["partnership"], "flag", [key])[key]
    assert view.text == "Ties grew." and view.target_key == key
    assert reply_counts(kite["partnership"], [key], target_kind="flag") == {key: 1}
    request = rf.get("/")
    request.access = Access(kite["partnership"], "member", user)
    assert reply_link(request, kite["partnership"], "flag", key) == flag_reply_url(key)


def test_another_organisation_may_not_reply_to_the_flag(kite, client):
    key = police_flag(kite).key
    client.force_login(representative(kite, person="alice"))
    assert client.get(flag_reply_url(key)).status_code == 403
    assert client.post(flag_reply_url(key), {"position": "agree"}).status_code == 403
    assert not Reply.objects.exists()


def test_an_unknown_flag_is_404(kite, manager_client):
    assert manager_client.get(flag_reply_url("no_rule:outcome:nowhere")).status_code == 404


def test_the_flags_page_shows_the_reply_beside_the_flag_and_the_link_to_reply(kite, client):
    key = police_flag(kite).key
    user = representative(kite)
    client.force_login(user)
    page = reverse("flags:flag", args=["kite", key])
    assert flag_reply_url(key) in client.get(page).content.decode()
    client.post(flag_reply_url(key), {"position": "disagree", "text": "We met monthly."})
    shown = client.get(page).content.decode()
    assert "We met monthly." in shown and "Partners&#x27; replies" in shown
