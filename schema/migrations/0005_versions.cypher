// Versions of a document's text (`lexgraph.graph.versions`): one per imported text, found by its
// id when a text is imported, and by its document when the versions of a document are listed.
CREATE CONSTRAINT version_id IF NOT EXISTS FOR (n:Version) REQUIRE n.id IS UNIQUE;
CREATE INDEX version_source_document IF NOT EXISTS FOR (n:Version) ON (n.sourceDocument);
