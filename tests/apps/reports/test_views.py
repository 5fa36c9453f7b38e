"""The report's pages: the report in HTML with its contents and sections in order, its PDF,
the board pack of chosen sections, and who may publish."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerscope.apps.reports.models import Publication
from tests.apps.reports.builders import full_kite, publication

pytestmark = pytest.mark.django_db


def test_the_report_page_lists_its_sections_in_order(kite, manager_client):
    full_kite(kite)
    response = manager_client.get(reverse("reports:report", args=["kite"]))
    assert response.status_code == 200
    html = response.content.decode()
    positions = [
        html.index(f'id="report-section-{key}"')
        for key in ("sevens", "network", "chains", "performance", "appendix")
    ]
    assert positions == sorted(positions)
    assert html.index("ps-report-contents") < positions[0]
    assert "reports/report.css" in html, "the page carries its print stylesheet"


def test_every_role_reads_the_report(kite, client, role_user):
    client.force_login(role_user("viewer"))
    assert client.get(reverse("reports:report", args=["kite"])).status_code == 200


def test_the_report_pdf_downloads(kite, manager_client):
    response = manager_client.get(reverse("reports:report_pdf", args=["kite"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def board_pack(client, **params):
    query = {"make": "yes", "title": "Board, January", "meeting": "2027-01-14", **params}
    return client.get(reverse("reports:board_pack", args=["kite"]), query)


def test_the_board_pack_form_offers_every_section(kite, manager_client):
    response = manager_client.get(reverse("reports:board_pack", args=["kite"]))
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("sevens", "network", "chains", "performance", "appendix"):
        assert f'value="{key}"' in html


def test_the_board_pack_holds_the_chosen_sections_only(kite, manager_client):
    full_kite(kite)
    response = board_pack(manager_client, sections=["performance", "sevens"], output="html")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="report-section-sevens"' in html and 'id="report-section-performance"' in html
    for key in ("network", "chains", "appendix"):
        assert f'id="report-section-{key}"' not in html
    assert "Board, January" in html and "14 January 2027" in html
    assert html.index('id="report-section-sevens"') < html.index('id="report-section-performance"')


def test_the_board_pack_as_pdf(kite, manager_client):
    response = board_pack(manager_client, sections=["sevens"], output="pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert "board-pack-2027-01-14.pdf" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"sections": []}, "Choose at least one section."),
        ({"sections": ["horoscope"]}, "Select a valid choice."),
        ({"sections": ["sevens"], "meeting": "next week"}, "Enter a valid date."),
        ({"sections": ["sevens"], "title": ""}, "This field is required."),
    ],
)
def test_a_bad_board_pack_gets_a_clear_error(kite, manager_client, params, message):
    response = board_pack(manager_client, output="html", **params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'name="make"' in response.content.decode(), "the form comes back to correct"


def test_a_viewer_sees_the_history_but_cannot_publish_or_withdraw(kite, client, role_user):
    client.force_login(role_user("viewer"))
    page = client.get(reverse("reports:publications", args=["kite"]))
    assert page.status_code == 200
    assert "Publish the public version" not in page.content.decode()
    refused = client.post(
        reverse("reports:publications", args=["kite"]), {"title": "Mine", "sections": ["sevens"]}
    )
    assert refused.status_code == 403
    assert not Publication.objects.exists()
    published = publication(kite)
    assert client.post(reverse("reports:withdraw", args=["kite", published.pk])).status_code == 403
    published.refresh_from_db()
    assert published.is_live


def test_withdrawing_asks_first_and_a_get_changes_nothing(kite, manager_client):
    published = publication(kite)
    response = manager_client.get(reverse("reports:withdraw", args=["kite", published.pk]))
    assert response.status_code == 200
    assert "Withdraw it" in response.content.decode()
    published.refresh_from_db()
    assert published.is_live
