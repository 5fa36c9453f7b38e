"""The flags pages, as a reader and as a manager: permissions, a reason required, known
and being tackled never shown red, the questions' form."""

from __future__ import annotations

import pytest

from partnerscope.apps.findings.models import StoredFinding
from partnerscope.apps.flags.models import Flag, QuestionAnswer
from tests.apps.findings.builders import stored, weak_element
from tests.apps.flags.builders import RED_FINDING, flag

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, role_user):
    client.force_login(role_user("viewer"))
    return client


def decide_url(row):
    return f"/p/kite/flags/{row.key}/decide/"


def test_a_reader_sees_the_flags_but_may_not_decide(kite, reader):
    row = flag(kite["partnership"])
    html = reader.get("/p/kite/flags/").content.decode()
    assert "Candidate red flag" in html and "More affordable homes" in html
    assert "Refresh the candidates" not in html
    page = reader.get(f"/p/kite/flags/{row.key}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Outcome consistently missing its targets" in text
    assert "Confirm, change or reject" not in text
    assert reader.get(decide_url(row)).status_code == 403
    assert reader.post(decide_url(row), {"decision": "confirm", "reason": "x"}).status_code == 403
    assert reader.post("/p/kite/flags/refresh/").status_code == 403
    assert reader.get("/p/kite/flags/questions/delivery/edit/").status_code == 403
    row.refresh_from_db()
    assert row.status == "candidate"


def test_a_manager_confirms_a_flag_with_a_reason(kite, manager_client):
    row = flag(kite["partnership"])
    assert (
        "Confirm, change or reject"
        in manager_client.get(f"/p/kite/flags/{row.key}/").content.decode()
    )
    response = manager_client.post(
        decide_url(row),
        {"decision": "confirm", "reason": "Homes are our top concern."},
        follow=True,
    )
    html = response.content.decode()
    assert response.redirect_chain == [(f"/p/kite/flags/{row.key}/", 302)]
    assert "Red flag, confirmed" in html and "Homes are our top concern." in html
    row.refresh_from_db()
    assert row.status == "confirmed" and row.decided_by_user is not None


def test_a_decision_without_a_reason_is_refused_and_nothing_changes(kite, manager_client):
    row = flag(kite["partnership"])
    for data in (
        {"decision": "confirm", "reason": "   "},
        {"decision": "change", "reason": "Because", "colour": ""},
        {"decision": "change", "reason": "Because", "colour": "red"},
        {"reason": "Because"},
    ):
        response = manager_client.post(decide_url(row), data)
        assert response.status_code == 400
        assert "govuk-error-summary" in response.content.decode()
    assert (
        "Give the reason for the decision."
        in manager_client.post(
            decide_url(row), {"decision": "reject", "reason": ""}
        ).content.decode()
    )
    row.refresh_from_db()
    assert row.status == "candidate" and row.history.count() == 1


def test_known_and_being_tackled_is_never_shown_as_red(kite, reader):
    row = flag(kite["partnership"], tackled_by=[list(RED_FINDING)])
    html = reader.get("/p/kite/flags/").content.decode()
    assert "Known and being tackled" in html
    assert "govuk-tag--red" not in html
    assert "Candidate red flag" not in html.split("<caption")[2]
    page = reader.get(f"/p/kite/flags/{row.key}/").content.decode()
    assert "Known and being tackled" in page and "Being tackled" in page
    assert "govuk-tag--red" not in page


def test_an_unknown_flag_or_question_is_404(kite, manager_client):
    assert manager_client.get("/p/kite/flags/no:such:flag/").status_code == 404
    assert manager_client.get("/p/kite/flags/no:such:flag/decide/").status_code == 404
    assert manager_client.get("/p/kite/flags/questions/other/edit/").status_code == 404


def test_a_manager_answers_a_question(kite, manager_client):
    page = manager_client.get("/p/kite/flags/questions/")
    assert "not answered this question yet" in page.content.decode()
    response = manager_client.post(
        "/p/kite/flags/questions/prospects/edit/",
        {"narrative": "Good prospects.", "self_rating": "3"},
        follow=True,
    )
    html = response.content.decode()
    assert "Good prospects." in html and "3: performs well" in html
    assert "not an inspector" in html
    answer = QuestionAnswer.objects.get(question="prospects")
    assert answer.self_rating == 3
    bad = manager_client.post(
        "/p/kite/flags/questions/prospects/edit/", {"narrative": "x", "self_rating": "9"}
    )
    assert bad.status_code == 400
    answer.refresh_from_db()
    assert answer.narrative == "Good prospects."


def test_the_manager_refreshes_the_candidates(kite, manager_client):
    response = manager_client.post("/p/kite/flags/refresh/", follow=True)
    assert "The candidates were refreshed" in response.content.decode()
    assert Flag.objects.count() == 0


def test_a_finding_page_lists_the_flags_citing_it(kite, reader):
    cited = stored(kite["partnership"], weak_element("steering"), weak_element("style"))
    other = StoredFinding.objects.exclude(pk=cited.pk).get()
    flag(kite["partnership"], evidence={"findings": [list(cited.key)], "figures": []})
    html = reader.get(f"/p/kite/findings/{cited.pk}/").content.decode()
    assert "Flags citing this finding" in html and "Candidate red flag" in html
    assert "Flags citing" not in reader.get(f"/p/kite/findings/{other.pk}/").content.decode()
