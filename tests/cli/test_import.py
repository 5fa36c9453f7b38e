"""`partnerscope import` as a user runs it: who may create a partnership, organisations kept
apart, and bad archives refused with a message (never a traceback), the database unchanged."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from partnerscope.datapackage.package import write_package


def run(
    data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The command in a fresh process on the SQLite database in ``data_dir``."""
    environment = {
        **os.environ,
        "PARTNERSCOPE_DATA_DIR": str(data_dir),
        "DATABASE_URL": "",
        "COLUMNS": "200",
        **(env or {}),
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "partnerscope.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


KITE = {
    "partnership": [
        {
            "slug": "kite",
            "name": "Kite Partnership",
            "area": "Kite",
            "kind": "lsp",
            "tier": "unitary",
            "anonymity_threshold": 5,
        }
    ],
    "organisations": [
        {"id": "kite-council", "name": "Kite Council", "sector": "council", "statutory": True},
        {"id": "kite-police", "name": "Kite Police", "sector": "police", "statutory": True},
    ],
    "people": [
        {"id": "alice", "name": "Alice Adams", "organisation": "kite-council"},
        {"id": "bola", "name": "Bola Bello", "organisation": "kite-police"},
    ],
    "bodies": [{"id": "board", "name": "Kite Board", "layer": "strategic"}],
    "memberships": [
        {"person": "alice", "body": "board", "role": "chair"},
        {"person": "bola", "body": "board", "role": "member"},
    ],
}


def package(folder: Path, slug: str = "kite", organisation_name: str = "") -> Path:
    """The small kite package under ``slug``, its organisations renamed if asked."""
    tables = {name: [dict(row) for row in rows] for name, rows in KITE.items()}
    tables["partnership"][0]["slug"] = slug
    if organisation_name:
        for row in tables["organisations"]:
            row["name"] = f"{organisation_name} {row['name']}"
    return write_package(folder, slug, tables)


def zipped(folder: Path, target: Path, **replace: bytes) -> Path:
    """``folder`` as a zip; ``replace`` gives some entries other bytes (or other names)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.writestr(path.name, replace.get(path.name, path.read_bytes()))
    return target


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A database holding the kite partnership (imported by the operator) and a viewer."""
    root = tmp_path_factory.mktemp("import")
    done = run(root / "db", "import", str(package(root / "kite")))
    assert done.returncode == 0, done.stderr
    granted = run(root / "db", "grant", "kite", "vera", "--email", "vera@example.org")
    assert granted.returncode == 0, granted.stderr
    return root


def unchanged(site: Path, tmp_path: Path, refused: str) -> None:
    """The kite partnership is as imported, and the refused one was not created."""
    out = run(site / "db", "export", "kite", str(tmp_path / "kite-now"))
    assert out.returncode == 0, out.stderr
    assert read_csv(tmp_path / "kite-now" / "organisations.csv") == read_csv(
        site / "kite" / "organisations.csv"
    )
    other = run(site / "db", "export", refused, str(tmp_path / "none"))
    assert f"no partnership {refused!r}" in other.stderr


def test_import_as_an_account_that_may_not_create_a_partnership_is_refused(site, tmp_path):
    result = run(site / "db", "import", str(package(tmp_path / "copy", "copy")), "--as", "vera")
    assert result.returncode == 2
    assert "may not create a partnership by import" in result.stderr
    assert "Traceback" not in result.stderr
    unchanged(site, tmp_path, "copy")


def test_import_as_an_unknown_account_is_refused(site, tmp_path):
    result = run(site / "db", "import", str(package(tmp_path / "copy", "copy")), "--as", "nobody")
    assert result.returncode == 2
    assert "no account 'nobody'" in result.stderr


def test_import_as_an_account_reusing_another_partnerships_organisations_leaves_them_alone(
    site, tmp_path
):
    folder = package(tmp_path / "copy", "copy-of-kite", organisation_name="Impostor")
    result = run(
        site / "db",
        "import",
        str(folder),
        "--as",
        "vera",
        env={"PARTNERSCOPE_IMPORT_BY_ANY_ACCOUNT": "true"},
    )
    assert result.returncode == 0, result.stderr
    assert "kite-council → kite-council-2" in result.stdout
    kite_now = run(site / "db", "export", "kite", str(tmp_path / "kite-now"))
    assert kite_now.returncode == 0
    assert read_csv(tmp_path / "kite-now" / "organisations.csv") == read_csv(
        site / "kite" / "organisations.csv"
    )
    copy = run(site / "db", "export", "copy-of-kite", str(tmp_path / "copy-now"))
    assert copy.returncode == 0
    organisations = read_csv(tmp_path / "copy-now" / "organisations.csv")
    assert {row["id"] for row in organisations} == {"kite-council-2", "kite-police-2"}
    assert {row["name"] for row in organisations} == {
        "Impostor Kite Council",
        "Impostor Kite Police",
    }
    people = read_csv(tmp_path / "copy-now" / "people.csv")
    assert {row["organisation"] for row in people} == {"kite-council-2", "kite-police-2"}


# Bad archives.


def bad_csv_bytes() -> bytes:
    return (
        b"id,name,sector,statutory\n"
        b"kite-council,Kite Council,council,true\n"
        b"kite-police,Kite Police,police,true\n"
    ) + b"kite-fire,Kite Fire \xff\xfe Rescue,fire,false\n"


def test_a_table_that_is_not_utf8_gives_file_and_row_in_a_folder(site, tmp_path):
    folder = package(tmp_path / "latin", "latin")
    (folder / "organisations.csv").write_bytes(bad_csv_bytes())
    result = run(site / "db", "import", str(folder))
    assert result.returncode == 2
    assert "organisations.csv:4:: not UTF-8 text" in result.stderr
    assert "Traceback" not in result.stderr
    unchanged(site, tmp_path, "latin")


def test_a_table_that_is_not_utf8_gives_file_and_row_in_a_zip(site, tmp_path):
    folder = package(tmp_path / "latin", "latin")
    archive = zipped(folder, tmp_path / "latin.zip", **{"organisations.csv": bad_csv_bytes()})
    result = run(site / "db", "import", str(archive))
    assert result.returncode == 2
    assert "organisations.csv:4:: not UTF-8 text" in result.stderr
    assert "Traceback" not in result.stderr
    unchanged(site, tmp_path, "latin")


def lying_zip(folder: Path, target: Path) -> Path:
    """A zip whose organisations.csv entry holds other bytes than its header and CRC say."""
    zipped(folder, target)
    data = bytearray(target.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("organisations.csv")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 5] ^= 0x01
    target.write_bytes(bytes(data))
    return target


def test_a_zip_entry_that_lies_about_its_content_gets_a_message(site, tmp_path):
    archive = lying_zip(package(tmp_path / "crc", "crc"), tmp_path / "crc.zip")
    result = run(site / "db", "import", str(archive))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "organisations.csv" in result.stderr
    assert "damaged" in result.stderr
    unchanged(site, tmp_path, "crc")


def test_a_nested_duplicate_table_is_refused(site, tmp_path):
    folder = package(tmp_path / "nested", "nested")
    archive = tmp_path / "nested.zip"
    zipped(folder, archive)
    with zipfile.ZipFile(archive, "a") as out:
        out.writestr("sub/dir/organisations.csv", bad_csv_bytes())
    result = run(site / "db", "import", str(archive))
    assert result.returncode == 2
    assert "sub/dir/organisations.csv" in result.stderr
    assert "Traceback" not in result.stderr
    unchanged(site, tmp_path, "nested")


def test_a_table_larger_than_the_limit_is_refused(site, tmp_path):
    folder = package(tmp_path / "big", "big")
    rows = "".join(f"p{n},Person {n},kite-council,,\n" for n in range(40_000))
    known = "alice,Alice Adams,kite-council,,\nbola,Bola Bello,kite-police,,\n"
    big = ("id,name,organisation,job_title,email\n" + known + rows).encode()
    archive = zipped(folder, tmp_path / "big.zip", **{"people.csv": big})
    result = run(
        site / "db", "import", str(archive), env={"PARTNERSCOPE_IMPORT_MAX_TABLE_MB": "0.5"}
    )
    assert result.returncode == 2
    assert "people.csv" in result.stderr
    assert "larger than 0.5 MB" in result.stderr
    assert "Traceback" not in result.stderr
    unchanged(site, tmp_path, "big")


def test_a_folder_the_operator_names_is_read_whole_past_the_upload_limit(site, tmp_path):
    """The size limits guard the server against uploads; the operator's own folder is read."""
    folder = package(tmp_path / "large", "large")
    rows = "".join(f"p{n},Person {n},kite-council,,\n" for n in range(40_000))
    known = "alice,Alice Adams,kite-council,,\nbola,Bola Bello,kite-police,,\n"
    (folder / "people.csv").write_text("id,name,organisation,job_title,email\n" + known + rows)
    result = run(
        site / "db", "import", str(folder), env={"PARTNERSCOPE_IMPORT_MAX_TABLE_MB": "0.5"}
    )
    assert result.returncode == 0, result.stderr
