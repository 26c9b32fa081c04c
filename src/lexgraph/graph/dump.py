"""The whole graph as a portable JSON-lines file, and back; plus a canonical dump for comparisons.

`dump_graph` writes a header line, then every node (labels, properties, a key local to the file),
then every relationship (type, the keys of its endpoints, properties), sorted, so the same graph
always gives the same bytes. Values JSON cannot hold keep their Neo4j type as a tagged object:
`{"$date": "2023-05-19"}`, `{"$datetime": …}`, `{"$duration": […]}`, `{"$point": …}` … so a date
is restored as a date, never as a string. Schema bookkeeping (`SchemaMigration`) is left out:
`lexgraph migrate` recreates it on the target.

    summary = await dump_graph(driver, "neo4j", path.open("w"))
    await restore_graph(driver, "neo4j", path.read_text().splitlines(), name=path.name)

`restore_graph` checks the whole file before writing anything, then writes it in one transaction
with batched `UNWIND … CREATE`: into an empty graph, or, with `replace=True`, instead of the
current one. Either the whole file is restored or nothing changes.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j.exceptions import ClientError
from neo4j.spatial import CartesianPoint, Point, WGS84Point
from neo4j.time import Date, DateTime, Duration, Time

FORMAT = "lexgraph-dump"
VERSION = 1
BATCH_SIZE = 1000
_INT64 = (-(2**63), 2**63 - 1)

NODES = """
MATCH (n) WHERE NOT n:SchemaMigration
RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS properties
"""

RELATIONSHIPS = """
MATCH (a)-[r]->(b) WHERE NOT a:SchemaMigration AND NOT b:SchemaMigration
RETURN elementId(a) AS source, elementId(b) AS target, a.id AS sourceId, b.id AS targetId,
       type(r) AS type, properties(r) AS properties
"""

HAS_DATA = "MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) > 0 AS found"

WIPE_BATCH = """
MATCH (n) WHERE NOT n:SchemaMigration
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
"""

CREATE_NODES = """
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.properties
RETURN row.key AS key, elementId(n) AS element
"""

CREATE_RELATIONSHIPS = """
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.source
MATCH (b) WHERE elementId(b) = row.target
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS created
"""


# --- typed values

_POINT_TYPES: dict[int, type[Point]] = {
    7203: CartesianPoint,
    9157: CartesianPoint,
    4326: WGS84Point,
    4979: WGS84Point,
}


def encode_value(value: Any) -> Any:
    """A property value as JSON; Neo4j types JSON lacks become `{"$type": …}` objects."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    # Points and durations are tuples: they come before plain lists.
    if isinstance(value, Point):
        return {"$point": {"srid": value.srid, "coordinates": list(value)}}
    if isinstance(value, Duration):
        return {"$duration": [value.months, value.days, value.seconds, value.nanoseconds]}
    if isinstance(value, list | tuple):
        return [encode_value(item) for item in value]
    if isinstance(value, DateTime):
        if value.tzinfo is None:
            return {"$localdatetime": value.iso_format()}
        encoded: dict[str, Any] = {"$datetime": value.iso_format()}
        zone = getattr(value.tzinfo, "key", None) or getattr(value.tzinfo, "zone", None)
        if zone:
            encoded["zone"] = str(zone)
        return encoded
    if isinstance(value, Date):
        return {"$date": value.iso_format()}
    if isinstance(value, Time):
        key = "$localtime" if value.tzinfo is None else "$time"
        return {key: value.iso_format()}
    if isinstance(value, bytes | bytearray):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    raise TypeError(f"a property value of an unknown type: {type(value).__name__}")


def decode_value(value: Any) -> Any:
    """The inverse of `encode_value`; `ValueError` for anything a dump cannot contain."""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        if not _INT64[0] <= value <= _INT64[1]:
            raise ValueError(f"an integer outside the 64-bit range: {value}")
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, list):
        return [decode_value(item) for item in value]
    if isinstance(value, dict) and len([k for k in value if str(k).startswith("$")]) == 1:
        return _decode_tagged(value)
    raise ValueError(f"a value a property cannot hold: {json.dumps(value, ensure_ascii=False)}")


class DriverSafeZone(tzinfo):
    """A named time zone the driver can send.

    The driver asks a zone for the offset of its own `DateTime` type; zoneinfo's C code reads
    that object as a native datetime and crashes the process, so this converts it first.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        self._zone = ZoneInfo(key)

    @staticmethod
    def _wall(dt: Any) -> datetime | None:
        if dt is None:
            return None
        native = dt.to_native() if hasattr(dt, "to_native") else dt
        return native.replace(tzinfo=None) if isinstance(native, datetime) else None

    def utcoffset(self, dt: Any) -> timedelta | None:
        return self._zone.utcoffset(self._wall(dt))

    def dst(self, dt: Any) -> timedelta | None:
        return self._zone.dst(self._wall(dt))

    def tzname(self, dt: Any) -> str | None:
        return self._zone.tzname(self._wall(dt))

    def fromutc(self, dt: datetime) -> datetime:
        return self._zone.fromutc(dt.replace(tzinfo=self._zone)).replace(tzinfo=self)

    def __repr__(self) -> str:
        return f"DriverSafeZone({self.key!r})"


def _decode_tagged(value: dict[str, Any]) -> Any:
    tag = next(key for key in value if key.startswith("$"))
    body = value[tag]
    if len(value) == 2 and not (tag == "$datetime" and "zone" in value):
        raise ValueError(f"an unknown typed value: {json.dumps(value, ensure_ascii=False)}")
    try:
        if tag == "$float" and body in ("nan", "inf", "-inf"):
            return float(body)
        if tag == "$date":
            return Date.from_iso_format(body)
        if tag in ("$datetime", "$localdatetime"):
            parsed = DateTime.from_iso_format(body)
            if "zone" in value:
                return parsed.astimezone(DriverSafeZone(value["zone"]))
            return parsed
        if tag in ("$time", "$localtime"):
            return Time.from_iso_format(body)
        if tag == "$duration" and isinstance(body, list) and len(body) == 4:
            months, days, seconds, nanoseconds = (int(part) for part in body)
            return Duration(months=months, days=days, seconds=seconds, nanoseconds=nanoseconds)
        if tag == "$point" and isinstance(body, dict) and body.get("srid") in _POINT_TYPES:
            return _POINT_TYPES[body["srid"]](float(c) for c in body["coordinates"])
        if tag == "$bytes":
            return base64.b64decode(body, validate=True)
    except (TypeError, ValueError, KeyError, LookupError) as error:
        raise ValueError(f"a malformed {tag} value: {error}") from None
    raise ValueError(f"an unknown typed value: {json.dumps(value, ensure_ascii=False)}")


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False)


def _properties(properties: Mapping[str, Any]) -> dict[str, Any]:
    return {key: encode_value(value) for key, value in properties.items()}


# --- canonical dump


async def canonical_dump(driver: AsyncDriver, database: str) -> list[str]:
    """Every node and relationship as a sorted list of canonical JSON lines (typed values kept),
    to prove that something (a failed import, a dump and restore) left the graph as it was."""
    nodes, relationships = await _read_graph(driver, database)
    lines = [_json({"node": sorted(r["labels"]), **_properties(r["properties"])}) for r in nodes]
    lines += [
        _json(
            {
                "edge": r["type"],
                "from": r["sourceId"],
                "to": r["targetId"],
                **_properties(r["properties"]),
            }
        )
        for r in relationships
    ]
    return sorted(lines)


async def _read_graph(
    driver: AsyncDriver, database: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and relationships read in one transaction, so both come from the same state."""

    async def read(
        tx: AsyncManagedTransaction,
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        nodes = [record.data() async for record in await tx.run(NODES)]
        relationships = [record.data() async for record in await tx.run(RELATIONSHIPS)]
        return nodes, relationships

    async with driver.session(database=database, default_access_mode="READ") as session:
        return await session.execute_read(read)


# --- dump


@dataclass(frozen=True, slots=True)
class DumpSummary:
    nodes: int
    relationships: int


async def dump_graph(driver: AsyncDriver, database: str, out: TextIO) -> DumpSummary:
    """Write the whole graph (but the migrations' bookkeeping) to `out` as JSON lines."""
    nodes, relationships = await _read_graph(driver, database)
    node_lines = sorted(
        (
            (_json({"labels": sorted(r["labels"]), "properties": _properties(r["properties"])}), r)
            for r in nodes
        ),
        key=lambda pair: pair[0],
    )
    keys = {record["element"]: key for key, (_, record) in enumerate(node_lines)}
    relationship_lines = sorted(
        (
            r["type"],
            keys[r["source"]],
            keys[r["target"]],
            _json(_properties(r["properties"])),
        )
        for r in relationships
    )
    header = {
        "format": FORMAT,
        "version": VERSION,
        "nodes": len(node_lines),
        "relationships": len(relationship_lines),
    }
    out.write(_json(header) + "\n")
    for key, (_, record) in enumerate(node_lines):
        line = {
            "node": key,
            "labels": sorted(record["labels"]),
            "properties": _properties(record["properties"]),
        }
        out.write(_json(line) + "\n")
    for edge_type, source, target, properties in relationship_lines:
        line = {
            "relationship": edge_type,
            "from": source,
            "to": target,
            "properties": json.loads(properties),
        }
        out.write(_json(line) + "\n")
    return DumpSummary(len(node_lines), len(relationship_lines))


# --- restore


class RestoreError(Exception):
    """A dump that cannot be restored: file and line, what was expected, what was found."""

    def __init__(self, name: str, line: int | None, expected: str, found: str) -> None:
        where = f"{name}:{line}" if line is not None else name
        super().__init__(f"{where}: expected {expected}, found {found}")


class GraphNotEmpty(Exception):
    """The target graph holds data and `replace` was not asked for."""


@dataclass(frozen=True, slots=True)
class RestoreSummary:
    nodes: int
    relationships: int
    replaced: int


@dataclass(frozen=True, slots=True)
class _Parsed:
    nodes: list[dict[str, Any]]
    relationships: list[dict[str, Any]]


def _parse(lines: Iterable[str], name: str) -> _Parsed:
    nodes: list[dict[str, Any]] = []
    relationships: list[dict[str, Any]] = []
    keys: set[int] = set()
    header: dict[str, Any] | None = None
    number = 0
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            item = json.loads(text)
        except json.JSONDecodeError as error:
            raise RestoreError(
                name, number, "a JSON object", f"invalid JSON ({error.msg})"
            ) from None
        if not isinstance(item, dict):
            raise RestoreError(name, number, "a JSON object", type(item).__name__)
        if header is None:
            if item.get("format") != FORMAT or item.get("version") != VERSION:
                raise RestoreError(
                    name, number, f"the header of a {FORMAT} version {VERSION} file", text[:80]
                )
            header = item
            continue
        try:
            if "node" in item:
                nodes.append(_node(item, keys))
                keys.add(item["node"])
            elif "relationship" in item:
                relationships.append(_relationship(item, keys))
            else:
                raise ValueError("neither a node nor a relationship")
        except ValueError as error:
            raise RestoreError(name, number, "a node or relationship line", str(error)) from None
    if header is None:
        raise RestoreError(name, None, f"a {FORMAT} file", "no header")
    if (header.get("nodes"), header.get("relationships")) != (len(nodes), len(relationships)):
        raise RestoreError(
            name,
            number,
            f"{header.get('nodes')} nodes and {header.get('relationships')} relationships "
            "as the header says",
            f"{len(nodes)} and {len(relationships)} (a truncated file?)",
        )
    return _Parsed(nodes, relationships)


def _node(item: dict[str, Any], keys: set[int]) -> dict[str, Any]:
    key, labels = item.get("node"), item.get("labels")
    if not isinstance(key, int) or isinstance(key, bool) or key in keys:
        raise ValueError(f"a node key that is not a new integer: {key!r}")
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
        raise ValueError(f"labels that are not a non-empty list of names: {labels!r}")
    if "SchemaMigration" in labels:
        raise ValueError("a SchemaMigration node (bookkeeping that `lexgraph migrate` recreates)")
    return {"key": key, "labels": labels, "properties": _decode_properties(item)}


def _relationship(item: dict[str, Any], keys: set[int]) -> dict[str, Any]:
    edge_type, source, target = item.get("relationship"), item.get("from"), item.get("to")
    if not isinstance(edge_type, str) or not edge_type:
        raise ValueError(f"a relationship type that is not a name: {edge_type!r}")
    for end in (source, target):
        if end not in keys:
            raise ValueError(f"a relationship to node {end!r}, which no earlier line defines")
    return {
        "type": edge_type,
        "source": source,
        "target": target,
        "properties": _decode_properties(item),
    }


def _decode_properties(item: dict[str, Any]) -> dict[str, Any]:
    properties = item.get("properties", {})
    if not isinstance(properties, dict):
        raise ValueError(f"properties that are not an object: {properties!r}")
    return {str(key): decode_value(value) for key, value in properties.items()}


def _chunks(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i : i + BATCH_SIZE] for i in range(0, len(rows), BATCH_SIZE)]


async def restore_graph(
    driver: AsyncDriver,
    database: str,
    lines: Iterable[str],
    *,
    name: str = "dump",
    replace: bool = False,
) -> RestoreSummary:
    """Restore a `dump_graph` file (its lines; `name` is used in errors) in one transaction.

    Raises `RestoreError` for a malformed file (nothing is written), `GraphNotEmpty` when the graph
    holds data and `replace` is false."""
    parsed = _parse(lines, name)

    async def write(tx: AsyncManagedTransaction) -> RestoreSummary:
        record = await (await tx.run(HAS_DATA)).single()
        replaced = 0
        if record is not None and record["found"]:
            if not replace:
                raise GraphNotEmpty(
                    "the graph already holds data: restore into an empty database,"
                    " or pass --replace to replace it"
                )
            while deleted := await _delete_some(tx):
                replaced += deleted
        elements: dict[int, str] = {}
        for chunk in _chunks(parsed.nodes):
            result = await tx.run(CREATE_NODES, rows=chunk)
            elements.update({r["key"]: r["element"] async for r in result})
        for chunk in _chunks(parsed.relationships):
            rows = [
                {
                    "type": r["type"],
                    "source": elements[r["source"]],
                    "target": elements[r["target"]],
                    "properties": r["properties"],
                }
                for r in chunk
            ]
            await (await tx.run(CREATE_RELATIONSHIPS, rows=rows)).consume()
        return RestoreSummary(len(parsed.nodes), len(parsed.relationships), replaced)

    try:
        async with driver.session(database=database) as session:
            return await session.execute_write(write)
    except ClientError as error:
        raise RestoreError(
            name, None, "data Neo4j accepts", f"{error.code}: {error.message}"
        ) from None


async def _delete_some(tx: AsyncManagedTransaction) -> int:
    record = await (await tx.run(WIPE_BATCH, limit=10_000)).single()
    return int(record["deleted"]) if record else 0
