"""LexGraph: a GraphQL API over a normalized knowledge graph of Belarusian administrative law."""

__version__ = "0.1.0"
