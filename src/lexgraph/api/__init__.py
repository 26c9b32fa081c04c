"""The public GraphQL API: Strawberry types and resolvers, served by a Starlette app.

`schema` the root queries · `nodes` the types of the graph's nodes (Relay `Node`s) · `procedures`
the procedure filter and its pages · `search` full-text search and citation resolving ·
`prefetch` one statement for all a selection follows · `impact` impact analysis, counted and
paged (`paging`: offset cursors of a list held in full) · `context` the per-request driver access,
loaders and round-trip count · `errors` user errors shown, the rest masked. The Cypher lives in
`lexgraph.graph.reads`.
"""
