"""Who may reply to a finding, and what a reply looks like on the pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerscope.apps.replies.models import ManagerResponse, Reply
from partnerscope.apps.replies.selectors import replies_for
from tests.apps.findings.builders import isolated
from tests.apps.replies.builders import police_finding, police_reply, representative

pytestmark = pytest.mark.django_db


def reply_url(finding) -> str:
    return reverse("replies:reply_to_finding", args=["kite", finding.pk])


def finding_url(finding) -> str:
    return reverse("findings:finding", args=["kite", finding.pk])


DISAGREE = {"position": "disagree", "text": "We meet every partner monthly."}


def test_a_representative_of_the_named_organisation_replies(kite, client):
    finding = police_finding(kite)
    client.force_login(representative(kite))
    page = client.get(finding_url(finding)).content.decode()
    assert "Partners' replies" in page and "No organisation has replied yet." in page
    assert f'href="{reply_url(finding)}"' in page
    response = client.post(reply_url(finding), DISAGREE)
    assert response.status_code == 302 and response["Location"] == finding_url(finding)
    reply = Reply.objects.get()
    assert reply.organisation == kite["police"] and reply.written_by == kite["bola"]
    assert reply.written_by_name == "Bola Bello" and not reply.recorded_by_manager
    assert reply.target_key == "network|isolated_partner|organisation|kite-police"
    page = client.get(finding_url(finding)).content.decode()
    assert "We meet every partner monthly." in page and "Disagree" in page
    assert "Bola Bello" in page and "recorded by a manager" not in page


def test_a_representative_of_another_organisation_may_not_reply(kite, client):
    finding = police_finding(kite)
    client.force_login(representative(kite, person="alice"))
    assert f'href="{reply_url(finding)}"' not in client.get(finding_url(finding)).content.decode()
    assert client.get(reply_url(finding)).status_code == 403
    assert client.post(reply_url(finding), DISAGREE).status_code == 403
    assert not Reply.objects.exists()


def test_a_member_who_represents_no_organisation_may_not_reply(kite, client, role_user):
    finding = police_finding(kite)
    client.force_login(role_user("member"))
    assert client.get(reply_url(finding)).status_code == 403
    assert client.post(reply_url(finding), DISAGREE).status_code == 403
    assert not Reply.objects.exists()


def test_a_user_of_another_partnership_gets_404(kite, client, outsider):
    finding = police_finding(kite)
    client.force_login(outsider)
    assert client.post(reply_url(finding), DISAGREE).status_code == 404
    assert not Reply.objects.exists()


def test_a_finding_that_names_no_organisation_takes_no_reply(kite, manager_client):
    from tests.apps.findings.builders import stored, weak_element

    finding = stored(kite["partnership"], weak_element())
    assert manager_client.get(reply_url(finding)).status_code == 403
    assert "Partners' replies" not in manager_client.get(finding_url(finding)).content.decode()


def test_a_manager_records_a_reply_on_the_partners_behalf_and_it_says_so(kite, manager_client):
    finding = police_finding(kite)
    page = manager_client.get(finding_url(finding)).content.decode()
    assert "Record a reply on a partner's behalf" in page
    response = manager_client.post(
        reply_url(finding), {**DISAGREE, "written_by_name": "Chief Inspector Bello"}
    )
    assert response.status_code == 302
    reply = Reply.objects.get()
    assert reply.recorded_by_manager and reply.written_by is None
    assert reply.written_by_name == "Chief Inspector Bello"
    page = manager_client.get(finding_url(finding)).content.decode()
    assert "recorded by a manager on the organisation's behalf" in page


@pytest.mark.parametrize("position", ["disagree", "context", "correction"])
def test_a_reply_without_its_reasons_is_refused_and_loses_nothing(kite, client, position):
    finding = police_finding(kite)
    client.force_login(representative(kite))
    response = client.post(reply_url(finding), {"position": position, "text": "  "})
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html and 'class="govuk-error-message"' in html
    assert not Reply.objects.exists()
    refused = client.post(reply_url(finding), {"position": "maybe", "text": "Kept text"})
    assert refused.status_code == 400 and "Kept text" in refused.content.decode()
    assert not Reply.objects.exists()


def test_an_agreement_needs_no_text(kite, client):
    finding = police_finding(kite)
    client.force_login(representative(kite))
    assert client.post(reply_url(finding), {"position": "agree"}).status_code == 302
    assert Reply.objects.get().position == "agree"


def test_changing_a_reply_keeps_every_version_with_its_date(kite, client):
    reply = police_reply(kite)
    client.force_login(representative(kite))
    change = reverse("replies:change", args=["kite", reply.pk])
    response = client.post(change, {"position": "correction", "text": "Our ties were missed."})
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.position == "correction" and reply.updated_at > reply.written_at
    assert reply.history.count() == 2
    (view,) = replies_for(kite["partnership"], "finding", [isolated().key])[isolated().key]
    assert view.versions == 2 and view.edited and view.text == "Our ties were missed."
    page = client.get(reverse("replies:reply", args=["kite", reply.pk])).content.decode()
    assert "We hold ties with every partner" in page and "Our ties were missed." in page
    assert page.count("<time") >= 4 and "Every version" in page
    assert client.post(change, {"position": "disagree", "text": ""}).status_code == 400
    assert Reply.objects.get().text == "Our ties were missed."


def test_another_organisation_may_not_change_a_reply(kite, client):
    reply = police_reply(kite)
    client.force_login(representative(kite, person="alice"))
    change = reverse("replies:change", args=["kite", reply.pk])
    assert client.post(change, {"position": "agree"}).status_code == 403
    assert Reply.objects.get().position == "disagree"


def test_the_manager_records_what_changed_and_its_versions_are_kept(kite, manager_client, client):
    reply = police_reply(kite)
    respond = reverse("replies:respond", args=["kite", reply.pk])
    page = reverse("replies:reply", args=["kite", reply.pk])
    assert manager_client.post(respond, {"text": ""}).status_code == 400
    assert not ManagerResponse.objects.exists()
    assert manager_client.post(respond, {"text": "The ties were re-counted."}).status_code == 302
    assert manager_client.post(respond, {"text": "The finding was withdrawn."}).status_code == 302
    response = ManagerResponse.objects.get()
    assert response.history.count() == 2 and response.responded_by_name
    (view,) = replies_for(kite["partnership"], "finding", [isolated().key])[isolated().key]
    assert view.response.versions == 2 and view.response.text == "The finding was withdrawn."
    html = manager_client.get(page).content.decode()
    assert "The finding was withdrawn." in html and "The ties were re-counted." in html
    client.force_login(representative(kite))
    assert client.post(respond, {"text": "Not mine to say"}).status_code == 403
    assert ManagerResponse.objects.get().text == "The finding was withdrawn."


def test_the_list_filters_by_organisation_position_and_response(kite, manager_client):
    reply = police_reply(kite)
    index = reverse("replies:index", args=["kite"])
    html = manager_client.get(index).content.decode()
    assert "1 reply" in html and "Kite Police" in html
    assert "No replies match." in manager_client.get(index + "?position=agree").content.decode()
    assert "1 reply" in manager_client.get(index + "?organisation=kite-police").content.decode()
    assert "1 reply" in manager_client.get(index + "?responded=no").content.decode()
    assert "No replies match." in manager_client.get(index + "?responded=yes").content.decode()
    assert manager_client.get(index + "?position=nonsense").status_code == 400
    assert reply.target_label in html


def test_the_register_marks_a_finding_that_has_replies(kite, manager_client):
    police_reply(kite)
    police_reply(kite, position="agree", text="")
    html = manager_client.get(reverse("findings:register", args=["kite"])).content.decode()
    assert html.count("govuk-tag--blue") == 1 and "2 replies" in html
