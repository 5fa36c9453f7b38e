"""The register's pages, as a reader and as a manager."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerscope.apps.findings import services
from partnerscope.apps.findings.models import Refresh, StoredFinding
from partnerscope.core.findings import Severity
from tests.apps.findings.builders import isolated, stored, weak_element
from tests.apps.partnerships.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, role_user):
    client.force_login(role_user("viewer"))
    return client


def register_url(**query: str) -> str:
    url = reverse("findings:register", args=["kite"])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


REFRESH_URL = "/p/kite/findings/refresh/"


def test_a_reader_reads_the_register_but_may_not_refresh_it(kite, reader, sources):
    stored(kite["partnership"], weak_element(), isolated())
    page = reader.get(register_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "2 findings" in html and "Weak element" in html and "Isolated partner" in html
    assert "Refresh the register" not in html
    assert reader.post(REFRESH_URL).status_code == 403
    assert not Refresh.objects.filter(ran_by__contains="viewer").exists()


def test_a_manager_refreshes_the_register_with_the_button(kite, manager_client, sources):
    sources["sevens"].found = [weak_element()]
    page = manager_client.get(register_url())
    assert "The register has not been refreshed yet" in page.content.decode()
    assert f'action="{REFRESH_URL}"' in page.content.decode()
    response = manager_client.post(REFRESH_URL, follow=True)
    html = response.content.decode()
    assert response.redirect_chain == [(register_url(), 302)]
    assert "The register was refreshed: 1 new, 0 persisting, 0 resolved, 0 found again." in html
    assert "1 finding" in html
    log = Refresh.objects.get()
    assert log.new == 1 and log.ran_by
    assert StoredFinding.history.first().history_user is not None


def test_the_refresh_page_asks_before_refreshing(kite, manager_client, sources):
    page = manager_client.get(REFRESH_URL)
    assert page.status_code == 200
    assert "csrfmiddlewaretoken" in page.content.decode()
    assert not Refresh.objects.exists()


def test_a_failing_area_is_named_and_nothing_changes(kite, manager_client, sources):
    sources["network"].failure = RuntimeError("the ties table is locked")
    response = manager_client.post(REFRESH_URL)
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "The network area&#x27;s findings could not be gathered" in html
    assert "Nothing was changed." in html
    assert not Refresh.objects.exists()


def test_the_register_filters_by_area_severity_status_and_subject(kite, reader, sources):
    stored(
        kite["partnership"], weak_element(), weak_element("style", 30, Severity.HIGH), isolated()
    )
    html = reader.get(register_url(severity="high", area="sevens")).content.decode()
    assert "1 finding<" in html and "Style" in html and "Kite Police" not in html
    html = reader.get(register_url(subject_kind="organisation")).content.decode()
    assert "1 finding<" in html and "Kite Police" in html
    html = reader.get(register_url(status="resolved")).content.decode()
    assert "0 findings" in html and "No findings match." in html
    assert reader.get(register_url(severity="dreadful")).status_code == 400


def test_the_register_is_paginated_keeping_its_filters(kite, reader, sources):
    found = [weak_element(f"element-{n:02}") for n in range(60)]
    stored(kite["partnership"], *found)
    html = reader.get(register_url(area="sevens")).content.decode()
    assert "60 findings" in html
    assert "?area=sevens&amp;page=2" in html
    second = reader.get(register_url(area="sevens", page="2")).content.decode()
    assert "Element-59" in second and "Element-00" not in second


def test_the_counts_show_open_findings_by_severity_and_status(kite, reader, sources):
    stored(kite["partnership"], weak_element(), isolated())
    html = reader.get(register_url()).content.decode()
    assert "Open findings by severity" in html and "Findings by status" in html
    assert '<td class="govuk-table__cell">7S self-assessment</td>' in html
    assert '<td class="govuk-table__cell">Relationships</td>' in html


def test_a_findings_page_shows_its_rule_evidence_and_history(kite, reader, sources):
    sources["sevens"].found = [weak_element()]
    services.refresh(kite["partnership"], ran_by="Alice Adams")
    sources["sevens"].found = []
    services.refresh(kite["partnership"], ran_by="the command line")
    finding = StoredFinding.objects.get()
    html = reader.get(reverse("findings:finding", args=["kite", finding.pk])).content.decode()
    assert "Weak element: Steering" in html
    assert "An element scoring below 50 of 100 is weak." in html
    assert "Steering scored 42.5 of 100." in html
    assert '<th scope="row" class="govuk-table__header">score</th>' in html
    assert "42.5" in html and "7S 2026" in html
    assert 'href="/p/kite/sevens/"' in html
    assert "Resolved" in html and "New" in html and "the command line" in html


def test_another_partnerships_finding_is_not_found(kite, reader, sources):
    elsewhere = stored(PartnershipFactory(slug="elsewhere"))
    assert reader.get(reverse("findings:finding", args=["kite", elsewhere.pk])).status_code == 404


def test_the_menu_links_to_the_register(kite, reader, sources):
    html = reader.get(reverse("partnerships:overview", args=["kite"])).content.decode()
    assert register_url() in html
