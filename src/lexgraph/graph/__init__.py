"""Neo4j access: the driver, schema migrations, and the loader that writes graph records."""
