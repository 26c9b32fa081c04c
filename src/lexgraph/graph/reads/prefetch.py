"""Many relations in one statement: what a query's selection will follow, asked up front.

A prefetch is a list of `Step`s, each a relation (`relations.RELATIONS`) asked for the nodes the
step before it reached (or for the root ids). The statement chains one `CALL` per step; each
returns `rows_{i}`, the same `{id, items}` rows the relation's own statement gives, so the API can
prime its per-request loaders with them. Its items carry the acts that state them, checked once for
all the steps: the statement returns `inForce`, those in force on `$asOf`, and the items to keep
are those whose acts are all among them (`held`). Built only from the relation bodies and generated
names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

from lexgraph.graph.reads.relations import RELATIONS
from lexgraph.graph.validity import acts_in_force

ROOT = -1


@dataclass(frozen=True, slots=True)
class Step:
    relation: str
    parent: int = ROOT  # the step whose reached nodes this one starts from; ROOT: `$ids`


@dataclass(frozen=True, slots=True)
class RootLookup:
    """A root field's lookup of its node: `alone`, answering `node` rows; and `as_root`, the start
    of `prefetch_statement`, binding `roots` (the nodes' maps) and `ids_root`."""

    alone: LiteralString
    as_root: LiteralString


def root_lookup(pattern: LiteralString, label: LiteralString) -> RootLookup:
    """Both forms of the lookup of `pattern` (binding `n`, of `label`), so they cannot differ."""
    node: LiteralString = "n {.*, _label: '" + label + "'}"
    return RootLookup(
        alone="MATCH " + pattern + " RETURN " + node + " AS node",
        as_root="OPTIONAL MATCH " + pattern + " WITH collect(" + node + ") AS roots "
        "WITH roots, [root IN roots | root.id] AS ids_root",
    )


def held(rows: list[dict[str, Any]], in_force: list[str]) -> dict[str, list[Any]]:
    """A step's rows (`{id, items}`) as the loaders hold them: by id, the items whose acts are all
    in force (`inForce` of the statement)."""
    acts = set(in_force)
    return {
        row["id"]: [item for item in row["items"] if acts.issuperset(item["acts"])] for row in rows
    }


def prefetch_statement(steps: Sequence[Step], root: LiteralString | None = None) -> LiteralString:
    """The statement for `steps` from `$ids`; or, with a `root` lookup, from the nodes it finds,
    which it returns too (`roots`): a page found and prefetched in one round trip."""
    parts = ["WITH $ids AS ids_root" if root is None else root]
    for i, step in enumerate(steps):
        relation = RELATIONS[step.relation]
        source = "ids_root" if step.parent == ROOT else f"ids_{step.parent}"
        parts.append(
            f"CALL ({source}) {{ UNWIND {source} AS id "
            f"RETURN collect({{id: id, items: {relation.body}}}) AS rows_{i} }}"
        )
        # The nodes the step reached (for citations, the units cited), each once: many parents
        # may reach one node.
        reached = "item.cited.id" if relation.citations else "item.node.id"
        parts.append(
            f"CALL (rows_{i}) {{ UNWIND rows_{i} AS row UNWIND row.items AS item "
            f"RETURN collect(DISTINCT {reached}) AS ids_{i} }}"
        )
    # The acts stating what the steps read, each once, and those of them in force on `$asOf`
    # (`acts_in_force`): the caller keeps the items all of whose acts are among them. Filtering
    # the rows here as well, in one list expression per step, took a third more to plan.
    columns = [f"rows_{i}" for i in range(len(steps))]
    every_row = " + ".join(columns) or "[]"
    parts.append(
        f"CALL ({', '.join(columns)}) {{ UNWIND {every_row} AS row UNWIND row.items AS item "
        "UNWIND item.acts AS stated RETURN collect(DISTINCT stated) AS statingActs }"
    )
    returned = [*columns, acts_in_force("statingActs") + " AS inForce"]
    parts.append("RETURN " + ", ".join(returned if root is None else ["roots", *returned]))
    return "\n".join(parts)
