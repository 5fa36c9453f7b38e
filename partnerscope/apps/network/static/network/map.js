// The interactive network map: progressively enhances the server-drawn SVG map.
//
// The page works without this script: the SVG, its legend, the data table, the measures
// table and the matrix carry the same information. When the browser can run modules, this
// loads Cytoscape.js, fetches the map's JSON (the same positions, sizes, colours and
// shapes as the SVG) and shows a map that can be zoomed, panned and explored; selecting an
// organisation opens its page. A button switches back to the static map.

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
      label: node.label,
      colour: node.colour,
      shape: node.shape,
      size: node.size,
      url: node.url,
      responded: node.responded ? "yes" : "no",
      labelled: node.labelled ? "yes" : "no",
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
      width: "data(size)",
      height: "data(size)",
      "border-width": 0.8,
      "border-color": "#0b0c0c",
      label: "",
      "font-size": 11,
      "font-family": "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif",
      color: "#0b0c0c",
      "text-valign": "bottom",
      "text-margin-y": 3,
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
      "min-zoomed-font-size": 7,
    },
  },
  {
    selector: 'node[labelled = "yes"], node:selected, node.ps-network-focus, node.ps-network-near',
    style: { label: "data(label)" },
  },
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

  const svg = figure.querySelector("svg");
  figure.insertBefore(controls, svg);
  figure.insertBefore(canvas, svg);
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
  });
  cy.on("mouseout", "node", () => {
    cy.elements().removeClass("ps-network-faded ps-network-focus ps-network-near");
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
    for (const added of figure.querySelectorAll(".ps-network-map__canvas, .ps-network-map__controls")) {
      added.remove();
    }
  });
}
