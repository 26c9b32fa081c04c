// Every node of the graph has a stable, human-readable `id`; these constraints make it unique
// (and give each label an index on `id`, used by every point lookup of the API).
CREATE CONSTRAINT schema_migration_name IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT source_document_id IF NOT EXISTS FOR (n:SourceDocument) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT legal_act_id IF NOT EXISTS FOR (n:LegalAct) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT provision_id IF NOT EXISTS FOR (n:Provision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT procedure_id IF NOT EXISTS FOR (n:Procedure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT regulation_id IF NOT EXISTS FOR (n:Regulation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_requirement_id IF NOT EXISTS FOR (n:DocumentRequirement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT requested_information_id IF NOT EXISTS FOR (n:RequestedInformation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT registry_id IF NOT EXISTS FOR (n:Registry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT issued_document_id IF NOT EXISTS FOR (n:IssuedDocument) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fee_id IF NOT EXISTS FOR (n:Fee) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT benefit_id IF NOT EXISTS FOR (n:Benefit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT appeal_id IF NOT EXISTS FOR (n:Appeal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT authority_id IF NOT EXISTS FOR (n:Authority) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT form_id IF NOT EXISTS FOR (n:Form) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT portal_id IF NOT EXISTS FOR (n:Portal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT portal_fact_id IF NOT EXISTS FOR (n:PortalFact) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT unresolved_citation_id IF NOT EXISTS FOR (n:UnresolvedCitation) REQUIRE n.id IS UNIQUE;
