"""What every resolver gets: the process's Neo4j driver and the database to read from."""

from __future__ import annotations

from dataclasses import dataclass, field

from neo4j import AsyncDriver
from strawberry.types import Info as StrawberryInfo

from lexgraph.config import Settings


@dataclass(slots=True)
class RequestContext:
    """Created per request, so per-request caches (DataLoaders) never leak between users."""

    driver: AsyncDriver
    settings: Settings
    round_trips: list[str] = field(default_factory=list)

    @property
    def database(self) -> str:
        return self.settings.neo4j_database


Info = StrawberryInfo[RequestContext, None]
