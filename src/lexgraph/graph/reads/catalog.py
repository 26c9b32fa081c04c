"""Root lookups: a node by what users know of it, and the plain lists."""

from __future__ import annotations

from lexgraph.graph.reads.prefetch import root_lookup
from lexgraph.graph.validity import stated_valid

# Alone, or as the root of the prefetch of the page below it (one round trip).
PROCEDURE_BY_NUMBER = root_lookup("(n:Procedure {number: $number})", "Procedure")
LEGAL_ACT_BY_ID = root_lookup("(n:LegalAct {id: $id})", "LegalAct")
LEGAL_ACT_BY_REGISTER_NUMBER = root_lookup(
    "(n:LegalAct {registerNumber: $registerNumber})", "LegalAct"
)

# An act by its official details; `$date` (ISO) is optional, since codes and many citations
# give none.
LEGAL_ACTS_BY_KIND_NUMBER = """
MATCH (n:LegalAct {kind: $kind, number: $number})
WHERE $date IS NULL OR toString(n.date) = $date
RETURN n {.*, _label: 'LegalAct'} AS node
ORDER BY n.date, n.id
LIMIT 2
"""

PROVISION_BY_ACT_PATH = """
MATCH (n:Provision {actId: $actId, eId: $eId})
RETURN n {.*, _label: 'Provision'} AS node
"""

LEGAL_ACTS = """
MATCH (n:LegalAct)
WHERE $kind IS NULL OR n.kind = $kind
RETURN n {.*, _label: 'LegalAct'} AS node
ORDER BY n.kind, n.date, n.id
"""

REGISTRIES = """
MATCH (n:Registry)
RETURN n {.*, _label: 'Registry'} AS node
ORDER BY n.name, n.id
"""

AUTHORITIES = """
MATCH (n:Authority)
RETURN n {.*, _label: 'Authority'} AS node
ORDER BY n.name, n.id
"""

# Full-text search over titles, names and verbatim texts (Russian analyzer, see
# schema/migrations/0003_fulltext.cypher) and over the cells of table rows (0009_cell_search);
# `$query` is Lucene syntax holding only quoted words (`lexgraph.search_terms`). A node both indexes
# find counts once, at its better score. Only what holds on `$asOf`: the edition of a fact that
# held then (`stated_valid`). Each hit names the procedures whose regulation states it (a
# document's requirement, a fee, a benefit …), through edges that held then too.
SEARCH_TEXT = (
    "CALL () { "
    "CALL db.index.fulltext.queryNodes('lexgraph_text', $query) YIELD node, score "
    "RETURN node, score "
    "UNION ALL "
    "CALL db.index.fulltext.queryNodes('lexgraph_cells', $query) YIELD node, score "
    "RETURN node, score } "
    "WITH node AS n, max(score) AS score "
    "WHERE ($types IS NULL OR head(labels(n)) IN $types) AND "
    + stated_valid("n")
    + " WITH n, score ORDER BY score DESC, n.id LIMIT $limit "
    "CALL (n) { "
    "OPTIONAL MATCH (n)<-[rs:REQUIRES|REQUESTS|ISSUES|CHARGES|HAS_BENEFIT*0..2]-(g:Regulation)"
    "-[r:REGULATES]->(p:Procedure) "
    "WHERE all(x IN rs WHERE "
    + stated_valid("x")
    + ") AND "
    + stated_valid("g")
    + " AND "
    + stated_valid("r")
    + " RETURN collect(DISTINCT p.number) AS procedures } "
    "RETURN n {.*, _label: head(labels(n))} AS node, score, procedures "
    "ORDER BY score DESC, n.id"
)

# The acts the citation grammar may resolve a reference to by title alone («Закона Республики
# Беларусь «О лицензировании»» names neither date nor number).
KNOWN_ACTS = """
MATCH (n:LegalAct)
WHERE n.kind IS NOT NULL
  AND (n.title IS NOT NULL OR n.shortTitle IS NOT NULL OR n.registerNumber IS NOT NULL)
RETURN n.id AS id, n.kind AS kind, n.title AS title, n.shortTitle AS shortTitle,
  n.registerNumber AS register
ORDER BY n.id
"""

# What changes when the known acts may have: the numbers of acts, source documents and their
# versions (a new text of a document is a new `Version`), read from the count store, so the check
# costs the same at any size. `KNOWN_ACTS` is read again only when this changes.
KNOWN_ACTS_STAMP = """
CALL () { MATCH (n:LegalAct) RETURN count(n) AS acts }
CALL () { MATCH (n:SourceDocument) RETURN count(n) AS documents }
CALL () { MATCH (n:Version) RETURN count(n) AS versions }
RETURN [acts, documents, versions] AS stamp
"""
