"""The resource ledger travels in the data package: round trips and located errors."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.resources.models import (
    Contribution,
    PooledFund,
    PooledFundValue,
    ResourceSettings,
)
from tests.apps.resources.factories import make_line, make_outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(kite):
    make_outcome(kite, "safer-streets")
    make_outcome(kite, "healthy-lives")
    ResourceSettings.objects.create(partnership=kite["partnership"], year_start_month=1)
    make_line(kite, shares={"safer-streets": "0.75", "healthy-lives": "0.25"}, source="Budget")
    make_line(
        kite,
        kite["police"],
        kind="staff_time",
        fte=Decimal("0.5"),
        cost_per_hour=Decimal("31.25"),
        amount=Decimal("25781.25"),
        shares={"healthy-lives": "1"},
    )
    fund = PooledFund.objects.create(
        partnership=kite["partnership"],
        ref="care",
        name="Care pool",
        kind="health_social_care",
        host=kite["council"],
        written_agreement=True,
        agreement_date=date(2025, 3, 31),
        vat_recovery="partial",
        outcome_refs=["healthy-lives", "safer-streets"],
    )
    fund.members.set([kite["council"], kite["police"]])
    PooledFundValue.objects.create(fund=fund, year=2025, amount=Decimal("500000.50"))
    return kite


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_export_import_export_gives_identical_files(tmp_path, ledger):
    export_folder(ledger["partnership"], tmp_path / "one")
    ledger["partnership"].delete()
    second = import_folder(tmp_path / "one")
    assert second.ok, second.errors
    export_folder(second.partnership, tmp_path / "two")
    for name in (
        "resource_settings.csv",
        "contributions.csv",
        "contribution_shares.csv",
        "pooled_funds.csv",
        "pooled_fund_members.csv",
        "pooled_fund_values.csv",
    ):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert Contribution.objects.count() == 2
    assert second.partnership.resource_settings.year_start_month == 1
    shares = rows_of(tmp_path / "two" / "contribution_shares.csv")
    assert len(shares) == 3
    fund = PooledFund.objects.get()
    assert fund.members.count() == 2 and fund.values.get().amount == Decimal("500000.50")


def test_shares_not_adding_to_one_are_reported_and_nothing_imported(tmp_path, ledger):
    export_folder(ledger["partnership"], tmp_path / "one")
    ledger["partnership"].delete()
    path = tmp_path / "one" / "contribution_shares.csv"
    rows = rows_of(path)
    rows[0]["share"] = "0.5"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    result = import_folder(tmp_path / "one")
    assert not result.ok
    assert any("contributions.csv:" in error and "add to" in error for error in result.errors)
    assert not Contribution.objects.exists()
