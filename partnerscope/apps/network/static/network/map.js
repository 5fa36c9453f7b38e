// The interactive network map: progressively enhances the server-drawn SVG map.
//
// The page works without this script: the SVG, its legend, the data table, the measures
// table and the matrix carry the same information. When the browser can run modules, this
// loads Cytoscape.js, fetches the map's JSON (the same positions, sizes, colours and
// shapes as the SVG) and shows a map that can be zoomed, panned and explored; selecting an
// organisation opens its page. A button switches back to the static map.
//
// Each label is drawn where the server placed it on the static map (its centre's offset from
// the mark, in the map's units), so labels never overlap at any zoom: they grow and shrink
// with the map. Organisations without room for their name carry a number, listed in a key
// under the map.

const DEFAULT_CYTOSCAPE = "/static/cytoscape/cytoscape.esm.min.mjs";
const CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";

// Cytoscape adds a <style> element for its container unless one with this id exists; the
// Content Security Policy forbids inline styles, so the rule lives in _network.scss and
// this marker tells Cytoscape it is there.
function markCytoscapeStylesheet() {
  if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
    const marker = document.createElement("meta");
    marker.id = CYTOSCAPE_STYLESHEET_ID;
    document.head.append(marker);
  }
}

function elementsOf(data) {
  const nodes = data.nodes.map((node) => ({
    group: "nodes",
    data: {
      id: node.id,
      name: node.name,
      label: node.label.text,
      labelX: node.label.dx,
      labelY: node.label.dy,
      fontSize: node.label.font_size,
      numbered: node.label.number ? "yes" : "no",
      colour: node.colour,
      shape: node.shape,
      width: node.width,
      height: node.height,
      url: node.url,
      responded: node.responded ? "yes" : "no",
    },
    position: { x: node.x, y: node.y },
  }));
  const edges = data.edges.map((edge) => ({
    group: "edges",
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      width: 0.8 + 0.7 * Math.max((edge.level || 1) - 1, 0),
      inferred: edge.inferred ? "yes" : "no",
    },
  }));
  return nodes.concat(edges);
}

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)",
      shape: "data(shape)",
      width: "data(width)",
      height: "data(height)",
      "border-width": 0.8,
      "border-color": "#0b0c0c",
      label: "data(label)",
      "font-size": "data(fontSize)",
      "font-family": "Arial, Helvetica, sans-serif",
      color: "#0b0c0c",
      "text-halign": "center",
      "text-valign": "center",
      "text-margin-x": "data(labelX)",
      "text-margin-y": "data(labelY)",
      "text-outline-color": "#ffffff",
      "text-outline-width": 1.5,
      "min-zoomed-font-size": 6,
    },
  },
  { selector: 'node[numbered = "yes"]', style: { "font-weight": "bold" } },
  {
    selector: 'node[responded = "no"]',
    style: { "background-color": "#ffffff", "border-color": "data(colour)", "border-width": 2.5 },
  },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-color": "#505a5f",
      "target-arrow-color": "#505a5f",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.7,
      "curve-style": "bezier",
      opacity: 0.6,
    },
  },
  { selector: 'edge[inferred = "yes"]', style: { "line-style": "dashed" } },
  {
    selector: "node:selected, node.ps-network-focus",
    style: { "border-color": "#0b0c0c", "border-width": 4, "z-index": 10 },
  },
  { selector: ".ps-network-faded", style: { opacity: 0.15 } },
];

// The key to the numbered organisations, under the interactive map (the static map draws
// its own inside the SVG).
function keyList(entries) {
  const key = document.createElement("div");
  key.className = "ps-network-map__key-panel govuk-body-s";
  const heading = document.createElement("p");
  heading.className = "govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1";
  heading.textContent = "Key to the numbered organisations";
  const list = document.createElement("ol");
  list.className = "govuk-list govuk-body-s ps-network-map__key-list";
  for (const entry of entries) {
    const item = document.createElement("li");
    item.value = entry.number;
    item.textContent = entry.name;
    list.append(item);
  }
  key.append(heading, list);
  return key;
}

function button(text) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "govuk-button govuk-button--secondary govuk-!-margin-bottom-0";
  element.textContent = text;
  return element;
}

async function enhance(figure) {
  const source = figure.dataset.networkMap;
  const library = figure.dataset.cytoscape || DEFAULT_CYTOSCAPE;
  const [response, module] = await Promise.all([
    fetch(source, { credentials: "same-origin", headers: { Accept: "application/json" } }),
    import(library),
  ]);
  if (!response.ok) {
    return;
  }
  const data = await response.json();
  const cytoscape = module.default;

  const controls = document.createElement("div");
  controls.className = "ps-network-map__controls govuk-button-group";
  const toggle = button("Show the static map");
  const fit = button("Fit the whole network");
  controls.append(toggle, fit);

  const canvas = document.createElement("div");
  canvas.className = "ps-network-map__canvas";
  canvas.setAttribute("role", "img");
  canvas.setAttribute(
    "aria-label",
    `Interactive version of the map. ${data.description} Drag to move, scroll or pinch to ` +
      "zoom, and select an organisation to open its page.",
  );

  const pointing = document.createElement("p");
  pointing.className = "govuk-body-s ps-network-map__pointing";
  pointing.setAttribute("aria-live", "polite");

  const svg = figure.querySelector("svg");
  figure.insertBefore(controls, svg);
  figure.insertBefore(canvas, svg);
  figure.insertBefore(pointing, svg);
  if (data.key.length) {
    figure.insertBefore(keyList(data.key), svg);
  }
  figure.classList.add("ps-network-map--interactive");

  markCytoscapeStylesheet();
  const cy = cytoscape({
    container: canvas,
    elements: elementsOf(data),
    style: STYLE,
    layout: { name: "preset", fit: true, padding: 20 },
    minZoom: 0.3,
    maxZoom: 4,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });

  // Kept on the figure so that tests (and a curious reader's console) can inspect the map.
  figure.cytoscapeMap = cy;

  cy.on("tap", "node", (event) => {
    const url = event.target.data("url");
    if (url) {
      window.location.assign(url);
    }
  });
  cy.on("mouseover", "node", (event) => {
    const near = event.target.closedNeighborhood();
    cy.elements().not(near).addClass("ps-network-faded");
    near.nodes().addClass("ps-network-near");
    event.target.addClass("ps-network-focus");
    pointing.textContent = event.target.data("name");
  });
  cy.on("mouseout", "node", () => {
    cy.elements().removeClass("ps-network-faded ps-network-focus ps-network-near");
    pointing.textContent = "";
  });

  fit.addEventListener("click", () => cy.fit(undefined, 20));
  toggle.addEventListener("click", () => {
    const showingStatic = figure.classList.toggle("ps-network-map--static");
    figure.classList.toggle("ps-network-map--interactive", !showingStatic);
    toggle.textContent = showingStatic ? "Show the interactive map" : "Show the static map";
    fit.hidden = showingStatic;
    if (!showingStatic) {
      cy.resize();
      cy.fit(undefined, 20);
    }
  });
}

for (const figure of document.querySelectorAll("[data-network-map]")) {
  enhance(figure).catch(() => {
    figure.classList.remove("ps-network-map--interactive", "ps-network-map--static");
    const enhancements =
      ".ps-network-map__canvas, .ps-network-map__controls, .ps-network-map__pointing, .ps-network-map__key-panel";
    for (const added of figure.querySelectorAll(enhancements)) {
      added.remove();
    }
  });
}
