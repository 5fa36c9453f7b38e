"""Bad archives uploaded through the web get a page listing the problem, never a 500, and a
refused import leaves every table of the database as it was."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest
from django.apps import apps
from django.urls import reverse

from partnerscope.apps.partnerships.datapackage_services import export_tables, import_zip
from partnerscope.datapackage.package import write_package


@pytest.fixture
def superuser_client(client, make_user):
    client.force_login(make_user(is_superuser=True))
    return client


@pytest.fixture
def package_files(kite, tmp_path) -> dict[str, bytes]:
    """The kite partnership's package under a new slug, as file name → bytes."""
    tables = {n: [dict(r) for r in rows] for n, rows in export_tables(kite["partnership"]).items()}
    tables["partnership"][0]["slug"] = "kite-copy"
    folder = write_package(tmp_path / "pkg", "copy", tables)
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def as_zip(files: dict[str, bytes]) -> io.BytesIO:
    upload = io.BytesIO()
    with zipfile.ZipFile(upload, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    upload.seek(0)
    upload.name = "package.zip"
    return upload


def database_state() -> dict[str, int]:
    """How many rows every model holds, history included."""
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def not_utf8(files: dict[str, bytes]) -> dict[str, bytes]:
    lines = files["people.csv"].split(b"\n")
    lines[2] = lines[2].replace(b"Bola", b"B\xf6la")
    return {**files, "people.csv": b"\n".join(lines)}


def lying(files: dict[str, bytes]) -> io.BytesIO:
    """A zip whose people.csv entry holds other bytes than its CRC-32 says."""
    data = bytearray(as_zip(files).getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("people.csv")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 3] ^= 0x01
    upload = io.BytesIO(bytes(data))
    upload.name = "package.zip"
    return upload


def post(client, upload):
    return client.post(reverse("partnerships:import"), {"package": upload})


def assert_refused(response, *fragments: str) -> None:
    assert response.status_code == 400
    page = response.content.decode()
    assert "The data package was not imported" in page
    for fragment in fragments:
        assert fragment in page, fragment


def test_a_table_that_is_not_utf8_names_its_file_and_row(superuser_client, package_files):
    before = database_state()
    response = post(superuser_client, as_zip(not_utf8(package_files)))
    assert_refused(response, "people.csv:3:: not UTF-8 text")
    assert database_state() == before


def test_a_zip_entry_with_a_bad_crc_gets_a_clear_error(superuser_client, package_files):
    before = database_state()
    response = post(superuser_client, lying(package_files))
    assert_refused(response, "people.csv:0:: damaged in the archive")
    assert database_state() == before


def test_a_nested_duplicate_beside_the_top_level_table_is_refused(superuser_client, package_files):
    before = database_state()
    files = {**package_files, "sub/dir/organisations.csv": package_files["organisations.csv"]}
    response = post(superuser_client, as_zip(files))
    assert_refused(response, "sub/dir/organisations.csv:0:: a table in another folder")
    assert database_state() == before


def test_a_nested_table_instead_of_the_top_level_one_is_refused(superuser_client, package_files):
    before = database_state()
    files = dict(package_files)
    files["sub/dir/organisations.csv"] = files.pop("organisations.csv")
    response = post(superuser_client, as_zip(files))
    assert_refused(response, "sub/dir/organisations.csv:0:: a table in another folder")
    assert database_state() == before


def test_a_package_zipped_as_one_folder_is_imported(superuser_client, package_files):
    files = {f"kite-copy/{name}": content for name, content in package_files.items()}
    files["__MACOSX/kite-copy/._people.csv"] = b"\x00\x05\x16\x07"
    response = post(superuser_client, as_zip(files))
    assert response.status_code == 302


def test_a_table_over_the_limit_is_refused_while_unzipping(
    superuser_client, package_files, settings
):
    settings.IMPORT_MAX_TABLE_BYTES = 1024 * 1024
    before = database_state()
    header, _ = package_files["people.csv"].split(b"\n", 1)
    bomb = header + b"\n" + b"p,Person,kite-council,,\n" * 400_000
    response = post(superuser_client, as_zip({**package_files, "people.csv": bomb}))
    assert_refused(response, "people.csv:0:: larger than 1 MB once unzipped")
    assert database_state() == before


def test_tables_over_the_package_limit_are_refused(superuser_client, package_files, settings):
    settings.IMPORT_MAX_PACKAGE_BYTES = 2048
    before = database_state()
    padded = {**package_files, "people.csv": package_files["people.csv"] + b"\n" * 4000}
    response = post(superuser_client, as_zip(padded))
    assert_refused(response, "larger than 0.00195312 MB together")
    assert database_state() == before


def test_a_zip_bomb_is_refused_without_decompressing_it_into_memory(kite, make_user, settings):
    """50 MB of CSV in a zip of well under 1 MB: refused at the table limit, in chunks."""
    settings.IMPORT_MAX_TABLE_BYTES = 20 * 1024 * 1024
    files = {"datapackage.json": b"{}", "people.csv": b"id,name\n" + b"p,Person,x,,\n" * 4_200_000}
    upload = as_zip(files)
    assert len(upload.getvalue()) < 1024 * 1024
    tracemalloc.start()
    try:
        result = import_zip(upload, make_user(is_superuser=True))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.errors == [
        "people.csv:0:: larger than 20 MB once unzipped: split the data or ask the site's "
        "operator to raise PARTNERSCOPE_IMPORT_MAX_TABLE_MB"
    ]
    assert peak < 5 * 1024 * 1024


def test_an_archive_lying_about_its_size_in_the_header_is_still_stopped(kite, make_user, settings):
    """The header says 10 bytes; the counting while unzipping still stops it at the limit."""
    settings.IMPORT_MAX_TABLE_BYTES = 1024 * 1024
    files = {"datapackage.json": b"{}", "people.csv": b"x" * (3 * 1024 * 1024)}
    data = bytearray(as_zip(files).getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("people.csv")
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(b"people.csv")] != b"people.csv":
        central = data.find(b"PK\x01\x02", central + 4)
    for offset in (info.header_offset + 22, central + 24):
        data[offset : offset + 4] = (10).to_bytes(4, "little")
    upload = io.BytesIO(bytes(data))
    result = import_zip(upload, make_user(is_superuser=True))
    assert len(result.errors) == 1
    assert result.errors[0].startswith("people.csv:0:: ")
    assert not result.ok


def test_a_value_too_long_for_the_database_is_an_error_not_a_500(superuser_client, package_files):
    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("SQLite stores text of any length")
    before = database_state()
    people = package_files["people.csv"].replace(b"Alice Adams", b"A" * 300)
    assert people != package_files["people.csv"]
    files = {**package_files, "people.csv": people}
    response = post(superuser_client, as_zip(files))
    assert_refused(response, "The database refused a value of the package")
    assert database_state() == before
