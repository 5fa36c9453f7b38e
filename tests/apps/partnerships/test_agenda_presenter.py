"""Agenda items' presenting organisation: optional in the data package, carried through
import and export, checked against the organisations, and absent from older packages."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.partnerships.models import AgendaItem, Partnership
from partnerscope.datapackage.package import write_package

pytestmark = pytest.mark.django_db


@pytest.fixture
def northshire_tables():
    return next(demo_packages(1))


def drop_column(path: Path, column: str) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    names = [name for name in rows[0] if name != column]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def test_presenters_are_imported_and_exported(tmp_path, northshire_tables):
    folder = write_package(tmp_path / "pkg", "Northshire", northshire_tables)
    result = import_folder(folder)
    assert result.ok, result.errors
    presented = AgendaItem.objects.filter(meeting__body__ref="board").exclude(presenter=None)
    assert presented.count() == AgendaItem.objects.filter(meeting__body__ref="board").count() > 0
    assert presented.filter(presenter__ref="northshire-county-council").count() * 2 > (
        presented.count()
    )
    export_folder(result.partnership, tmp_path / "out")
    rows = list(csv.DictReader((tmp_path / "out" / "agenda_items.csv").open(encoding="utf-8")))
    assert {row["presenter"] for row in rows} >= {"", "northshire-county-council"}


def test_a_package_without_the_presenter_column_still_imports(tmp_path, northshire_tables):
    folder = write_package(tmp_path / "old", "Northshire", northshire_tables)
    drop_column(folder / "agenda_items.csv", "presenter")
    result = import_folder(folder)
    assert result.ok, result.errors
    assert AgendaItem.objects.count() == len(northshire_tables["agenda_items"])
    assert not AgendaItem.objects.exclude(presenter=None).exists()


def test_an_unknown_presenter_is_located_and_nothing_is_saved(tmp_path, northshire_tables):
    folder = write_package(tmp_path / "bad", "Northshire", northshire_tables)
    path = folder / "agenda_items.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[0]["presenter"] = "no-such-organisation"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = import_folder(folder)
    assert (
        "agenda_items.csv:2:presenter: 'no-such-organisation' is not an id in organisations.csv"
        in result.errors
    )
    assert not Partnership.objects.exists()


def test_other_required_columns_are_still_required(tmp_path, northshire_tables):
    folder = write_package(tmp_path / "pkg", "Northshire", northshire_tables)
    drop_column(folder / "agenda_items.csv", "title")
    result = import_folder(folder)
    assert "agenda_items.csv:1:title: required column is missing" in result.errors
