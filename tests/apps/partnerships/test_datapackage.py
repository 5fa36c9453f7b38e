"""Export and import of data packages: round trips, located errors, all or nothing."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from partnerscope.apps.partnerships.datapackage_services import (
    export_folder,
    export_tables,
    import_folder,
)
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.partnerships.models import Partnership, Person
from partnerscope.datapackage.package import write_package


@pytest.fixture
def northshire_tables():
    return next(demo_packages(1))


def rewrite(path: Path, row_index: int, column: str, value: str) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[row_index][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.django_db
def test_export_import_export_gives_identical_files(tmp_path, northshire_tables):
    write_package(tmp_path / "demo", "Northshire", northshire_tables)
    first = import_folder(tmp_path / "demo")
    assert first.ok, first.errors
    export_folder(first.partnership, tmp_path / "one")
    first.partnership.delete()
    second = import_folder(tmp_path / "one")
    assert second.ok, second.errors
    export_folder(second.partnership, tmp_path / "two")
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


@pytest.mark.django_db
def test_broken_csv_gets_every_error_located_and_changes_nothing(tmp_path, northshire_tables):
    folder = write_package(tmp_path / "bad", "Northshire", northshire_tables)
    rewrite(folder / "bodies.csv", 0, "layer", "galactic")
    rewrite(folder / "meetings.csv", 2, "date", "2024-02-30")
    rewrite(folder / "people.csv", 4, "organisation", "no-such-organisation")
    before = (Partnership.objects.count(), Person.objects.count())
    result = import_folder(folder)
    assert not result.ok
    assert (
        "bodies.csv:2:layer: 'galactic' is not one of strategic, executive, operational"
        in result.errors
    )
    assert "meetings.csv:4:date: '2024-02-30' is not a valid date (YYYY-MM-DD)" in result.errors
    assert (
        "people.csv:6:organisation: 'no-such-organisation' is not an id in organisations.csv"
        in result.errors
    )
    assert (Partnership.objects.count(), Person.objects.count()) == before


@pytest.mark.django_db
def test_unknown_function_and_body_loop_are_located(tmp_path, northshire_tables):
    folder = write_package(tmp_path / "bad", "Northshire", northshire_tables)
    rewrite(folder / "bodies.csv", 0, "functions", "vision;astrology")
    result = import_folder(folder)
    assert "bodies.csv:2:functions: unknown function 'astrology'" in result.errors
    assert not Partnership.objects.exists()


@pytest.mark.django_db
def test_existing_slug_is_refused(tmp_path, northshire_tables):
    folder = write_package(tmp_path / "pkg", "Northshire", northshire_tables)
    assert import_folder(folder).ok
    result = import_folder(folder)
    assert result.errors == ["partnership.csv:2:slug: a partnership 'northshire' already exists"]


@pytest.mark.django_db
def test_missing_file_and_column(tmp_path, northshire_tables):
    folder = write_package(tmp_path / "pkg", "Northshire", northshire_tables)
    (folder / "attendance.csv").unlink()
    (folder / "meetings.csv").write_text("id,body\nm1,board\n", encoding="utf-8")
    result = import_folder(folder)
    assert "attendance.csv:0:: file not found" in result.errors
    assert "meetings.csv:1:date: required column is missing" in result.errors


@pytest.mark.django_db
def test_shared_organisation_is_reused_across_partnerships():
    packages = list(demo_packages(1))
    from partnerscope.apps.partnerships.datapackage_services import import_tables

    for tables in packages[:2]:
        assert import_tables(tables).ok
    county, district = Partnership.objects.order_by("tier")
    shared = set(county.organisations.values_list("ref", flat=True)) & set(
        district.organisations.values_list("ref", flat=True)
    )
    assert "northshire-county-council" in shared
    assert export_tables(district)["partnership"][0]["parent"] == "northshire"


def test_web_export_and_import_round_trip(manager_client, kite, manager, settings):
    settings.IMPORT_BY_ANY_ACCOUNT = True
    response = manager_client.get(reverse("partnerships:export", args=["kite"]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "datapackage.json" in archive.namelist()
    files = {name: archive.read(name) for name in archive.namelist()}
    files["partnership.csv"] = files["partnership.csv"].replace(b"kite,", b"kite-copy,", 1)
    upload = io.BytesIO()
    with zipfile.ZipFile(upload, "w") as out:
        for name, content in files.items():
            out.writestr(name, content)
    upload.seek(0)
    upload.name = "kite.zip"
    response = manager_client.post(reverse("partnerships:import"), {"package": upload})
    assert response.status_code == 302
    copy = Partnership.objects.get(slug="kite-copy")
    assert copy.roles.get().user == manager
    assert copy.people.count() == 2


def test_web_import_of_a_broken_package_lists_errors(manager_client, kite, settings):
    settings.IMPORT_BY_ANY_ACCOUNT = True
    response = manager_client.get(reverse("partnerships:export", args=["kite"]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    upload = io.BytesIO()
    with zipfile.ZipFile(upload, "w") as out:
        for name in archive.namelist():
            out.writestr(name, archive.read(name))
    upload.seek(0)
    upload.name = "kite.zip"
    response = manager_client.post(reverse("partnerships:import"), {"package": upload})
    assert response.status_code == 400
    assert (
        "partnership.csv:2:slug: a partnership &#x27;kite&#x27; already exists"
        in response.content.decode()
    )


def test_web_import_refuses_a_file_that_is_not_a_zip(manager_client, kite, settings):
    settings.IMPORT_BY_ANY_ACCOUNT = True
    upload = io.BytesIO(b"not a zip")
    upload.name = "kite.zip"
    response = manager_client.post(reverse("partnerships:import"), {"package": upload})
    assert response.status_code == 400
    assert "not a valid zip archive" in response.content.decode()
