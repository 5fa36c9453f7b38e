"""Network files: reading CSV and writing GraphML, GEXF and CSV lists that parse back."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import igraph
import networkx as nx
import pytest

from partnerscope.core.network import NetworkOptions, analyse_network
from partnerscope.datapackage.network import (
    edge_rows,
    export_network,
    node_rows,
    read_network,
    read_organisations,
    read_ties,
    write_edge_csv,
    write_gexf,
    write_graphml,
    write_node_csv,
    yes_no,
)
from partnerscope.datapackage.tables import TableErrors

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "network"


@pytest.fixture
def kite():
    organisations, ties = read_network(FIXTURES / "kite_ties.csv", FIXTURES / "kite_nodes.csv")
    return analyse_network(organisations, ties, NetworkOptions(symmetrise=True))


def test_reading_the_kite_partnership() -> None:
    organisations = read_organisations(FIXTURES / "kite_nodes.csv")
    assert organisations[3].id == "county_council" and organisations[3].sector == "council"
    assert organisations[9].responded is False
    ties = read_ties(FIXTURES / "kite_ties.csv", organisations)
    assert ties[0].level == 3 and ties[0].trust == 4 and ties[0].weight is None


def test_a_file_without_a_level_column_counts_every_row(tmp_path: Path) -> None:
    path = tmp_path / "ties.csv"
    path.write_text("from,to,weight\na,b,2.5\nb,c,\n", encoding="utf-8")
    ties = read_ties(path)
    assert [t.level for t in ties] == [None, None]
    assert ties[0].weight == 2.5 and ties[1].weight is None
    result = analyse_network([], ties, NetworkOptions(min_level=4))
    assert result.network.ties == 2


def test_duplicate_organisations_are_reported_with_rows(tmp_path: Path) -> None:
    path = tmp_path / "nodes.csv"
    path.write_text("id\na\n\nb\na\n", encoding="utf-8")
    with pytest.raises(TableErrors) as problem:
        read_organisations(path)
    assert [str(e) for e in problem.value.errors] == [
        f"{path}:5:id: organisation 'a' is already given on row 2"
    ]


def test_bad_weight_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "ties.csv"
    path.write_text("from,to,weight\na,b,0\n", encoding="utf-8")
    with pytest.raises(TableErrors) as problem:
        read_ties(path)
    assert str(problem.value.errors[0]) == f"{path}:2:weight: '0' is not above zero"


def test_yes_no() -> None:
    assert yes_no(" Yes ") is True and yes_no("0") is False
    with pytest.raises(ValueError):
        yes_no("perhaps")


def test_graphml_parses_back_with_igraph(kite, tmp_path: Path) -> None:
    path = write_graphml(kite, tmp_path / "kite.graphml")
    graph = igraph.Graph.Read_GraphML(str(path))
    assert graph.is_directed()
    assert graph.vcount() == 10 and graph.ecount() == kite.network.ties
    nodes = {v["name"]: v for v in graph.vs}
    council = next(o for o in kite.organisations if o.id == "county_council")
    assert nodes["county_council"]["sector"] == "council"
    assert nodes["county_council"]["betweenness"] == pytest.approx(council.betweenness)
    assert nodes["county_council"]["cut_point"] == council.cut_point
    assert nodes["county_council"]["brokerage_liaison"] == council.brokerage.liaison
    edge = graph.es[graph.get_eid(nodes["nhs"].index, nodes["police"].index)]
    assert (edge["level"], edge["trust"], edge["value"]) == (3, 4, 2)
    inferred = graph.es[graph.get_eid(nodes["parish"].index, nodes["youth_trust"].index)]
    assert inferred["inferred"] is True and math.isnan(inferred["trust"])


def test_gexf_parses_back_with_networkx(kite, tmp_path: Path) -> None:
    path = write_gexf(kite, tmp_path / "kite.gexf")
    assert 'xmlns="http://gexf.net/1.3"' in path.read_text(encoding="utf-8")
    graph = nx.read_gexf(path)
    assert graph.is_directed()
    assert graph.number_of_nodes() == 10 and graph.number_of_edges() == kite.network.ties
    council = next(o for o in kite.organisations if o.id == "county_council")
    data = graph.nodes["county_council"]
    assert data["sector"] == "council" and data["tier"] == "county"
    assert data["pagerank"] == pytest.approx(council.pagerank)
    assert data["community"] == council.community and data["council"] is True
    edge = graph.edges["nhs", "police"]
    assert (edge["level"], edge["trust"], edge["value"], edge["weight"]) == (3, 4, 2, 1.0)
    assert "trust" not in graph.edges["parish", "youth_trust"]


def test_undirected_gexf(tmp_path: Path) -> None:
    organisations, ties = read_network(FIXTURES / "florentine_ties.csv")
    result = analyse_network(organisations, ties, NetworkOptions(directed=False))
    graph = nx.read_gexf(write_gexf(result, tmp_path / "f.gexf"))
    assert not graph.is_directed() and graph.number_of_edges() == 20
    assert graph.nodes["Medici"]["degree"] == 6


def test_csv_lists_round_trip(kite, tmp_path: Path) -> None:
    nodes = write_node_csv(kite, tmp_path / "nodes.csv")
    edges = write_edge_csv(kite, tmp_path / "edges.csv")
    with open(nodes, encoding="utf-8") as handle:
        node_table = list(csv.DictReader(handle))
    with open(edges, encoding="utf-8") as handle:
        edge_table = list(csv.DictReader(handle))
    assert len(node_table) == 10 and len(edge_table) == kite.network.ties
    assert node_table[0]["id"] == "nhs" and "brokerage_gatekeeper" in node_table[0]
    assert edge_table[-1]["inferred"] == "true" and edge_table[-1]["trust"] == ""
    assert node_rows(kite)[0]["brokerage_total"] == kite.organisations[0].brokerage.total
    assert edge_rows(kite)[0]["from"] == "nhs"


def test_export_network_writes_the_chosen_files(kite, tmp_path: Path) -> None:
    written = export_network(kite, tmp_path / "x", graphml=False, csv_lists=False)
    assert [p.name for p in written] == ["network.gexf"]


def test_csv_lists_neutralise_text_that_a_spreadsheet_would_run(tmp_path: Path) -> None:
    ties = tmp_path / "ties.csv"
    ties.write_text('from,to,level\n"=HYPERLINK(""http://x"")",-1+cmd,3\n@SUM(A1),+1,2\n')
    result = analyse_network([], read_ties(ties), NetworkOptions())
    with open(write_node_csv(result, tmp_path / "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(write_edge_csv(result, tmp_path / "edges.csv"), newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert sorted(row["id"] for row in nodes) == [
        "'+1",
        "'-1+cmd",
        '\'=HYPERLINK("http://x")',
        "'@SUM(A1)",
    ]
    assert [(row["from"], row["to"], row["level"]) for row in edges] == [
        ('\'=HYPERLINK("http://x")', "'-1+cmd", "3"),
        ("'@SUM(A1)", "'+1", "2"),
    ]
    assert {row["in_degree"] for row in nodes} <= {"0", "1"}
