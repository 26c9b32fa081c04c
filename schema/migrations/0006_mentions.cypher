// The documents that mention a shared node (an act, a provision, an authority, a registry) are
// `MENTIONS` edges from their `SourceDocument`, no longer a `sources` list on the node: a graph
// written before keeps its mentions, moved to edges a thousand nodes per transaction.
MATCH (n) WHERE n.sources IS NOT NULL
CALL (n) {
  CALL (n) {
    UNWIND n.sources AS document
    MATCH (d:SourceDocument {id: document})
    MERGE (d)-[:MENTIONS]->(n)
  }
  REMOVE n.sources
} IN TRANSACTIONS OF 1000 ROWS;
