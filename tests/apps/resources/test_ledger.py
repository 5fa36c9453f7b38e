"""The resource ledger: the form, its versions, the page's filters and totals, the CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerscope.apps.resources.models import Contribution
from tests.apps.resources.factories import make_line, make_outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def outcomes(kite):
    return [make_outcome(kite, "safer-streets"), make_outcome(kite, "healthy-lives")]


def url(name: str, *args) -> str:
    return reverse(f"resources:{name}", args=["kite", *args])


def line_post(kite, **fields):
    return {
        "organisation": kite["police"].pk,
        "year": "2025",
        "arrangement": "pooling",
        "kind": "revenue",
        "amount": "12000",
        "status": "committed",
        "outcomes": "safer-streets:0.75;healthy-lives:0.25",
        "source": "Police budget 2025/26",
        **fields,
    }


def test_a_manager_adds_a_line_split_over_two_outcomes(kite, outcomes, manager_client):
    response = manager_client.post(url("line_add"), line_post(kite))
    assert response.status_code == 302
    line = Contribution.objects.get()
    assert line.amount == Decimal("12000")
    assert {s.outcome_ref: s.share for s in line.shares.all()} == {
        "safer-streets": Decimal("0.75"),
        "healthy-lives": Decimal("0.25"),
    }


def test_shares_that_do_not_add_to_one_are_refused_and_nothing_saved(
    kite, outcomes, manager_client
):
    response = manager_client.post(
        url("line_add"), line_post(kite, outcomes="safer-streets:0.5;healthy-lives:0.25")
    )
    assert response.status_code == 400
    assert "add to 0.75, not 1" in response.content.decode()
    assert not Contribution.objects.exists()


def test_an_unknown_outcome_is_refused(kite, outcomes, manager_client):
    response = manager_client.post(url("line_add"), line_post(kite, outcomes="nowhere"))
    assert response.status_code == 400
    assert "There is no outcome nowhere here." in response.content.decode()


def test_staff_time_is_worked_out_from_fte_and_cost_per_hour(kite, outcomes, manager_client):
    post = line_post(kite, kind="staff_time", amount="", fte="0.5", cost_per_hour="30")
    assert manager_client.post(url("line_add"), post).status_code == 302
    assert Contribution.objects.get().amount == Decimal("24750.00")


def test_staff_time_without_hours_needs_an_amount(kite, outcomes, manager_client):
    post = line_post(kite, kind="staff_time", amount="")
    response = manager_client.post(url("line_add"), post)
    assert response.status_code == 400
    assert "or the hours or FTE and the cost per hour" in response.content.decode()


def test_a_correction_is_a_new_version(kite, outcomes, manager_client):
    line = make_line(kite, shares={"safer-streets": "1"})
    post = line_post(kite, amount="900", outcomes="healthy-lives")
    assert manager_client.post(url("line_edit", line.pk), post).status_code == 302
    line.refresh_from_db()
    assert line.amount == Decimal("900")
    assert [h.amount for h in line.history.order_by("history_date")] == [
        Decimal("1000"),
        Decimal("900"),
    ]
    assert [s.outcome_ref for s in line.shares.all()] == ["healthy-lives"]


def test_a_member_may_read_the_ledger_but_not_add(kite, outcomes, client, role_user):
    client.force_login(role_user("member"))
    assert client.get(url("ledger")).status_code == 200
    assert client.post(url("line_add"), line_post(kite)).status_code == 403
    assert not Contribution.objects.exists()


def test_filters_and_totals(kite, outcomes, manager_client):
    make_line(
        kite, shares={"safer-streets": "0.75", "healthy-lives": "0.25"}, amount=Decimal("1000")
    )
    make_line(kite, kite["police"], shares={"safer-streets": "1"}, amount=Decimal("500"), year=2026)
    make_line(
        kite, kite["police"], shares={"healthy-lives": "1"}, amount=Decimal("200"), kind="capital"
    )
    page = manager_client.get(url("ledger")).content.decode()
    assert 'id="ledger-total">£1,700<' in page
    page = manager_client.get(url("ledger"), {"outcome": "safer-streets"}).content.decode()
    assert 'id="ledger-total">£1,250<' in page
    page = manager_client.get(
        url("ledger"), {"organisation": "kite-police", "year": "2025"}
    ).content.decode()
    assert 'id="ledger-total">£200<' in page
    page = manager_client.get(url("ledger"), {"kind": "capital"}).content.decode()
    assert 'id="ledger-total">£200<' in page
    page = manager_client.get(
        url("ledger"), {"status": "spent", "arrangement": "pooling"}
    ).content.decode()
    assert 'id="ledger-total">£0<' in page
    assert "2026/27" in manager_client.get(url("ledger")).content.decode()


def test_the_csv_download_neutralises_formulas_and_follows_the_filters(
    kite, outcomes, manager_client
):
    make_line(kite, shares={"safer-streets": "1"}, description="=HYPERLINK(1)")
    make_line(kite, kite["police"], shares={"safer-streets": "1"})
    response = manager_client.get(url("ledger_csv"), {"organisation": "kite-council"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["description"] == "'=HYPERLINK(1)"
    assert rows[0]["outcomes"] == "safer-streets:1"


def test_the_year_start_is_a_setting(kite, outcomes, manager_client):
    make_line(kite, shares={"safer-streets": "1"})
    response = manager_client.post(
        url("settings"), {"year_start_month": "1", "hours_per_fte": "1600"}
    )
    assert response.status_code == 302
    page = manager_client.get(url("ledger")).content.decode()
    assert "2025/26" not in page and ">2025<" in page
