# The few verbs people use. `make run` and `make test` do all the set-up on a fresh machine
# (Python 3.11+, Java 17+, Maven): virtualenv, install, Neo4j launcher build.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export PIP_CACHE_DIR := $(CURDIR)/.cache/pip
export npm_config_cache := $(CURDIR)/.cache/npm

.PHONY: run test test-fast mutate lint format bench bench-peer peer citations-score neo4j-start neo4j-stop schema clean web axe

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

launcher/target/lexgraph-neo4j-launcher.jar: $(STAMP) launcher/pom.xml $(wildcard launcher/src/main/java/lexgraph/launcher/*.java)
	$(BIN)/lexgraph neo4j build

## The browser pages (GraphiQL with the examples, /explore), built from web/ into web/dist.
WEB_STAMP := web/dist/.built
$(WEB_STAMP): web/package.json web/package-lock.json web/vite.config.js $(wildcard web/*.html web/src/*) queries/neighbourhood.graphql
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent
	touch $(WEB_STAMP)

web: $(WEB_STAMP)

## The peer of `make bench-peer` (@neo4j/graphql with Apollo Server), from its pinned lock file.
PEER_STAMP := bench/peer/node_modules/.installed
$(PEER_STAMP): bench/peer/package.json bench/peer/package-lock.json
	cd bench/peer && npm ci --no-audit --no-fund --loglevel=error
	touch $(PEER_STAMP)

peer: $(PEER_STAMP)

## axe-core, which the browser tests inject into every page to check its accessibility.
AXE_STAMP := tests/browser/node_modules/.installed
$(AXE_STAMP): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $(AXE_STAMP)

axe: $(AXE_STAMP)

## Start the local Neo4j, migrate and serve the API (Ctrl-C stops both).
run: launcher/target/lexgraph-neo4j-launcher.jar $(WEB_STAMP)
	$(BIN)/lexgraph run

## The whole test suite against a real Neo4j (the local one, or NEO4J_URI).
test: launcher/target/lexgraph-neo4j-launcher.jar $(WEB_STAMP) $(PEER_STAMP) $(AXE_STAMP)
	$(BIN)/pytest

## The tests that need no Neo4j and no browser: the inner loop, under a minute.
test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not neo4j and not browser and not slow and not load"

## Mutation testing of the pure core against the fast tests (mutmut; README, Mutation testing).
## Long: MUTATE='lexgraph.api.measure*' mutates one module; results are kept in mutants/.
mutate: $(STAMP)
	$(BIN)/mutmut run $(MUTATE)
	$(BIN)/mutmut results

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

## Import throughput and named-query latency at sizes S and M (bench/run.py; BENCH_ARGS for more).
bench: launcher/target/lexgraph-neo4j-launcher.jar
	$(BIN)/python -m bench.run $(BENCH_ARGS)

## LexGraph against @neo4j/graphql on the four named documents at S and M: the answers checked
## alike, then throughput ratios and CPU per request from one alternating run (bench/bench_peer.py;
## BENCH_ARGS, e.g. --reuse --size M). Niced: the machine is shared.
bench-peer: launcher/target/lexgraph-neo4j-launcher.jar $(PEER_STAMP)
	nice $(BIN)/python -m bench.bench_peer $(BENCH_ARGS)

## Re-export the GraphQL SDL after changing the schema.
## Recall, precision and exact units of the citation grammar on real strings, by category.
citations-score: $(STAMP)
	$(BIN)/python -m tests.citations.score $(if $(BASELINE),--baseline $(BASELINE))

schema: $(STAMP)
	$(BIN)/strawberry export-schema lexgraph.api.schema:schema --output schema/schema.graphql
	$(BIN)/strawberry export-schema lexgraph.api.schema:schema_with_writes --output schema/schema-writes.graphql

clean:
	rm -rf $(VENV) launcher/target var/test-neo4j web/node_modules web/dist bench/peer/node_modules tests/browser/node_modules mutants
