// The newest import, found without reading every version: the graph's stamp
// (`lexgraph.graph.stamp`), which keys the API's cached answers, is read for every request.
CREATE INDEX version_imported_at IF NOT EXISTS FOR (n:Version) ON (n.importedAt);
