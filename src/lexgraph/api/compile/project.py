"""A selection set → one Cypher expression projecting exactly what it asks, and how to unwrap it.

An object is projected as a Cypher list, one element per selected field that needs the graph, in
selection order; its `Unwrap` turns that list into the response's map (response keys, leaf values
serialized as the schema's types serialize them, `__typename` filled in). Relationship fields are
`COLLECT { … }` subqueries (the first item for a field of one object), ordered and filtered as of
`$asOf` as the table says (`table.py`); a union or interface value carries its node's label
first, which picks the type it completes as.

What the table does not hold is refused (`Refused`, naming the type and field): the caller then
answers the root field through the resolvers. Nothing of the request's text enters the Cypher:
fragments come from the table, variable and parameter names are generated, values are parameters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, NamedTuple, Protocol

from graphql import (
    FieldNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    OperationDefinitionNode,
    is_abstract_type,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetails, collect_subfields
from graphql.execution.values import get_argument_values
from neo4j.time import Date
from strawberry.relay.utils import to_base64

from lexgraph.api import nodes
from lexgraph.api.compile import table
from lexgraph.graph.validity import ActValidity, all_stated_by_acts_in_force

Convert = Callable[[Any], Any]
FieldDetailsList = list[FieldDetails]

# Variables and parameters a statement may name: generated, never taken from a request.
MAX_VARIABLES = 400


class Refused(Exception):
    """The selection asks what the compiler does not cover: `field` (`Type.field`) names it."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


class Unanswerable(Exception):
    """A value the compiled row holds that the schema does not allow where it stands (a null
    where it forbids one, a stored string no enum value names): the resolvers answer instead."""


class Operation(Protocol):
    """What the compiler reads of an executing operation (graphql-core's executor has it)."""

    schema: GraphQLSchema
    fragments: Any
    variable_values: Any
    operation: OperationDefinitionNode
    hide_suggestions: bool


@dataclasses.dataclass(frozen=True, slots=True)
class Reading:
    """What one request's unwrap reads besides its rows: the day asked, and the acts in force on
    it among those the statement read (its `inForce` column)."""

    as_of: dt.date
    in_force: frozenset[str | None]
    """Those acts, and None (an item no act states holds by its own interval): an item holds
    when this set holds every act its list names (`Compiler.keep`)."""


# A compiled selection is kept and shared by every request of the same shape (`plans.py`): what
# differs from one request to the next reaches its unwrap here, set around each unwrap.
_reading: ContextVar[Reading] = ContextVar("lexgraph_compiled_reading")


@contextmanager
def reading(day: dt.date, in_force: list[str]) -> Iterator[None]:
    """Unwrap rows inside this block as read on `day`, `in_force` the acts in force then."""
    token = _reading.set(Reading(day, frozenset([None, *in_force])))
    try:
        yield
    finally:
        _reading.reset(token)


class ArgumentRead(NamedTuple):
    """A parameter read from a field's argument, anew for every request: `definition` and `node`
    say where (the node's argument may name a variable), `argument` which one."""

    parameter: str
    definition: GraphQLField
    node: FieldNode
    argument: str


class Unwrap:
    """How one object's row becomes its map: for each response key, the row's element and its
    conversion, or a constant (`__typename`)."""

    __slots__ = ("entries",)

    def __init__(self, entries: list[tuple[str, int, Any]]) -> None:
        self.entries = tuple(entries)  # (key, index or -1 for a constant, convert or constant)

    def __call__(self, row: list[Any]) -> dict[str, Any]:
        return {
            key: (convert(row[index]) if index >= 0 else convert)
            for key, index, convert in self.entries
        }


_PLACEHOLDER = re.compile(r"\b_([vecmrpt])_\b")


class Compiler:
    """Compiles the selections of one root field; `parameters` gathers the values it names."""

    def __init__(self, operation: Operation) -> None:
        self.op = operation
        self.reads: list[ArgumentRead] = []
        """The parameters taken from arguments below the root, read for each request
        (`arguments_of`); the root's own are the root field's (`roots.py`)."""
        self._count = 0
        self._kinds: dict[str, str] = {}

    # -- names ---------------------------------------------------------------------------------

    def fresh(self) -> str:
        self._count += 1
        if self._count > MAX_VARIABLES:
            raise Refused("the selection is too large to compile")
        return f"x{self._count}"

    def fill(self, fragment: str, names: dict[str, str]) -> str:
        """The table's fragment with its placeholders renamed (`_v_` → `names['v']` …), fresh
        names for those `names` does not give yet (added to it)."""
        given = names

        def rename(found: re.Match[str]) -> str:
            letter = found.group(1)
            if letter not in given:
                given[letter] = self.fresh()
            return given[letter]

        return _PLACEHOLDER.sub(rename, fragment)

    def argument(self, definition: GraphQLField, details: FieldDetailsList, argument: str) -> str:
        """A parameter of its own for a field's argument, its value read per request."""
        if details[0].fragment_variable_values is not None:
            raise Refused("fragment variables")
        name = f"a{len(self.reads)}"
        self.reads.append(ArgumentRead(name, definition, details[0].node, argument))
        return "$" + name

    # -- selections ----------------------------------------------------------------------------

    def subfields(
        self, object_type: GraphQLObjectType, details: FieldDetailsList
    ) -> Mapping[str, FieldDetailsList]:
        op = self.op
        collected = collect_subfields(
            op.schema,
            op.fragments,
            op.variable_values,
            op.operation,
            object_type,
            details,
            op.hide_suggestions,
        )
        if collected.new_defer_usages:
            raise Refused("@defer")
        return collected.grouped_field_set

    def object(
        self, object_type: GraphQLObjectType, var: str, details: FieldDetailsList
    ) -> tuple[str, Unwrap]:
        """The Cypher list projecting the fields selected on the node bound to `var`, and its
        unwrap. The list starts with the acts stating what its relationship fields read, below
        it at any depth (`with_acts`), then holds one element per field."""
        type_name = object_type.name
        parts: list[str] = []
        entries: list[tuple[str, int, Any]] = []
        below: list[tuple[str, int]] = []
        for key, field_details in self.subfields(object_type, details).items():
            name = field_details[0].node.name.value
            if name == "__typename":
                entries.append((key, -1, type_name))
                continue
            definition = object_type.fields[name]
            expression, convert = self.field(object_type, var, name, definition, field_details)
            kind = self._kinds.pop(expression, None)
            if kind is not None:
                below.append((kind, len(parts)))
            entries.append((key, len(parts) + 1, convert))
            parts.append(expression)
        return self.with_acts(parts, below), Unwrap(entries)

    def with_acts(self, parts: list[str], below: list[tuple[str, int]]) -> str:
        """`[acts, part…]`: the acts the parts at `below` read (a relationship's `[items, acts]`,
        `relation`; an object's `[acts, …]`, `object`; or one that may be null)."""
        if not below:
            return "[[]" + "".join(", " + part for part in parts) + "]"
        o = self.fresh()
        acts = " + ".join(
            f"{o}[{index}][1]"
            if kind == "relation"
            else f"{o}[{index}][0]"
            if kind == "object"
            else f"coalesce({o}[{index}][0], [])"
            for kind, index in below
        )
        return f"[{o} IN [[{', '.join(parts)}]] | [{acts}] + {o}][0]"

    def note(self, expression: str, kind: str) -> str:
        """Mark `expression` as carrying acts (`relation`, `object`, `maybe`) for `object`."""
        self._kinds[expression] = kind
        return expression

    def field(
        self,
        object_type: GraphQLObjectType,
        var: str,
        name: str,
        definition: GraphQLField,
        details: FieldDetailsList,
    ) -> tuple[str, Convert]:
        type_name = object_type.name
        key = (type_name, name)
        output = definition.type
        if details[0].node.arguments and key not in table.CITATIONS:
            raise Refused(f"{type_name}.{name}")
        if type_name == "Citation":
            raise Refused(f"{type_name}.{name}")  # compiled by `citation`
        if name == "id" and type_name in nodes.NODE_TYPES:
            return var + ".id", _non_null(lambda value: to_base64(type_name, value))
        if name == "graphId" and type_name in nodes.NODE_TYPES:
            return f"coalesce({var}.currentId, {var}.id)", _non_null(str)
        if name == "provenance" and type_name in nodes.NODE_TYPES:
            return self.provenance(var, output, details)
        if name in ("validFrom", "validTo") and _is_stated(type_name):
            return f"{var}.{name}", _day
        special = _SPECIAL.get(key)
        if special is not None:
            return special(self, var, output, details)
        relation = table.RELATIONS.get(key)
        if relation is not None:
            return self.relation(relation, var, output, details)
        if name == "sources" and type_name in table.SOURCES:
            return self.sources(table.SOURCES[type_name], var)
        citations = table.CITATIONS.get(key)
        if citations is not None:
            return self.citations(citations, var, definition, output, details)
        plain = _properties(type_name).get(name)
        if plain is not None:
            prop, wants_list, default, parse = plain
            if parse is not None and isinstance(_named(output), GraphQLObjectType):
                return f"{var}.{prop}", self.parsed(output, wants_list, default, parse, details)
            return f"{var}.{prop}", _property(output, wants_list, default)
        raise Refused(f"{type_name}.{name}")

    def parsed(
        self,
        output: GraphQLOutputType,
        wants_list: bool,
        default: Any,
        parse: Convert,
        details: FieldDetailsList,
    ) -> Convert:
        """A stored property read as an object of its own (a validity period from its stored
        `"{amount} {unit}"`), parsed as the resolvers' `from_map` parses it, then projected."""
        named = _named(output)
        assert isinstance(named, GraphQLObjectType)
        attributes: list[str] = []
        entries: list[tuple[str, int, Any]] = []
        for key, field_details in self.subfields(named, details).items():
            name = field_details[0].node.name.value
            if name == "__typename":
                entries.append((key, -1, named.name))
                continue
            entries.append((key, len(attributes), _property(named.fields[name].type, False, None)))
            attributes.append(name)
        unwrap = Unwrap(entries)

        def one(value: Any) -> dict[str, Any]:
            parsed = parse(value)
            return unwrap([_stored(getattr(parsed, attribute)) for attribute in attributes])

        def convert(value: Any) -> Any:
            if value is None:
                value = list(default) if isinstance(default, list) else default
                if value is None:
                    if isinstance(output, GraphQLNonNull):
                        raise Unanswerable("null")
                    return None
            fitted = nodes._fit(nodes._plain(value), wants_list=wants_list)
            return [one(item) for item in fitted] if wants_list else one(fitted)

        return convert

    # -- the parts -----------------------------------------------------------------------------

    def provenance(
        self, var: str, output: GraphQLOutputType, details: FieldDetailsList
    ) -> tuple[str, Convert]:
        provenance = _named(output)
        assert isinstance(provenance, GraphQLObjectType)
        parts: list[str] = []
        entries: list[tuple[str, int, Any]] = []
        for key, field_details in self.subfields(provenance, details).items():
            name = field_details[0].node.name.value
            if name == "__typename":
                entries.append((key, -1, provenance.name))
                continue
            prop = _PROVENANCE.get(name)
            if prop is None:
                raise Refused(f"Provenance.{name}")
            leaf = provenance.fields[name].type
            entries.append((key, len(parts), _property(leaf, False, None)))
            parts.append(f"{var}.{prop}")
        unwrap = Unwrap(entries)
        expression = (
            f"CASE WHEN {var}.sourceDocument IS NULL OR {var}.sourceDocument = '' THEN null"
            f" ELSE [{', '.join(parts)}] END"
        )
        return expression, _nullable(unwrap)

    def reached(
        self, output: GraphQLOutputType, var: str, details: FieldDetailsList
    ) -> tuple[str, Convert, str | None]:
        """The projection of the node bound to `var` as the field's type: an object type's list,
        or, for a union or an interface, the node's label and its type's list (None when the
        label is no type of it); and the label the type requires (None: any)."""
        named = _named(output)
        if isinstance(named, GraphQLObjectType):
            expression, unwrap = self.object(named, var, details)
            return expression, unwrap, named.name
        if not is_abstract_type(named):
            raise Refused(f"{named}")
        branches: list[str] = []
        by_label: dict[str, Unwrap] = {}
        grouped: dict[str, list[str]] = {}
        for possible in self.op.schema.get_possible_types(named):
            if possible.name not in table.NODE_LABELS:
                raise Refused(f"{named}: {possible.name}")
            expression, unwrap = self.object(possible, var, details)
            by_label[possible.name] = unwrap
            grouped.setdefault(expression, []).append(possible.name)
        for expression, labels in grouped.items():
            listed = ", ".join("'" + label + "'" for label in labels)
            u = self.fresh()
            branches.append(
                f"WHEN head(labels({var})) IN [{listed}] THEN"
                f" [{u} IN [{expression}] | [{u}[0], head(labels({var}))] + {u}[1..]][0]"
            )

        def convert(value: Any) -> Any:
            if value is None:
                return None
            return by_label[value[1]](value[1:])

        return "CASE " + " ".join(branches) + " ELSE null END", convert, None

    def relation(
        self,
        relation: table.Relation,
        var: str,
        output: GraphQLOutputType,
        details: FieldDetailsList,
    ) -> tuple[str, Convert]:
        names = {"v": var, "m": self.fresh()}
        match = self.fill(relation.match, names)
        within = self.fill(relation.within, names)
        acts = self.fill(relation.acts, names)
        order = self.fill(relation.order, names)
        if relation.target is not None and relation.target not in table.NODE_LABELS:
            raise Refused(relation.target)
        expression, convert, label = self.reached(output, names["m"], details)
        # As the resolvers build nodes: only those of the field's type (by the first label).
        typed = "" if label is None else f" AND head(labels({names['m']})) = '{label}'"
        body = (
            f"COLLECT {{ {match} WITH * WHERE {within}{typed}"
            f" RETURN [{acts}] + {expression} AS item ORDER BY {order} }}"
        )
        if label is None:
            item = self.fresh()
            body = f"[{item} IN {body} WHERE {item} IS NOT NULL]"
        return self.note(self.items_with_acts(body), "relation"), self.keep(convert, relation.one)

    def items_with_acts(self, body: str) -> str:
        """`[items, acts]` of a `COLLECT` whose items are `[own acts, acts below, …]`: the acts
        of all, each once."""
        x, b, i, a, s = (self.fresh() for _ in range(5))
        every = f"reduce({b} = [], {i} IN {x} | {b} + {i}[0] + {i}[1])"
        once = (
            f"reduce({a} = [], {s} IN {every} |"
            f" CASE WHEN {s} IS NULL OR {s} IN {a} THEN {a} ELSE {a} + {s} END)"
        )
        return f"[{x} IN [{body}] | [{x}, {once}]][0]"

    def keep(self, convert: Convert, one: bool) -> Convert:
        """The unwrap of `[items, acts]`: the items whose acts are in force (the first, for a
        field of one object), each unwrapped from `[acts below, …]`. An item holds when every
        act stating it is in force on the day asked (`Reading.in_force`, read by the statement
        with the rows)."""
        if one:

            def first(value: list[Any]) -> Any:
                in_force = _reading.get().in_force
                for item in value[0]:
                    if in_force.issuperset(item[0]):
                        return convert(item[1:])
                return None

            return first

        def each(value: list[Any]) -> list[Any]:
            in_force = _reading.get().in_force
            return [convert(item[1:]) for item in value[0] if in_force.issuperset(item[0])]

        return each

    def sources(self, relation: table.Relation, var: str) -> tuple[str, Convert]:
        names = {"v": var, "m": self.fresh()}
        m = names["m"]
        body = (
            f"COLLECT {{ {self.fill(relation.match, names)} WITH * WHERE"
            f" {self.fill(relation.within, names)} AND"
            f" {self.fill(all_stated_by_acts_in_force(relation.acts), names)}"
            f" RETURN {m}.id AS item ORDER BY {m}.id }}"
        )
        return body, _items(_non_null(str))

    def citations(
        self,
        citations: table.Citations,
        var: str,
        definition: GraphQLField,
        output: GraphQLOutputType,
        details: FieldDetailsList,
    ) -> tuple[str, Convert]:
        names = {"v": var, "m": self.fresh(), "e": self.fresh()}
        if citations.citing_is_parent:
            names["c"] = var
        match = self.fill(citations.match, names)
        within = self.fill(citations.within, names)
        acts = self.fill(citations.acts, names)
        for argument, placeholder in citations.arguments:
            parameter = self.argument(definition, details, argument)
            match = _with_parameter(match, placeholder, parameter)
        citation = _named(output)
        assert isinstance(citation, GraphQLObjectType)
        c = names["c"]
        expression, unwrap = self.citation(citation, c, names["e"], names["m"], details)
        order = self.fill(table.CITATION_ORDER, {"c": c, "e": names["e"], "m": names["m"]})
        body = (
            f"COLLECT {{ {match} WITH * WHERE {within} RETURN [{acts}] + {expression} AS item"
            f" ORDER BY {order} }}"
        )
        return self.note(self.items_with_acts(body), "relation"), self.keep(unwrap, False)

    def citation(
        self, citation: GraphQLObjectType, c: str, e: str, m: str, details: FieldDetailsList
    ) -> tuple[str, Unwrap]:
        parts: list[str] = []
        entries: list[tuple[str, int, Any]] = []
        below: list[tuple[str, int]] = []
        for key, field_details in self.subfields(citation, details).items():
            name = field_details[0].node.name.value
            if name == "__typename":
                entries.append((key, -1, citation.name))
                continue
            output = citation.fields[name].type
            if name in _CITATION_EDGE:
                expression, convert = f"{e}.{name}", _property(output, False, None)
            elif name == "provenance":
                expression, convert = self.provenance(e, output, field_details)
            elif name in ("citing", "cited"):
                expression, convert, _ = self.reached(
                    output, c if name == "citing" else m, field_details
                )
                convert = _non_null(convert)
                below.append(("object", len(parts)))
            elif name == "procedure":
                p = self.fresh()
                match = self.fill(table.CITATION_PROCEDURE, {"c": c, "m": p})
                projected, unwrap, _ = self.reached(output, p, field_details)
                expression = f"head(COLLECT {{ {match} RETURN {projected} AS item }})"
                convert = _nullable(unwrap)
                below.append(("maybe", len(parts)))
            else:
                raise Refused(f"Citation.{name}")
            entries.append((key, len(parts) + 1, convert))
            parts.append(expression)
        return self.with_acts(parts, below), Unwrap(entries)


# ---------------------------------------------------------------------------------------------
# Fields with resolvers of their own, compiled to what those resolvers compute


def _in_force(
    compiler: Compiler, var: str, output: GraphQLOutputType, details: FieldDetailsList
) -> tuple[str, Convert]:
    columns = ("id", "status", "adoptedOn", "date", "inForceFrom", "repealedOn")

    def convert(row: list[Any]) -> bool:
        validity = ActValidity.from_node(dict(zip(columns, row, strict=True)))
        return validity.in_force(_reading.get().as_of)

    return "[" + ", ".join(f"{var}.{c}" for c in columns) + "]", convert


def _subjects(
    compiler: Compiler, var: str, output: GraphQLOutputType, details: FieldDetailsList
) -> tuple[str, Convert]:
    known = {s.value: s.name for s in nodes.Subject}

    def convert(value: Any) -> list[str]:
        return [known[s] for s in value or [] if s in known]

    return var + ".subjects", convert


def _apostille(
    compiler: Compiler, var: str, output: GraphQLOutputType, details: FieldDetailsList
) -> tuple[str, Convert]:
    known = {a.value: a.name for a in nodes.Apostille}

    def convert(value: Any) -> str:
        return known.get(value, nodes.Apostille.NOT_STATED.name)

    return var + ".apostille", convert


def _electronic_availability(
    compiler: Compiler, var: str, output: GraphQLOutputType, details: FieldDetailsList
) -> tuple[str, Convert]:
    availability = _named(output)
    assert isinstance(availability, GraphQLObjectType)
    entries: list[tuple[str, str]] = []
    for key, field_details in compiler.subfields(availability, details).items():
        name = field_details[0].node.name.value
        if name not in ("__typename", "byRegulation", "byPortal", "conflict"):
            raise Refused(f"ElectronicAvailability.{name}")
        entries.append((key, name))
    names = {"v": var}
    expression = (
        f"[{compiler.fill(table.REGULATED, names)}, {compiler.fill(table.BY_REGULATION, names)},"
        f" {compiler.fill(table.BY_PORTAL, names)}]"
    )

    def convert(row: list[bool]) -> dict[str, Any]:
        regulated, by_regulation, by_portal = row
        values = {
            "__typename": availability.name,
            "byRegulation": by_regulation,
            "byPortal": by_portal,
            "conflict": by_portal and regulated and not by_regulation,
        }
        return {key: values[name] for key, name in entries}

    return expression, convert


Special = Callable[[Compiler, str, GraphQLOutputType, FieldDetailsList], tuple[str, Convert]]
_SPECIAL: dict[tuple[str, str], Special] = {
    ("LegalAct", "inForce"): _in_force,
    ("Procedure", "subjects"): _subjects,
    ("DocumentRequirement", "apostille"): _apostille,
    ("Procedure", "electronicAvailability"): _electronic_availability,
}

_PROVENANCE = {
    "documentId": "sourceDocument",
    "lineStart": "lineStart",
    "lineEnd": "lineEnd",
    "text": "sourceText",
}
_CITATION_EDGE = frozenset({"text", "field", "charStart", "charEnd"})

# ---------------------------------------------------------------------------------------------
# Leaf values, converted as `from_map` and the schema's serialization convert them


def _named(output: GraphQLOutputType) -> Any:
    while isinstance(output, GraphQLNonNull | GraphQLList):
        output = output.of_type
    return output


def _is_stated(type_name: str) -> bool:
    cls = nodes.NODE_TYPES.get(type_name)
    return cls is not None and issubclass(cls, nodes.Stated)


_property_plans: dict[str, dict[str, tuple[str, bool, Any, Convert | None]]] = {}


def _stored(value: Any) -> Any:
    """An attribute of a parsed value as the graph would store it (an enum member as its
    value), which is what the leaves' serializers read."""
    return value.value if isinstance(value, enum.Enum) else value


def _properties(type_name: str) -> dict[str, tuple[str, bool, Any, Convert | None]]:
    """GraphQL field → (the property `from_map` reads, whether it is a list, the default when
    the property is missing, what parses a stored value into an object, if anything), for the
    plain fields of a node type."""
    plan = _property_plans.get(type_name)
    if plan is None:
        cls = nodes.NODE_TYPES.get(type_name)
        plan = {}
        if cls is not None:
            defaults = {f.name: f for f in dataclasses.fields(cls)}
            for python_name, prop, wants_list, convert in nodes._from_map_plan(cls):
                field = defaults[python_name]
                default: Any = field.default
                if field.default_factory is not dataclasses.MISSING:
                    default = field.default_factory()
                plan[prop] = (prop, wants_list, default, convert)
        _property_plans[type_name] = plan
    return plan


_converters: dict[tuple[int, bool, Any], tuple[GraphQLOutputType, Convert]] = {}


def _property(output: GraphQLOutputType, wants_list: bool, default: Any) -> Convert:
    """The conversion of a leaf property, made once per schema type and default: a page asks
    hundreds of leaves, and making their conversions anew took a tenth of a request."""
    key = (id(output), wants_list, tuple(default) if isinstance(default, list) else default)
    kept = _converters.get(key)
    if kept is not None and kept[0] is output:
        return kept[1]
    made = _make_property(output, wants_list, default)
    _converters[key] = (output, made)
    return made


def _make_property(output: GraphQLOutputType, wants_list: bool, default: Any) -> Convert:
    non_null = isinstance(output, GraphQLNonNull)
    leaf = _named(output)
    if not is_leaf_type(leaf):
        raise Refused(str(leaf))
    serialize = _serializer(leaf)
    is_string = leaf.name == "String"
    # The types a value the graph stores as is needs no `_plain` or `_fit` for (most leaves).
    native = _NATIVE.get(leaf.name)

    def convert(value: Any) -> Any:
        if value is None:
            value = list(default) if isinstance(default, list) else default
            if value is None:
                if non_null:
                    raise Unanswerable("null")
                return None
        kind = type(value)
        if not wants_list and kind is native:
            return value if is_string else serialize(value)
        if is_string and wants_list and kind is list and all(type(v) is str for v in value):
            return value
        fitted = nodes._fit(nodes._plain(value), wants_list=wants_list)
        if wants_list:
            return [serialize(item) for item in fitted]
        return serialize(fitted)

    return convert


_NATIVE: dict[str, type] = {"String": str, "Int": int, "Float": float, "Boolean": bool}


def _serializer(leaf: Any) -> Convert:
    if isinstance(leaf, GraphQLEnumType):
        names = {
            v.value.value if hasattr(v.value, "value") else v.value: n
            for n, v in leaf.values.items()
        }

        def enum(value: Any) -> str:
            if value not in names:
                raise Unanswerable(f"{leaf.name}: {value!r}")
            return str(names[value])

        return enum
    serialize: Convert = leaf.serialize

    def scalar(value: Any) -> Any:
        if value is None:
            return None
        return serialize(value)

    return scalar


def _day(value: Any) -> str | None:
    if isinstance(value, Date):
        return value.to_native().isoformat()
    return value.isoformat() if isinstance(value, dt.date) else None


def _non_null(convert: Convert) -> Convert:
    def checked(value: Any) -> Any:
        if value is None:
            raise Unanswerable("null")
        return convert(value)

    return checked


def _nullable(convert: Convert) -> Convert:
    def maybe(value: Any) -> Any:
        return None if value is None else convert(value)

    return maybe


def _items(convert: Convert) -> Convert:
    def each(values: list[Any]) -> list[Any]:
        return [convert(value) for value in values]

    return each


def _with_parameter(text: str, placeholder: str, parameter: str) -> str:
    """`text` with the table's `$placeholder` renamed to the generated `parameter`."""
    return re.sub(r"\$" + placeholder + r"\b", lambda _: parameter, text)


def field_nodes(details: FieldDetailsList) -> list[FieldNode]:
    return [d.node for d in details]


def arguments_of(operation: Operation, reads: tuple[ArgumentRead, ...]) -> dict[str, Any]:
    """The parameters `reads` name, as this request's variables give them."""
    values: dict[str, Any] = {}
    given: dict[int, dict[str, Any]] = {}
    for parameter, definition, node, argument in reads:
        found = given.get(id(node))
        if found is None:
            found = given[id(node)] = get_argument_values(
                definition, node, operation.variable_values, None, operation.hide_suggestions
            )
        values[parameter] = found[argument]
    return values
