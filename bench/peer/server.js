// The peer of the comparison (make bench-peer): @neo4j/graphql over the same Neo4j as LexGraph,
// served by Apollo Server, one process, no response cache. NEO4J_URI (no authentication, as the
// project's local Neo4j), PORT (loopback only). Prints "ready <url>" once it answers.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");

// The fields typeDefs.graphql marks @customResolver, computed from the node's own properties: a
// fact's stable id (a superseded edition names it in `currentId`) and its provenance.
const graphId = (node) => node.currentId ?? node.id;
const provenance = (node) =>
  node.sourceDocument == null
    ? null
    : {
        documentId: node.sourceDocument,
        lineStart: node.lineStart,
        lineEnd: node.lineEnd,
        text: node.sourceText,
      };
const resolvers = {};
for (const [type, fields] of Object.entries({
  Procedure: { graphId },
  Regulation: { graphId, provenance },
  DocumentRequirement: { graphId, provenance },
  RequestedInformation: { provenance },
  IssuedDocument: { provenance },
  Fee: { provenance },
  Benefit: { graphId },
  Appeal: { provenance },
  PortalFact: { provenance },
  LegalAct: { graphId },
  Provision: { graphId },
  Authority: { graphId },
  Registry: { graphId },
})) {
  resolvers[type] = fields;
}

const driver = neo4j.driver(process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687", neo4j.auth.none());
const schema = await new Neo4jGraphQL({ typeDefs, resolvers, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 4000) },
});
console.log(`ready ${url}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}
