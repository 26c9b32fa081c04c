"""What every resolver gets: the process's Neo4j driver, the database, and per-request loaders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, LiteralString

from neo4j import AsyncDriver, AsyncGraphDatabase, Query, Record, RoutingControl
from neo4j.api import AsyncBookmarkManager
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from lexgraph.api.measure import ListSize
from lexgraph.config import Settings
from lexgraph.graph.impact_cache import ImpactReports
from lexgraph.graph.stamp import graph_stamp

if TYPE_CHECKING:  # the compiler's modules import this one
    from lexgraph.api.compile.coalesce import Coalescer


@dataclass(slots=True)
class RequestContext:
    """Created per request, so per-request caches (DataLoaders) never leak between users."""

    driver: AsyncDriver
    settings: Settings
    may_write: bool = False
    """The request carries the API token (`lexgraph.api.auth`); only then may it import."""
    round_trips: list[str] = field(default_factory=list)
    loaders: dict[str, DataLoader[str, Any]] = field(default_factory=dict)
    impact_reports: ImpactReports | None = None
    """The process's cache of impact reports (the app's, shared by its requests); None: none."""
    stamp: str | None = None
    """The graph's stamp, once read (`graph_stamp`)."""
    executed_as: str | None = None
    """How the operation ran (`lexgraph.api.compile`): `compiled` (every root field compiled)
    or `resolvers` (some root field answered by its resolvers)."""
    fallbacks: list[tuple[str, str]] = field(default_factory=list)
    """Root fields answered by their resolvers, each with what the compiler did not cover."""
    bookmarks: AsyncBookmarkManager = field(default_factory=AsyncGraphDatabase.bookmark_manager)
    """The request's bookmarks: every read of the request (the graph's stamp first, when the
    answer cache reads it) starts where the ones before it ended, so behind a cluster a read
    served by a lagging member waits until it has caught up: an answer is never older than the
    stamp it is kept under (`lexgraph.api.response_cache`)."""
    coalescer: Coalescer | None = None
    """The process's batches of compiled statements (`lexgraph.api.compile.coalesce`): requests
    of one plan waiting together share a statement. None: each runs its own."""
    list_size: ListSize | None = None
    """The most items each unpaged list can return, from the graph's statistics
    (`lexgraph.api.kept_bounds`), for the request's cost; None: not known."""

    @property
    def database(self) -> str:
        return self.settings.neo4j_database

    async def graph_stamp(self) -> str:
        """The graph's stamp (`lexgraph.graph.stamp`), read once per request: the answer cache
        and the impact reports' cache both key by it."""
        if self.stamp is None:
            self.round_trips.append("GRAPH_STAMP")
            self.stamp = await graph_stamp(
                self.driver,
                self.database,
                self.settings.lexgraph_query_timeout_s,
                bookmarks=self.bookmarks,
            )
        return self.stamp

    async def read(
        self,
        name: str,
        statement: LiteralString,
        parameters: Mapping[str, Any] | None = None,
        *,
        timeout_s: float | None = None,
    ) -> list[Record]:
        """Run one read statement (one round trip, recorded under `name`), bounded by the
        query timeout, or by `timeout_s` when given."""
        self.round_trips.append(name)
        timeout = self.settings.lexgraph_query_timeout_s if timeout_s is None else timeout_s
        query = Query(statement, timeout=timeout)
        records, _, _ = await self.driver.execute_query(
            query,
            parameters_=dict(parameters or {}),
            database_=self.database,
            routing_=RoutingControl.READ,
            bookmark_manager_=self.bookmarks,
        )
        return records

    def batched(
        self,
        name: str,
        statement: LiteralString,
        column: Literal["items", "node"],
        parameters: Mapping[str, Any] | None = None,
        *,
        as_of: dt.date | None = None,
    ) -> DataLoader[str, Any]:
        """The request's loader for a statement taking `$ids` (and `parameters`) and returning
        rows `id` and `column` (a list of `items`, or one `node`): the loads of one tick become
        one round trip. Loaders are told apart by `name`, which must name the parameters too,
        and by `as_of`, the date the statement answers for (`$asOf`): one request may ask the
        same relation as of two dates (two aliases of one root field), and each date's answers
        stay apart. The round trip is recorded under `name`."""
        key = name if as_of is None else f"{name}@{as_of.isoformat()}"
        loader = self.loaders.get(key)
        if loader is None:
            fixed = dict(parameters or {})
            if as_of is not None:
                fixed["asOf"] = as_of

            async def load(ids: Sequence[str]) -> list[Any]:
                records = await self.read(name, statement, {**fixed, "ids": list(ids)})
                found = {r["id"]: r[column] for r in records}
                empty: Any = [] if column == "items" else None
                return [found.get(i, empty) for i in ids]

            loader = DataLoader(load_fn=load)
            self.loaders[key] = loader
        return loader


Info = StrawberryInfo[RequestContext, None]
