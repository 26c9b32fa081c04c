"""The root fields the compiler answers, each as one statement: what it looks up, and the
selection below it projected (`project.py`).

Each returns a `CompiledRoot`: the statement, its parameters and `unwrap`, which turns the one
record the statement returns into the field's value, or raises the `UserError` the resolver
would (no procedure of that number, a filter naming what the graph does not hold). Arguments are
checked as the resolvers check them (`paging`, the filter's translation, `procedures.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLObjectType
from neo4j import Record

from lexgraph.api import paging
from lexgraph.api.compile.project import Compiler, FieldDetailsList, Refused, Unwrap, _named
from lexgraph.api.errors import NotFound
from lexgraph.api.procedures import CURSOR_PREFIX
from lexgraph.graph.reads import procedures as reads
from lexgraph.graph.validity import acts_in_force


@dataclass(frozen=True, slots=True)
class CompiledRoot:
    """One root field as one statement: run `statement` with `parameters`, then `unwrap` its
    records into the field's value."""

    field: str
    statement: str
    parameters: dict[str, Any]
    unwrap: Callable[[list[Record]], Any]


def procedure(
    compiler: Compiler, root: GraphQLObjectType, details: FieldDetailsList, number: str
) -> CompiledRoot:
    """`procedure(number:, asOf:)`: the procedure of that number, as the page asks it."""
    var = compiler.fresh()
    projection, unwrap = compiler.object(_object(root, "procedure"), var, details)
    number_parameter = compiler.parameter(number.strip())
    lookup = f"MATCH ({var}:Procedure {{number: {number_parameter}}}) WITH {var} LIMIT 1"
    statement = lookup + _ROW.replace("_projection_", projection)

    def answer(records: list[Record]) -> Any:
        if not records:
            raise NotFound(f"no procedure numbered {number!r}")
        compiler.in_force = set(records[0]["inForce"])
        return unwrap(records[0]["row"])

    return _root("procedure", compiler, statement, answer)


def legal_act(
    compiler: Compiler, root: GraphQLObjectType, details: FieldDetailsList, arguments: Any
) -> CompiledRoot:
    """`legalAct(id:)` or `legalAct(registerNumber:)`; the lookup by kind and number goes to
    the resolver."""
    var = compiler.fresh()
    projection, unwrap = compiler.object(_object(root, "legalAct"), var, details)
    act_id, register = arguments.get("id"), arguments.get("registerNumber")
    if act_id is not None:
        key = compiler.parameter(act_id)
        lookup = f"MATCH ({var}:LegalAct {{id: {key}}})"
        missing = f"no legal act with id {act_id!r}"
    elif register is not None:
        key = compiler.parameter(register)
        lookup = f"MATCH ({var}:LegalAct {{registerNumber: {key}}})"
        missing = f"no legal act with register number {register!r}"
    else:
        raise Refused("Query.legalAct(kind, number)")
    statement = f"{lookup} WITH {var} LIMIT 1" + _ROW.replace("_projection_", projection)

    def answer(records: list[Record]) -> Any:
        if not records:
            raise NotFound(missing)
        compiler.in_force = set(records[0]["inForce"])
        return unwrap(records[0]["row"])

    return _root("legalAct", compiler, statement, answer)


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


def procedures(
    compiler: Compiler,
    root: GraphQLObjectType,
    details: FieldDetailsList,
    tree: reads.Filter,
    checks: list[reads.Check],
    first: int,
    after: str | None,
    largest_page: int,
) -> CompiledRoot:
    """`procedures(filter:, first:, after:, asOf:)`: the page and its count, as
    `find_procedures` answers them, the procedures projected as the selection asks."""
    paging.check_first(first, largest_page)
    offset = paging.decode_cursor(CURSOR_PREFIX, after) + 1 if after is not None else 0
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
    compiled = reads.compile_filter(tree)
    filter_text = compiled.preludes + compiled.rows + compiled.predicate
    compiler.parameters |= compiled.parameters  # `f0` …, apart from the projection's `a0` …
    compiler.parameters |= {
        "offset": offset,
        "limit": first,
        "checks": [{"id": c.id, "kind": c.kind} for c in checks],
    }
    projection = "[" + ", ".join(parts) + "]"
    row, acts = compiler.fresh(), compiler.fresh()
    every = " + ".join(f"{row}[{index}][0]" for index in range(len(parts))) or "[]"
    in_force = acts_in_force(f"reduce({acts} = [], {row} IN page | {acts} + {every})")
    statement = filter_text + (
        PAGE.replace("_v_", var).replace("_projection_", projection).replace("_in_force_", in_force)
    )

    def answer(records: list[Record]) -> Any:
        record = records[0]
        if record["missing"]:
            missing = ", ".join(f"{c['kind']} {c['id']!r}" for c in record["missing"])
            raise NotFound(f"the filter names what the graph does not hold: {missing}")
        compiler.in_force = set(record["inForce"])
        total: int = record["total"]
        rows: list[list[Any]] = record["page"]
        cursors = [paging.encode_cursor(CURSOR_PREFIX, offset + i) for i in range(len(rows))]
        values: dict[str, Any] = {"__typename": connection.name, "totalCount": total}
        edge_type = _item(connection, "edges").name
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
                        made[i][edge_key] = edge_type
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

    return _root("procedures", compiler, statement, answer)


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


def _root(
    field: str, compiler: Compiler, statement: str, answer: Callable[[list[Record]], Any]
) -> CompiledRoot:
    compiler.parameters["asOf"] = compiler.as_of
    return CompiledRoot(field, KEEP_PLAN + statement, compiler.parameters, answer)


def as_of_of(arguments: Mapping[str, Any], today: dt.date) -> dt.date:
    value = arguments.get("asOf")
    return value if isinstance(value, dt.date) else today
