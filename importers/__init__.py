"""Parsers that turn source documents into graph records; one module per source format."""
