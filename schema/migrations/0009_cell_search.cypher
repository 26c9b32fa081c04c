// Full-text search over the cells of the rows a regulation's tables hold, beside titles and texts
// (0003): a document's requirements, its condition, the form of submission and the apostille
// cell («требуется легализация документов (проставление апостиля)»), which only a row's text
// keeps, and the fee's and benefit's statements («государственная пошлина в размере …»). A row's
// text is short (a few hundred characters), unlike a whole regulation's, so an index of its own
// keeps it apart from the long texts that would match every query.
CREATE FULLTEXT INDEX lexgraph_cells IF NOT EXISTS
FOR (n:DocumentRequirement|RequestedInformation|IssuedDocument|Fee|Benefit)
ON EACH [n.sourceText, n.requirements, n.condition, n.electronicText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'russian', `fulltext.eventually_consistent`: false}};
