// Lookups by what users know: a procedure by its unified-list number, an act by kind/number/date,
// a provision by its act and unit path.
CREATE CONSTRAINT procedure_number IF NOT EXISTS FOR (n:Procedure) REQUIRE n.number IS UNIQUE;
CREATE INDEX legal_act_kind_number IF NOT EXISTS FOR (n:LegalAct) ON (n.kind, n.number);
CREATE INDEX legal_act_date IF NOT EXISTS FOR (n:LegalAct) ON (n.date);
CREATE INDEX provision_act_path IF NOT EXISTS FOR (n:Provision) ON (n.actId, n.eId);
CREATE INDEX document_requirement_apostille IF NOT EXISTS FOR (n:DocumentRequirement) ON (n.apostille);
CREATE INDEX fee_amount IF NOT EXISTS FOR (n:Fee) ON (n.amountBaseUnits);
