"""Execute a query along a plan made once per document, instead of field by field.

graphql-core completes every value through its general machinery: a resolve info, a path, type
checks and an awaitable check each time. A procedure page is ~1,500 values, and that machinery
took twice as long as the Cypher behind the page (bench/, procedure-details). A plan settles once
per operation, for each selection, which fields to read, how (a plain attribute or the field's
resolver) and how to complete each value; executing it is then a short loop over data.

Resolvers still run as they would under graphql-core (with the same `info`), so the loaders and
their batching are untouched: whatever a pass leaves waiting (an async resolver that suspends)
is awaited together with everything else waiting in that pass, one wave at a time, so the loads
of a wave still go out as one batch.

What the plan does not cover goes to graphql-core: mutations and subscriptions, documents with
directives (they depend on variables), field middleware, an abort signal, and, at run time, any
error or null where the schema forbids one. Errors, nulls and partial data are then reported
exactly as the spec says; the reads made before are repeated, except those the request's
loaders already hold.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict
from collections.abc import Callable, Generator, Iterable, Mapping
from types import CoroutineType
from typing import Any, Final

from graphql import (
    ExecutionResult,
    GraphQLAbstractType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    is_leaf_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetails, collect_fields, collect_subfields
from graphql.execution.values import get_argument_values
from graphql.language import Visitor, visit
from graphql.pyutils import AwaitableOrValue, Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.cast import get_strawberry_type_cast

# Operations planned, kept with their plans (the parser cache keeps 256 documents).
MAX_PLANS: Final = 256

FieldDetailsList = list[FieldDetails]


class Unplanned(Exception):
    """What the plan does not complete itself; graphql-core executes the operation instead."""


# ---------------------------------------------------------------------------------------------
# Shapes: how to complete a value of one output type


class _Shape:
    __slots__ = ("non_null",)

    def __init__(self, non_null: bool) -> None:
        self.non_null = non_null


class _Origin:
    """The field a composite value comes from, for the `info` of type checks."""

    __slots__ = ("definition", "nodes", "parent")

    def __init__(
        self, definition: GraphQLField, nodes: list[Any], parent: GraphQLObjectType
    ) -> None:
        self.definition = definition
        self.nodes = nodes
        self.parent = parent


class _Leaf(_Shape):
    __slots__ = ("coerce", "plain")

    def __init__(self, non_null: bool, leaf: Any) -> None:
        super().__init__(non_null)
        self.coerce: Callable[[Any], Any] = leaf.coerce_output_value
        # Values of these types come out as they are (graphql-core's coercion returns them
        # unchanged); other scalars and enums go through their coercion.
        self.plain: type | None = {"String": str, "Boolean": bool}.get(leaf.name)


class _List(_Shape):
    __slots__ = ("item",)

    def __init__(self, non_null: bool, item: _Shape) -> None:
        super().__init__(non_null)
        self.item = item


class _Object(_Shape):
    __slots__ = ("details", "fields", "origin", "type", "verdicts")

    def __init__(
        self,
        non_null: bool,
        object_type: GraphQLObjectType,
        details: Any,
        origin: _Origin | None,
    ) -> None:
        super().__init__(non_null)
        self.type = object_type
        self.details: FieldDetailsList = details
        self.origin = origin
        self.fields: tuple[_Field, ...] | None = None  # planned when first completed
        # Python class → the type's `is_type_of` verdict (Strawberry's depends on the class).
        self.verdicts: dict[type, bool] = {}


class _Abstract(_Shape):
    __slots__ = ("details", "origin", "runtime", "type")

    def __init__(
        self, non_null: bool, abstract: GraphQLAbstractType, details: Any, origin: _Origin
    ) -> None:
        super().__init__(non_null)
        self.type = abstract
        self.details: FieldDetailsList = details
        self.origin = origin
        # Python class → the object shape it completes as (Strawberry resolves by class).
        self.runtime: dict[type, _Object] = {}


def _shape(output: GraphQLOutputType, details: FieldDetailsList, origin: _Origin) -> _Shape:
    non_null = isinstance(output, GraphQLNonNull)
    named: Any = output.of_type if isinstance(output, GraphQLNonNull) else output
    if isinstance(named, GraphQLList):
        return _List(non_null, _shape(named.of_type, details, origin))
    if is_leaf_type(named):
        return _Leaf(non_null, named)
    if is_object_type(named):
        return _Object(non_null, named, details, origin)
    return _Abstract(non_null, named, details, origin)


class _Field:
    """One response key of a selection: how to read it from the source and complete it."""

    __slots__ = (
        "attribute",
        "definition",
        "details",
        "has_arguments",
        "key",
        "leaf",
        "nodes",
        "resolve",
        "shape",
        "typename",
    )

    def __init__(
        self,
        key: str,
        details: FieldDetailsList,
        definition: GraphQLField | None,
        parent: GraphQLObjectType,
    ) -> None:
        self.key = key
        self.details = details
        self.nodes = [d.node for d in details]
        self.definition = definition
        self.typename = definition is None  # `__typename`
        self.attribute: str | None = None
        self.resolve: Callable[..., Any] | None = None
        self.has_arguments = False
        self.shape: _Shape | None = None
        self.leaf: _Leaf | None = None
        if definition is None:
            return
        self.shape = _shape(definition.type, details, _Origin(definition, self.nodes, parent))
        if isinstance(self.shape, _Leaf):
            self.leaf = self.shape
        strawberry_field = (definition.extensions or {}).get("strawberry-definition")
        if (
            getattr(definition.resolve, "_is_default", False)
            and strawberry_field is not None
            and strawberry_field.is_basic_field
            and strawberry_field.default_resolver is getattr
        ):
            # What Strawberry's resolver for a field without one does: read the attribute.
            self.attribute = strawberry_field.python_name
        else:
            self.resolve = definition.resolve
            self.has_arguments = bool(definition.args or details[0].node.arguments)
            if self.resolve is None:
                raise Unplanned("a field without a resolver outside Strawberry")


# ---------------------------------------------------------------------------------------------
# Awaiting what a pass leaves waiting


class _Waiting:
    """A value a resolver has not delivered yet, and where its completion goes: `step` is the
    resolver's coroutine, started by hand and waiting for `yielded`; without a `step`,
    `yielded` is a future the resolver returned."""

    __slots__ = ("index", "path", "shape", "step", "target", "yielded")

    def __init__(
        self,
        target: dict[str, Any] | list[Any],
        index: Any,
        shape: _Shape,
        path: Path | None,
        step: Any,
        yielded: Any,
    ) -> None:
        self.target = target
        self.index = index
        self.shape = shape
        self.path = path
        self.step = step
        self.yielded = yielded

    def rest(self) -> Any:
        """What awaits the value."""
        return self.yielded if self.step is None else _resume(self.step, self.yielded)


class _Suspend:
    """Hands what a started coroutine yielded (a future it waits for) to the running task."""

    __slots__ = ("yielded",)

    def __init__(self, yielded: Any) -> None:
        self.yielded = yielded

    def __await__(self) -> Generator[Any, None, None]:
        yielded = self.yielded
        if isinstance(yielded, asyncio.Future):
            yielded._asyncio_future_blocking = True  # as `Future.__await__` yields it
        yield yielded


async def _resume(step: Any, yielded: Any) -> Any:
    """Finish a coroutine started by hand (`_start`), as `await` would have."""
    while True:
        try:
            await _Suspend(yielded)
        except BaseException as error:  # cancellation: the coroutine decides what it means
            try:
                yielded = step.throw(error)
            except StopIteration as done:
                return done.value
            continue
        try:
            yielded = step.send(None)
        except StopIteration as done:
            return done.value


def _start(awaitable: Any) -> tuple[bool, Any, Any]:
    """Run an awaitable until it first waits: (True, its value, None), or (False, the started
    coroutine or None, what it waits for). A primed loader's load never waits, so most
    resolvers finish here, within the pass."""
    if isinstance(awaitable, asyncio.Future):
        if awaitable.done():
            return True, awaitable.result(), None
        return False, None, awaitable
    step = awaitable if type(awaitable) is CoroutineType else awaitable.__await__()
    try:
        yielded = step.send(None)
    except StopIteration as done:
        return True, done.value, None
    if isinstance(yielded, asyncio.Future):
        # Taken from it as a task would: another coroutine may await the same future (a loader
        # shares one per key), and the future refuses a second await while marked.
        yielded._asyncio_future_blocking = False
    return False, step, yielded


_abandoned: set[asyncio.Task[None]] = set()


def _abandon(waiting: list[_Waiting]) -> None:
    """Cancel the coroutines a failed pass left waiting, as a task is cancelled: they may
    have cleaning up to await (a driver session to give back)."""
    for each in waiting:
        if each.step is not None:
            task = asyncio.ensure_future(_cancel(each.step, each.yielded))
            _abandoned.add(task)
            task.add_done_callback(_abandoned.discard)
    waiting.clear()


async def _cancel(step: Any, yielded: Any) -> None:
    with contextlib.suppress(BaseException):
        yielded = step.throw(asyncio.CancelledError())
        await _resume(step, yielded)


# ---------------------------------------------------------------------------------------------
# Plans, per operation


class _HasDirectives(Visitor):
    found = False

    def enter_directive(self, *_: Any) -> None:
        self.found = True


def _plannable(operation: OperationDefinitionNode, fragments: Iterable[Any]) -> bool:
    if operation.operation is not OperationType.QUERY:
        return False
    finder = _HasDirectives()
    for node in (operation, *(f.definition for f in fragments)):
        if getattr(node, "variable_definitions", None) and node is not operation:
            return False  # fragment arguments
        visit(node, finder)
    return not finder.found


class _Plan:
    __slots__ = ("operation", "root", "schema")

    def __init__(
        self, schema: GraphQLSchema, operation: OperationDefinitionNode, root: _Object | None
    ) -> None:
        # Kept so that their ids, which key the plan, cannot be reused by others.
        self.schema = schema
        self.operation = operation
        self.root = root  # None: not plannable


# (schema, operation) → its plan. Keyed by both: the parser cache may give two schemas the same
# parsed document, and a plan holds one schema's types.
_plans: OrderedDict[tuple[int, int], _Plan] = OrderedDict()


class PlannedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor, which first tries the operation's plan (see the module)."""

    executed_as: str = "standard"
    """How this operation ran: `planned`, `standard`, or `fallback` (planned, then re-run)."""

    def execute_operation(self, serially: bool | None = None) -> AwaitableOrValue[Any]:
        plan = self._plan() if serially is None else None
        if plan is None or plan.root is None:
            self._tell("standard")
            return super().execute_operation(serially)
        return self._execute_planned(plan.root)

    def _plan(self) -> _Plan | None:
        if self.abort_signal is not None or (
            self.middleware_manager is not None and self.middleware_manager.middlewares
        ):
            return None
        operation, schema = self.operation, self.schema
        key = (id(schema), id(operation))
        plan = _plans.get(key)
        if plan is not None and plan.operation is operation and plan.schema is schema:
            _plans.move_to_end(key)
            return plan
        root: _Object | None = None
        root_type = schema.get_root_type(operation.operation)
        if root_type is not None and _plannable(operation, self.fragments.values()):
            root = _Object(True, root_type, [], None)
            collected = collect_fields(
                self.schema,
                self.fragments,
                self.variable_values,
                root_type,
                operation,
                self.hide_suggestions,
            )
            try:
                root.fields = self._fields_of(root_type, collected.grouped_field_set)
            except Unplanned:
                root = None
        plan = _plans[key] = _Plan(schema, operation, root)
        if len(_plans) > MAX_PLANS:
            _plans.popitem(last=False)
        return plan

    def _fields_of(
        self, object_type: GraphQLObjectType, grouped: Mapping[str, FieldDetailsList]
    ) -> tuple[_Field, ...]:
        fields = []
        for key, details in grouped.items():
            name = details[0].node.name.value
            definition = None if name == "__typename" else self.schema.get_field(object_type, name)
            if definition is None and name != "__typename":
                continue  # graphql-core leaves an unknown field out (validation refuses it)
            fields.append(_Field(key, details, definition, object_type))
        return tuple(fields)

    def _planned_fields(self, shape: _Object) -> tuple[_Field, ...]:
        fields = shape.fields
        if fields is None:
            collected = collect_subfields(
                self.schema,
                self.fragments,
                self.variable_values,
                self.operation,
                shape.type,
                shape.details,
                self.hide_suggestions,
            )
            fields = shape.fields = self._fields_of(shape.type, collected.grouped_field_set)
        return fields

    # -----------------------------------------------------------------------------------------
    # Executing

    async def _execute_planned(self, root: _Object) -> ExecutionResult:
        waiting: list[_Waiting] = []
        try:
            data = self._complete_object(root, self.root_value, None, waiting)
            await self._settle(waiting)
        except Exception:
            # Errors are graphql-core's to report, with their paths and the nulls they cause.
            _abandon(waiting)
            self._tell("fallback")
            result = super().execute_operation()
            if self.is_awaitable(result):
                return await result  # type: ignore[no-any-return]
            return result  # type: ignore[return-value]
        self._tell("planned")
        return self.finish(self.build_response(data))  # type: ignore[return-value]

    def _tell(self, how: str) -> None:
        """Note how the operation ran on a context that asks (`executed_as`)."""
        self.executed_as = how
        if hasattr(self.context_value, "executed_as"):
            self.context_value.executed_as = how

    async def _settle(self, waiting: list[_Waiting]) -> None:
        """Await each wave of waiting values together, and complete them (which may leave a
        next wave)."""
        while waiting:
            wave = list(waiting)
            waiting.clear()
            tasks = [asyncio.ensure_future(each.rest()) for each in wave]
            try:
                values = await asyncio.gather(*tasks)
            except BaseException:
                for task in tasks:
                    task.cancel()
                raise
            for each, value in zip(wave, values, strict=True):
                each.target[each.index] = self._complete(each.shape, value, each.path, waiting)

    def _complete(
        self, shape: _Shape, value: Any, path: Path | None, waiting: list[_Waiting]
    ) -> Any:
        if value is None:
            if shape.non_null:
                raise Unplanned("null where the schema forbids it")
            return None
        kind = type(shape)
        if kind is _Leaf:
            leaf: _Leaf = shape  # type: ignore[assignment]
            if type(value) is leaf.plain:
                return value
            if isinstance(value, Exception):
                raise value
            coerced = leaf.coerce(value)
            if coerced is None or coerced is Undefined:
                raise Unplanned("a leaf value its type cannot coerce")
            return coerced
        if isinstance(value, Exception):
            raise value
        if kind is _Object:
            return self._complete_object(shape, value, path, waiting)  # type: ignore[arg-type]
        if kind is _List:
            if type(value) is not list and (
                isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable)
            ):
                raise Unplanned("a list field that returned no list")
            item = shape.item  # type: ignore[attr-defined]
            if type(item) is _Leaf:
                plain = item.plain
                return [
                    v if type(v) is plain else self._complete(item, v, path, waiting) for v in value
                ]
            return [
                self._complete(item, v, Path(path, index, None), waiting)
                for index, v in enumerate(value)
            ]
        assert isinstance(shape, _Abstract)
        return self._complete_object(self._runtime(shape, value, path), value, path, waiting)

    def _runtime(self, shape: _Abstract, value: Any, path: Path | None) -> _Object:
        cls = type(value)
        found = shape.runtime.get(cls)
        if found is not None and get_strawberry_type_cast(value) is None:
            return found
        abstract, origin = shape.type, shape.origin
        assert path is not None  # an abstract value is a field's
        resolve_type = abstract.resolve_type or self.type_resolver
        info = self.build_resolve_info(origin.definition, origin.nodes, origin.parent, path)
        name = resolve_type(value, info, abstract)
        runtime = self.schema.get_type(name) if isinstance(name, str) else None
        if not isinstance(runtime, GraphQLObjectType) or not self.schema.is_sub_type(
            abstract, runtime
        ):
            raise Unplanned("an abstract value of no possible type")
        found = _Object(False, runtime, shape.details, origin)
        if get_strawberry_type_cast(value) is None:
            shape.runtime[cls] = found
        return found

    def _complete_object(
        self, shape: _Object, source: Any, path: Path | None, waiting: list[_Waiting]
    ) -> dict[str, Any]:
        object_type = shape.type
        is_type_of = object_type.is_type_of
        if is_type_of is not None:
            verdict = shape.verdicts.get(type(source))
            if verdict is None or get_strawberry_type_cast(source) is not None:
                origin = shape.origin
                if origin is None or path is None:
                    raise Unplanned("a root type with a type check")
                info = self.build_resolve_info(origin.definition, origin.nodes, origin.parent, path)
                verdict = bool(is_type_of(source, info))
                if get_strawberry_type_cast(source) is None:
                    shape.verdicts[type(source)] = verdict
            if not verdict:
                raise Unplanned("a value not of the object type")
        fields = shape.fields or self._planned_fields(shape)
        type_name = object_type.name
        data: dict[str, Any] = {}
        for field in fields:
            key = field.key
            attribute = field.attribute
            if attribute is not None:
                value = getattr(source, attribute)
                leaf = field.leaf
                if leaf is not None and type(value) is leaf.plain:
                    data[key] = value
                elif leaf is not None:
                    data[key] = self._complete(leaf, value, path, waiting)
                else:
                    shape_ = field.shape
                    assert shape_ is not None
                    data[key] = self._complete(shape_, value, Path(path, key, type_name), waiting)
                continue
            if field.typename:
                data[key] = type_name
                continue
            definition = field.definition
            shape_ = field.shape
            assert definition is not None
            assert shape_ is not None
            assert field.resolve is not None
            field_path = Path(path, key, type_name)
            info = self.build_resolve_info(definition, field.nodes, object_type, field_path)
            arguments = (
                get_argument_values(
                    definition,
                    field.nodes[0],
                    self.variable_values,
                    field.details[0].fragment_variable_values,
                    self.hide_suggestions,
                )
                if field.has_arguments
                else {}
            )
            result = field.resolve(source, info, **arguments)
            if self.is_awaitable(result):
                done, result, yielded = _start(result)
                if not done:
                    data[key] = None  # in its place until the wave it waits in is settled
                    waiting.append(_Waiting(data, key, shape_, field_path, result, yielded))
                    continue
            data[key] = self._complete(shape_, result, field_path, waiting)
        return data
