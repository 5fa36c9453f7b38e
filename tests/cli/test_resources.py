"""`partnerscope resources align` on a data package folder."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from partnerscope.apps.partnerships.datapackage_services import export_folder
from partnerscope.cli import app
from tests.apps.resources.factories import make_line, make_outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def package(kite, tmp_path):
    make_outcome(kite, "safer-streets")
    make_outcome(kite, "healthy-lives")
    make_line(kite, arrangement="pooling", shares={"safer-streets": "0.5", "healthy-lives": "0.5"})
    make_line(kite, kite["police"], amount=300, shares={"safer-streets": "1"}, year=2026)
    export_folder(kite["partnership"], tmp_path / "kite")
    return tmp_path / "kite"


def test_align_prints_the_partner_by_outcome_figures_as_json(package):
    result = CliRunner().invoke(app, ["resources", "align", str(package), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["total"] == 1300.0
    safer = next(o for o in data["outcomes"] if o["outcome"] == "safer-streets")
    assert safer["money"] == {"kite-council": 500.0, "kite-police": 300.0}
    council = next(p for p in data["partners"] if p["organisation"] == "kite-council")
    assert (council["placed"], council["aligned"]) == (1000.0, 0.0)
    # Seats: Alice (council) and Bola (police) sit on the board: involvement 50% each.
    assert council["involvement"] == 0.5
    assert {f["rule"] for f in data["findings"]} == {"contributions_out_of_line_with_involvement"}


def test_align_keeps_one_year(package):
    result = CliRunner().invoke(
        app, ["resources", "align", str(package), "--year", "2026", "--format", "json"]
    )
    assert json.loads(result.output)["total"] == 300.0


def test_align_text_summary_and_a_bad_package(package, tmp_path):
    result = CliRunner().invoke(app, ["resources", "align", str(package)])
    assert result.exit_code == 0 and "Resources by outcome" in result.output
    shares = package / "contribution_shares.csv"
    shares.write_text(shares.read_text().replace("0.5000", "0.4000", 1))
    bad = CliRunner().invoke(app, ["resources", "align", str(package)])
    assert bad.exit_code == 2
    assert "contributions.csv:" in bad.output
