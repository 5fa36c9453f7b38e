"""A manager uploads ledger lines, filters the ledger and reads the alignment and pooled
funds pages, each checked with axe-core."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from partnerscope.apps.resources.models import PooledFund
from tests.apps.resources.factories import make_line, make_outcome
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UPLOAD = (
    "organisation,year,arrangement,kind,amount,status,outcomes\n"
    "kite-council,2025,pooling,revenue,5000,committed,safer-streets:0.6;healthy-lives:0.4\n"
    "kite-police,2025,aligning,revenue,1500,planned,safer-streets\n"
)


@pytest.fixture
def ledger(kite):
    make_outcome(kite, "safer-streets", "Safer streets")
    make_outcome(kite, "healthy-lives", "Healthy lives")
    make_outcome(kite, "more-jobs", "More jobs")
    make_line(
        kite, kite["police"], amount=Decimal("2000"), year=2024, shares={"safer-streets": "1"}
    )
    PooledFund.objects.create(
        partnership=kite["partnership"], ref="care", name="Kite Care Pool", host=kite["council"]
    )
    return kite


def test_manager_uploads_filters_and_reads_the_alignment(
    page, live_server, ledger, manager, tmp_path
):
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/resources/")
    expect(page.get_by_role("heading", name="Resource ledger", level=1)).to_be_visible()
    expect(page.locator("#ledger-total")).to_have_text("£2,000")
    assert_accessible(page)

    page.get_by_role("link", name="Upload ledger lines").click()
    bad = tmp_path / "bad.csv"
    bad.write_text(UPLOAD.replace("kite-police", "kite-nobody"))
    page.get_by_label("File of ledger lines").set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(
        page.get_by_text("bad.csv:3:organisation: 'kite-nobody' is not a partner here")
    ).to_be_visible()
    assert_accessible(page)

    good = tmp_path / "good.csv"
    good.write_text(UPLOAD)
    page.get_by_label("File of ledger lines").set_input_files(str(good))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Check and confirm the upload")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm and save").click()
    expect(page.locator("#ledger-total")).to_have_text("£8,500")

    page.get_by_label("Outcome").select_option("safer-streets")
    page.get_by_label("Year").select_option("2025")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#ledger-total")).to_have_text("£4,500")
    assert_accessible(page)

    page.get_by_role("link", name="Alignment").click()
    expect(page.get_by_role("heading", name="Alignment of resources", level=1)).to_be_visible()
    expect(
        page.get_by_text("No partner's contribution in the ledger serves More jobs.")
    ).to_be_visible()
    expect(page.get_by_role("img", name="Resources by outcome")).to_be_visible()
    page.get_by_text("Show the data behind this chart").click()
    expect(page.locator("#alignment-chart").get_by_role("cell", name="£6,500")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Pooled funds").click()
    expect(page.get_by_role("heading", name="Kite Care Pool")).to_be_visible()
    expect(page.get_by_text("pool_written_agreement")).to_be_visible()
    assert_accessible(page)
