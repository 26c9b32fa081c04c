"""The root fields the compiler answers, each as one statement: what it looks up, and the
selection below it projected (`project.py`).

A root field is compiled into a `Plan`, which holds nothing of one request's values: the
statement, where its parameters come from, and `answer`, which turns the one record the statement
returns into the field's value, or raises the `UserError` the resolver would (no procedure of that
number, a filter naming what the graph does not hold). A plan is kept and shared by the requests
of the same shape (`plans.py`); each brings its own `Asked` (the root's arguments as parameters,
the day asked) and gets its own parameters (`Plan.bind`). Arguments are checked as the resolvers
check them (`paging`, the filter's translation, `procedures.py`), for every request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLObjectType
from neo4j import Record

from lexgraph.api import paging
from lexgraph.api.compile.project import (
    ArgumentRead,
    Compiler,
    FieldDetailsList,
    Operation,
    Refused,
    Unwrap,
    _named,
    arguments_of,
    reading,
)
from lexgraph.api.errors import NotFound
from lexgraph.api.procedures import CURSOR_PREFIX
from lexgraph.graph.reads import procedures as reads
from lexgraph.graph.validity import acts_in_force


@dataclass(frozen=True, slots=True)
class Asked:
    """What one request gives a root field's plan: the root's own parameters (`$key`, the
    filter's `$f0` …, the page's), the day asked, and what its answer tells."""

    parameters: dict[str, Any]
    as_of: dt.date
    missing: str = ""
    """The `NotFound` message when nothing is found."""
    offset: int = 0
    """Where the page starts (`procedures`)."""


@dataclass(frozen=True, slots=True)
class CompiledRoot:
    """One root field of one request: run `statement` with `parameters`, then `unwrap` its
    records into the field's value."""

    field: str
    statement: str
    parameters: dict[str, Any]
    unwrap: Callable[[list[Record]], Any]
    batched: str | None = None
    """The statement for many requests at once (`coalesce.py`), taking `$batch` in place of
    `$key`; None: the root is not looked up by a key."""


@dataclass(frozen=True, slots=True)
class Plan:
    """One root field compiled, for every request of its shape: the statement, the parameters
    read from arguments below the root (`reads`), and `answer(records, asked)`."""

    field: str
    statement: str
    answer: Callable[[list[Record], Asked], Any]
    reads: tuple[ArgumentRead, ...]
    batched: str | None = None
    """`statement` for many keys at once (`CompiledRoot.batched`)."""

    def bind(self, operation: Operation, asked: Asked) -> CompiledRoot:
        """This plan for one request: its parameters, and an unwrap answering as it asked."""
        parameters = asked.parameters | arguments_of(operation, self.reads)
        parameters["asOf"] = asked.as_of

        def unwrap(records: list[Record]) -> Any:
            return self.answer(records, asked)

        return CompiledRoot(self.field, self.statement, parameters, unwrap, self.batched)


def procedure_asked(number: str, as_of: dt.date) -> Asked:
    """`procedure(number:, asOf:)`'s values: the number looked up, as the resolver strips it."""
    return Asked({"key": number.strip()}, as_of, f"no procedure numbered {number!r}")


def procedure(compiler: Compiler, root: GraphQLObjectType, details: FieldDetailsList) -> Plan:
    """`procedure(number:, asOf:)`: the procedure of that number, as the page asks it."""
    var = compiler.fresh()
    projection, unwrap = compiler.object(_object(root, "procedure"), var, details)
    lookup = f"MATCH ({var}:Procedure {{number: $key}})"
    return _root(
        "procedure", compiler, lookup, var, _ROW.replace("_projection_", projection), unwrap
    )


def legal_act_asked(arguments: Mapping[str, Any], as_of: dt.date) -> tuple[str, Asked]:
    """`legalAct(id:)` or `legalAct(registerNumber:)`'s values, and which of the two keys it
    looks up by (the plan differs); the lookup by kind and number goes to the resolver."""
    act_id, register = arguments.get("id"), arguments.get("registerNumber")
    if act_id is not None:
        return "id", Asked({"key": act_id}, as_of, f"no legal act with id {act_id!r}")
    if register is not None:
        missing = f"no legal act with register number {register!r}"
        return "registerNumber", Asked({"key": register}, as_of, missing)
    raise Refused("Query.legalAct(kind, number)")


def legal_act(
    compiler: Compiler, root: GraphQLObjectType, details: FieldDetailsList, by: str
) -> Plan:
    """`legalAct(id:)` or `legalAct(registerNumber:)`, `by` saying which."""
    var = compiler.fresh()
    projection, unwrap = compiler.object(_object(root, "legalAct"), var, details)
    if by == "id":
        lookup = f"MATCH ({var}:LegalAct {{id: $key}})"
    elif by == "registerNumber":
        lookup = f"MATCH ({var}:LegalAct {{registerNumber: $key}})"
    else:
        raise Refused("Query.legalAct(kind, number)")
    return _root(
        "legalAct", compiler, lookup, var, _ROW.replace("_projection_", projection), unwrap
    )


# The row of one node, and those of the acts its relationships read that are in force on `$asOf`
# (the row starts with them, `Compiler.object`), checked once for all.
_ROW = " WITH _projection_ AS row RETURN row, " + acts_in_force("row[0]") + " AS inForce"

# After the filter's rows and predicate (`reads.compile_filter`): the matches ordered by number,
# counted, one page of them projected, and the ids the filter names that no node has.
PAGE = """
WITH p ORDER BY [x IN split(p.number, '.') | toInteger(x)], p.number
WITH collect(p) AS matched
CALL (matched) {
  UNWIND range(0, size(matched[$offset..$offset + $limit]) - 1) AS i
  WITH matched[$offset + i] AS _v_, i ORDER BY i
  RETURN collect(_projection_) AS page
}
RETURN size(matched) AS total, page, _in_force_ AS inForce,
  [c IN $checks WHERE NOT (
      (c.kind = 'unit' AND (EXISTS { MATCH (:LegalAct {id: c.id}) }
                            OR EXISTS { MATCH (:Provision {id: c.id}) }))
      OR (c.kind = 'authority' AND EXISTS { MATCH (:Authority {id: c.id}) })
      OR (c.kind = 'registry' AND EXISTS { MATCH (:Registry {id: c.id}) }))
  | c] AS missing
"""


def procedures_asked(
    tree: reads.Filter,
    checks: list[reads.Check],
    first: int,
    after: str | None,
    largest_page: int,
    as_of: dt.date,
) -> tuple[str, Asked]:
    """`procedures(filter:, first:, after:, asOf:)`'s values, and the filter's Cypher, which
    decides the plan (its values are its parameters `$f0` …)."""
    paging.check_first(first, largest_page)
    offset = paging.decode_cursor(CURSOR_PREFIX, after) + 1 if after is not None else 0
    compiled = reads.compile_filter(tree)
    parameters = compiled.parameters | {
        "offset": offset,
        "limit": first,
        "checks": [{"id": c.id, "kind": c.kind} for c in checks],
    }
    filter_text = compiled.preludes + compiled.rows + compiled.predicate
    return filter_text, Asked(parameters, as_of, offset=offset)


def procedures(
    compiler: Compiler, root: GraphQLObjectType, details: FieldDetailsList, filter_text: str
) -> Plan:
    """`procedures(filter:, first:, after:, asOf:)`: the page and its count, as
    `find_procedures` answers them, the procedures projected as the selection asks, after
    `filter_text` (`procedures_asked`)."""
    connection = _object(root, "procedures")
    var = compiler.fresh()
    parts: list[str] = []
    # What each procedure of the page is asked as: under `nodes`, under `edges { node }`.
    nodes: list[tuple[str, int, Unwrap]] = []
    edges: list[tuple[str, list[tuple[str, str, int, Unwrap | None]]]] = []
    page_infos: list[tuple[str, list[tuple[str, str]]]] = []
    entries: list[tuple[str, str]] = []
    for key, field_details in compiler.subfields(connection, details).items():
        name = field_details[0].node.name.value
        entries.append((key, name))
        if name == "nodes":
            projection, unwrap = compiler.object(_item(connection, "nodes"), var, field_details)
            nodes.append((key, len(parts), unwrap))
            parts.append(projection)
        elif name == "edges":
            edge_type = _item(connection, "edges")
            edge_fields: list[tuple[str, str, int, Unwrap | None]] = []
            for edge_key, edge_details in compiler.subfields(edge_type, field_details).items():
                edge_name = edge_details[0].node.name.value
                if edge_name == "node":
                    node_type = _item(edge_type, "node")
                    projection, unwrap = compiler.object(node_type, var, edge_details)
                    edge_fields.append((edge_key, edge_name, len(parts), unwrap))
                    parts.append(projection)
                else:
                    edge_fields.append((edge_key, edge_name, -1, None))
            edges.append((key, edge_fields))
        elif name == "pageInfo":
            info_type = _item(connection, "pageInfo")
            info_fields = [
                (info_key, info_details[0].node.name.value)
                for info_key, info_details in compiler.subfields(info_type, field_details).items()
            ]
            page_infos.append((key, info_fields))
        elif name not in ("totalCount", "__typename"):
            raise Refused(f"ProcedureConnection.{name}")
    projection = "[" + ", ".join(parts) + "]"
    row, acts = compiler.fresh(), compiler.fresh()
    every = " + ".join(f"{row}[{index}][0]" for index in range(len(parts))) or "[]"
    in_force = acts_in_force(f"reduce({acts} = [], {row} IN page | {acts} + {every})")
    statement = filter_text + (
        PAGE.replace("_v_", var).replace("_projection_", projection).replace("_in_force_", in_force)
    )

    edge_typename = _item(connection, "edges").name

    def answer(records: list[Record], asked: Asked) -> Any:
        record = records[0]
        if record["missing"]:
            missing = ", ".join(f"{c['kind']} {c['id']!r}" for c in record["missing"])
            raise NotFound(f"the filter names what the graph does not hold: {missing}")
        with reading(asked.as_of, record["inForce"]):
            return page(record, asked.offset)

    def page(record: Record, offset: int) -> Any:
        total: int = record["total"]
        rows: list[list[Any]] = record["page"]
        cursors = [paging.encode_cursor(CURSOR_PREFIX, offset + i) for i in range(len(rows))]
        values: dict[str, Any] = {"__typename": connection.name, "totalCount": total}
        for key, index, unwrap in nodes:
            values[key] = [unwrap(row[index]) for row in rows]
        for key, edge_fields in edges:
            made: list[dict[str, Any]] = [{} for _ in rows]
            for edge_key, edge_name, index, unwrap_ in edge_fields:
                for i, row in enumerate(rows):
                    if unwrap_ is not None:
                        made[i][edge_key] = unwrap_(row[index])
                    elif edge_name == "cursor":
                        made[i][edge_key] = cursors[i]
                    else:
                        made[i][edge_key] = edge_typename
            values[key] = made
        for key, info_fields in page_infos:
            facts: Mapping[str, Any] = {
                "__typename": "PageInfo",
                "hasNextPage": offset + len(rows) < total,
                "hasPreviousPage": offset > 0,
                "startCursor": cursors[0] if cursors else None,
                "endCursor": cursors[-1] if cursors else None,
            }
            values[key] = {info_key: facts[info_name] for info_key, info_name in info_fields}
        return {
            key: values[key if name in ("nodes", "edges", "pageInfo") else name]
            for key, name in entries
        }

    return Plan("procedures", KEEP_PLAN + statement, answer, tuple(compiler.reads))


def _object(parent: GraphQLObjectType, field: str) -> GraphQLObjectType:
    found = _named(parent.fields[field].type)
    assert isinstance(found, GraphQLObjectType)
    return found


def _item(parent: GraphQLObjectType, field: str) -> GraphQLObjectType:
    return _object(parent, field)


# A compiled statement takes seconds to plan (tens of nested subqueries). Neo4j plans a statement
# again when the graph's statistics have drifted since (after an import), and the first request
# after each import would pay for it within its timeout: the plan made first is kept instead. The
# statements start from a node found by an indexed key, which no count changes the choice of.
KEEP_PLAN = "CYPHER replan=skip "


def _root(field: str, compiler: Compiler, lookup: str, var: str, row: str, unwrap: Unwrap) -> Plan:
    """The plan of a root field of one node: `lookup` matches it as `var` by `$key`, and `row`
    returns its `row` and `inForce`. The batched statement runs the same for each `b.key` of
    `$batch`, its rows numbered `i` (`coalesce.py`)."""
    one = f" WITH {var} LIMIT 1" + row
    statement = lookup + one
    batched = (
        "UNWIND $batch AS b CALL (b) { "
        + lookup.replace("$key", "b.key")
        + one
        + " } RETURN b.i AS i, row, inForce"
    )

    def answer(records: list[Record], asked: Asked) -> Any:
        if not records:
            raise NotFound(asked.missing)
        with reading(asked.as_of, records[0]["inForce"]):
            return unwrap(records[0]["row"])

    return Plan(field, KEEP_PLAN + statement, answer, tuple(compiler.reads), KEEP_PLAN + batched)
