"""Bulk first load: the first texts of many documents written into a new local store by Neo4j's
import tool (`neo4j-admin database import full`) instead of through transactions.

The transactional loader merges every row into a live graph, its indexes updated on each commit;
the import tool writes the store files directly and the indexes are built once afterwards, when
the migrations run. The rows are the loader's own plan (`lexgraph.graph.first_texts`), so the graph
is the one `load_batches` writes, shared nodes merged and mentions linked alike; only the project's
own Neo4j, stopped and with no database yet, can take it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, LiteralString

from neo4j import AsyncDriver

from lexgraph import local_neo4j
from lexgraph.config import load_settings
from lexgraph.graph import first_texts
from lexgraph.graph.driver import create_driver
from lexgraph.graph.migrations import apply_migrations
from lexgraph.graph.records import GraphBatch, cypher_label

# Arrays are one CSV field, their elements split at a character no text of ours holds.
ARRAY_DELIMITER = "\x1f"


class BulkImportError(Exception):
    """The documents cannot be bulk-loaded; the message says which and why."""


@dataclass(frozen=True, slots=True)
class BulkReport:
    documents: int
    nodes: int
    edges: int
    # Making the batches (the caller's generator or parser), apart from planning them.
    make_s: float
    plan_s: float
    write_s: float
    import_s: float
    # Starting Neo4j on the new store, building its indexes, setting the deferred lists.
    index_s: float

    @property
    def seconds(self) -> float:
        return self.make_s + self.plan_s + self.write_s + self.import_s + self.index_s


def _scalar_type(value: Any) -> str | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double" if math.isfinite(value) else None
    if isinstance(value, str):
        return "string"
    if isinstance(value, dt.datetime):
        return "datetime" if value.tzinfo is not None else "localdatetime"
    if isinstance(value, dt.date):
        return "date"
    return None


def csv_type(value: Any) -> str | None:
    """The import tool's type of a property value (`string`, `long[]` …); None for one it cannot
    hold as the transactional loader would store it."""
    if isinstance(value, list | tuple):
        types = {_scalar_type(element) for element in value}
        if len(types) != 1 or None in types:
            return None  # empty (no element type to give), mixed, or unsupported elements
        return f"{types.pop()}[]"
    return _scalar_type(value)


def _deferred(value: Any) -> bool:
    """An empty list, or one holding an empty text: the tool reads an empty array field as no
    value, and may drop empty elements; the driver stores them as they are."""
    return isinstance(value, list | tuple) and (not value or "" in value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _quoted(text: str) -> str:
    """A CSV field holding `text`: quoted, its quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def csv_field(value: Any) -> str:
    """One CSV field: text always quoted (an empty text is not a missing value), arrays joined."""
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, list | tuple):
        elements = [_text(element) for element in value]
        if any(ARRAY_DELIMITER in element for element in elements):
            raise ValueError("an array element holds the array delimiter U+001F")
        return _quoted(ARRAY_DELIMITER.join(elements))
    return _text(value)


def _columns_and_fields(
    properties: Mapping[str, Any],
    where: Callable[[], str],
    deferred: dict[str, Any] | None = None,
    skip: str | None = None,
) -> tuple[tuple[str, ...], list[str]]:
    """The typed columns and CSV fields of the properties to write (text and integers, most of
    them, on a short path); lists the tool cannot write go to `deferred` when given, to be set
    after the import."""
    columns: list[str] = []
    fields: list[str] = []
    for key in sorted(properties):
        if key == skip:
            continue
        value = properties[key]
        kind_of = type(value)
        if kind_of is str:
            columns.append(key + ":string")
            fields.append(_quoted(value))
            continue
        if kind_of is int:
            columns.append(key + ":long")
            fields.append(str(value))
            continue
        if value is None:
            continue
        if deferred is not None and _deferred(value):
            deferred[key] = value
            continue
        kind = csv_type(value)
        if kind is None:
            raise BulkImportError(
                f"{where()}: property {key!r} holds {value!r}, which the import tool cannot"
                " write as the loader would store it"
            )
        try:
            field = csv_field(value)
        except ValueError as error:
            raise BulkImportError(f"{where()}: property {key!r}: {error}") from None
        columns.append(f"{key}:{kind}")
        fields.append(field)
    return tuple(columns), fields


class _CsvFiles:
    """CSV files, one per element kind and set of typed properties (a header says each column's
    type, and rows of one label may hold different properties)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._open: dict[tuple[Any, ...], IO[str]] = {}
        self.arguments: list[str] = []
        self.multiline = False
        # Label -> rows of {id, properties} for the nodes' deferred lists.
        self.deferred: dict[str, list[dict[str, Any]]] = {}

    def _file(
        self, option: str, name: str, head: tuple[str, ...], columns: tuple[str, ...]
    ) -> IO[str]:
        signature = (option, name, head, columns)
        handle = self._open.get(signature)
        if handle is None:
            # Keys come from the model's builders; one the header cannot name stops the load.
            for column in columns:
                key = column.rpartition(":")[0]
                if not key.isidentifier():
                    raise BulkImportError(f"{name}: property key {key!r} cannot head a column")
            path = self.directory / f"{len(self._open):05d}-{name}.csv"
            handle = path.open("w", encoding="utf-8", newline="")
            handle.write(",".join(head + columns) + "\n")
            self._open[signature] = handle
            self.arguments.append(f"--{option}={name}={path}")
        return handle

    def _row(self, handle: IO[str], fields: list[str]) -> None:
        line = ",".join(fields)
        if "\n" in line or "\r" in line:
            self.multiline = True
        handle.write(line + "\n")

    def node(self, label: str, node_id: str, properties: Mapping[str, Any]) -> None:
        if properties.get("id", node_id) != node_id:
            raise BulkImportError(f"{label} {node_id}: its 'id' property differs from its id")
        deferred: dict[str, Any] = {}
        columns, fields = _columns_and_fields(
            properties, lambda: f"{label} {node_id}", deferred, skip="id"
        )
        if deferred:
            row = {"id": node_id, "properties": deferred}
            self.deferred.setdefault(label, []).append(row)
        handle = self._file("nodes", label, (f"id:ID({label})",), columns)
        self._row(handle, [csv_field(node_id), *fields])

    def edge(
        self,
        edge_type: str,
        source: first_texts.NodeKey,
        target: first_texts.NodeKey,
        properties: Mapping[str, Any],
    ) -> None:
        columns, fields = _columns_and_fields(
            properties,
            lambda: f"{edge_type} from {source[0]} {source[1]} to {target[0]} {target[1]}",
        )
        head = (f":START_ID({source[0]})", f":END_ID({target[0]})")
        handle = self._file("relationships", edge_type, head, columns)
        self._row(handle, [csv_field(source[1]), csv_field(target[1]), *fields])

    def close(self) -> None:
        for handle in self._open.values():
            handle.close()


def _version_nodes(
    planned: first_texts.FirstTexts, imported_at: dt.datetime
) -> Iterator[tuple[first_texts.PlannedVersion, dict[str, Any], dict[str, Any]]]:
    """Each document's `Version` and its `VERSION_OF` edge, as `versions.OPEN_VERSION` writes
    them for a first text (no act, no effective date)."""
    for version in planned.versions:
        node = {
            "id": version.version,
            "importedAt": imported_at,
            "sourceDocument": version.document,
            "checksum": version.checksum,
            "lineCount": version.line_count,
        }
        edge = {"sourceDocument": version.document, "lineStart": 1, "lineEnd": version.line_count}
        yield version, node, edge


@dataclass(frozen=True, slots=True)
class ImportFiles:
    arguments: list[str]
    nodes: int
    edges: int
    # Node properties the tool cannot write, by label: set once the store runs.
    deferred: dict[str, list[dict[str, Any]]]


def write_files(
    planned: first_texts.FirstTexts, directory: Path, imported_at: dt.datetime
) -> ImportFiles:
    """The import tool's files for the plan, and what they hold."""
    files = _CsvFiles(directory)
    nodes = edges = 0
    try:
        for node in planned.nodes.values():
            properties = node.properties if not node.owned else node.properties | {"id": node.id}
            files.node(node.label, node.id, properties)
            nodes += 1
        for edge in planned.edges.values():
            # An end no document writes is not in a new store: the loader's edge finds no node.
            if edge.source in planned.nodes and edge.target in planned.nodes:
                files.edge(edge.type, edge.source, edge.target, edge.properties)
                edges += 1
        for document, key in first_texts.mentions(planned):
            files.edge("MENTIONS", ("SourceDocument", document), key, {})
            edges += 1
        for version, version_node, version_of in _version_nodes(planned, imported_at):
            files.node("Version", version.version, version_node)
            files.edge(
                "VERSION_OF", ("Version", version.version),
                ("SourceDocument", version.document), version_of,
            )  # fmt: skip
            nodes += 1
            edges += 1
    finally:
        files.close()
    arguments = list(files.arguments)
    arguments.append(f"--array-delimiter={ARRAY_DELIMITER}")
    if files.multiline:
        arguments.append("--multiline-fields=true")
    return ImportFiles(arguments, nodes, edges, files.deferred)


def _set_deferred(label: str) -> LiteralString:
    return (
        "UNWIND $rows AS row MATCH (n:"
        + cypher_label(label)
        + " {id: row.id}) SET n += row.properties"
    )


async def _set_deferred_properties(
    driver: AsyncDriver, database: str, deferred: dict[str, list[dict[str, Any]]]
) -> None:
    for label, rows in sorted(deferred.items()):
        for begin in range(0, len(rows), DEFERRED_BATCH):
            await driver.execute_query(
                _set_deferred(label), rows=rows[begin : begin + DEFERRED_BATCH],
                database_=database,
            )  # fmt: skip


DEFERRED_BATCH = 10_000


def _plan(batches: Iterable[GraphBatch]) -> tuple[first_texts.FirstTexts, int, float]:
    """The plan, the documents in it, and the seconds spent making the batches (generating
    or parsing them), apart from planning."""
    planned = first_texts.FirstTexts()
    count = 0
    making_s = 0.0
    iterator = iter(batches)
    while True:
        began = time.perf_counter()
        batch = next(iterator, None)
        making_s += time.perf_counter() - began
        if batch is None:
            return planned, count, making_s
        try:
            planned.add(batch)
        except first_texts.NotTogether as error:
            message = f"cannot bulk-load document {batch.document_id}: {error}"
            raise BulkImportError(message) from None
        count += 1


def _plan_and_write(
    batches: Iterable[GraphBatch], directory: Path
) -> tuple[ImportFiles, int, float, float, float]:
    # The plan is dropped on return, before the import tool needs the memory.
    began = time.perf_counter()
    planned, count, making_s = _plan(batches)
    planned_s = time.perf_counter() - began - making_s
    began = time.perf_counter()
    files = write_files(planned, directory, dt.datetime.now(dt.UTC))
    return files, count, making_s, planned_s, time.perf_counter() - began


def write_store(
    home: Path, batches: Iterable[GraphBatch], *, heap: str = "1g", off_heap_mb: int = 1024
) -> tuple[BulkReport, dict[str, list[dict[str, Any]]]]:
    """Plan the documents and write them into a new store in `home` with the import tool; the
    deferred properties still to set. The tool's report is kept in `home/logs/bulk-import.log`."""
    if local_neo4j.running(home) is not None:
        raise BulkImportError(f"the local Neo4j in {home} is running; stop it first")
    if local_neo4j.store_exists(home):
        raise BulkImportError(f"{home} already holds a database; bulk loading needs a new store")
    home.mkdir(parents=True, exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix="bulk-", dir=home))
    try:
        files, count, making_s, planned_s, written_s = _plan_and_write(batches, directory)
        began = time.perf_counter()
        arguments = [*files.arguments, f"--max-off-heap-memory={off_heap_mb}m"]
        output = local_neo4j.import_full(home, arguments, heap=heap)
        imported_s = time.perf_counter() - began
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    (home / "logs").mkdir(exist_ok=True)
    (home / "logs" / "bulk-import.log").write_text(output, encoding="utf-8")
    report = BulkReport(
        count, files.nodes, files.edges, making_s, planned_s, written_s, imported_s, 0.0
    )
    return report, files.deferred


async def bulk_load(
    home: Path,
    batches: Iterable[GraphBatch],
    *,
    heap: str = "1g",
    page_cache_mb: int = 256,
    port: int = 0,
    database: str = "neo4j",
) -> tuple[local_neo4j.RunningNeo4j, BulkReport]:
    """Write the documents' first texts into a new store in `home`, then start the local Neo4j
    on it and build the indexes (the migrations): the graph `load_batches` would have written.
    Returns the running Neo4j."""
    report, deferred = write_store(home, batches, heap=heap, off_heap_mb=page_cache_mb)
    began = time.perf_counter()
    found = local_neo4j.start(home, port=port, heap=heap, page_cache_mb=page_cache_mb)
    driver = create_driver(load_settings(neo4j_uri=found.uri))
    try:
        await apply_migrations(driver, database)
        await _set_deferred_properties(driver, database, deferred)
    except BaseException:
        await driver.close()
        local_neo4j.stop(home)
        raise
    await driver.close()
    return found, dataclasses.replace(report, index_s=time.perf_counter() - began)
