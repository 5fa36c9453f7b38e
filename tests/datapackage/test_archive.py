"""Reading archives and tables without Django: UTF-8 rows located, entries chosen once."""

from __future__ import annotations

import doctest
import io
import zipfile

import pytest

import partnerscope.datapackage.package
from partnerscope.datapackage.archive import Limits, extract_package
from partnerscope.datapackage.tables import TableErrors, first_row_not_utf8

LIMITS = Limits(table_bytes=1024 * 1024, package_bytes=2 * 1024 * 1024)


def archive(files: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in files.items():
            out.writestr(name, content)
    buffer.seek(0)
    return buffer


def test_the_package_module_examples_run():
    assert doctest.testmod(partnerscope.datapackage.package).failed == 0


def test_a_utf8_file_has_no_bad_row(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text("id,name\n1,Zoë\n", encoding="utf-8")
    assert first_row_not_utf8(path) is None


def test_the_bad_row_counts_rows_as_a_spreadsheet_does(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b'id,name\n1,"two\nlines"\n2,caf\xe9\n')
    assert first_row_not_utf8(path, chunk_bytes=4) == 3


def test_bad_bytes_split_across_chunks_are_found(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"id,name\n" + b"1,ok\n" * 1000 + b"2,\xc3\n")
    assert first_row_not_utf8(path, chunk_bytes=7) == 1002


def test_a_package_in_one_folder_is_extracted_and_other_files_ignored(tmp_path):
    extract_package(
        archive(
            {
                "pkg/datapackage.json": b"{}",
                "pkg/people.csv": b"id\n",
                "pkg/notes.txt": b"ignored",
                "__MACOSX/pkg/._people.csv": b"\x00",
            }
        ),
        tmp_path,
        LIMITS,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datapackage.json", "people.csv"]


def test_two_descriptors_are_refused(tmp_path):
    with pytest.raises(TableErrors) as refused:
        extract_package(
            archive({"a/datapackage.json": b"{}", "b/datapackage.json": b"{}"}), tmp_path, LIMITS
        )
    assert "found more than once" in str(refused.value)


def test_a_table_outside_the_package_folder_is_refused(tmp_path):
    with pytest.raises(TableErrors) as refused:
        extract_package(
            archive({"datapackage.json": b"{}", "sub/dir/people.csv": b"id\n"}), tmp_path, LIMITS
        )
    assert str(refused.value).startswith("sub/dir/people.csv:0:: a table in another folder")
    assert not (tmp_path / "people.csv").exists()


def test_the_package_limit_counts_every_table(tmp_path):
    limits = Limits(table_bytes=1000, package_bytes=1500)
    with pytest.raises(TableErrors) as refused:
        extract_package(
            archive(
                {"datapackage.json": b"{}", "people.csv": b"x" * 900, "bodies.csv": b"y" * 900}
            ),
            tmp_path,
            limits,
        )
    assert "together once unzipped" in str(refused.value)


def test_not_a_zip(tmp_path):
    with pytest.raises(TableErrors) as refused:
        extract_package(io.BytesIO(b"not a zip"), tmp_path, LIMITS)
    assert "not a valid zip archive" in str(refused.value)
