"""A representative answers the relationship survey through their link; the manager then
explores the map, the matrix, an organisation and the comparison of two waves.

Every page visited is checked with axe-core.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.apps.network.factories import (
    add_organisation,
    make_closed_wave,
    make_representative,
    make_wave,
    star,
    tie,
)
from tests.browser.conftest import PHONE, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_representative_answers_by_sector_with_search_and_not_at_all(browser, live_server, kite):
    for number in range(13):
        add_organisation(kite, f"Kite Charity {number:02d}")
    add_organisation(kite, "Kite Housing Trust", "housing")
    wave = make_wave(kite)
    _, token = make_representative(wave, kite["alice"])
    start = f"{live_server.url}/a/network/{token}/"

    page = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page()
    page.goto(start)
    expect(page.get_by_text("This survey is not anonymous")).to_be_visible()
    expect(page.get_by_text("0 of 15 organisations answered")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Find an organisation").fill("housing")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="Find an organisation")).to_be_visible()
    housing = page.get_by_role("group", name="How closely do you work with Kite Housing Trust?")
    assert_accessible(page)
    page.get_by_label("Find an organisation").fill("charity 1")
    expect(page.get_by_text('match "charity 1"')).to_be_visible()
    assert "charity+1" in page.url or "charity%201" in page.url, "htmx keeps the address"
    page.get_by_label("Find an organisation").fill("housing")
    expect(housing).to_be_visible()
    housing.get_by_label("Coordinate").check()
    page.get_by_text("More about how you work with Kite Housing Trust").click()
    page.get_by_label("How often do you work together?").select_option("monthly")
    page.get_by_label("Data").check()
    page.get_by_label("Reliable").select_option("4")
    page.get_by_role("button", name="Save these answers").click()
    expect(page.get_by_text("Saved your answers about 1 organisations.")).to_be_visible()
    assert_accessible(page)

    page.goto(start)
    expect(page.get_by_text("1 of 15 organisations answered")).to_be_visible()
    page.get_by_role("button", name="Carry on").click()
    expect(page.get_by_role("heading", name="Police")).to_be_visible()
    page.get_by_text("More about how you work with Kite Police").click()
    page.get_by_label("Open to discussion").select_option("2")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say how closely you work")
    assert_accessible(page)
    page.locator(".govuk-error-summary a").click()
    page.get_by_label("Integrate").check()
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", name="Housing")).to_be_visible()
    assert_accessible(page)
    expect(
        page.get_by_role(
            "group", name="How closely do you work with Kite Housing Trust?"
        ).get_by_label("Coordinate")
    ).to_be_checked()
    page.get_by_role("button", name="Save and continue").click()

    expect(
        page.get_by_role("heading", name="Voluntary and community (part 1 of 2)")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="How closely do you work with Kite Charity 00?").get_by_label(
        "Share information"
    ).check()
    page.get_by_role(
        "button", name='Save, and answer "not at all" for the rest of this page'
    ).click()
    expect(page.get_by_text("answered as “not at all”")).to_be_visible()
    expect(
        page.get_by_role(
            "group", name="How closely do you work with Kite Charity 05?"
        ).get_by_label("Not at all")
    ).to_be_checked()
    page.get_by_role("button", name="Save and continue").click()
    expect(
        page.get_by_role("heading", name="Voluntary and community (part 2 of 2)")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.get_by_role("heading", name="Your answers are saved")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{start}check/")
    expect(page.get_by_text("14 of 15 organisations answered")).to_be_visible()
    expect(page.get_by_text('will be recorded as "not at all"')).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Send Kite Council's answers").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    assert_accessible(page)
    page.goto(start)
    expect(
        page.get_by_role("heading", name="Your organisation has already answered")
    ).to_be_visible()
    assert_accessible(page)
    page.context.close()

    phone = browser.new_context(viewport=PHONE, bypass_csp=True).new_page()
    _, other = make_representative(wave, kite["bola"])
    phone.goto(f"{live_server.url}/a/network/{other}/1/")
    assert_accessible(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.context.close()


def test_the_manager_explores_the_map_matrix_organisation_and_comparison(
    browser, live_server, kite, manager
):
    before = make_closed_wave(kite)
    spokes = star(kite, before, spokes=4)
    after = make_wave(kite, previous=before)
    for spoke in spokes:
        tie(after, spoke, kite["council"], 2)
    tie(after, spokes[0], spokes[1], 3)
    tie(after, spokes[1], spokes[0], 3)
    tie(after, kite["police"], spokes[2], 2)

    page: Page = browser.new_context(
        viewport={"width": 1280, "height": 900}, bypass_csp=True
    ).new_page()
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/network/")
    assert_accessible(page)
    page.get_by_role("link", name=after.title, exact=True).click()
    expect(page.get_by_text("organisations have answered")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Network map").click()
    expect(page.locator(".ps-network-map__canvas canvas").first).to_be_attached(timeout=15_000)
    expect(page.locator("svg.ps-network-map__svg")).to_be_hidden()
    assert_accessible(page)
    page.get_by_role("button", name="Show the static map").click()
    expect(page.locator("svg.ps-network-map__svg")).to_be_visible()
    page.get_by_label("Size of each mark").select_option("betweenness")
    page.get_by_role("button", name="Show", exact=True).click()
    assert "size_by=betweenness" in page.url
    assert_accessible(page)

    page.get_by_role("navigation", name="Results of this wave").get_by_role(
        "link", name="Matrix"
    ).click()
    expect(page.get_by_role("table", name="Ties from each organisation")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Results of this wave").get_by_role(
        "link", name="Measures"
    ).click()
    expect(page.get_by_text("Does the partnership depend on the council?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("table", name="Each organisation's measures").get_by_role(
        "link", name="Kite Council"
    ).click()
    expect(page.get_by_role("heading", name="Its roles as a broker")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Compare waves").click()
    expect(page.get_by_role("heading", name="Ties", exact=True)).to_be_visible()
    expect(page.locator("#ps-network-became-isolated")).to_contain_text("None")
    assert_accessible(page)
    page.context.close()


LABEL_CLASHES = """(figure) => {
  // Each label's ink, measured in the browser's own font with the label's halo, centred where
  // Cytoscape draws it (the node's position plus its text margins); each mark's box as
  // Cytoscape reports it. A clash is a label on another label or on another organisation's mark.
  const cy = figure.cytoscapeMap;
  const context = document.createElement("canvas").getContext("2d");
  const nodes = cy.nodes().toArray();
  const labels = nodes.map((node) => {
    const size = Number(node.data("fontSize"));
    const weight = node.data("numbered") === "yes" ? "bold " : "";
    context.font = `${weight}${size}px ${node.style("font-family")}`;
    const halfWidth = context.measureText(node.data("label")).width / 2 + 1.5;
    const halfHeight = size * 0.6 + 1.5;
    const x = node.position("x") + Number(node.data("labelX"));
    const y = node.position("y") + Number(node.data("labelY"));
    return { x1: x - halfWidth, x2: x + halfWidth, y1: y - halfHeight, y2: y + halfHeight };
  });
  const marks = nodes.map((node) =>
    node.boundingBox({ includeLabels: false, includeEdges: false }));
  const overlap = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  let clashes = 0;
  for (let i = 0; i < nodes.length; i += 1) {
    for (let j = 0; j < nodes.length; j += 1) {
      if (i !== j && overlap(labels[i], marks[j])) clashes += 1;
      if (i < j && overlap(labels[i], labels[j])) clashes += 1;
    }
  }
  return clashes;
}"""


def test_the_interactive_map_draws_the_placed_labels_and_the_key_without_overlaps(
    browser, live_server, kite, manager
):
    wave = make_closed_wave(kite)
    made = [kite["council"], kite["police"]]
    for number in range(58):
        made.append(add_organisation(kite, f"Northshire Community Action Trust {number:02d}"))
    for index, source in enumerate(made):
        for step in (1, 7, 19):
            tie(wave, source, made[(index + step) % len(made)], 1 + (index + step) % 4)

    page: Page = browser.new_context(
        viewport={"width": 1280, "height": 900}, bypass_csp=True
    ).new_page()
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/network/waves/{wave.pk}/map/")
    expect(page.locator(".ps-network-map__canvas canvas").first).to_be_attached(timeout=15_000)
    key = page.locator(".ps-network-map__key-panel")
    expect(key).to_be_visible()
    expect(key.get_by_role("listitem").first).to_be_visible()
    page.wait_for_function("document.querySelector('[data-network-map]').cytoscapeMap")
    figure = page.locator("[data-network-map]")
    assert figure.evaluate(LABEL_CLASHES) == 0
    page.get_by_role("button", name="Fit the whole network").click()
    assert_accessible(page)
    page.get_by_role("button", name="Show the static map").click()
    expect(key).to_be_hidden()
    page.context.close()
