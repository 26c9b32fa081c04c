"""`impact`: what changing or repealing acts or provisions affects (`lexgraph.graph.impact`)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry

from lexgraph.api.context import Info
from lexgraph.api.errors import UserError
from lexgraph.graph import impact as reads
from lexgraph.impact_report import distance_title


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
    kind: str = strawberry.field(
        description="What it is for the report: `procedure`, `regulation`, `requirement`,"
        " `issued_document`, `fee`, `benefit`, `act`, `provision`, `portal_fact` or `other`."
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


@strawberry.type(description="A node the change reaches, with the path that explains why.")
class AffectedNode:
    node: ImpactNode = strawberry.field(description="The affected node.")
    distance: int = strawberry.field(
        description="How many edges from the changed unit: 1 = depends on it directly."
    )
    mode: ImpactMode = strawberry.field(description="Affected as a whole or in part.")
    path: list[ImpactStep] = strawberry.field(
        description="The shortest chain of edges from a changed unit to this node."
    )


@strawberry.type(description="The affected nodes at one distance from the change.")
class ImpactGroup:
    distance: int = strawberry.field(description="1 = direct, 2 = one step removed …")
    title: str = strawberry.field(description="The distance in words.")
    affected: list[AffectedNode] = strawberry.field(
        description="Ordered by kind (procedures, regulations, requirements, issued documents,"
        " fees, benefits, acts, provisions, portal facts), then by id."
    )


@strawberry.type(
    description="What changing (or repealing) acts or provisions affects, as of a date: the"
    " affected procedures, requirements, issued documents, fees and benefits, regulations and"
    " acts, each with its explanation path, grouped by how direct the dependency is."
)
class Impact:
    of: list[str] = strawberry.field(description="The graph ids asked about.")
    as_of: dt.date = strawberry.field(description="The date the answer holds on.")
    depth: int = strawberry.field(description="How many edges were followed at most.")
    changed: list[ImpactNode] = strawberry.field(
        description="The changed units: those asked about and all their sub-units."
    )
    groups: list[ImpactGroup] = strawberry.field(description="Affected nodes by distance.")
    truncated: bool = strawberry.field(
        description="True when the walk stopped at its size limit and the list is incomplete."
    )
    not_found: list[str] = strawberry.field(
        description="Ids asked about that name nothing in the graph: nothing depends on them."
    )

    @strawberry.field(description="Affected nodes of one kind (all if omitted), nearest first.")
    def affected(
        self,
        kind: Annotated[
            str | None,
            strawberry.argument(description="`procedure`, `regulation`, `requirement` …"),
        ] = None,
    ) -> list[AffectedNode]:
        return [
            item
            for group in self.groups
            for item in group.affected
            if kind is None or item.node.kind == kind
        ]


def _node(node: reads.Node) -> ImpactNode:
    return ImpactNode(graph_id=node.id, type=node.label, kind=node.kind, name=node.name)


def _affected(item: reads.Affected) -> AffectedNode:
    return AffectedNode(
        node=_node(item.node),
        distance=item.distance,
        mode=ImpactMode(item.mode.value),
        path=[
            ImpactStep(
                source=_node(step.source),
                target=_node(step.target),
                relation=step.relation,
                reversed=step.reversed,
                text=step.text,
                explanation=step.describe(),
            )
            for step in item.path
        ],
    )


async def impact(info: Info, of: list[str], as_of: dt.date | None, depth: int) -> Impact:
    context = info.context
    context.round_trips.append("IMPACT")
    try:
        report = await reads.analyze_impact(
            context.driver,
            context.database,
            [i.strip() for i in of],
            as_of=as_of,
            depth=depth,
            strict=False,
            timeout_s=context.settings.lexgraph_query_timeout_s,
        )
    except reads.ImpactError as error:
        raise UserError(str(error)) from None
    return Impact(
        of=list(report.of),
        as_of=report.as_of,
        depth=report.depth,
        changed=[_node(n) for n in report.changed],
        groups=[
            ImpactGroup(
                distance=distance,
                title=distance_title(distance),
                affected=[_affected(a) for a in items],
            )
            for distance, items in report.by_distance().items()
        ],
        truncated=report.truncated,
        not_found=list(report.not_found),
    )


@strawberry.type
class ImpactQuery:
    """The impact-analysis root field; `Query` inherits it."""

    @strawberry.field(
        description="What changing or repealing acts or provisions affects (анализ последствий"
        " изменения нормы): procedures, regulations, requirements, issued documents, fees,"
        " benefits and acts, each with the chain of edges that explains it, grouped by distance."
    )
    async def impact(
        self,
        info: Info,
        of: Annotated[
            list[str],
            strawberry.argument(
                description="Graph ids of the acts or provisions that change (a provision counts"
                " with all its sub-units), e.g. `by/code/tax#art_287`, `by/law/2022-10-14/213-z`."
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
