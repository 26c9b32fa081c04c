// The explore page: the neighbourhood of any node, drawn with Cytoscape.js from the GraphQL API.
// Nodes are coloured by type and edges labelled by type; a click on a node expands it; edge types
// can be hidden; `asOf` asks for what holds on a date; `highlight` marks nodes (e.g. an impact).
import './explore.css';

import cytoscape from 'cytoscape';

// The named document of queries/, the same one GraphiQL offers and clients generate types from.
import NEIGHBOURHOOD from '../../queries/neighbourhood.graphql?raw';

const COLOURS = {
  LegalAct: '#1d4ed8',
  Provision: '#60a5fa',
  Procedure: '#dc2626',
  Regulation: '#f97316',
  DocumentRequirement: '#16a34a',
  RequestedInformation: '#4ade80',
  IssuedDocument: '#0d9488',
  Fee: '#ca8a04',
  Benefit: '#facc15',
  Appeal: '#9333ea',
  Form: '#c084fc',
  Authority: '#4b5563',
  Registry: '#0891b2',
  Portal: '#db2777',
  PortalFact: '#f472b6',
  SourceDocument: '#a8a29e',
  UnresolvedCitation: '#111827',
};
const OTHER_COLOUR = '#94a3b8';

const params = new URLSearchParams(window.location.search);
const state = {
  asOf: params.get('asOf') || null,
  hiddenTypes: new Set((params.get('hide') || '').split(',').filter(Boolean)),
  highlight: new Set((params.get('highlight') || '').split(',').filter(Boolean)),
  expanded: new Set(),
  truncated: false,
};

const cy = cytoscape({
  container: document.getElementById('graph'),
  style: [
    {
      selector: 'node',
      style: {
        'background-color': (node) => COLOURS[node.data('type')] || OTHER_COLOUR,
        label: 'data(caption)',
        'font-size': 10,
        'text-wrap': 'ellipsis',
        'text-max-width': 140,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        width: 22,
        height: 22,
      },
    },
    { selector: 'node.center', style: { width: 34, height: 34, 'font-weight': 'bold' } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#111827' } },
    {
      selector: 'node.highlighted',
      style: {
        'underlay-color': '#f59e0b',
        'underlay-padding': 9,
        'underlay-opacity': 0.55,
        'underlay-shape': 'ellipse',
        'font-weight': 'bold',
      },
    },
    { selector: 'node:selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#111827' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(type)',
        'font-size': 7,
        color: '#52606d',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
      },
    },
    { selector: '.hidden', style: { display: 'none' } },
  ],
});
// For people poking at the drawing from the console, and for the browser tests.
window.lexgraphExplore = { cy, state };

const statusLine = document.getElementById('status');

function say(text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('error', isError);
}

// What an impact analysis marks: the changed units and the (first 100) procedures they affect.
const IMPACT = `query ExploreImpact($of: [String!]!, $asOf: Date) {
  impact(of: $of, asOf: $asOf) {
    changed { graphId }
    procedures: affected(kind: PROCEDURE, first: 100) { nodes { node { graphId } } }
  }
}`;

async function ask(query, operationName, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, operationName, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

async function fetchNeighbourhood(id, depth) {
  const data = await ask(NEIGHBOURHOOD, 'Neighbourhood', { id, depth, asOf: state.asOf });
  return data.neighbourhood;
}

async function fetchImpact(ids) {
  const { impact } = await ask(IMPACT, 'ExploreImpact', { of: ids, asOf: state.asOf });
  return [...impact.changed.map((n) => n.graphId), ...impact.procedures.nodes.map((a) => a.node.graphId)];
}

function add(drawn) {
  const fresh = [];
  for (const node of drawn.nodes) {
    if (cy.getElementById(node.graphId).nonempty()) continue;
    const caption = node.label.length > 48 ? `${node.label.slice(0, 47)}…` : node.label;
    fresh.push({ group: 'nodes', data: { id: node.graphId, type: node.type, label: node.label, caption } });
  }
  for (const edge of drawn.edges) {
    const id = `${edge.source}|${edge.type}|${edge.target}`;
    if (cy.getElementById(id).nonempty()) continue;
    fresh.push({ group: 'edges', data: { id, source: edge.source, target: edge.target, type: edge.type } });
  }
  cy.add(fresh);
  state.truncated ||= drawn.truncated;
  cy.nodes().forEach((node) => node.toggleClass('highlighted', state.highlight.has(node.id())));
}

function applyFilters() {
  cy.edges().forEach((edge) => edge.toggleClass('hidden', state.hiddenTypes.has(edge.data('type'))));
  cy.nodes().forEach((node) => {
    const shown = node.connectedEdges().filter((edge) => !edge.hasClass('hidden'));
    const kept = node.hasClass('center') || shown.nonempty();
    node.toggleClass('hidden', !kept && node.connectedEdges().nonempty());
  });
}

function renderEdgeTypes() {
  const box = document.getElementById('edge-types');
  const counts = new Map();
  cy.edges().forEach((edge) => counts.set(edge.data('type'), (counts.get(edge.data('type')) || 0) + 1));
  box.replaceChildren(
    ...[...counts.keys()].sort().map((type) => {
      const label = document.createElement('label');
      const tick = document.createElement('input');
      tick.type = 'checkbox';
      tick.value = type;
      tick.checked = !state.hiddenTypes.has(type);
      tick.addEventListener('change', () => {
        if (tick.checked) state.hiddenTypes.delete(type);
        else state.hiddenTypes.add(type);
        applyFilters();
        report();
      });
      label.append(tick, ` ${type} (${counts.get(type)})`);
      return label;
    }),
  );
}

function renderLegend() {
  const present = new Set(cy.nodes().map((node) => node.data('type')));
  document.getElementById('legend').replaceChildren(
    ...[...present].sort().map((type) => {
      const item = document.createElement('li');
      const dot = document.createElement('span');
      dot.style.background = COLOURS[type] || OTHER_COLOUR;
      item.append(dot, type);
      return item;
    }),
  );
}

function report() {
  // Counted by class: Cytoscape's ':visible' may lag behind a class change until it renders.
  const nodes = cy.nodes().not('.hidden').length;
  const edges = cy.edges().not('.hidden').length;
  const when = state.asOf ? ` as of ${state.asOf}` : '';
  const cut = state.truncated ? ' (some neighbours left out: the drawing is bounded)' : '';
  const marked = cy.nodes('.highlighted').length;
  const highlighted = marked ? ` · ${marked} highlighted` : '';
  say(`${nodes} nodes · ${edges} edges${highlighted}${when}${cut}`);
}

function layout() {
  cy.layout({
    name: 'cose',
    animate: false,
    randomize: false,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 70,
    nodeRepulsion: () => 60000,
    padding: 30,
  }).run();
}

function redraw() {
  applyFilters();
  renderEdgeTypes();
  renderLegend();
  layout();
  report();
}

function select(node) {
  document.getElementById('selected').hidden = false;
  document.getElementById('selected-type').textContent = node.data('type');
  document.getElementById('selected-id').textContent = node.id();
  document.getElementById('selected-label').textContent = node.data('label');
}

async function draw(id, depth) {
  say(`Drawing ${id}…`);
  cy.elements().remove();
  state.expanded.clear();
  state.truncated = false;
  try {
    const drawn = await fetchNeighbourhood(id, depth);
    add(drawn);
    cy.getElementById(drawn.center.graphId).addClass('center expanded');
    state.expanded.add(drawn.center.graphId);
    // Highlighted nodes outside the drawing (an impact's affected procedures) join it with
    // their own neighbours, so each is seen in context.
    const absent = [...state.highlight].filter((h) => cy.getElementById(h).empty()).slice(0, 20);
    for (const other of absent) add(await fetchNeighbourhood(other, 1));
    redraw();
  } catch (error) {
    say(error.message, true);
  }
}

cy.on('tap', 'node', async (event) => {
  const node = event.target;
  select(node);
  if (state.expanded.has(node.id())) return;
  say(`Expanding ${node.id()}…`);
  try {
    add(await fetchNeighbourhood(node.id(), 1));
    node.addClass('expanded');
    state.expanded.add(node.id());
    redraw();
  } catch (error) {
    say(error.message, true);
  }
});

const form = document.getElementById('ask');
const idInput = document.getElementById('node-id');
const depthInput = document.getElementById('depth');
const asOfInput = document.getElementById('as-of');
idInput.value = params.get('id') || '';
depthInput.value = params.get('depth') || '2';
asOfInput.value = state.asOf || '';

form.addEventListener('submit', (event) => {
  event.preventDefault();
  state.asOf = asOfInput.value || null;
  const next = new URLSearchParams({ id: idInput.value.trim(), depth: depthInput.value });
  if (state.asOf) next.set('asOf', state.asOf);
  if (state.highlight.size) next.set('highlight', [...state.highlight].join(','));
  window.history.replaceState(null, '', `?${next}`);
  draw(idInput.value.trim(), Number(depthInput.value));
});

const impactOf = (params.get('impact') || '').split(',').filter(Boolean);
if (impactOf.length) {
  // `?impact=by/code/tax%23art_287`: draw the changed unit, its affected procedures highlighted.
  say(`Asking what changing ${impactOf.join(', ')} affects…`);
  fetchImpact(impactOf)
    .then((marked) => {
      marked.forEach((id) => state.highlight.add(id));
      if (!idInput.value) idInput.value = impactOf[0];
      return draw(idInput.value, Number(depthInput.value));
    })
    .catch((error) => say(error.message, true));
} else if (idInput.value) {
  draw(idInput.value, Number(depthInput.value));
}
