"""The sharing agreement and the partnership's own practice travel in the data package:
export, import and export again give the same files; bad rows are located."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from partnerscope.apps.learning.models import PracticeEntry, SharingAgreement
from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from tests.apps.learning.builders import agree, entry

pytestmark = pytest.mark.django_db


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def exported(kite, tmp_path):
    agree(kite["partnership"], named=True)
    entry(kite["partnership"], ref="own-b", rule_ids=["weak_element", "DC-W03"], example=True)
    entry(kite["partnership"], ref="own-a", rule_ids=[])
    entry(ref="site-wide")
    export_folder(kite["partnership"], tmp_path / "one")
    return tmp_path / "one"


def test_export_import_export_gives_identical_files(kite, tmp_path, exported):
    assert [row["id"] for row in rows_of(exported / "learning_practice.csv")] == [
        "own-a",
        "own-b",
    ]
    assert rows_of(exported / "learning_sharing.csv")[0]["may_be_named"] == "true"
    kite["partnership"].delete()
    result = import_folder(exported)
    assert result.ok, result.errors
    export_folder(result.partnership, tmp_path / "two")
    for path in sorted(exported.glob("learning_*.csv")):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
    assert SharingAgreement.objects.get().may_be_named
    assert PracticeEntry.objects.get(ref="own-b").rule_ids == ["weak_element", "DC-W03"]
    assert PracticeEntry.objects.site_wide().count() == 1


def test_bad_learning_rows_are_located_and_nothing_is_imported(kite, tmp_path, exported):
    kite["partnership"].delete()
    practice = rows_of(exported / "learning_practice.csv")
    practice[1]["rule_ids"] = "weak element!"
    practice[0]["framework_part"] = "astrology"
    write_rows(exported / "learning_practice.csv", practice)
    sharing = rows_of(exported / "learning_sharing.csv")
    write_rows(exported / "learning_sharing.csv", sharing + sharing)
    result = import_folder(exported)
    assert not result.ok
    text = "\n".join(str(error) for error in result.errors)
    assert "learning_practice.csv" in text and "framework_part" in text
    assert not SharingAgreement.objects.exists()
    assert PracticeEntry.objects.count() == 1
