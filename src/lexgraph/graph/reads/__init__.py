"""The API's reads: every question the GraphQL schema asks Neo4j, one named Cypher constant each.

Statements take their values as parameters only. Rows carry nodes as maps made by `NODE_MAP`
(all properties plus `_label`, the node's label), so the API can build its types from them.
"""
