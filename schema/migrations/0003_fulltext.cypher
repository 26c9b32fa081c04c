// Full-text search over titles and verbatim texts with Russian morphology
// («процедурам» finds «процедуры»).
CREATE FULLTEXT INDEX lexgraph_text IF NOT EXISTS
FOR (n:LegalAct|Provision|Procedure|Regulation|DocumentRequirement|RequestedInformation|Registry|IssuedDocument|Authority|Form|PortalFact)
ON EACH [n.title, n.name, n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'russian', `fulltext.eventually_consistent`: false}};
