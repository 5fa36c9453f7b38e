"""The chain tables of the data package: round trip, located errors, the CLI reads them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from partnerscope.apps.chains.analysis import analyse
from partnerscope.apps.chains.demo.tables import demo_tables
from partnerscope.apps.chains.models import Chain, ChainLink
from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core.chains import ChainContext, analyse_chain
from partnerscope.datapackage.chains import read_chains, read_ratings
from partnerscope.datapackage.package import write_package

pytestmark = pytest.mark.django_db

CHAIN_FILES = [
    "chains.csv",
    "chain_nodes.csv",
    "chain_links.csv",
    "chain_workshops.csv",
    "chain_participants.csv",
    "chain_ratings.csv",
]


@pytest.fixture
def northshire():
    """Northshire's demo package with its chains, less the meetings the chains do not need."""
    tables = next(demo_packages(1))
    tables.update(demo_tables(tables, 0))
    tables.update(memberships=[], meetings=[], agenda_items=[], attendance=[])
    return tables


def rewrite(path: Path, row_index: int, column: str, value: str) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[row_index][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def row_index(path: Path, **match: str) -> int:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    return next(i for i, row in enumerate(rows) if all(row[k] == v for k, v in match.items()))


def test_export_import_export_gives_identical_chain_files(tmp_path, northshire):
    write_package(tmp_path / "demo", "Northshire", northshire)
    first = import_folder(tmp_path / "demo")
    assert first.ok, first.errors
    export_folder(first.partnership, tmp_path / "one")
    first.partnership.delete()
    second = import_folder(tmp_path / "one")
    assert second.ok, second.errors
    export_folder(second.partnership, tmp_path / "two")
    for name in CHAIN_FILES:
        one = (tmp_path / "one" / name).read_bytes()
        assert one == (tmp_path / "two" / name).read_bytes(), name
        assert one.count(b"\n") > 1, name
    assert (tmp_path / "one" / "chain_links.csv").read_text().count(",1200000,") == 1


def test_the_command_line_reads_an_exported_package_and_agrees_with_the_pages(tmp_path, northshire):
    write_package(tmp_path / "demo", "Northshire", northshire)
    partnership = import_folder(tmp_path / "demo").partnership
    folder = export_folder(partnership, tmp_path / "out")
    chains = read_chains(folder / "chain_nodes.csv", folder / "chain_links.csv")
    ratings = read_ratings(folder / "chain_ratings.csv", chains)
    for core_chain in chains:
        chain = Chain.objects.get(partnership=partnership, ref=core_chain.id)
        context = ChainContext(target_date=chain.target_date, min_group_size=5)
        from_files = analyse_chain(core_chain, ratings[core_chain.id], context).to_dict()
        assert from_files == analyse(chain).result, core_chain.id


def test_broken_chain_rows_get_located_errors_and_nothing_is_imported(tmp_path, northshire):
    folder = write_package(tmp_path / "bad", "Northshire", northshire)
    nodes, links = folder / "chain_nodes.csv", folder / "chain_links.csv"
    rewrite(nodes, row_index(nodes, chain="carbon", id="households"), "kind", "outcome")
    rewrite(nodes, row_index(nodes, chain="neet", id="jobcentre"), "layer", "strategic")
    funds = row_index(links, chain="neet", **{"from": "board", "to": "outcome"})
    rewrite(links, funds, "amount", "100")
    risky = row_index(links, chain="neet", **{"from": "youth-support", "to": "personal-advisers"})
    rewrite(links, risky, "impact", "")
    result = import_folder(folder)
    assert not result.ok
    errors = result.errors
    households = row_index(nodes, chain="carbon", id="households") + 2
    assert any(e.startswith(f"chain_nodes.csv:{households}:kind: chain 'carbon'") for e in errors)
    jobcentre = row_index(nodes, chain="neet", id="jobcentre") + 2
    assert f"chain_nodes.csv:{jobcentre}:layer: only a body sits in a governance layer" in errors
    assert f"chain_links.csv:{funds + 2}:amount: amount applies only to funds links" in errors
    assert f"chain_links.csv:{risky + 2}:impact: a risk needs both likelihood and impact" in errors
    assert not Partnership.objects.exists()
    assert not ChainLink.objects.exists()


def test_a_rating_of_an_unknown_link_and_a_bad_risk_are_located(tmp_path, northshire):
    folder = write_package(tmp_path / "bad", "Northshire", northshire)
    links, ratings = folder / "chain_links.csv", folder / "chain_ratings.csv"
    rewrite(links, 0, "likelihood", "7")
    rewrite(links, 0, "impact", "2")
    rated = row_index(ratings, chain="neet", **{"from": "jobcentre"})
    rewrite(ratings, rated, "to", "outcome")
    result = import_folder(folder)
    assert "chain_links.csv:2:likelihood: 7 is not 1 to 5" in result.errors
    assert (
        f"chain_ratings.csv:{rated + 2}:from: chain 'neet' has no link jobcentre -> outcome"
        in result.errors
    )
    assert not Partnership.objects.exists()


def test_a_link_to_an_unknown_node_is_refused_by_the_package_schema(tmp_path, northshire):
    folder = write_package(tmp_path / "bad", "Northshire", northshire)
    rewrite(folder / "chain_links.csv", 1, "to", "nowhere")
    result = import_folder(folder)
    assert "chain_links.csv:3:chain,to: 'neet', 'nowhere' is not an id in chain_nodes.csv" in (
        result.errors
    )


def test_the_demo_has_three_northshire_chains_and_a_workshop_of_fourteen(northshire):
    rows = demo_tables(northshire, 0)
    assert [row["id"] for row in rows["chains"]] == ["neet", "domestic-abuse", "carbon"]
    abuse = [row for row in rows["chain_participants"] if row["chain"] == "domestic-abuse"]
    assert len(abuse) == 14
    assert demo_tables(northshire, 1) == {name: [] for name in rows}
    assert demo_tables(northshire, 0) == rows


def test_the_demo_neet_chain_hangs_on_the_personal_advisers(tmp_path, northshire):
    write_package(tmp_path / "demo", "Northshire", northshire)
    partnership = import_folder(tmp_path / "demo").partnership
    neet = Chain.objects.get(partnership=partnership, ref="neet")
    analysis = analyse(neet)
    assert [node.ref for node, _ in analysis.single_points] == ["personal-advisers"]
    assert analysis.workshop.ref == "winter-2026"
    abuse = analyse(Chain.objects.get(partnership=partnership, ref="domestic-abuse"))
    assert (abuse.weakest["from"], abuse.weakest["to"]) == ("emergency-staff", "marac")
    assert "DC-W01" in abuse.weakest["rules"]
