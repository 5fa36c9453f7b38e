"""The scrutiny tables travel in the data package: export, import and export again give the
same files; bad rows are located and nothing is imported."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.scrutiny.models import (
    CommitteeMember,
    EvidenceSession,
    ProgressUpdate,
    Recommendation,
    Referral,
    Response,
    Training,
)
from tests.apps.scrutiny.builders import recommendation, review

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
    found = review(kite)
    found.organisations_called.set([kite["police"], kite["council"]])
    found.bodies_called.set([kite["board"]])
    EvidenceSession.objects.create(
        review=found, ref="s1", date=date(2025, 2, 1), heard_from="Police"
    )
    item = recommendation(kite, "r1", received=date(2024, 12, 31))
    Recommendation.objects.create(review=found, ref="r2", text="To the board", body=kite["board"])
    Response.objects.create(
        recommendation=item,
        ref="response",
        decision="rejected",
        reasons="No budget.",
        proposed_action="Later",
        published=date(2025, 2, 20),
        written_by="Chief",
    )
    ProgressUpdate.objects.create(
        recommendation=item, ref="u1", date=date(2025, 5, 1), text="Done", closes=True
    )
    member = CommitteeMember.objects.create(
        committee=found.committee, ref="cllr", name="Cllr A", role="chair"
    )
    Referral.objects.create(
        committee=found.committee,
        ref="ccfa",
        councillor="Cllr A",
        matter="Lights",
        received=date(2025, 3, 1),
        decision="review",
        decided=date(2025, 3, 20),
    )
    Training.objects.create(
        partnership=kite["partnership"],
        ref="t1",
        member=member,
        topic="Partnerships",
        date=date(2025, 1, 1),
        partnership_working=True,
    )
    Training.objects.create(
        partnership=kite["partnership"],
        ref="t2",
        person=kite["alice"],
        topic="Budgets",
        date=date(2025, 1, 2),
    )
    export_folder(kite["partnership"], tmp_path / "one")
    return tmp_path / "one"


def test_export_import_export_gives_identical_files(kite, tmp_path, exported):
    assert (
        rows_of(exported / "scrutiny_reviews.csv")[0]["organisations_called"]
        == "kite-council;kite-police"
    )
    kite["partnership"].delete()
    result = import_folder(exported)
    assert result.ok, result.errors
    export_folder(result.partnership, tmp_path / "two")
    files = sorted(exported.glob("scrutiny_*.csv"))
    assert len(files) == 9
    for path in files:
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
    item = Recommendation.objects.get(ref="r1")
    assert item.due == date(2025, 2, 28) and item.response.reasons == "No budget."
    assert Training.objects.get(ref="t1").member.name == "Cllr A"


def test_bad_rows_are_located_and_nothing_is_imported(kite, tmp_path, exported):
    kite["partnership"].delete()
    rows = rows_of(exported / "scrutiny_recommendations.csv")
    rows[0]["body"] = rows[1]["body"]
    write_rows(exported / "scrutiny_recommendations.csv", rows)
    responses = rows_of(exported / "scrutiny_responses.csv")
    responses[0]["review"] = "nowhere"
    write_rows(exported / "scrutiny_responses.csv", responses)
    result = import_folder(exported)
    assert not result.ok
    text = "\n".join(result.errors)
    assert "scrutiny_recommendations.csv:2:organisation" in text
    assert "scrutiny_responses.csv:2:recommendation" in text
    assert not Partnership.objects.filter(slug="kite").exists()
    assert not Recommendation.objects.exists()
