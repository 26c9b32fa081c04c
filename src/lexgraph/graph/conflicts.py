"""Where two sources disagree: both claims stay in the graph, and this lists them side by side."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import AsyncDriver, RoutingControl

# A portal text says a procedure is available electronically, while no document of its
# regulation may be submitted in electronic form.
ELECTRONIC_AVAILABILITY_CONFLICTS = """
MATCH (fact:PortalFact {kind: 'electronic_availability'})-[:ABOUT]->(p:Procedure)
MATCH (r:Regulation)-[:REGULATES]->(p)
WHERE NOT EXISTS {
  MATCH (r)-[:REQUIRES]->(d:DocumentRequirement) WHERE 'electronic' IN d.channels
}
RETURN p.number AS procedure, fact.id AS claim, fact.sourceDocument AS claimSource,
       fact.text AS claimText, r.id AS regulation, r.sourceDocument AS regulationSource,
       [(r)-[:REQUIRES]->(d) | d.channels] AS regulationChannels
ORDER BY procedure, claim
"""


@dataclass(frozen=True, slots=True)
class Conflict:
    procedure: str
    claim: str
    claim_source: str
    claim_text: str
    regulation: str
    regulation_source: str
    regulation_channels: tuple[str, ...]


async def electronic_availability_conflicts(driver: AsyncDriver, database: str) -> list[Conflict]:
    records, _, _ = await driver.execute_query(
        ELECTRONIC_AVAILABILITY_CONFLICTS, database_=database, routing_=RoutingControl.READ
    )
    return [
        Conflict(
            procedure=r["procedure"],
            claim=r["claim"],
            claim_source=r["claimSource"],
            claim_text=r["claimText"],
            regulation=r["regulation"],
            regulation_source=r["regulationSource"],
            regulation_channels=tuple(sorted({c for cs in r["regulationChannels"] for c in cs})),
        )
        for r in records
    ]
