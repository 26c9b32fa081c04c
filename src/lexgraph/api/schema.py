"""The GraphQL schema: the root queries and the `strawberry.Schema` the app serves and exports."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated

import strawberry
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule
from strawberry import relay
from strawberry.extensions import AddValidationRules

from lexgraph import __version__
from lexgraph.api import paging
from lexgraph.api.compile import CompiledExecutionContext
from lexgraph.api.conflicts import ConflictsQuery
from lexgraph.api.context import Info
from lexgraph.api.dates import CONFIG
from lexgraph.api.enums import ActKind, stored
from lexgraph.api.error_log import LexGraphSchema
from lexgraph.api.errors import AMBIGUOUS_NAME, INVALID_ID, NotFound, UserError
from lexgraph.api.explore import ExploreQuery
from lexgraph.api.history import HistoryQuery
from lexgraph.api.impact import ImpactQuery
from lexgraph.api.limits import DEFAULT_LIMITS, MaskErrorsWithRequestId, QueryLimits
from lexgraph.api.nodes import (
    NODE_TYPES,
    Authority,
    LegalAct,
    Procedure,
    Provision,
    Registry,
    load_node,
)
from lexgraph.api.prefetch import found_and_prefetched, prefetch_below
from lexgraph.api.procedures import ProcedureConnection, ProcedureFilter, find_procedures
from lexgraph.api.search import (
    CitingAct,
    ResolvedCitation,
    SearchHit,
    resolve_citations,
    search,
)
from lexgraph.api.writes import Mutation
from lexgraph.graph.reads import catalog
from lexgraph.graph.statistics import graph_statistics
from lexgraph.graph.validity import today


@strawberry.type(description="How many nodes or relationships of one kind the graph holds.")
class KindCount:
    kind: str = strawberry.field(description="A node label or a relationship type.")
    count: int = strawberry.field(description="How many the graph holds.")


@strawberry.type(description="What the graph holds, counted by node label and relationship type.")
class GraphStatistics:
    nodes: list[KindCount] = strawberry.field(description="Node counts by label.")
    relationships: list[KindCount] = strawberry.field(description="Relationship counts by type.")


def _arg(description: str) -> object:
    return strawberry.argument(description=description)


AsOf = Annotated[
    dt.date | None,
    strawberry.argument(
        description="Answer as of this date (на дату): what the law stated then, in everything"
        " below this field (a procedure's regulation, documents, fee, legal basis; an act's"
        " regulations and citations …): the facts whose texts held on that day and whose acts"
        " were in force. Today if omitted."
    ),
]


@strawberry.type(description="Questions about Belarusian administrative law.")
class Query(ExploreQuery, ImpactQuery, HistoryQuery, ConflictsQuery):
    # `neighbourhood` for the explore page; `impact`; `diff`; `conflicts`
    @strawberry.field(description="The version of the LexGraph API serving this request.")
    def api_version(self) -> str:
        return __version__

    @strawberry.field(description="What the graph holds: counts by node label and edge type.")
    async def statistics(self, info: Info) -> GraphStatistics:
        context = info.context
        context.round_trips.append("GRAPH_COUNTS")
        stats = await graph_statistics(context.driver, context.database)
        return GraphStatistics(
            nodes=[KindCount(kind=k, count=v) for k, v in stats.nodes_by_label.items()],
            relationships=[
                KindCount(kind=k, count=v) for k, v in stats.relationships_by_type.items()
            ],
        )

    @strawberry.field(description="Any object by its global `id` (Relay refetching).")
    async def node(
        self,
        info: Info,
        id: Annotated[relay.GlobalID, _arg("The global id, as the object's `id` gave it.")],
        as_of: AsOf = None,
    ) -> relay.Node | None:
        cls = NODE_TYPES.get(id.type_name)
        if cls is None:
            raise UserError(f"unknown type {id.type_name!r} in global id {str(id)!r}", INVALID_ID)
        when = as_of or today()
        found = await load_node(info, cls, id.node_id, when)
        if found is None:
            raise NotFound(f"no {id.type_name} with id {id.node_id!r}")
        await prefetch_below(info, id.type_name, [id.node_id], when)
        return found  # type: ignore[return-value]

    @strawberry.field(
        description="A procedure by its number in the unified list (единый перечень), e.g. 15.4.1."
    )
    async def procedure(
        self,
        info: Info,
        number: Annotated[str, _arg("The number, e.g. `15.4.1`.")],
        as_of: AsOf = None,
    ) -> Procedure | None:
        when = as_of or today()
        found = await found_and_prefetched(
            info,
            "Procedure",
            "PROCEDURE_BY_NUMBER",
            catalog.PROCEDURE_BY_NUMBER,
            {"number": number.strip()},
            when,
        )
        if not found:
            raise NotFound(f"no procedure numbered {number!r}")
        return Procedure.from_map(found[0], when)

    @strawberry.field(
        description="Procedures matching a filter, ordered by number, a page at a time."
    )
    async def procedures(
        self,
        info: Info,
        filter: Annotated[ProcedureFilter | None, _arg("Which procedures; all if omitted.")] = None,
        first: Annotated[int, _arg(paging.PAGE_SIZE_DESCRIPTION)] = 20,
        after: Annotated[str | None, _arg("A cursor of the previous page.")] = None,
        as_of: AsOf = None,
    ) -> ProcedureConnection:
        return await find_procedures(info, filter, first, after, as_of or today())

    @strawberry.field(
        description="A legal act by its graph id (`by/law/2008-10-28/433-z`, `by/code/tax`), by"
        " its National Register number (`8/40012`), or by kind and number (and date when the"
        " number is not unique)."
    )
    async def legal_act(
        self,
        info: Info,
        id: Annotated[str | None, _arg("Graph id of the act.")] = None,
        kind: Annotated[
            ActKind | None, _arg("Kind: `LAW`, `CODE`, `EDICT`, `RESOLUTION` …")
        ] = None,
        number: Annotated[str | None, _arg("Number as written, e.g. `433-З`.")] = None,
        date: Annotated[str | None, _arg("Date of the act, ISO (`2008-10-28`).")] = None,
        register_number: Annotated[
            str | None, _arg("National Register number (рег. №), e.g. `8/40012`.")
        ] = None,
        as_of: AsOf = None,
    ) -> LegalAct | None:
        when = as_of or today()
        if id is None and register_number is not None:
            acts = await found_and_prefetched(
                info,
                "LegalAct",
                "LEGAL_ACT_BY_REGISTER_NUMBER",
                catalog.LEGAL_ACT_BY_REGISTER_NUMBER,
                {"registerNumber": register_number},
                when,
            )
            if not acts:
                raise NotFound(f"no legal act with register number {register_number!r}")
            return LegalAct.from_map(acts[0], when)
        if id is not None:
            acts = await found_and_prefetched(
                info, "LegalAct", "LEGAL_ACT_BY_ID", catalog.LEGAL_ACT_BY_ID, {"id": id}, when
            )
            if not acts:
                raise NotFound(f"no legal act with id {id!r}")
            return LegalAct.from_map(acts[0], when)
        if kind is None or number is None:
            raise UserError("give the act's `id`, or its `kind` and `number`")
        records = await info.context.read(
            "LEGAL_ACTS_BY_KIND_NUMBER",
            catalog.LEGAL_ACTS_BY_KIND_NUMBER,
            {"kind": stored(kind), "number": number, "date": date},
        )
        if not records:
            raise NotFound(
                f"no {stored(kind)} numbered {number!r}" + (f" of {date}" if date else "")
            )
        if len(records) > 1:
            raise UserError(
                f"more than one {stored(kind)} is numbered {number!r}: give its `date`",
                AMBIGUOUS_NAME,
            )
        act = LegalAct.from_map(records[0]["node"], when)
        await prefetch_below(info, "LegalAct", [act.id], when)
        return act

    @strawberry.field(
        description="A unit of an act by its graph id (`by/code/tax#art_287__point_6__part_1`), or"
        " by the act's id and the unit's path (`eId`)."
    )
    async def provision(
        self,
        info: Info,
        id: Annotated[str | None, _arg("Graph id of the unit.")] = None,
        act_id: Annotated[str | None, _arg("Graph id of the act.")] = None,
        e_id: Annotated[str | None, _arg("Path in the act, e.g. `art_287__point_6`.")] = None,
        as_of: AsOf = None,
    ) -> Provision | None:
        if id is None and act_id is not None and e_id is not None:
            id = f"{act_id}#{e_id}"
        if id is None:
            raise UserError("give the unit's `id`, or `actId` and `eId`")
        when = as_of or today()
        found = await load_node(info, Provision, id, when)
        if found is None:
            raise NotFound(f"no provision with id {id!r}")
        await prefetch_below(info, "Provision", [found.id], when)
        return found

    @strawberry.field(description="Legal acts the graph holds, by kind and date.")
    async def legal_acts(
        self,
        info: Info,
        kind: Annotated[ActKind | None, _arg("Only acts of this kind.")] = None,
        as_of: AsOf = None,
    ) -> list[LegalAct]:
        when = as_of or today()
        records = await info.context.read(
            "LEGAL_ACTS", catalog.LEGAL_ACTS, {"kind": stored(kind) if kind else None}
        )
        acts = [LegalAct.from_map(r["node"], when) for r in records]
        await prefetch_below(info, "LegalAct", [a.id for a in acts], when)
        return acts

    @strawberry.field(description="State registries and information systems (реестры, регистры).")
    async def registries(self, info: Info, as_of: AsOf = None) -> list[Registry]:
        when = as_of or today()
        records = await info.context.read("REGISTRIES", catalog.REGISTRIES)
        registries = [Registry.from_map(r["node"], when) for r in records]
        await prefetch_below(info, "Registry", [r.id for r in registries], when)
        return registries

    @strawberry.field(description="Authorities (государственные органы), by name.")
    async def authorities(self, info: Info, as_of: AsOf = None) -> list[Authority]:
        when = as_of or today()
        records = await info.context.read("AUTHORITIES", catalog.AUTHORITIES)
        authorities = [Authority.from_map(r["node"], when) for r in records]
        await prefetch_below(info, "Authority", [a.id for a in authorities], when)
        return authorities

    @strawberry.field(
        description="Search (поиск) by anything a person types: a procedure's number (15.4.1), a"
        " reference (ст. 287 НК), an act's name (Закон о лицензировании) first; then the facts"
        " whose titles, texts or table cells hold every word (Russian morphology, synonyms such as"
        " госпошлина = государственная пошлина; quoted words as a phrase): acts, units,"
        " procedures, regulations, documents, fees, benefits, registries, authorities, forms,"
        " portal facts."
    )
    async def search(
        self,
        info: Info,
        text: Annotated[
            str,
            _arg("What to find: a number, a reference, a name or words («…» for a phrase)."),
        ],
        first: Annotated[int, _arg("How many hits, at most LEXGRAPH_MAX_PAGE_SIZE (100).")] = 20,
        types: Annotated[
            list[str] | None, _arg('Only these types, e.g. `["Procedure", "Provision"]`.')
        ] = None,
        as_of: AsOf = None,
    ) -> list[SearchHit]:
        return await search(info, text, first, types, as_of or today())

    @strawberry.field(
        description="The references to acts and their units in a Russian text, as the citation"
        " grammar reads them, with canonical ids and the graph's nodes for them."
    )
    async def resolve_citations(
        self,
        info: Info,
        text: Annotated[str, _arg("Russian text, up to 20000 characters.")],
        context: Annotated[
            CitingAct | None,
            _arg("The act the text belongs to: «настоящего Кодекса» and the like resolve to it."),
        ] = None,
        as_of: AsOf = None,
    ) -> list[ResolvedCitation]:
        return await resolve_citations(info, text, context, as_of or today())


@functools.cache
def build_schema(
    *,
    introspection: bool = True,
    writes: bool = False,
    limits: QueryLimits = DEFAULT_LIMITS,
    compiled: bool = True,
) -> strawberry.Schema:
    """The schema a server serves: with `writes`, the `Mutation` type (`lexgraph.api.writes`);
    without `introspection`, `__schema` and `__type` are refused; `limits` bound each request;
    `compiled` answers the root fields the compiler covers with one statement each
    (`lexgraph.api.compile`), else every field goes through its resolver.
    One per setting, for the process: the parser and validation caches live in the schema."""
    rules: list[type[ASTValidationRule]] = (
        [] if introspection else [NoSchemaIntrospectionCustomRule]
    )
    return LexGraphSchema(
        query=Query,
        mutation=Mutation if writes else None,
        types=list(NODE_TYPES.values()),
        execution_context_class=CompiledExecutionContext if compiled else None,
        config=CONFIG,
        extensions=[
            MaskErrorsWithRequestId,
            lambda: AddValidationRules(rules),
            *limits.extensions(),  # parsing and validation, bounded; database failures
        ],
    )


schema = build_schema()
"""The public, read-only schema (exported to `schema/schema.graphql`)."""

schema_with_writes = build_schema(writes=True)
"""The schema of a server with an API token (exported to `schema/schema-writes.graphql`)."""
