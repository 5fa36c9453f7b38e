"""The flags tables of the data package: round trip, and located errors on bad rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from partnerscope.apps.flags import deciding, questions
from partnerscope.apps.flags.models import Flag, QuestionAnswer
from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.datapackage.package import write_package
from tests.apps.flags.builders import flag

pytestmark = pytest.mark.django_db

FILES = ["flag_decisions.csv", "question_answers.csv"]


@pytest.fixture
def northshire_folder(tmp_path):
    tables = next(demo_packages(1))
    tables.update(memberships=[], meetings=[], agenda_items=[], attendance=[])
    return write_package(tmp_path / "demo", "Northshire", tables)


def decided(partnership):
    red = flag(partnership)
    deciding.decide(red, "confirm", "Homes, our top concern.", by="Ann Lee")
    whole = flag(
        partnership,
        "red_partnership_significant_concerns",
        scope="partnership",
        scope_ref=partnership.slug,
        scope_name=partnership.name,
        evidence={
            "findings": [["network", "low_trust", "organisation", "x"]],
            "figures": [["score", 4]],
        },
    )
    deciding.decide(whole, "change", "Trust is improving, =1+1.", colour="green", by="Ann Lee")
    flag(partnership, "green_sustained_improvement", scope_ref="waste", proposed_colour="green")
    questions.save_answer(
        partnership, "delivery", 'Line one.\nLine two, with "quotes".', 2, by="Ann"
    )
    questions.save_answer(partnership, "priorities", "", None, by="Ann")


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_export_import_export_gives_identical_flag_files(tmp_path, northshire_folder):
    first = import_folder(northshire_folder)
    assert first.ok, first.errors
    decided(first.partnership)
    export_folder(first.partnership, tmp_path / "one")
    first.partnership.delete()
    second = import_folder(tmp_path / "one")
    assert second.ok, second.errors
    export_folder(second.partnership, tmp_path / "two")
    for name in FILES:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    decisions = rows(tmp_path / "one" / "flag_decisions.csv")
    assert len(decisions) == 2
    assert {row["scope_ref"] for row in decisions} == {"homes", "partnership"}
    whole = Flag.objects.get(partnership=second.partnership, scope="partnership")
    assert whole.scope_ref == second.partnership.slug and whole.colour_shown == "green"
    assert whole.evidence["figures"] == [["score", 4]]
    answer = QuestionAnswer.objects.get(partnership=second.partnership, question="delivery")
    assert answer.self_rating == 2 and "quotes" in answer.narrative


def rewrite(path: Path, index: int, column: str, value: str) -> None:
    table = rows(path)
    table[index][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def test_bad_flag_rows_get_located_errors_and_nothing_is_imported(tmp_path, northshire_folder):
    first = import_folder(northshire_folder)
    decided(first.partnership)
    folder = export_folder(first.partnership, tmp_path / "one")
    first.partnership.delete()
    decisions, answers = folder / "flag_decisions.csv", folder / "question_answers.csv"
    changed = next(i for i, row in enumerate(rows(decisions)) if row["status"] == "changed")
    rewrite(decisions, changed, "decided_colour", "red")
    rewrite(decisions, 1 - changed, "decided_at", "yesterday")
    rewrite(decisions, 1 - changed, "evidence", "[1, 2")
    rewrite(answers, 0, "self_rating", "7")
    result = import_folder(folder)
    assert not result.ok
    messages = {str(error) for error in result.errors}
    assert (
        f"flag_decisions.csv:{changed + 2}:decided_colour: a change needs the other colour"
        in messages
    )
    assert f"flag_decisions.csv:{3 - changed}:decided_at: not an ISO 8601 date and time" in messages
    assert any(m.startswith(f"flag_decisions.csv:{3 - changed}:evidence") for m in messages)
    assert any("question_answers.csv:2:self_rating" in m for m in messages)
    assert not Flag.objects.exists() and not QuestionAnswer.objects.exists()
