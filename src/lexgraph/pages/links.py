"""Stable addresses of the reading room's pages, from graph ids, and back.

A provision's page is `/provision/{act id}/{eId}` (`/provision/by/code/tax/art_287__point_6`):
act ids hold slashes, eIds never do, and a `#` in an address would be read by browsers as an
anchor. A source document's page is `/source/{file name}?lines=A-B#L{A}`.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

_PROCEDURE_IN_ID = re.compile(r"procedure_regulation_(\d+(?:\.\d+)+)")


def procedure(number: str) -> str:
    return f"/procedure/{quote(number)}"


def act(act_id: str) -> str:
    return f"/act/{quote(act_id)}"


def provision(graph_id: str) -> str:
    act_id, _, e_id = graph_id.partition("#")
    return f"/provision/{quote(act_id)}/{quote(e_id)}"


def provision_id(path: str) -> str:
    """The graph id of the provision at `/provision/{path}`; `act#eId` is taken as well."""
    if "#" in path:
        return path
    act_id, _, e_id = path.rpartition("/")
    return f"{act_id}#{e_id}"


def source(document_id: str, line_start: int | None, line_end: int | None = None) -> str:
    """The source viewer at the lines of a provenance, scrolled to the first."""
    name = document_id.removeprefix("source/")
    if line_start is None:
        return f"/source/{quote(name)}"
    lines = f"{line_start}-{line_end or line_start}"
    return f"/source/{quote(name)}?{urlencode({'lines': lines})}#L{line_start}"


def node(graph_id: str, type_name: str | None = None) -> str | None:
    """The page a node is read on: its own (a procedure, an act, a provision), or the card of the
    procedure whose regulation states it (a document, a fee …); None when no page shows it."""
    if graph_id.startswith("procedure/"):
        return procedure(graph_id.removeprefix("procedure/"))
    if graph_id.startswith("source/"):
        return source(graph_id.split("__", 1)[0], None)
    if graph_id.startswith(("authority/", "registry/", "portal/")):
        return None
    if type_name == "Provision":
        return provision(graph_id)
    found = _PROCEDURE_IN_ID.search(graph_id)
    if found is not None:
        return procedure(found.group(1))
    return provision(graph_id) if "#" in graph_id else act(graph_id)


def impact(provisions: list[str], acts: list[str], as_of: str | None = None) -> str:
    pairs = [("provision", p) for p in provisions] + [("act", a) for a in acts]
    if as_of:
        pairs.append(("asOf", as_of))
    return "?" + urlencode(pairs)
