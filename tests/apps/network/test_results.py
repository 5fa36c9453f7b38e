"""The analysis pages' services: what the core computes from a wave's ties, arranged."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree

import igraph
import pytest
from django.http import Http404

from partnerscope.apps.network import network_map, results
from partnerscope.apps.network.results import Options
from tests.apps.network.factories import add_organisation, make_closed_wave, make_wave, star, tie

pytestmark = pytest.mark.django_db


def test_a_star_around_the_council_depends_wholly_on_it(kite):
    wave = make_wave(kite)
    spokes = star(kite, wave)
    page = results.metrics_page(wave, Options())
    net = page.summary
    assert (net["nodes"], net["ties"]) == (5, 6)
    assert net["council"]["dependency"] == 1.0
    assert net["council"]["removal"]["isolates"] == 4
    assert [o.name for o in page.council] == ["Kite Council"]
    assert {o.name for o in page.newly_isolated} == {o.name for o in spokes}
    assert [o.name for o in page.non_responding] == ["Kite Police"]
    assert page.rows[0].organisation == kite["council"], "sorted by betweenness"
    assert page.inferred == []
    assert page.answered == 4


def test_the_threshold_and_inferred_ties_change_what_counts(kite):
    wave = make_wave(kite)
    charity = add_organisation(kite, "Charity")
    tie(wave, kite["council"], kite["police"], 3)
    tie(wave, kite["council"], charity, 1)
    tie(wave, charity, kite["council"], 2)
    default = results.metrics_page(wave, Options())
    assert default.summary["ties"] == 3, "council -> police, charity -> council, inferred back"
    assert [(a.name, b.name) for a, b in default.inferred] == [("Kite Police", "Kite Council")]
    strict = results.metrics_page(wave, Options(min_level=3, infer=False))
    assert strict.summary["ties"] == 1
    assert strict.inferred == []
    loose = results.metrics_page(wave, Options(min_level=1, infer=False))
    assert loose.summary["ties"] == 3


def test_tiers_drive_the_tier_e_i_index(kite):
    wave = make_wave(kite)
    kite["partnership"].tier = "county"
    kite["partnership"].save()
    tie(wave, kite["council"], kite["police"], 3)
    page = results.metrics_page(wave, Options(infer=False))
    assert page.summary["ei_index"]["tier"] == {"index": -1.0, "external": 0, "internal": 1}
    assert page.summary["ei_index"]["sector"]["index"] == 1.0
    assert {row.tier_label for row in page.rows} == {"County-wide"}


def test_an_organisation_page_shows_its_ties_roles_and_ratings_by_part(kite):
    wave = make_wave(kite)
    spokes = star(kite, wave)
    page = results.organisation_page(wave, kite["council"].pk, Options())
    assert len(page.given) == 3 and len(page.received) == 3
    parts = {part.label: (part.mean, part.ratings) for part in page.parts}
    assert parts["Reliable"] == (4.0, 3)
    assert parts["Committed to the shared goals"] == (3.0, 3)
    assert parts["Open to discussion"] == (None, 0)
    assert page.metrics.trust.mean == pytest.approx(3.5)
    roles = {role.role: role.count for role in page.roles}
    assert roles["liaison"] == 0 and roles["gatekeeper"] == 0
    assert roles["coordinator"] == 0
    assert roles["consultant"] == 6, "between each ordered pair of voluntary spokes"
    spoke_page = results.organisation_page(wave, spokes[0].pk, Options())
    assert spoke_page.metrics.betweenness == 0
    with pytest.raises(Http404):
        results.organisation_page(wave, 999_999, Options())


def test_the_matrix_shows_counted_ties_with_inferred_ones_marked(kite):
    wave = make_wave(kite)
    tie(wave, kite["council"], kite["police"], 3)
    page = results.matrix_page(wave, Options())
    assert [o.name for o in page.columns] == ["Kite Council", "Kite Police"]
    council, police = page.rows
    assert [c.level for c in council.cells] == [None, 3]
    assert police.cells[0].level == 3 and police.cells[0].inferred
    assert not police.responded and page.inferred == 1
    only_police = results.matrix_page(wave, Options(), ["police"])
    assert [o.name for o in only_police.columns] == ["Kite Police"]


def test_comparing_waves_lists_new_and_lost_ties_and_who_became_isolated(kite):
    charity = add_organisation(kite, "Charity")
    before = make_closed_wave(kite)
    tie(before, kite["council"], kite["police"], 3)
    tie(before, kite["police"], charity, 2)
    after = make_wave(kite, previous=before)
    tie(after, kite["council"], charity, 3)
    tie(after, charity, kite["council"], 3)
    tie(after, kite["police"], kite["council"], 1)
    page = results.compare_page(after, None, Options(infer=False))
    assert (page.before, page.after, page.other) == (before, after, before)
    names = [(a.name, b.name) for a, b in page.new_ties]
    assert names == [("Charity", "Kite Council"), ("Kite Council", "Charity")]
    assert [(a.name, b.name) for a, b in page.lost_ties] == [
        ("Kite Council", "Kite Police"),
        ("Kite Police", "Charity"),
    ]
    lists = {key: [o.name for o in organisations] for key, _, organisations in page.lists}
    assert lists["became-isolated"] == ["Kite Police"]
    density = next(row for row in page.measures if row.label == "Density")
    assert density.change == pytest.approx(density.after - density.before)
    reverse = results.compare_page(before, after.pk, Options(infer=False))
    assert (reverse.before, reverse.after) == (before, after)
    alone = results.compare_page(make_wave(kite, days_open=(-400, -390)), None, Options())
    assert alone.before is None


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def test_downloads_open_as_graphml_gexf_csv_and_json(kite, tmp_path):
    wave = make_wave(kite)
    spokes = star(kite, wave, spokes=2)
    graphml = results.download(wave, Options(), "graphml")
    (tmp_path / "network.graphml").write_bytes(graphml.content)
    graph = igraph.Graph.Read_GraphML(str(tmp_path / "network.graphml"))
    assert graph.vcount() == 4 and graph.ecount() == 4
    assert graphml.filename.endswith("-network.graphml")
    gexf = ElementTree.fromstring(results.download(wave, Options(), "gexf").content)
    assert gexf.tag.endswith("gexf")
    edges = csv_rows(results.download(wave, Options(), "edges.csv").content)
    assert {row["level"] for row in edges} == {"3"}
    nodes = csv_rows(results.download(wave, Options(), "nodes.csv").content)
    assert {row["id"] for row in nodes} == {"kite-council", "kite-police", *(o.ref for o in spokes)}
    document = json.loads(results.download(wave, Options(min_level=3), "json").content)
    assert document["wave"]["min_level"] == 3 and document["network"]["ties"] == 4
    with pytest.raises(Http404):
        results.download(wave, Options(), "exe")


def test_the_map_layout_is_the_same_every_time_and_fits_the_drawing(kite):
    wave = make_wave(kite)
    star(kite, wave, spokes=5)
    first = network_map.layout(results.wave_network(wave))
    second = network_map.layout(results.wave_network(wave))
    assert first == second
    for x, y in first.values():
        assert network_map.MARGIN <= x <= network_map.MAP_WIDTH - network_map.MARGIN
        assert network_map.MARGIN <= y <= network_map.HEIGHT - network_map.MARGIN


def test_the_map_svg_is_an_image_with_a_title_description_and_a_legend_in_words(kite):
    wave = make_wave(kite)
    star(kite, wave, spokes=2)
    drawn = network_map.network_map(wave, Options(), "betweenness")
    svg = network_map.draw(drawn)
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "Council (circle)" in svg and "Voluntary and community (star)" in svg
    assert "Hollow: did not answer" in svg
    assert drawn.nodes[0].radius > min(node.radius for node in drawn.nodes)
    assert "did not answer (drawn hollow)" in drawn.description
    police = next(node for node in drawn.nodes if node.name == "Kite Police")
    assert not police.responded
    only = network_map.network_map(wave, Options(), sectors=["voluntary_community"])
    assert {node.sector for node in only.nodes} == {"voluntary_community"}
    assert only.edges == [] and only.hidden == 2


def test_the_map_json_has_the_svg_positions_for_the_interactive_map(kite):
    wave = make_wave(kite)
    star(kite, wave, spokes=2)
    drawn = network_map.network_map(wave, Options())
    data = network_map.map_json(drawn, lambda pk: f"/organisations/{pk}/")
    assert set(data) >= {"nodes", "edges", "legend", "width", "height", "title"}
    node = next(n for n in data["nodes"] if n["id"] == "kite-council")
    assert (node["x"], node["y"]) == next(
        (n.x, n.y) for n in drawn.nodes if n.ref == "kite-council"
    )
    assert node["shape"] == "ellipse" and node["url"] == f"/organisations/{kite['council'].pk}/"
    assert {edge["source"] for edge in data["edges"]} >= {"kite-council"}
    assert any(edge["inferred"] is False for edge in data["edges"])


def test_csv_downloads_neutralise_refs_that_a_spreadsheet_would_run(kite):
    wave = make_wave(kite)
    crafted = add_organisation(kite, "Crafted")
    crafted.ref = "-1-cmd"
    crafted.save()
    tie(wave, kite["council"], crafted, 3)
    nodes = csv_rows(results.download(wave, Options(), "nodes.csv").content)
    edges = csv_rows(results.download(wave, Options(), "edges.csv").content)
    assert "'-1-cmd" in {row["id"] for row in nodes}
    assert ("kite-council", "'-1-cmd") in {(row["from"], row["to"]) for row in edges}
