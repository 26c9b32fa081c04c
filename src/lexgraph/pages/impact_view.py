"""The impact of a change in legal words: the chains from the changed unit to each procedure as
one nested list, and the memo in Russian (Markdown) a lawyer downloads or prints.

Pure: the API's answer to `queries/impact-page.graphql` in, a tree or text out. Each edge of a
chain is a sentence in the direction the graph states it («Документ … ссылается на часть 1 пункта
6 статьи 287 …»), so the memo never reads backwards whichever way the change travels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lexgraph.citations.units import UNIT_LEMMAS
from lexgraph.full_label import ActName, Unit, full_label
from lexgraph.pages import words


@dataclass
class Branch:
    """A node of the chain tree: the node, the sentence that links it to its parent, the
    procedures' distance when it is one, and what the change reaches through it."""

    node: dict[str, Any]
    sentence: str | None = None
    quoted: str | None = None
    distance: int | None = None
    children: list[Branch] = field(default_factory=list)


def step_sentence(step: dict[str, Any]) -> str:
    """One edge as a sentence in the graph's direction: «A ссылается на B»."""
    start, end = (
        (step["target"], step["source"]) if step["reversed"] else (step["source"], step["target"])
    )
    relation = words.RELATIONS.get(step["relation"], step["relation"])
    return f"{node_name(start)} {relation} {node_name(end)}"


def chain_tree(impact: dict[str, Any]) -> list[Branch]:
    """The chains of the listed procedures merged into one tree per changed unit: a chain that
    shares its first edges with another is drawn under the same branches."""
    roots: list[Branch] = []
    index: dict[tuple[str, ...], Branch] = {}
    for item in impact["procedures"]["nodes"]:
        path = item["path"]
        if not path:
            continue
        first = path[0]["source"]
        key: tuple[str, ...] = (first["graphId"],)
        if key not in index:
            index[key] = Branch(first)
            roots.append(index[key])
        for step in path:
            parent = index[key]
            key = (*key, step["target"]["graphId"])
            if key not in index:
                index[key] = Branch(step["target"], step_sentence(step), step.get("text"))
                parent.children.append(index[key])
        index[key].distance = item["distance"]
    return roots


def distance_words(distance: int) -> str:
    """1 → «непосредственно», 3 → «через 2 звена»."""
    if distance <= 1:
        return "непосредственно"
    links = distance - 1
    return f"через {links} {words.plural(links, ('звено', 'звена', 'звеньев'))}"


def memo_markdown(impact: dict[str, Any]) -> str:
    """The memo: what changes, the counts by kind and distance, then each affected procedure with
    the chain that explains it, in Russian."""
    changed = impact["changed"]
    lines = [
        "# Последствия изменения норм",
        "",
        f"Изменяемые нормы (с их структурными единицами): {len(changed)}.",
        *[f"- {node_name(n)}" for n in changed[:20]],
        *([f"- … и еще {len(changed) - 20}"] if len(changed) > 20 else []),
        "",
        f"На дату {words.date(impact['asOf'])}, связи прослежены на глубину {impact['depth']}."
        f" Затронуто элементов: {impact['totalCount']}.",
    ]
    if impact["notFound"]:
        lines += ["", "Нет в графе: " + ", ".join(f"`{i}`" for i in impact["notFound"]) + "."]
    if impact["truncated"]:
        lines += ["", "**Обход остановлен на пределе размера: числа и списки неполны.**"]
    elif not impact["listedAll"]:
        lines += ["", "**Числа полны; перечислены только ближайшие элементы каждого вида.**"]
    lines += ["", "## Сводка", "", *_counts_table(impact)]
    procedures = impact["procedures"]
    lines += ["", f"## Административные процедуры ({procedures['totalCount']})", ""]
    if not procedures["nodes"]:
        lines.append("Ни одна административная процедура не зависит от этих норм на эту дату.")
    for item in procedures["nodes"]:
        lines.append(f"- **{node_name(item['node'])}** — {distance_words(item['distance'])}")
        for step in item["path"]:
            quoted = f" («{_flat(step['text'])}»)" if step.get("text") else ""
            lines.append(f"  - {step_sentence(step)}{quoted}")
    shown = len(procedures["nodes"])
    if shown < procedures["totalCount"]:
        lines.append(f"- … и еще {procedures['totalCount'] - shown}")
    return "\n".join(lines) + "\n"


def counts_rows(impact: dict[str, Any]) -> tuple[list[int], list[tuple[str, list[int], int]]]:
    """The distances, and for each kind its Russian name, its count at each distance, its total."""
    distances = [g["distance"] for g in impact["groups"]]
    by_distance = {
        g["distance"]: {c["kind"]: c["total"] for c in g["counts"]} for g in impact["groups"]
    }
    rows = [
        (
            words.word(words.IMPACT_KINDS, c["kind"]),
            [by_distance[d].get(c["kind"], 0) for d in distances],
            c["total"],
        )
        for c in impact["counts"]
    ]
    return distances, rows


def _counts_table(impact: dict[str, Any]) -> list[str]:
    distances, rows = counts_rows(impact)
    if not rows:
        return ["Ничто в графе не зависит от этих норм на эту дату."]
    header = "| вид | " + " | ".join(distance_words(d) for d in distances) + " | всего |"
    lines = [header, "|---|" + "---:|" * (len(distances) + 1)]
    for name, cells, total in rows:
        lines.append(f"| {name} | " + " | ".join(str(c) for c in cells) + f" | {total} |")
    return lines


def node_name(node: dict[str, Any]) -> str:
    """A node as the memo and the page name it: a unit of an act in full, else its caption."""
    if node.get("type") == "Provision":
        named = provision_name(node["graphId"])
        if named is not None:
            return named
    return _flat(node.get("name") or node["graphId"])


def provision_name(graph_id: str) -> str | None:
    """A unit of an act named in full from its graph id alone («часть 1 пункта 6 статьи 287
    Налогового кодекса Республики Беларусь»): what the id tells of the act (a code's name, an
    act's kind and date), nothing more; None when a segment of the path is no unit we name."""
    act_id, _, e_id = graph_id.partition("#")
    if not e_id:
        return None
    chain = []
    for segment in e_id.split("__"):
        unit, _, number = segment.rpartition("_")
        if unit not in UNIT_LEMMAS or not number:
            return None
        chain.append(Unit(unit, number))
    return full_label(chain, ActName(act_id))


def _flat(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 300 else flat[:299] + "…"
