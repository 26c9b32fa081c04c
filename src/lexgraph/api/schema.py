"""The GraphQL schema: the root types and the `strawberry.Schema` the app serves and exports."""

from __future__ import annotations

import strawberry

from lexgraph import __version__
from lexgraph.api.context import Info
from lexgraph.graph.statistics import graph_statistics


@strawberry.type(description="How many nodes or relationships of one kind the graph holds.")
class KindCount:
    kind: str = strawberry.field(description="A node label or a relationship type.")
    count: int = strawberry.field(description="How many the graph holds.")


@strawberry.type(description="What the graph holds, counted by node label and relationship type.")
class GraphStatistics:
    nodes: list[KindCount] = strawberry.field(description="Node counts by label.")
    relationships: list[KindCount] = strawberry.field(description="Relationship counts by type.")


@strawberry.type(description="Questions about Belarusian administrative law.")
class Query:
    @strawberry.field(description="The version of the LexGraph API serving this request.")
    def api_version(self) -> str:
        return __version__

    @strawberry.field(description="What the graph holds: counts by node label and edge type.")
    async def statistics(self, info: Info) -> GraphStatistics:
        context = info.context
        stats = await graph_statistics(context.driver, context.database)
        return GraphStatistics(
            nodes=[KindCount(kind=k, count=v) for k, v in stats.nodes_by_label.items()],
            relationships=[
                KindCount(kind=k, count=v) for k, v in stats.relationships_by_type.items()
            ],
        )


schema = strawberry.Schema(query=Query)
