// Terms an application form promises (`Term`, importers/regulation_annex.py): unique ids, as every
// other label has (0001_identifiers.cypher).
CREATE CONSTRAINT term_id IF NOT EXISTS FOR (n:Term) REQUIRE n.id IS UNIQUE;
