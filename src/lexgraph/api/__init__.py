"""The public GraphQL API: Strawberry types and resolvers, served by a Starlette app."""
