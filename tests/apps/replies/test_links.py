"""One-time reply links: a manager makes one for a named organisation's representative, who
replies once without signing in; the reply says it came through a link."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerscope.apps.replies.models import Reply, ReplyLink
from tests.apps.replies.builders import police_finding, representative

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.apps.replies.link_urls")]

ANSWER = {"position": "disagree", "text": "We attend every board.", "written_by_name": "Bola"}


def invite_url(finding) -> str:
    return reverse("replies:invite_finding", args=["kite", finding.pk])


def make_link(manager_client, kite, finding) -> str:
    response = manager_client.post(
        invite_url(finding),
        {"organisation": str(kite["police"].pk), "person": str(kite["bola"].pk)},
    )
    assert response.status_code == 200
    html = response.content.decode()
    url = html.split('<code id="reply-link">')[1].split("</code>")[0]
    assert "/a/replies/" in url
    return url[url.index("/a/replies/") :]


def test_a_representative_without_an_account_replies_once_through_a_link(
    kite, manager_client, client
):
    finding = police_finding(kite)
    page = manager_client.get(reverse("findings:finding", args=["kite", finding.pk]))
    assert invite_url(finding) in page.content.decode()
    link = make_link(manager_client, kite, finding)
    stored = ReplyLink.objects.get()
    assert stored.token_hash not in link and stored.person == kite["bola"]
    form = client.get(link)
    assert (
        form.status_code == 200
        and "Reply to Isolated partner: Kite Police" in form.content.decode()
    )
    assert client.post(link, {"position": "disagree", "text": ""}).status_code == 400
    assert not Reply.objects.exists()
    assert client.post(link, ANSWER).status_code == 200
    reply = Reply.objects.get()
    assert reply.via_link and reply.organisation == kite["police"]
    assert reply.written_by == kite["bola"] and reply.written_by_name == "Bola"
    assert reply.target_key == "network|isolated_partner|organisation|kite-police"
    assert client.post(link, ANSWER).status_code == 410
    assert client.get(link).status_code == 410
    assert Reply.objects.count() == 1
    html = manager_client.get(reverse("findings:finding", args=["kite", finding.pk])).content
    assert "given through a one-time link" in html.decode()


def test_an_unknown_link_is_refused(kite, client):
    assert client.get("/a/replies/not-a-token/").status_code == 404
    assert client.post("/a/replies/" + "x" * 200 + "/", ANSWER).status_code == 404
    assert not Reply.objects.exists()


def test_only_managers_make_links_for_organisations_the_finding_names(kite, client):
    finding = police_finding(kite)
    client.force_login(representative(kite))
    assert (
        client.post(invite_url(finding), {"organisation": str(kite["police"].pk)}).status_code
        == 403
    )
    assert not ReplyLink.objects.exists()


def test_a_link_for_another_organisation_or_a_stranger_is_refused(kite, manager_client):
    finding = police_finding(kite)
    wrong = manager_client.post(invite_url(finding), {"organisation": str(kite["council"].pk)})
    assert wrong.status_code == 400
    stranger = manager_client.post(
        invite_url(finding),
        {"organisation": str(kite["police"].pk), "person": str(kite["alice"].pk)},
    )
    assert stranger.status_code == 400
    assert not ReplyLink.objects.exists()
