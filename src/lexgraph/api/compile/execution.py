"""graphql-core's executor, answering the root fields the compiler covers with one statement each.

Parsing, validation and the schema stay Strawberry's and graphql-core's. A query's root field the
compiler covers (`roots.py`) runs as its compiled statement, whose rows are already shaped like
the response: the value is unwrapped, not resolved. A root field is compiled once per shape of
request and its plan kept (`plans.py`); each request checks its arguments and binds its values.
Any other root field, and one whose selection asks what the compiler does not cover (`Refused`),
or whose row holds what the schema does not allow where it stands (`Unanswerable`), is answered
by the resolvers as before, and noted on the request context (`fallbacks`), which `/metrics`
counts by field. Errors are reported as the resolvers report them: the same `UserError`, located
at the same field and path.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, NamedTuple

from graphql import GraphQLField, GraphQLObjectType, OperationType
from graphql.execution.executor import to_nodes
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.arguments import convert_arguments

from lexgraph.api import paging
from lexgraph.api.compile import plans, roots
from lexgraph.api.compile.project import Compiler, FieldDetailsList, Refused, Unanswerable
from lexgraph.api.procedures import CURSOR_PREFIX, _Translation
from lexgraph.graph.reads import procedures as reads
from lexgraph.graph.validity import today

Ask = Callable[..., Awaitable[tuple[Hashable, roots.Asked]]]
Compile = Callable[[Compiler, GraphQLObjectType, FieldDetailsList, Any], roots.Plan]


class Root(NamedTuple):
    """A root field the compiler answers: `ask` checks one request's arguments and gives its
    values with the shape they decide (`roots.Asked`), `compile` the plan of a shape."""

    ask: Ask
    compile: Compile


# Neo4j plans a statement the first time it sees its text, inside the transaction, and a page's
# statement (tens of nested subqueries) takes seconds to plan on a busy machine, more than a
# request may take once planned. The statements this process has run are remembered (as many as
# Neo4j's query cache keeps by default); a statement's first run may take this long.
FIRST_RUN_TIMEOUT_S = 60.0
PLANS_REMEMBERED = 1000
_planned: OrderedDict[str, None] = OrderedDict()
# The requests running statements new to this process (being planned) now, by the id of their
# context, with how many each runs. Planning is costly and the selections a client may send are
# many: while one request's new statements are planned, another request's new statement is
# answered by the resolvers, whose statements are few and planned long ago, so a stream of novel
# selections cannot keep Neo4j planning for everyone at once. (The root fields of one request run
# side by side and share its turn.)
_first_runs: dict[int, int] = {}


def first_run_timeout(query_timeout_s: float) -> float:
    """How long a compiled statement's first run in this process may take."""
    return max(query_timeout_s, FIRST_RUN_TIMEOUT_S)


class CompiledExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Root fields of queries through the compiler where it covers them (see the module)."""

    keep_plans = True
    """Whether plans are kept (`plans.py`); else each request compiles its own (measured so)."""

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        name = field_details_list[0].node.name.value
        if (
            path.prev is not None
            or self.operation.operation is not OperationType.QUERY
            or name.startswith("__")
        ):
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        root = _ROOTS.get(name)
        if root is None:
            self._note(name, f"Query.{name}")
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        return self._compiled(root, parent_type, source, field_details_list, path, position_context)

    async def _compiled(
        self,
        root: Root,
        parent_type: GraphQLObjectType,
        source: Any,
        details: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        name = details[0].node.name.value
        definition = parent_type.fields[name]
        context = self.context_value
        try:
            arguments = self._arguments(definition, details)
            as_of: dt.date = arguments.get("as_of") or today()
            shape, asked = await root.ask(self, parent_type, details, path, arguments, as_of)
            plan = self._plan(root, parent_type, details, str(path.key), shape)
            compiled = plan.bind(self, asked)
            if context.executed_as is None:
                context.executed_as = "compiled"
            # Built only from the compiler's table and generated names (`project.py`).
            batched = compiled.batched is not None and context.coalescer is not None
            statement = compiled.batched if batched else compiled.statement
            assert statement is not None
            first_run = statement not in _planned
            if first_run and _first_runs and id(context) not in _first_runs:
                raise Refused("a new statement while another request's is planned")
            if first_run:
                _first_run_starts(context)
            timeout_s = context.settings.lexgraph_query_timeout_s
            if first_run:
                timeout_s = first_run_timeout(timeout_s)
            try:
                if batched:
                    context.round_trips.append(f"COMPILED[{name}]")
                    shared = {k: v for k, v in compiled.parameters.items() if k != "key"}
                    records = await context.coalescer.read(
                        statement,
                        compiled.parameters["key"],
                        shared,
                        timeout_s=timeout_s,
                        bookmarks=context.bookmarks,
                    )
                else:
                    records = await context.read(
                        f"COMPILED[{name}]", statement, compiled.parameters, timeout_s=timeout_s
                    )
            finally:
                if first_run:
                    _first_run_ends(context)
            if first_run:
                _planned[statement] = None
                if len(_planned) > PLANS_REMEMBERED:
                    _planned.popitem(last=False)
            value = compiled.unwrap(records)
        except (Refused, Unanswerable) as uncovered:
            # A refusal names a schema field; a value, never (it is the graph's data).
            why = uncovered.field if isinstance(uncovered, Refused) else "a value out of its type"
            self._note(name, why)
            resolved = super().execute_field(parent_type, source, details, path, position_context)
            if self.is_awaitable(resolved):
                resolved = await resolved
            return None if resolved is Undefined else resolved
        except Exception as error:
            self.handle_field_error(error, definition.type, details, path)
            return None
        return value

    def _plan(
        self,
        root: Root,
        parent_type: GraphQLObjectType,
        details: FieldDetailsList,
        response_key: str,
        shape: Hashable,
    ) -> roots.Plan:
        """The plan of this root field's shape, kept or compiled now (a shape the compiler
        refuses is remembered as refused)."""
        key = plans.key(self, response_key, shape) if self.keep_plans else None
        found = plans.plans.get(key) if key is not None else None
        if found is None:
            try:
                found = root.compile(Compiler(self), parent_type, details, shape)
            except Refused as refused:
                found = refused
            if key is not None:
                plans.plans.put(key, found)
        if isinstance(found, Refused):
            raise Refused(found.field)
        assert isinstance(found, roots.Plan)
        return found

    def _arguments(self, definition: GraphQLField, details: FieldDetailsList) -> dict[str, Any]:
        """The field's arguments as its resolver receives them (Strawberry's input types)."""
        first = details[0]
        raw = get_argument_values(
            definition,
            first.node,
            self.variable_values,
            first.fragment_variable_values,
            self.hide_suggestions,
        )
        strawberry_field = definition.extensions["strawberry-definition"]
        strawberry_schema = self.schema._strawberry_schema  # type: ignore[attr-defined]
        return convert_arguments(
            raw,
            strawberry_field.arguments,
            scalar_registry=strawberry_schema.schema_converter.scalar_registry,
            config=strawberry_schema.config,
        )

    def _note(self, field: str, uncovered: str) -> None:
        context = self.context_value
        fallbacks = getattr(context, "fallbacks", None)
        if fallbacks is not None:
            fallbacks.append((field, uncovered))
            context.executed_as = "resolvers"


def _first_run_starts(context: Any) -> None:
    """The request runs one more statement new to this process (`_first_runs`)."""
    _first_runs[id(context)] = _first_runs.get(id(context), 0) + 1


def _first_run_ends(context: Any) -> None:
    turn = id(context)
    _first_runs[turn] -= 1
    if not _first_runs[turn]:
        del _first_runs[turn]


async def _ask_procedure(
    executor: CompiledExecutionContext,
    root: GraphQLObjectType,
    details: FieldDetailsList,
    path: Path,
    arguments: dict[str, Any],
    as_of: dt.date,
) -> tuple[Hashable, roots.Asked]:
    return (), roots.procedure_asked(arguments["number"], as_of)


def _compile_procedure(
    compiler: Compiler, root: GraphQLObjectType, details: FieldDetailsList, shape: Any
) -> roots.Plan:
    return roots.procedure(compiler, root, details)


async def _ask_legal_act(
    executor: CompiledExecutionContext,
    root: GraphQLObjectType,
    details: FieldDetailsList,
    path: Path,
    arguments: dict[str, Any],
    as_of: dt.date,
) -> tuple[Hashable, roots.Asked]:
    keys = {"id": arguments.get("id"), "registerNumber": arguments.get("register_number")}
    return roots.legal_act_asked(keys, as_of)


async def _ask_procedures(
    executor: CompiledExecutionContext,
    root: GraphQLObjectType,
    details: FieldDetailsList,
    path: Path,
    arguments: dict[str, Any],
    as_of: dt.date,
) -> tuple[Hashable, roots.Asked]:
    definition = root.fields["procedures"]
    info = executor.build_resolve_info(definition, to_nodes(details), root, path)
    largest = paging.largest_page(info)  # type: ignore[arg-type]
    first: int = arguments.get("first", 20)
    paging.check_first(first, largest)
    after: str | None = arguments.get("after")
    if after is not None:
        paging.decode_cursor(CURSOR_PREFIX, after)
    translation = _Translation(info)  # type: ignore[arg-type]
    given = arguments.get("filter")
    tree = await translation.tree(given) if given is not None else reads.All(())
    return roots.procedures_asked(tree, translation.checks, first, after, largest, as_of)


_ROOTS: dict[str, Root] = {
    "procedure": Root(_ask_procedure, _compile_procedure),
    "legalAct": Root(_ask_legal_act, roots.legal_act),
    "procedures": Root(_ask_procedures, roots.procedures),
}
