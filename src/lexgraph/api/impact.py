"""`impact`: what changing or repealing acts or provisions affects (`lexgraph.graph.impact`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum
from typing import Annotated

import strawberry
from strawberry import relay

from lexgraph.api import paging
from lexgraph.api.context import Info
from lexgraph.api.enums import ImpactKind, stored
from lexgraph.api.errors import AMBIGUOUS_NAME, UserError
from lexgraph.api.search import citation_context
from lexgraph.graph import impact as reads
from lexgraph.impact_report import distance_title
from lexgraph.impact_words import chain, step_words
from lexgraph.ways_in import AmbiguousName, as_graph_ids

CURSOR_PREFIX = "affected"


@strawberry.enum(description="How a node is affected.")
class ImpactMode(Enum):
    WHOLE = strawberry.enum_value(
        "whole",
        description="As a whole: its basis changed (e.g. a regulation whose legal basis lists the"
        " act), so everything it states is affected too.",
    )
    PART = strawberry.enum_value(
        "part",
        description="In part: something it contains or refers to changed (e.g. a regulation one"
        " of whose requirements cites the unit); its other parts are not affected.",
    )


@strawberry.type(description="A node an impact report names.")
class ImpactNode:
    graph_id: str = strawberry.field(
        description="The node's graph id, e.g. `procedure/15.4.1`, `by/code/tax#art_287`."
    )
    type: str = strawberry.field(description="The node label, e.g. `DocumentRequirement`.")
    kind: ImpactKind = strawberry.field(
        description="What it is for the report: a procedure, a regulation, a requirement …"
    )
    name: str = strawberry.field(
        description="A caption in the words of the source (Russian): a title, a name, a label."
    )


@strawberry.type(
    description="One edge of an explanation path, in the direction the change travels, from"
    " the changed unit towards the affected node."
)
class ImpactStep:
    source: ImpactNode = strawberry.field(description="Where the change comes from.")
    target: ImpactNode = strawberry.field(description="Where it goes.")
    relation: str = strawberry.field(
        description="The relationship type, e.g. `CITES` (ссылка на норму), `GOVERNED_BY`"
        " (правовое основание), `REQUIRES`, `REGULATES`, `APPROVES` (утверждает)."
    )
    reversed: bool = strawberry.field(
        description="True when the edge points from `target` to `source` in the graph (a"
        " requirement `CITES` the changed unit: the change travels from the unit to it)."
    )
    text: str | None = strawberry.field(
        description="The reference as written in the source, for citation edges."
    )
    explanation: str = strawberry.field(
        description="The edge as one line, in the graph's direction: `A —CITES→ B «text»`."
    )
    words: str = strawberry.field(
        description="The step in Russian, after the node it leaves: «← ссылается: документ «…»»"
        " (← when the next node refers to or holds the one before)."
    )


@strawberry.type(description="A node the change reaches, with the path that explains why.")
class AffectedNode:
    node: ImpactNode = strawberry.field(description="The affected node.")
    distance: int = strawberry.field(
        description="How many edges from the changed unit, every step counted: a procedure whose"
        " own document cites the unit is 3 (the unit ← cited by the document ← required by the"
        " regulation → regulates the procedure). How directly it depends is `references`."
    )
    references: int = strawberry.field(
        description="How many references (ссылки: a citation, a legal basis, a listing, a"
        " repeal) the chain crosses; the steps from a fact to what holds it (a document to its"
        " regulation, a regulation to its procedure) are not counted. 1 = direct."
    )
    direct: bool = strawberry.field(
        description="Depends on the changed unit directly (прямо): its own text, or its"
        " regulation's, refers to the unit (`references` 1). A procedure whose document cites"
        " Art. 287 is direct; one whose regulation is based on an act that cites it is not."
    )
    because: str = strawberry.field(
        description="The chain in Russian, from the changed unit to this node: «часть первая"
        " пункта 6 статьи 287 Налогового кодекса Республики Беларусь ← ссылается: документ «…»"
        " ← требует: регламент «…» → регулирует: процедура 15.4.1 «…»»."
    )
    mode: ImpactMode = strawberry.field(description="Affected as a whole or in part.")
    path: list[ImpactStep] = strawberry.field(
        description="The shortest chain of edges from a changed unit to this node."
    )


@strawberry.type(description="One affected node of a page, with the cursor to continue after it.")
class AffectedNodeEdge:
    cursor: str = strawberry.field(description="Pass as `after` to get what follows.")
    node: AffectedNode = strawberry.field(description="The affected node.")


@strawberry.type(
    description="A page of affected nodes, nearest first: by distance, then by kind (procedures,"
    " regulations, requirements, issued documents, fees, benefits, acts, provisions, portal"
    " facts), then by id."
)
class AffectedNodeConnection:
    total_count: int = strawberry.field(
        description="How many are affected. When the report lists only the nearest"
        " (`Impact.listedAll` false), the pages hold fewer."
    )
    edges: list[AffectedNodeEdge] = strawberry.field(description="The nodes of this page.")
    page_info: relay.PageInfo = strawberry.field(description="Where this page is.")

    @strawberry.field(description="The nodes of this page, without cursors.")
    def nodes(self) -> list[AffectedNode]:
        return [edge.node for edge in self.edges]


@strawberry.type(description="How many affected nodes there are of one kind.")
class ImpactCount:
    kind: ImpactKind = strawberry.field(description="The kind counted.")
    total: int = strawberry.field(description="How many of that kind the change affects.")


KindArgument = Annotated[
    ImpactKind | None,
    strawberry.argument(description="Only nodes of this kind; all if omitted."),
]
FirstArgument = Annotated[int, strawberry.argument(description=paging.PAGE_SIZE_DESCRIPTION)]
AfterArgument = Annotated[
    str | None, strawberry.argument(description="A cursor of the previous page.")
]


def _counts(totals: dict[str, int]) -> list[ImpactCount]:
    return [ImpactCount(kind=ImpactKind(kind), total=total) for kind, total in totals.items()]


def _connection(
    info: Info, items: Sequence[reads.Affected], first: int, after: str | None, total: int
) -> AffectedNodeConnection:
    offset, shown = paging.page(items, CURSOR_PREFIX, first, after, paging.largest_page(info))
    edges = [
        AffectedNodeEdge(cursor=paging.encode_cursor(CURSOR_PREFIX, offset + i), node=_affected(a))
        for i, a in enumerate(shown)
    ]
    return AffectedNodeConnection(
        total_count=total,
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=offset + len(edges) < len(items),
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )


@strawberry.type(description="The affected nodes at one distance from the change.")
class ImpactGroup:
    distance: int = strawberry.field(description="1 = direct, 2 = one step removed …")
    title: str = strawberry.field(description="The distance in words.")
    report: strawberry.Private[reads.ImpactReport]

    @strawberry.field(description="How many nodes are affected at this distance.")
    def total_count(self) -> int:
        return self.report.total(self.distance)

    @strawberry.field(description="How many are affected at this distance, by kind.")
    def counts(self) -> list[ImpactCount]:
        return _counts(self.report.counts(self.distance))

    @strawberry.field(description="A page of the nodes affected at this distance, by kind then id.")
    def affected(
        self,
        info: Info,
        kind: KindArgument = None,
        first: FirstArgument = 100,
        after: AfterArgument = None,
    ) -> AffectedNodeConnection:
        items = self.report.by_distance().get(self.distance, ())
        total = self.report.total(self.distance)
        if kind is not None:
            items = tuple(item for item in items if item.node.kind == stored(kind))
            total = self.report.counts(self.distance).get(stored(kind), 0)
        return _connection(info, items, first, after, total)


@strawberry.type(
    description="What changing (or repealing) acts or provisions affects, as of a date: the"
    " affected procedures, requirements, issued documents, fees and benefits, regulations and"
    " acts, each with its explanation path, counted by kind and by distance and listed a page at"
    " a time, nearest first."
)
class Impact:
    of: list[str] = strawberry.field(
        description="The graph ids asked about: references and names in `of` as the ids they name."
    )
    as_of: dt.date = strawberry.field(description="The date the answer holds on.")
    depth: int = strawberry.field(description="How many edges were followed at most.")
    changed: list[ImpactNode] = strawberry.field(
        description="The changed units: those asked about and all their sub-units."
    )
    truncated: bool = strawberry.field(
        description=f"True when the walk stopped at its size limit ({reads.MAX_WALKED:,}"
        " nodes reached) and the counts and lists are incomplete."
    )
    listed_all: bool = strawberry.field(
        description="False when the change affects more nodes of a kind than a report lists"
        f" ({reads.MAX_AFFECTED:,} of each kind): the counts include all, the pages only the"
        " nearest."
    )
    not_found: list[str] = strawberry.field(
        description="Ids asked about that name nothing in the graph: nothing depends on them."
    )
    report: strawberry.Private[reads.ImpactReport]

    @strawberry.field(description="How many nodes the change affects, of every kind.")
    def total_count(self) -> int:
        return self.report.total()

    @strawberry.field(description="How many nodes the change affects, by kind (kinds it reaches).")
    def counts(self) -> list[ImpactCount]:
        return _counts(self.report.counts())

    @strawberry.field(
        description="How many nodes depend on the change directly (`AffectedNode.direct`), by"
        " kind: for procedures, those whose own regulation refers to the changed unit."
    )
    def direct_counts(self) -> list[ImpactCount]:
        return _counts(self.report.direct_counts())

    @strawberry.field(
        description="A page of the affected nodes (of one kind if given), nearest first."
    )
    def affected(
        self,
        info: Info,
        kind: KindArgument = None,
        first: FirstArgument = 100,
        after: AfterArgument = None,
        direct: Annotated[
            bool | None,
            strawberry.argument(
                description="Only the direct dependants (true) or only the others (false); all"
                " if omitted."
            ),
        ] = None,
    ) -> AffectedNodeConnection:
        stored_kind = None if kind is None else stored(kind)
        items = self.report.affected if stored_kind is None else self.report.of_kind(stored_kind)
        if direct is None:
            counts = self.report.counts()
        else:
            items = tuple(item for item in items if item.direct is direct)
            counts = self.report.direct_counts()
            if not direct:
                counts = {k: n - counts.get(k, 0) for k, n in self.report.counts().items()}
        total = sum(counts.values()) if stored_kind is None else counts.get(stored_kind, 0)
        return _connection(info, items, first, after, total)

    @strawberry.field(description="The affected nodes by distance, nearest first.")
    def groups(self) -> list[ImpactGroup]:
        return [
            ImpactGroup(distance=distance, title=distance_title(distance), report=self.report)
            for distance in self.report.distances()
        ]


def _node(node: reads.Node) -> ImpactNode:
    return ImpactNode(graph_id=node.id, type=node.label, kind=ImpactKind(node.kind), name=node.name)


def _affected(item: reads.Affected) -> AffectedNode:
    return AffectedNode(
        node=_node(item.node),
        distance=item.distance,
        references=item.references,
        direct=item.direct,
        because=chain(item.path),
        mode=ImpactMode(item.mode.value),
        path=[
            ImpactStep(
                source=_node(step.source),
                target=_node(step.target),
                relation=step.relation,
                reversed=step.reversed,
                text=step.text,
                explanation=step.describe(),
                words=step_words(step),
            )
            for step in item.path
        ],
    )


async def _graph_ids(info: Info, given: list[str]) -> list[str]:
    """Each of `given` as graph ids: an id the graph holds, else the reference or name it is
    («ст. 287 НК» → `by/code/tax#art_287`, `lexgraph.ways_in`); a name several acts share is the
    user's error."""
    context = info.context
    context.round_trips.append("PRESENT_IDS")
    present = await reads.present_ids(context.driver, context.database, given)
    if all(value in present for value in given):
        return given
    try:
        ids, _ = as_graph_ids(given, present, await citation_context(info))
    except AmbiguousName as error:
        raise UserError(str(error), AMBIGUOUS_NAME) from None
    return ids


async def impact(info: Info, of: list[str], as_of: dt.date | None, depth: int) -> Impact:
    """The report, from the process's cache of reports when the app keeps one (paging through a
    report asks for it again), else walked for this request."""
    context = info.context
    context.round_trips.append("IMPACT")
    ids = await _graph_ids(info, [i.strip() for i in of])
    timeout_s = context.settings.lexgraph_query_timeout_s
    try:
        if context.impact_reports is not None:
            report = await context.impact_reports.report(
                context.driver,
                context.database,
                ids,
                as_of=as_of,
                depth=depth,
                timeout_s=timeout_s,
                stamp=await context.graph_stamp(),
            )
        else:
            report = await reads.analyze_impact(
                context.driver,
                context.database,
                ids,
                as_of=as_of,
                depth=depth,
                strict=False,
                timeout_s=timeout_s,
            )
    except reads.ImpactError as error:
        raise UserError(str(error)) from None
    return Impact(
        of=list(report.of),
        as_of=report.as_of,
        depth=report.depth,
        changed=[_node(n) for n in report.changed],
        truncated=report.truncated,
        listed_all=report.listed_all,
        not_found=list(report.not_found),
        report=report,
    )


@strawberry.type
class ImpactQuery:
    """The impact-analysis root field; `Query` inherits it."""

    @strawberry.field(
        description="What changing or repealing acts or provisions affects (анализ последствий"
        " изменения нормы): procedures, regulations, requirements, issued documents, fees,"
        " benefits and acts, each with the chain of edges that explains it: counted by kind and"
        " by distance, listed a page at a time."
    )
    async def impact(
        self,
        info: Info,
        of: Annotated[
            list[str],
            strawberry.argument(
                description="The acts or provisions that change (a provision counts with all its"
                " sub-units): graph ids (`by/code/tax#art_287`, `by/law/2022-10-14/213-z`), or"
                " references and names as written (статья 287 Налогового кодекса, Закон о"
                " лицензировании); `of` in the answer gives the ids they were read as."
            ),
        ],
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="Answer as of this date (на дату): only what is in force then is"
                " followed. Today if omitted."
            ),
        ] = None,
        depth: Annotated[
            int,
            strawberry.argument(description=f"How many edges to follow, 1 to {reads.MAX_DEPTH}."),
        ] = reads.DEFAULT_DEPTH,
    ) -> Impact:
        return await impact(info, of, as_of, depth)
