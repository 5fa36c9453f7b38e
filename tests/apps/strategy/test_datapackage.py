"""The strategy's tables travel in the data package: round trip, located errors, all or
nothing."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

from partnerscope.apps.common.extensions import demo_builders
from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.demo import area_packages
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.strategy.models import OutcomeReview, Strategy
from partnerscope.datapackage.package import write_package

pytestmark = pytest.mark.django_db


@pytest.fixture
def northshire(tmp_path):
    tables = next(itertools.islice(area_packages(0), 1))
    for builder in demo_builders():
        tables.update(builder(tables, 0))
    return write_package(tmp_path / "demo", "Northshire", tables)


def rewrite(path: Path, row_index: int, column: str, value: str) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[row_index][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_export_import_export_gives_identical_files(tmp_path, northshire):
    first = import_folder(northshire)
    assert first.ok, first.errors
    strategy = Strategy.objects.get()
    assert strategy.review_interval_years == 3
    assert OutcomeReview.objects.count() == 22
    export_folder(first.partnership, tmp_path / "one")
    first.partnership.delete()
    second = import_folder(tmp_path / "one")
    assert second.ok, second.errors
    export_folder(second.partnership, tmp_path / "two")
    for name in ("strategies.csv", "outcome_reviews.csv", "chains.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
    reviews = list(csv.DictReader((tmp_path / "two" / "outcome_reviews.csv").open()))
    assert list(reviews[0]) == ["outcome", "review_date"]


def test_bad_cells_are_located_and_nothing_is_saved(northshire):
    rewrite(northshire / "strategies.csv", 0, "adopted", "soon")
    rewrite(northshire / "outcome_reviews.csv", 0, "review_date", "31/02/2026")
    rewrite(northshire / "outcome_reviews.csv", 1, "outcome", "nowhere")
    result = import_folder(northshire)
    assert not result.ok
    for where in (
        "strategies.csv:2:adopted:",
        "outcome_reviews.csv:2:review_date:",
        "outcome_reviews.csv:3:",
    ):
        assert any(message.startswith(where) for message in result.errors), result.errors
    assert not Partnership.objects.exists()
    assert not Strategy.objects.exists()


def test_rules_beyond_the_schema_are_located(northshire):
    rewrite(northshire / "strategies.csv", 0, "review_interval_years", "0")
    rewrite(northshire / "strategies.csv", 0, "correlation_minimum", "2")
    rewrite(northshire / "strategies.csv", 0, "last_reviewed", "1999-01-01")
    result = import_folder(northshire)
    assert not result.ok
    assert "strategies.csv:2:review_interval_years: must be from 1 to 20" in result.errors
    assert "strategies.csv:2:correlation_minimum: must be from 3 to 100" in result.errors
    assert "strategies.csv:2:last_reviewed: is before adopted" in result.errors
    assert not Partnership.objects.exists()


def test_review_dates_need_a_strategy(northshire):
    path = northshire / "strategies.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + "\n", encoding="utf-8")
    result = import_folder(northshire)
    assert not result.ok
    assert any("review dates need a strategy" in message for message in result.errors)
