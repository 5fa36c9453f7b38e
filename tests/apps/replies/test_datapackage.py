"""The replies' tables in the data package: round trip, and located errors that stop the
whole import."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.replies import replying
from partnerscope.apps.replies.models import ManagerResponse, Reply
from tests.apps.replies.builders import police_reply

pytestmark = pytest.mark.django_db

FILES = ["replies.csv", "reply_responses.csv"]


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def write_rows(path: Path, found: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(found[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(found)


@pytest.fixture
def exported(kite, tmp_path) -> Path:
    reply = police_reply(kite)
    replying.change_reply(reply, "correction", "Count our ties, please.", None)
    replying.respond(reply, "The ties were re-counted.", None, name="Mo Manager")
    police_reply(kite, position="agree", text="")
    return export_folder(kite["partnership"], tmp_path / "one")


def test_export_import_export_gives_identical_reply_files(kite, exported, tmp_path):
    kite["partnership"].delete()
    first = import_folder(exported)
    assert first.ok, first.errors
    assert Reply.objects.filter(partnership=first.partnership).count() == 2
    export_folder(first.partnership, tmp_path / "two")
    for name in FILES:
        one = (exported / name).read_bytes()
        assert one == (tmp_path / "two" / name).read_bytes(), name
    reply = Reply.objects.get(partnership=first.partnership, position="correction")
    assert reply.text == "Count our ties, please." and reply.written_by.name == "Bola Bello"
    assert reply.updated_at >= reply.written_at
    assert reply.response.text == "The ties were re-counted."
    assert reply.response.responded_by_name == "Mo Manager"
    written = rows(exported / "replies.csv")
    assert {row["target"] for row in written} == {
        "network|isolated_partner|organisation|kite-police"
    }


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("text", "", "needs its text"),
        ("target", "network|isolated_partner", "is not a finding's key"),
        ("position", "maybe", "maybe"),
        ("organisation", "nowhere", "nowhere"),
    ],
)
def test_a_bad_reply_row_is_named_and_nothing_is_imported(kite, exported, column, value, message):
    kite["partnership"].delete()
    found = rows(exported / "replies.csv")
    index = next(i for i, row in enumerate(found) if row["position"] == "correction")
    found[index][column] = value
    write_rows(exported / "replies.csv", found)
    result = import_folder(exported)
    assert not result.ok
    assert any("replies.csv" in error and message in error for error in result.errors), (
        result.errors
    )
    assert not Partnership.objects.exists()
    assert not Reply.objects.exists() and not ManagerResponse.objects.exists()
