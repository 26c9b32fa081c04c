# The few verbs people use. `make run` and `make test` do all the set-up on a fresh machine
# (Python 3.11+, Java 17+, Maven): virtualenv, install, Neo4j launcher build.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export PIP_CACHE_DIR := $(CURDIR)/.cache/pip

.PHONY: run test lint format bench neo4j-start neo4j-stop schema clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

launcher/target/lexgraph-neo4j-launcher.jar: $(STAMP) launcher/pom.xml $(wildcard launcher/src/main/java/lexgraph/launcher/*.java)
	$(BIN)/lexgraph neo4j build

## Start the local Neo4j, migrate and serve the API (Ctrl-C stops both).
run: launcher/target/lexgraph-neo4j-launcher.jar
	$(BIN)/lexgraph run

## The whole test suite against a real Neo4j (the local one, or NEO4J_URI).
test: launcher/target/lexgraph-neo4j-launcher.jar
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

neo4j-start: launcher/target/lexgraph-neo4j-launcher.jar
	$(BIN)/lexgraph neo4j start

neo4j-stop: $(STAMP)
	$(BIN)/lexgraph neo4j stop

## Re-export the GraphQL SDL after changing the schema.
schema: $(STAMP)
	$(BIN)/strawberry export-schema lexgraph.api.schema:schema --output schema/schema.graphql

clean:
	rm -rf $(VENV) launcher/target var/test-neo4j
