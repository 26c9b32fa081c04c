// The explore page: the neighbourhood of any node, drawn with Cytoscape.js from the GraphQL API.
// Nodes are coloured by type and edges labelled by type; a click on a node expands it; edge types
// can be hidden; `asOf` asks for what holds on a date; `highlight` marks nodes (e.g. an impact).
// Readable by default: provenance (what source documents MENTIONS, what a fact is STATED_IN) is
// left out unless asked for (`provenance=1`, or the toggle), at most SHOWN_AT_ONCE new nodes are
// drawn at a time (the rest wait behind a "show N more" button), and the fcose layout keeps labels
// apart (labels counted in the nodes' sizes). The box takes a graph id, a procedure's number, a
// reference as written or an act's name: the API reads them (`neighbourhood(id:)`).
import './explore.css';

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

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

// How many new nodes one drawing or one expansion adds before asking: thirty labels still read.
const SHOWN_AT_ONCE = 30;
// Provenance: a source document MENTIONS each node it names; a fact is STATED_IN its document.
// Hundreds of such edges around one document: hidden unless asked for.
const PROVENANCE = ['MENTIONS', 'STATED_IN'];

cytoscape.use(fcose);

const params = new URLSearchParams(window.location.search);
const state = {
  asOf: params.get('asOf') || null,
  hiddenTypes: new Set((params.get('hide') || '').split(',').filter(Boolean)),
  highlight: new Set((params.get('highlight') || '').split(',').filter(Boolean)),
  expanded: new Set(),
  // What a number, reference or name in the box was read as ("15.4.1 → procedure/15.4.1 · ").
  found: null,
  truncated: false,
  // Ids of the edges of an impact's chains.
  chain: new Set(),
  // `mentions=1`, the older name of `provenance=1`, is still read.
  provenance: params.get('provenance') === '1' || params.get('mentions') === '1',
  // Nodes fetched but not drawn yet, nearest first, each with where it was reached from.
  waiting: [],
  // Every edge fetched, drawn once both its ends are.
  edges: new Map(),
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
        'text-wrap': 'wrap',
        'text-max-width': 110,
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
        'font-size': 7,
        color: '#52606d',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
      },
    },
    // Edge labels only where a reader looks (the selected node's edges, the impact's chain): thirty
    // nodes' worth of edge labels cover the node labels.
    { selector: 'edge.labelled', style: { label: 'data(type)' } },
    {
      selector: 'edge.chain',
      style: { width: 3, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', label: 'data(type)' },
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

// What an impact analysis marks: the changed units and the (first 100) procedures they affect,
// each with the chain of edges from a changed unit to it, drawn whole.
const IMPACT = `query ExploreImpact($of: [String!]!, $asOf: Date) {
  impact(of: $of, asOf: $asOf) {
    changed { graphId }
    procedures: affected(kind: PROCEDURE, first: 100) {
      nodes {
        node { graphId }
        path { relation reversed source { graphId type name } target { graphId type name } }
      }
    }
  }
}`;

async function ask(query, operationName, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, operationName, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) {
    const error = new Error(body.errors.map((e) => e.message).join('; '));
    // AMBIGUOUS_NAME, NOT_FOUND …: how the page tells one refusal from another.
    error.code = body.errors[0].extensions?.code;
    throw error;
  }
  return body.data;
}

async function fetchNeighbourhood(id, depth) {
  const hiddenEdgeTypes = state.provenance ? [] : PROVENANCE;
  const data = await ask(NEIGHBOURHOOD, 'Neighbourhood', { id, depth, asOf: state.asOf, hiddenEdgeTypes });
  return data.neighbourhood;
}

async function fetchImpact(ids) {
  const { impact } = await ask(IMPACT, 'ExploreImpact', { of: ids, asOf: state.asOf });
  return { changed: impact.changed.map((n) => n.graphId), affected: impact.procedures.nodes };
}

const edgeId = (edge) => `${edge.source}|${edge.type}|${edge.target}`;

function nodeData(node) {
  const caption = node.label.length > 48 ? `${node.label.slice(0, 47)}…` : node.label;
  const { graphId: id, type, label, text = null, page = null } = node;
  return { group: 'nodes', data: { id, type, label, caption, text, page } };
}

/** The fetched nodes nearest `from` first (by edges among them), the center itself left out. */
function nearestFirst(drawn, from) {
  const neighbours = new Map();
  for (const edge of drawn.edges) {
    for (const [a, b] of [[edge.source, edge.target], [edge.target, edge.source]]) {
      if (!neighbours.has(a)) neighbours.set(a, []);
      neighbours.get(a).push(b);
    }
  }
  const distance = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const here = queue.shift();
    for (const next of neighbours.get(here) || []) {
      if (!distance.has(next)) {
        distance.set(next, distance.get(here) + 1);
        queue.push(next);
      }
    }
  }
  const far = Number.MAX_SAFE_INTEGER;
  return drawn.nodes
    .filter((node) => node.graphId !== from)
    .map((node, order) => ({ node, order, distance: distance.get(node.graphId) ?? far }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .map((item) => item.node);
}

/** Draws the edges fetched so far whose two ends are both drawn. */
function addEdges() {
  const fresh = [];
  for (const [id, edge] of state.edges) {
    if (cy.getElementById(id).nonempty()) continue;
    if (cy.getElementById(edge.source).empty() || cy.getElementById(edge.target).empty()) continue;
    fresh.push({ group: 'edges', data: { id, source: edge.source, target: edge.target, type: edge.type } });
  }
  cy.add(fresh);
}

/** Takes in a fetched neighbourhood around `from`: up to SHOWN_AT_ONCE of its new nodes are
 * drawn, nearest first; the others wait for "show more". */
function add(drawn, from) {
  for (const edge of drawn.edges) state.edges.set(edgeId(edge), edge);
  const waiting = new Set(state.waiting.map((node) => node.graphId));
  const fresh = nearestFirst(drawn, from).filter(
    (node) => cy.getElementById(node.graphId).empty() && !waiting.has(node.graphId),
  );
  const center = drawn.nodes.find((node) => node.graphId === from);
  if (center && cy.getElementById(from).empty()) cy.add(nodeData(center));
  cy.add(fresh.slice(0, SHOWN_AT_ONCE).map(nodeData));
  state.waiting.unshift(...fresh.slice(SHOWN_AT_ONCE));
  addEdges();
  state.truncated ||= drawn.truncated;
  markHighlighted();
}

function showMore() {
  const next = state.waiting.splice(0, SHOWN_AT_ONCE);
  cy.add(next.filter((node) => cy.getElementById(node.graphId).empty()).map(nodeData));
  addEdges();
  markHighlighted();
  redraw();
}

function markHighlighted() {
  cy.nodes().forEach((node) => node.toggleClass('highlighted', state.highlight.has(node.id())));
}

/** Draws each affected node's chain of edges from the changed unit, every node and edge of it. */
function addChains(affected) {
  for (const item of affected) {
    for (const step of item.path) {
      for (const end of [step.source, step.target]) {
        if (cy.getElementById(end.graphId).empty()) {
          cy.add(nodeData({ graphId: end.graphId, type: end.type, label: end.name }));
        }
      }
      const [source, target] = step.reversed ? [step.target, step.source] : [step.source, step.target];
      const edge = { source: source.graphId, target: target.graphId, type: step.relation };
      const id = edgeId(edge);
      state.edges.set(id, edge);
      state.chain.add(id);
    }
  }
  addEdges();
  cy.edges().forEach((edge) => edge.toggleClass('chain', state.chain.has(edge.id())));
}

function labelSelected(node) {
  cy.edges().removeClass('labelled');
  node?.connectedEdges().addClass('labelled');
}

function applyFilters() {
  cy.edges().forEach((edge) => edge.toggleClass('hidden', state.hiddenTypes.has(edge.data('type'))));
  cy.nodes().forEach((node) => {
    const shown = node.connectedEdges().filter((edge) => !edge.hasClass('hidden'));
    const kept = node.hasClass('center') || shown.nonempty();
    node.toggleClass('hidden', !kept && node.connectedEdges().nonempty());
  });
}

function renderMore() {
  const button = document.getElementById('more');
  const left = state.waiting.length;
  button.hidden = left === 0;
  button.textContent = `Show ${Math.min(left, SHOWN_AT_ONCE)} more (${left} not drawn)`;
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
  const waiting = state.waiting.length ? ` · ${state.waiting.length} more not drawn` : '';
  say(`${state.found || ''}${nodes} nodes · ${edges} edges${highlighted}${waiting}${when}${cut}`);
}

// fcose (a spectral start, then force-directed) with each node's label counted in its size, run
// twice: the second pass starts from the first's positions and pushes apart labels it left
// touching. Measured on the sample corpus, 8 runs each around Law 213-З (31 nodes): one run in
// 8 left one touching pair, where cose left touching pairs in 6 runs of 8.
const FCOSE = {
  name: 'fcose',
  quality: 'proof',
  animate: false,
  nodeDimensionsIncludeLabels: true,
  nodeSeparation: 150,
  idealEdgeLength: () => 250,
  nodeRepulsion: () => 100000,
  edgeElasticity: () => 0.3,
  numIter: 5000,
  tile: true,
  padding: 30,
};

function layout() {
  cy.layout({ ...FCOSE, randomize: true }).run();
  cy.layout({ ...FCOSE, randomize: false }).run();
}

function redraw() {
  // A node drawn meanwhile (an impact's chain, an expansion) no longer waits.
  state.waiting = state.waiting.filter((node) => cy.getElementById(node.graphId).empty());
  markHighlighted();
  applyFilters();
  renderMore();
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
  const text = node.data('text');
  document.getElementById('selected-text').textContent = text || '—';
  const page = node.data('page');
  const link = document.getElementById('selected-page');
  link.hidden = !page;
  if (page) link.href = page;
}

async function draw(id, depth, affected = []) {
  say(`Drawing ${id}…`);
  cy.elements().remove();
  state.expanded.clear();
  state.truncated = false;
  state.waiting = [];
  state.edges.clear();
  state.chain = new Set();
  try {
    const drawn = await fetchNeighbourhood(id, depth);
    // A number, reference or name was read as this node: the status line tells which.
    state.found = drawn.center.graphId === id ? null : `${id} → ${drawn.center.graphId} · `;
    add(drawn, drawn.center.graphId);
    cy.getElementById(drawn.center.graphId).addClass('center expanded');
    state.expanded.add(drawn.center.graphId);
    // An impact's affected nodes join the drawing with the whole chain that explains each.
    addChains(affected);
    // Other highlighted nodes outside the drawing join it with their own neighbours, so each
    // is seen in context.
    const absent = [...state.highlight].filter((h) => cy.getElementById(h).empty()).slice(0, 20);
    for (const other of absent) add(await fetchNeighbourhood(other, 1), other);
    redraw();
  } catch (error) {
    say(error.message, true);
  }
}

cy.on('tap', 'node', async (event) => {
  const node = event.target;
  select(node);
  labelSelected(node);
  if (state.expanded.has(node.id())) return;
  say(`Expanding ${node.id()}…`);
  try {
    add(await fetchNeighbourhood(node.id(), 1), node.id());
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

const provenanceToggle = document.getElementById('provenance');
provenanceToggle.checked = state.provenance;
provenanceToggle.addEventListener('change', () => {
  state.provenance = provenanceToggle.checked;
  const next = new URLSearchParams(window.location.search);
  next.delete('mentions');
  if (state.provenance) next.set('provenance', '1');
  else next.delete('provenance');
  window.history.replaceState(null, '', `?${next}`);
  if (idInput.value.trim()) draw(idInput.value.trim(), Number(depthInput.value));
});
document.getElementById('more').addEventListener('click', showMore);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  state.asOf = asOfInput.value || null;
  const next = new URLSearchParams({ id: idInput.value.trim(), depth: depthInput.value });
  if (state.asOf) next.set('asOf', state.asOf);
  if (state.highlight.size) next.set('highlight', [...state.highlight].join(','));
  if (state.provenance) next.set('provenance', '1');
  window.history.replaceState(null, '', `?${next}`);
  draw(idInput.value.trim(), Number(depthInput.value));
});

const impactOf = (params.get('impact') || '').split(',').filter(Boolean);
if (impactOf.length) {
  // `?impact=by/code/tax%23art_287`: draw the changed unit, its affected procedures highlighted.
  say(`Asking what changing ${impactOf.join(', ')} affects…`);
  fetchImpact(impactOf)
    .then(({ changed, affected }) => {
      changed.forEach((id) => state.highlight.add(id));
      affected.forEach((item) => state.highlight.add(item.node.graphId));
      if (!idInput.value) idInput.value = impactOf[0];
      return draw(idInput.value, Number(depthInput.value), affected);
    })
    .catch((error) => say(error.message, true));
} else if (idInput.value) {
  draw(idInput.value, Number(depthInput.value));
}
