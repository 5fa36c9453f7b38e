"""The Relationships pages as people use them: roles, the survey by link, imports, results."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerscope.apps.network.models import Draft, Representative, Tie, Wave
from tests.apps.network.factories import (
    add_organisation,
    make_closed_wave,
    make_representative,
    make_wave,
    star,
    tie,
)

pytestmark = pytest.mark.django_db


def url(name, kite, *args):
    return reverse(f"network:{name}", args=[kite["partnership"].slug, *args])


def public(name, *args):
    return reverse(f"network_public:{name}", args=args)


@pytest.fixture
def viewer_client(client, role_user):
    client.force_login(role_user("viewer"))
    return client


# ---- Roles -------------------------------------------------------------------------------------


def test_every_role_reads_the_results_and_only_managers_manage(kite, viewer_client):
    wave = make_wave(kite)
    star(kite, wave)
    for name in ("index", "wave", "metrics", "map", "matrix", "compare"):
        args = [] if name == "index" else [wave.pk]
        assert viewer_client.get(url(name, kite, *args)).status_code == 200, name
    for name in ("representatives", "invitations", "import", "wave_edit"):
        assert viewer_client.get(url(name, kite, wave.pk)).status_code == 403, name
    assert viewer_client.get(url("wave_create", kite)).status_code == 403


def test_the_menu_links_to_relationships(kite, manager_client):
    page = manager_client.get(url("index", kite)).content.decode()
    assert f'href="{url("index", kite)}"' in page
    assert "Relationships" in page


def test_a_manager_opens_a_wave_and_representatives_are_suggested(kite, manager_client):
    response = manager_client.post(
        url("wave_create", kite),
        {"title": "Relationships 2026", "opens": "2026-11-01", "closes": "2026-12-01"},
    )
    wave = Wave.objects.get()
    assert response.status_code == 302 and response["Location"] == url("wave", kite, wave.pk)
    assert wave.representatives.count() == 2
    bad = manager_client.post(
        url("wave_create", kite),
        {"title": "Back to front", "opens": "2026-12-01", "closes": "2026-11-01"},
    )
    assert bad.status_code == 400
    assert "The closing date must be on or after the opening date." in bad.content.decode()


def test_a_manager_chooses_representatives_and_sends_links_shown_once(kite, manager_client):
    wave = make_wave(kite)
    response = manager_client.post(
        url("representatives", kite, wave.pk),
        {f"organisation_{kite['council'].pk}": kite["alice"].pk},
    )
    assert response.status_code == 302
    assert [r.person for r in wave.representatives.all()] == [kite["alice"]]
    page = manager_client.post(url("invitations", kite, wave.pk))
    text = page.content.decode()
    assert "These links are shown only now" in text
    assert "/a/network/" in text
    token = text.split("/a/network/")[1].split("/")[0]
    assert Representative.objects.get().token_hash != token
    listing = manager_client.get(url("invitations", kite, wave.pk)).content.decode()
    assert token not in listing


def test_the_wave_page_refreshes_only_its_progress_for_htmx(kite, manager_client):
    wave = make_wave(kite)
    tie(wave, kite["council"], kite["police"], 2)
    full = manager_client.get(url("wave", kite, wave.pk)).content.decode()
    part = manager_client.get(url("wave", kite, wave.pk), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" in full and "<html" not in part
    assert "1 of 2" in part


# ---- The survey by single-use link --------------------------------------------------------------


def test_the_survey_says_it_is_not_anonymous_and_lists_sectors(kite, client):
    add_organisation(kite, "Charity")
    wave = make_wave(kite)
    _, token = make_representative(wave, kite["alice"])
    page = client.get(public("start", token)).content.decode()
    assert "This survey is not anonymous" in page
    assert "Kite Council" in page
    assert "Police" in page and "Voluntary and community" in page
    assert "0 of 2 organisations answered" in page


def test_answering_page_by_page_then_sending_records_the_ties(kite, client):
    charity = add_organisation(kite, "Charity")
    wave = make_wave(kite)
    representative, token = make_representative(wave, kite["alice"])
    police = f"o{kite['police'].pk}"
    response = client.post(
        public("page", token, 1),
        {
            f"{police}-level": "3",
            f"{police}-frequency": "weekly",
            f"{police}-flows": ["information", "referrals"],
            f"{police}-trust_reliable": "4",
            "action": "next",
        },
    )
    assert response.status_code == 302 and response["Location"] == public("page", token, 2)
    response = client.post(public("page", token, 2), {"action": "none"})
    assert response["Location"] == public("page", token, 2)
    assert Draft.objects.get().answers[str(charity.pk)] == {"level": 0}
    check = client.get(public("check", token)).content.decode()
    assert "2 of 2 organisations answered" in check
    done = client.post(public("check", token))
    assert done.status_code == 302 and done["Location"] == public("thanks")
    made = Tie.objects.get(source=kite["council"], target=kite["police"])
    assert (made.level, made.frequency, made.flows, made.trust_reliable) == (
        3,
        "weekly",
        ["information", "referrals"],
        4,
    )
    assert client.get(public("start", token)).status_code == 410
    representative.refresh_from_db()
    assert representative.answered


def test_details_without_a_level_are_an_error_linked_from_the_summary(kite, client):
    wave = make_wave(kite)
    _, token = make_representative(wave, kite["alice"])
    police = f"o{kite['police'].pk}"
    response = client.post(
        public("page", token, 1), {f"{police}-trust_open": "2", "action": "next"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text
    assert f'href="#id_{police}-level"' in text
    assert f'id="id_{police}-level"' in text
    assert not Draft.objects.exists()


def test_save_and_come_back_later_keeps_the_answers(kite, client):
    wave = make_wave(kite)
    _, token = make_representative(wave, kite["alice"])
    police = f"o{kite['police'].pk}"
    response = client.post(public("page", token, 1), {f"{police}-level": "2", "action": "later"})
    assert response["Location"] == public("saved", token)
    assert client.get(public("saved", token)).status_code == 200
    again = client.get(public("page", token, 1)).content.decode()
    assert f'name="{police}-level" type="radio" value="2" checked' in again


def test_search_works_without_javascript_and_htmx_gets_only_the_results(kite, client):
    add_organisation(kite, "Kite Housing Trust", "housing")
    wave = make_wave(kite)
    _, token = make_representative(wave, kite["alice"])
    full = client.get(public("search", token), {"q": "housing"}).content.decode()
    assert "<html" in full and "Kite Housing Trust" in full and "1 organisation match" in full
    part = client.get(public("search", token), {"q": "housing"}, HTTP_HX_REQUEST="true")
    assert "<html" not in part.content.decode()
    assert 'id="ps-network-results"' in part.content.decode()
    restored = client.get(
        public("search", token),
        {"q": "housing"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )
    assert "<html" in restored.content.decode(), "going back restores the whole page"
    housing = wave.partnership.organisations.get(name="Kite Housing Trust")
    saved = client.post(
        public("search", token), {"q": "housing", f"o{housing.pk}-level": "1", "action": "save"}
    )
    assert saved.status_code == 302 and saved["Location"].endswith("?q=housing")
    assert Draft.objects.get().answers == {str(housing.pk): {"level": 1}}


def test_a_wrong_or_closed_link_is_refused_kindly(kite, client):
    assert client.get(public("start", "no-such-token")).status_code == 404
    wave = make_closed_wave(kite)
    _, token = make_representative(wave, kite["alice"])
    response = client.get(public("start", token))
    assert response.status_code == 403
    assert "This survey has closed" in response.content.decode()


def test_a_signed_in_representative_answers_from_the_partnership(kite, client, role_user):
    user = role_user("member")
    kite["alice"].user = user
    kite["alice"].save()
    wave = make_wave(kite)
    make_representative(wave, kite["alice"])
    client.force_login(user)
    index = client.get(url("index", kite)).content.decode()
    assert url("answer", kite, wave.pk) in index
    start = client.get(url("answer", kite, wave.pk)).content.decode()
    assert "How Kite Council works with the other partners" in start
    police = f"o{kite['police'].pk}"
    response = client.post(url("answer_page", kite, wave.pk, 1), {f"{police}-level": "2"})
    assert response["Location"] == url("answer_check", kite, wave.pk)
    assert client.post(url("answer_check", kite, wave.pk))["Location"] == url("index", kite)
    assert Tie.objects.filter(wave=wave, source=kite["council"]).count() == 1


# ---- Imports and results -----------------------------------------------------------------


def test_an_import_lists_every_problem_or_saves_every_row(kite, manager_client):
    wave = make_wave(kite)
    bad = SimpleUploadedFile("ties.csv", b"from,to,level\nkite-council,nowhere,9\n")
    response = manager_client.post(url("import", kite, wave.pk), {"file": bad})
    text = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was imported" in text
    assert "Row 2, column level: 9 is not between 0 and 4" in text
    assert "Row 2, column to: &#x27;nowhere&#x27; is not an id" in text
    good = SimpleUploadedFile("ties.csv", b"from,to,level\nkite-council,kite-police,3\n")
    response = manager_client.post(url("import", kite, wave.pk), {"file": good})
    assert response.status_code == 302
    assert Tie.objects.get().origin == "import"


def test_the_results_pages_show_the_measures_map_and_matrix(kite, manager_client):
    wave = make_wave(kite)
    star(kite, wave)
    metrics = manager_client.get(url("metrics", kite, wave.pk), {"min_level": "3"}).content.decode()
    assert "Does the partnership depend on the council?" in metrics
    assert "100%" in metrics and "Did not answer" in metrics
    assert '<option value="3" selected>' in metrics
    mapped = manager_client.get(
        url("map", kite, wave.pk), {"size_by": "betweenness"}
    ).content.decode()
    assert 'role="img"' in mapped and "data-network-map=" in mapped
    assert "network/map.js" in mapped
    data = manager_client.get(url("map_json", kite, wave.pk)).json()
    assert len(data["nodes"]) == 5 and data["nodes"][0]["url"].startswith(
        url("organisation", kite, wave.pk, 0)[:-2]
    )
    matrix = manager_client.get(url("matrix", kite, wave.pk)).content.decode()
    assert "(did not answer)" in matrix
    organisation = manager_client.get(url("organisation", kite, wave.pk, kite["council"].pk))
    assert "Its roles as a broker" in organisation.content.decode()


def test_downloads_are_attachments(kite, manager_client):
    wave = make_wave(kite)
    star(kite, wave, spokes=1)
    response = manager_client.get(url("download", kite, wave.pk, "gexf"))
    assert response["Content-Disposition"] == f'attachment; filename="kite-{wave.ref}-network.gexf"'
    assert manager_client.get(url("download", kite, wave.pk, "nothing")).status_code == 404
