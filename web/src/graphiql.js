// GraphiQL that teaches: every named document of queries/ opens in its own tab, with its example
// variables, and the Examples pane lists them with what each one asks.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';

import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { parse } from 'graphql';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';

/** @type {{name: string, file: string, description: string, query: string, variables: string}[]} */
const examples = JSON.parse(document.getElementById('lexgraph-examples').textContent);

function ExamplesIcon() {
  return h(
    'svg',
    { viewBox: '0 0 24 24', width: 20, height: 20, fill: 'none', stroke: 'currentColor', strokeWidth: 1.5 },
    h('path', { d: 'M5 4h11l3 3v13H5z M8 9h8 M8 13h8 M8 17h5' }),
  );
}

function ExamplesPane() {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const { setOperationName } = useGraphiQLActions();
  const open = (example) => {
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
    // At once, not when the editor's change is next parsed: a run right after must name it.
    setOperationName(example.name);
  };
  return h(
    'section',
    { className: 'lexgraph-examples', 'aria-label': 'Example documents' },
    h('div', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
    h(
      'p',
      null,
      'The named documents of the project (queries/). Each one is open in a tab; ',
      'click one to load it, with its example variables, into the current tab.',
    ),
    h(
      'p',
      null,
      'To see the graph around a node, open ',
      h('a', { href: '/explore?id=procedure/15.4.1' }, 'the explore page'),
      '.',
    ),
    h(
      'ul',
      null,
      examples.map((example) =>
        h(
          'li',
          { key: example.file },
          h(
            'button',
            {
              type: 'button',
              onClick: () => open(example),
              disabled: !queryEditor || !variableEditor, // until the editors have loaded
              'data-example': example.name,
            },
            h('strong', null, example.name),
            h('span', null, example.description),
          ),
        ),
      ),
    ),
  );
}

const examplesPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesPane };

const post = createGraphiQLFetcher({ url: '/graphql' });

function operationNames(query) {
  try {
    return parse(query)
      .definitions.filter((d) => d.kind === 'OperationDefinition' && d.name)
      .map((d) => d.name.value);
  } catch {
    return [];
  }
}

/** GraphiQL works out the operation name after an editor settles; a run right after switching
 * tabs can still carry the previous tab's name, which the document does not have. */
function fetcher(params, options) {
  const names = operationNames(params.query);
  if (params.operationName && !names.includes(params.operationName) && names.length === 1) {
    return post({ ...params, operationName: names[0] }, options);
  }
  return post(params, options);
}

createRoot(document.getElementById('graphiql')).render(
  h(GraphiQL, {
    fetcher,
    defaultTabs: examples.map((example) => ({ query: example.query, variables: example.variables })),
    defaultEditorToolsVisibility: 'variables',
    plugins: [examplesPlugin, HISTORY_PLUGIN],
    visiblePlugin: examples.length ? examplesPlugin : undefined,
  }),
);
