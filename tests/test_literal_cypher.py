"""Every statement sent to Neo4j is built only from literals (`tests/literal_cypher.py`): on a
table of small programs, good and bad, and on the real tree."""

from __future__ import annotations

import textwrap

import pytest

from lexgraph.config import project_root
from tests.literal_cypher import Checker, check, sources_of

# What the walk cannot see through, taken as built from literals, each with its reason.
ASSUMED = {
    "lexgraph.graph.reads.relations.RELATIONS": "the module's own `Relation` constants, gathered"
    " from `globals()` (which the walk does not read); each is made by `_related`, `_citations`"
    " or `_cited_by` from literals, and the walk checks those constants where they are named",
    "lexgraph.graph.records.cypher_label.label": "returned only when it is one of the model's"
    " `NODE_LABELS` (literals); any other label raises",
    "lexgraph.graph.reads.prefetch.prefetch_statement.steps": "a step's `relation` is only a key"
    " of RELATIONS and its `parent` an int (an index into the steps): neither text nor number"
    " from a request reaches the statement, only RELATIONS' bodies and generated names",
}
# Calls that send what the walk cannot prove, by file and function, each with its reason.
ALLOWED = {
    ("src/lexgraph/graph/migrations.py", "apply_migrations"): "the statements of the package's"
    " own schema/migrations/*.cypher files, read and split; no input reaches them",
    ("src/lexgraph/api/compile/execution.py", "CompiledExecutionContext._compiled"): "a"
    " compiled statement (`lexgraph.api.compile`): fragments of the compiler's fixed table"
    " (`table.py`), keyed by schema type and field, joined with names the compiler generates"
    " (`x1`, `a0` …); the request's values are parameters, and its text (aliases, names) never"
    " reaches the statement. The walk cannot follow the selection set driving the joining",
    ("src/lexgraph/api/compile/coalesce.py", "neo4j_run.run"): "a batch's statement, which"
    " `CompiledExecutionContext._compiled` gives it: the compiled statement of a plan (see"
    " above) wrapped by `roots._root` in a fixed `UNWIND $batch … CALL` of literals",
    ("src/lexgraph/graph/conflicts.py", "driver_read.read"): "the `Read` protocol of the API's"
    " request context, for the command line: its one caller, `conflicts_page`, passes the"
    " module's own constant statement",
}


def findings(source: str, *more: str) -> list[str]:
    """What the check finds in a module `app.py` (and modules `lib1.py` … after it)."""
    sources = {"app.py": textwrap.dedent(source)}
    sources |= {f"lib{i}.py": textwrap.dedent(s) for i, s in enumerate(more, start=1)}
    return [f"{f.function}:{f.statement}" for f in check(sources)]


GOOD = {
    "a literal": """
        async def f(tx):
            await tx.run("MATCH (n) RETURN n")
    """,
    "a constant, joined and formatted from literals": """
        LABELS = ("Act", "Provision")
        BRANCHES = " UNION ".join("MATCH (n:" + label + ") RETURN n" for label in LABELS)
        ONE = f"CALL {{ {BRANCHES} }} RETURN count(*)"
        async def f(driver):
            await driver.execute_query(ONE, database_="neo4j")
    """,
    "parameters travel as parameters": """
        async def f(session, name):
            await session.run("MATCH (n {name: $name}) RETURN n", name=name)
    """,
    "a function building the statement from literals it is given": """
        def lookup(label):
            return "MATCH (n:" + label + " {id: $id}) RETURN n"
        async def f(tx, key):
            await tx.run(lookup("Act"), id=key)
    """,
    "an imported constant, and a module's name through it": """
        from lib1 import NODES
        import lib1
        async def f(tx):
            await tx.run(NODES)
            await tx.run(lib1.EDGES)
    """
    + "\0"
    + """
        NODES = "MATCH (n) RETURN n"
        EDGES = "MATCH ()-[r]->() RETURN r"
    """,
    "a wrapper's callers give literals": """
        class Context:
            async def read(self, name, statement, parameters=None):
                return await self.driver.execute_query(statement, parameters)
        async def resolver(info, key):
            return await info.context.read("ONE", "MATCH (n {id: $id}) RETURN n", {"id": key})
    """,
    "a dict of statements, read by any key": """
        STATEMENTS = {"act": "MATCH (n:Act) RETURN n", "unit": "MATCH (n:Provision) RETURN n"}
        async def f(tx, kind):
            await tx.run(STATEMENTS[kind])
    """,
    "an object's field and property": """
        from dataclasses import dataclass
        @dataclass
        class Relation:
            body: str
            citations: bool = False
            @property
            def statement(self):
                return "UNWIND $ids AS id RETURN " + self.body
        CITES = Relation("COLLECT { MATCH (n)-[:CITES]->(m) RETURN m }", citations=True)
        async def f(tx, key):
            await tx.run(CITES.statement, ids=[key])
    """,
    "a statement and its parameters returned together": """
        def page(value):
            return "MATCH (n) WHERE n.x = $v RETURN n", {"v": value}
        async def f(tx, value):
            statement, parameters = page(value)
            await tx.run(statement, parameters)
    """,
    "names generated by counting": """
        def union(parts):
            return " UNION ".join(f"CALL {{ {p} }} AS rows_{i}" for i, p in enumerate(parts))
        async def f(tx):
            await tx.run(union(["MATCH (a) RETURN a", "MATCH (b) RETURN b"]))
    """,
    "a list grown by appending literals, in a nested function too": """
        async def f(tx):
            parts = ["MATCH (n {w: 'a'}) RETURN n"]
            def add():
                for word in ("b", "c"):
                    parts.append("MATCH (n {w: '" + word + "'}) RETURN n")
            add()
            await tx.run(" UNION ".join(parts))
    """,
    "a unit of work given to execute_write, with literals": """
        async def write(tx, rows, statement="UNWIND $rows AS row CREATE (n:Act) SET n = row"):
            await tx.run(statement, rows=rows)
        async def f(session, rows):
            await session.execute_write(write, rows)
            await session.execute_write(write, rows, "UNWIND $rows AS row MERGE (n:Act {id: row})")
    """,
    "an alias of a checked label": """
        LABELS = frozenset({"Act"})
        def label_of(label):
            return label
        _label = label_of
        async def f(tx):
            for label in sorted(LABELS):
                await tx.run("MATCH (n:" + _label(label) + ") RETURN n")
    """,
}

BAD = {
    "an f-string of a parameter": (
        """
        async def f(tx, label):
            await tx.run(f"MATCH (n:{label}) RETURN n")
        async def g(tx, request):
            await f(tx, request.label())
        """,
        ["g:request.label()"],
    ),
    "a parameter of a function no call in the tree gives (a resolver)": (
        """
        import strawberry
        @strawberry.field
        async def search(info, text):
            query = "CALL db.index.fulltext.queryNodes('titles', '" + text + "') YIELD node"
            return await info.context.driver.execute_query(query)
        """,
        ["search:text"],
    ),
    "a unit of work given to execute_write, with input": (
        """
        async def write(tx, statement):
            await tx.run(statement)
        async def f(session, request):
            await session.execute_write(write, request.body())
        """,
        ["f:request.body()"],
    ),
    "`%` and `.format` with a variable": (
        """
        async def f(session, text):
            await session.run("MATCH (n {id: '%s'}) RETURN n" % text)
            await session.run("MATCH (n {id: '{}'}) RETURN n".format(text))
        def entry(session, text):
            return f(session, text)
        """,
        ["entry:text"],
    ),
    "what a call outside the tree returns": (
        """
        async def f(driver, path):
            await driver.execute_query(path.read_text())
            await driver.execute_query(input())
        """,
        ["f:path.read_text()", "f:input()"],
    ),
    "a name bound to a literal in one place and to input in another": (
        """
        async def f(tx, flag):
            statement = "MATCH (n) RETURN n"
            if flag:
                statement = str(flag)
            await tx.run(statement)
        async def g(tx):
            await f(tx, open("x").read())
        """,
        ["g:open('x').read()"],
    ),
    "a wrapper's caller passes input": (
        """
        class Context:
            async def read(self, name, statement):
                return await self.driver.execute_query(statement)
        async def resolver(info, text):
            return await info.context.read("ANY", "MATCH (n) WHERE " + text + " RETURN n")
        """,
        ["resolver:text"],
    ),
    "a wrapper called through a local name for what was passed in": (
        """
        class Context:
            async def read(self, name, statement):
                return await self.driver.execute_query(statement)
        async def resolver(info, text):
            context = info.context
            return await context.read("ANY", "MATCH (n) WHERE " + text + " RETURN n")
        """,
        ["resolver:text"],
    ),
    "a list grown with input": (
        """
        async def f(tx, request):
            parts = ["MATCH (n) RETURN n"]
            parts.append(request.json()["cypher"])
            await tx.run(" UNION ".join(parts))
        """,
        ["f:' UNION '.join(parts)"],
    ),
    "an object carrying input": (
        """
        from dataclasses import dataclass
        @dataclass
        class Lookup:
            statement: str
        async def f(tx, body):
            await tx.run(Lookup(body.decode()).statement)
        """,
        ["f:Lookup(body.decode()).statement"],
    ),
    "a wrapper's default that is not a literal": (
        """
        import os
        async def write(tx, rows, statement=os.environ["STATEMENT"]):
            await tx.run(statement, rows=rows)
        async def f(tx):
            await write(tx, [])
        """,
        ["write:statement"],
    ),
    "run on something not known to be Neo4j's": (
        """
        async def f(runner, text):
            await runner.run(text)
        """,
        ["f:runner.run(text)"],
    ),
}


@pytest.mark.parametrize("source", GOOD.values(), ids=list(GOOD))
def test_statements_built_from_literals_pass(source: str) -> None:
    assert findings(*source.split("\0")) == []


@pytest.mark.parametrize(("source", "found"), BAD.values(), ids=list(BAD))
def test_statements_built_from_anything_else_are_found(source: str, found: list[str]) -> None:
    assert findings(source) == found


def test_every_statement_the_tree_sends_is_built_from_literals() -> None:
    checker = Checker(sources_of(project_root(), ["src", "importers"]), ASSUMED)
    found = {(f.path, f.function): str(f) for f in checker.findings()}
    assert {key: text for key, text in found.items() if key not in ALLOWED} == {}
    assert sorted(ALLOWED) == sorted(found)  # no allowance is left over once its call is gone
    # The walk sees through the API's own senders: a resolver's statement is checked where the
    # resolver names it, not taken on trust where `RequestContext.read` sends it.
    wrappers = {w.function.name for w in checker.wrappers.values()}
    assert {"read", "batched"} <= wrappers
