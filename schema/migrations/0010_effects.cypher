// Effects of amending acts (`lexgraph.graph.effects`): unique ids, as every other label has
// (0001_identifiers.cypher); found by the act that made them (is it applied already?), by the
// act they amend and by the unit they act on (`effects` of an act or a unit in the API).
CREATE CONSTRAINT effect_id IF NOT EXISTS FOR (n:Effect) REQUIRE n.id IS UNIQUE;
CREATE INDEX effect_amending_act IF NOT EXISTS FOR (n:Effect) ON (n.amendingActId);
CREATE INDEX effect_target_act IF NOT EXISTS FOR (n:Effect) ON (n.targetActId);
CREATE INDEX effect_target_provision IF NOT EXISTS FOR (n:Effect) ON (n.targetProvisionId);
