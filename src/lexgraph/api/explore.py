"""`neighbourhood`: what the explore page draws, the nodes within a few edges of one node."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from lexgraph.api.context import Info
from lexgraph.api.errors import AMBIGUOUS_NAME, UNKNOWN_EDGE_TYPE, NotFound, UserError
from lexgraph.api.search import citation_context
from lexgraph.graph import neighbourhood as reads
from lexgraph.graph.statistics import KNOWN_TYPES
from lexgraph.pages import links
from lexgraph.ways_in import named_ids

# Every relationship type a drawing may hold: the model's, and the bookkeeping ones a reader may
# still ask to see (a source document `MENTIONS` what it states; `VERSION_OF` its editions).
DRAWN_TYPES = frozenset(KNOWN_TYPES)


@strawberry.type(description="A node in a drawing of the graph.")
class NeighbourhoodNode:
    graph_id: str = strawberry.field(
        description="The node's graph id, e.g. `procedure/15.4.1`, `by/code/tax#art_287`."
    )
    type: str = strawberry.field(
        description="Its kind: the node label, e.g. `LegalAct` (нормативный правовой акт),"
        " `Provision` (структурная единица акта: статья, пункт, часть …), `Procedure`"
        " (административная процедура), `Regulation` (регламент административной процедуры)."
    )
    label: str = strawberry.field(
        description="A short caption in the words of the source (Russian): a procedure's number"
        " and title, an act's short title, a unit's label («часть 1 пункта 6 статьи 287»), a name."
    )
    text: str | None = strawberry.field(
        description="What the node states, in the words of the source: a unit's or a"
        " requirement's text, an act's full title; null when the label says it all."
    )
    page: str | None = strawberry.field(
        description="The reading room's page the node is read on (`/procedure/15.4.1`,"
        " `/act/by/code/tax`, `/provision/by/code/tax/art_287`; a document or a fee on its"
        " procedure's card); null when no page shows it (an authority, a registry)."
    )


@strawberry.type(description="An edge in a drawing of the graph, in its own direction.")
class NeighbourhoodEdge:
    source: str = strawberry.field(description="Graph id of the node the edge starts at.")
    target: str = strawberry.field(description="Graph id of the node the edge points to.")
    type: str = strawberry.field(
        description="The relationship type, e.g. `CITES` (ссылка на норму), `REGULATES`,"
        " `GOVERNED_BY` (правовое основание), `PART_OF` (входит в состав)."
    )


@strawberry.type(
    description="The nodes within a few edges of one node, and the edges between them: what the"
    " explore page draws. Bounded in size; `truncated` says when a bound cut something off."
)
class Neighbourhood:
    center: NeighbourhoodNode = strawberry.field(description="The node asked about.")
    nodes: list[NeighbourhoodNode] = strawberry.field(
        description="Every node drawn, the center first."
    )
    edges: list[NeighbourhoodEdge] = strawberry.field(description="Edges between drawn nodes.")
    truncated: bool = strawberry.field(
        description=f"True when a node had more than {reads.PER_NODE} neighbours, or the"
        f" drawing reached {reads.MAX_NODES} nodes, and some were left out."
    )


def _node(node: reads.GraphNode) -> NeighbourhoodNode:
    return NeighbourhoodNode(
        graph_id=node.id,
        type=node.type,
        label=node.label,
        text=node.text,
        page=links.node(node.id, node.type),
    )


async def neighbourhood(
    info: Info,
    id: str,
    depth: int,
    edge_types: list[str] | None,
    as_of: dt.date | None,
    hidden_edge_types: list[str] | None = None,
) -> Neighbourhood | None:
    if not 0 <= depth <= reads.MAX_DEPTH:
        raise UserError(f"depth must be between 0 and {reads.MAX_DEPTH}; got {depth}")
    unknown = sorted((set(edge_types or ()) | set(hidden_edge_types or ())) - DRAWN_TYPES)
    if unknown:
        raise UserError(
            f"unknown edge types {', '.join(unknown)}; known: {', '.join(sorted(DRAWN_TYPES))}",
            UNKNOWN_EDGE_TYPE,
        )
    found = await reads.find_neighbourhood(
        info.context.read,
        id.strip(),
        depth=depth,
        edge_types=edge_types,
        as_of=as_of,
        hidden_edge_types=hidden_edge_types or (),
    )
    if found is None:
        # Not a graph id: a procedure's number, a reference or an act's name, read as search
        # reads them. A name two nodes share is refused with both, never settled by a guess.
        named = named_ids(id, await citation_context(info)).ids
        if len(named) > 1:  # two acts of one title, or several units of one reference
            raise UserError(
                f"{id.strip()!r} names {len(named)} nodes: {', '.join(named)}; ask for one by its"
                " graph id",
                AMBIGUOUS_NAME,
            )
        if named:
            found = await reads.find_neighbourhood(
                info.context.read,
                named[0],
                depth=depth,
                edge_types=edge_types,
                as_of=as_of,
                hidden_edge_types=hidden_edge_types or (),
            )
    if found is None:
        when = f" on {as_of.isoformat()}" if as_of else ""
        raise NotFound(f"no node with id {id!r}{when}")
    return Neighbourhood(
        center=_node(found.center),
        nodes=[_node(n) for n in found.nodes],
        edges=[
            NeighbourhoodEdge(source=e.source, target=e.target, type=e.type) for e in found.edges
        ],
        truncated=found.truncated,
    )


def _arg(description: str) -> object:
    return strawberry.argument(description=description)


@strawberry.type
class ExploreQuery:
    """The explore page's root field; `Query` inherits it."""

    @strawberry.field(
        name="neighbourhood",
        description="The neighbourhood of an act, a provision, a procedure or any node: the"
        " nodes within `depth` edges and the edges between them, for drawing.",
    )
    async def neighbourhood(
        self,
        info: Info,
        id: Annotated[
            str,
            _arg(
                "The node: its graph id (`procedure/15.4.1`, `by/code/tax#art_287`), a"
                " procedure's number (15.4.1), a reference (ст. 287 НК) or an act's name (Закон о"
                " лицензировании, Налоговый кодекс)."
            ),
        ],
        depth: Annotated[int, _arg(f"How many edges away, 0 to {reads.MAX_DEPTH}.")] = 1,
        edge_types: Annotated[
            list[str] | None,
            _arg("Follow only these relationship types (e.g. `CITES`, `PART_OF`); all if omitted."),
        ] = None,
        as_of: Annotated[
            dt.date | None,
            _arg(
                "Only what holds on this date (на дату): acts in force (действующие акты), and"
                " what their current texts state. Everything, whatever its dates, if omitted."
            ),
        ] = None,
        hidden_edge_types: Annotated[
            list[str] | None,
            _arg(
                "Never follow these relationship types, e.g. `MENTIONS` (a source document"
                " mentions hundreds of nodes); none if omitted."
            ),
        ] = None,
    ) -> Neighbourhood | None:
        return await neighbourhood(info, id, depth, edge_types, as_of, hidden_edge_types)
