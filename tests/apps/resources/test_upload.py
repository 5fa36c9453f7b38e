"""Uploading ledger lines: a preview first, row-level errors, all or nothing."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from partnerscope.apps.resources.models import Contribution
from tests.apps.resources.factories import make_line, make_outcome

pytestmark = pytest.mark.django_db

HEADER = (
    "ref,organisation,year,arrangement,kind,amount,fte,hours,cost_per_hour,status,outcomes,source\n"
)


@pytest.fixture
def outcomes(kite):
    return [make_outcome(kite, "safer-streets"), make_outcome(kite, "healthy-lives")]


def url(name: str) -> str:
    return reverse(f"resources:{name}", args=["kite"])


def upload(client, text: str, name: str = "ledger.csv"):
    return client.post(url("upload"), {"file": SimpleUploadedFile(name, text.encode())})


GOOD = (
    HEADER
    + ",kite-council,2025/26,pooling,revenue,5000,,,,,safer-streets:0.6;healthy-lives:0.4,B\n"
    + ",kite-police,2025,aligning,staff_time,,,100,40,planned,safer-streets,\n"
)


def test_a_good_file_is_previewed_then_saved_on_confirmation(kite, outcomes, manager_client):
    response = upload(manager_client, GOOD)
    assert response.status_code == 302
    assert not Contribution.objects.exists()
    preview = manager_client.get(url("upload_preview"))
    page = preview.content.decode()
    assert "Check and confirm the upload" in page
    assert "£5,000" in page
    assert manager_client.post(url("upload_preview"), {"confirm": "1"}).status_code == 302
    amounts = sorted(line.amount for line in Contribution.objects.all())
    assert amounts == [Decimal("4000.00"), Decimal("5000.00")]


def test_row_errors_name_file_row_and_column_and_nothing_is_saved(kite, outcomes, manager_client):
    make_line(kite, shares={"safer-streets": "1"})
    bad = (
        HEADER
        + ",kite-council,2025,pooling,revenue,5000,,,,committed,safer-streets,\n"
        + ",kite-nobody,2025,pooling,revenue,5000,,,,committed,safer-streets,\n"
        + ",kite-council,2025,pooling,revenue,5,,,,committed,safer-streets:0.5;healthy-lives:0.4,\n"
        + ",kite-council,20x5,hoarding,revenue,,,,,committed,safer-streets,\n"
        + ",kite-police,2025,aligning,staff_time,,,,40,planned,safer-streets,\n"
    )
    response = upload(manager_client, bad)
    assert response.status_code == 400
    page = response.content.decode()
    assert "ledger.csv:5:year: " in page and "ledger.csv:5:arrangement: " in page
    assert Contribution.objects.count() == 1


def test_every_partnership_check_is_reported_together(kite, outcomes, manager_client):
    bad = (
        HEADER
        + ",kite-nobody,2025,pooling,revenue,5000,,,,committed,nowhere,\n"
        + ",kite-police,2025,aligning,staff_time,,,,40,planned,safer-streets,\n"
        + "x,kite-police,2025,aligning,revenue,1,,,,planned,safer-streets,\n"
        + "x,kite-police,2025,aligning,revenue,1,,,,planned,safer-streets,\n"
        + ",kite-council,2025,pooling,revenue,5,,,,committed,safer-streets:0.5;healthy-lives:0.4,\n"
    )
    page = upload(manager_client, bad).content.decode()
    assert "ledger.csv:2:organisation: &#x27;kite-nobody&#x27; is not a partner here" in page
    assert "ledger.csv:2:outcomes: no outcome nowhere" in page
    assert "ledger.csv:3:amount: must not be empty" in page
    assert "ledger.csv:5:ref: &#x27;x&#x27; is already given on row 4" in page
    assert "ledger.csv:6:outcomes: the shares add to 0.9, not 1" in page
    assert not Contribution.objects.exists()


def test_a_row_with_a_known_ref_corrects_that_line(kite, outcomes, manager_client):
    line = make_line(kite, ref="council-2025", shares={"safer-streets": "1"})
    text = HEADER + "council-2025,kite-council,2025,aligning,revenue,750,,,,spent,healthy-lives,\n"
    upload(manager_client, text)
    assert "Corrects council-2025" in manager_client.get(url("upload_preview")).content.decode()
    manager_client.post(url("upload_preview"), {"confirm": "1"})
    line.refresh_from_db()
    assert (line.amount, line.status) == (Decimal("750"), "spent")
    assert line.history.count() == 2


def test_an_xlsx_file_is_read_like_a_csv(kite, outcomes, manager_client):
    book = Workbook()
    sheet = book.active
    for row in GOOD.strip().split("\n"):
        sheet.append([int(c) if c.isdigit() else (c or None) for c in row.split(",")])
    buffer = io.BytesIO()
    book.save(buffer)
    response = manager_client.post(
        url("upload"), {"file": SimpleUploadedFile("ledger.xlsx", buffer.getvalue())}
    )
    assert response.status_code == 302
    manager_client.post(url("upload_preview"), {"confirm": "1"})
    assert Contribution.objects.count() == 2


def test_a_file_checked_then_made_stale_saves_nothing(kite, outcomes, manager_client):
    upload(manager_client, GOOD)
    outcomes[1].delete()
    response = manager_client.post(url("upload_preview"), {"confirm": "1"})
    assert response.status_code == 400
    assert "no outcome healthy-lives" in response.content.decode()
    assert not Contribution.objects.exists()


def test_cancelling_saves_nothing(kite, outcomes, manager_client):
    upload(manager_client, GOOD)
    manager_client.post(url("upload_preview"), {"cancel": "1"})
    assert not Contribution.objects.exists()
    assert (
        "There is no checked file waiting"
        in manager_client.get(url("upload_preview")).content.decode()
    )


def test_a_file_that_is_not_csv_or_xlsx_is_refused(kite, outcomes, manager_client):
    response = upload(manager_client, "hello", name="ledger.txt")
    assert response.status_code == 400
    assert "Choose a CSV or XLSX file." in response.content.decode()
