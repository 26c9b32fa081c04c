"""Impact reports and text diffs as people read them: a table, a tree, Markdown for a change memo,
or JSON. Pure: a report in, text or renderables out.

A report may hold tens of thousands of nodes (Art. 287 of the Tax Code in a graph of 10,000
procedures: ~24,000), so every form starts with the counts by kind and distance, which are
complete (unless the walk itself stopped at its bound), and lists the nodes `listed` selects: of
some kinds only, at most `limit` of each kind, nearest first. A report of a very large change lists
only the nearest nodes of each kind with their paths (`ImpactReport.listed_all`), and each form
says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from rich.table import Table
from rich.tree import Tree

from lexgraph.graph.impact import KIND_ORDER, Affected, ImpactReport, Node, Step
from lexgraph.graph.versions import VersionDiff
from lexgraph.impact_words import chain

KIND_TITLES = {
    "procedure": "Procedures",
    "regulation": "Regulations",
    "requirement": "Requirements (documents and requested information)",
    "issued_document": "Issued documents",
    "fee": "Fees",
    "benefit": "Fee benefits",
    "act": "Acts",
    "provision": "Provisions",
    "portal_fact": "Portal facts",
    "other": "Other",
}
DISTANCE_TITLES = {1: "direct", 2: "one step removed"}
FORMATS = ("table", "tree", "markdown", "json")


def distance_title(distance: int) -> str:
    return DISTANCE_TITLES.get(distance, f"{distance - 1} steps removed")


def listed(
    report: ImpactReport, kinds: Sequence[str] | None = None, limit: int | None = None
) -> list[Affected]:
    """The affected nodes to list: of `kinds` (all if None), at most `limit` of each kind (all if
    None), in the report's order (nearest first, then by kind and id)."""
    shown: Counter[str] = Counter()
    chosen = []
    for item in report.affected:
        kind = item.node.kind
        if (kinds is None or kind in kinds) and (limit is None or shown[kind] < limit):
            shown[kind] += 1
            chosen.append(item)
    return chosen


def _short(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def step_json(step: Step) -> dict[str, Any]:
    return {
        "from": step.source.id,
        "to": step.target.id,
        "relation": step.relation,
        "rule": step.rule.value,
        "reversed": step.reversed,
        "text": step.text,
        "explanation": step.describe(),
    }


def affected_json(item: Affected) -> dict[str, Any]:
    return {
        "id": item.node.id,
        "label": item.node.label,
        "kind": item.node.kind,
        "name": item.node.name,
        "distance": item.distance,
        "references": item.references,
        "direct": item.direct,
        "because": chain(item.path),
        "mode": item.mode.value,
        "path": [step_json(s) for s in item.path],
    }


def report_json(
    report: ImpactReport, kinds: Sequence[str] | None = None, limit: int | None = None
) -> dict[str, Any]:
    """The report as JSON: counts of all it affects, and the nodes `listed` (all by default)."""
    shown = _by_distance(listed(report, kinds, limit))
    return {
        "of": list(report.of),
        "asOf": report.as_of.isoformat(),
        "depth": report.depth,
        "truncated": report.truncated,
        "listedAll": report.listed_all,
        "notFound": list(report.not_found),
        "changed": [{"id": n.id, "label": n.label, "name": n.name} for n in report.changed],
        "totalCount": report.total(),
        "counts": report.counts(),
        "directCounts": report.direct_counts(),
        "groups": [
            {
                "distance": distance,
                "title": distance_title(distance),
                "totalCount": report.total(distance),
                "counts": report.counts(distance),
                "affected": [affected_json(a) for a in shown.get(distance, [])],
            }
            for distance in report.distances()
        ],
    }


def _by_distance(items: Iterable[Affected]) -> dict[int, list[Affected]]:
    groups: dict[int, list[Affected]] = {}
    for item in items:
        groups.setdefault(item.distance, []).append(item)
    return groups


def _by_kind(items: Iterable[Affected]) -> dict[str, list[Affected]]:
    groups: dict[str, list[Affected]] = {}
    for item in items:
        groups.setdefault(item.node.kind, []).append(item)
    return {k: groups[k] for k in KIND_ORDER if k in groups}


def report_markdown(
    report: ImpactReport, kinds: Sequence[str] | None = None, limit: int | None = None
) -> str:
    """A change memo: the counts, then the nodes `listed` (all by default) by distance, then by
    kind, each entry with its explanation path."""
    lines = [
        f"# Impact of changing {', '.join(f'`{i}`' for i in report.of)}",
        "",
        f"As of {report.as_of.isoformat()}, followed to depth {report.depth}. "
        f"Changed units (with their sub-units): {len(report.changed)}. "
        f"Affected: {report.total()}.",
    ]
    if report.not_found:
        lines += ["", f"Not in the graph: {', '.join(f'`{i}`' for i in report.not_found)}."]
    if report.truncated:
        lines.append("")
        lines.append("**The walk stopped at its size limit: the counts and lists are incomplete.**")
    elif not report.listed_all:
        lines.append("")
        lines.append(f"**{_listed_note(report)}**")
    if not report.total():
        lines += ["", "Nothing in the graph depends on these units as of this date."]
    else:
        lines += ["", *_markdown_counts(report)]
    shown = _by_distance(listed(report, kinds, limit))
    for distance in report.distances():
        if distance not in shown:
            continue
        lines += ["", f"## Distance {distance}: {distance_title(distance)}"]
        every = report.counts(distance)
        for kind, group in _by_kind(shown[distance]).items():
            lines += ["", f"### {KIND_TITLES[kind]} ({every[kind]})", ""]
            for item in group:
                lines.append(f"- `{item.node.id}`: {_short(item.node.name, 160)}")
                for step in item.path:
                    lines.append(f"  - {_short(step.describe(), 400)}")
            if len(group) < every[kind]:
                lines.append(f"- … and {every[kind] - len(group)} more")
    return "\n".join(lines) + "\n"


def _listed_note(report: ImpactReport) -> str:
    return (
        f"The counts include all {report.total():,} affected; {len(report.affected):,},"
        " the nearest of each kind, are listed with their paths."
    )


def _markdown_counts(report: ImpactReport) -> list[str]:
    groups = report.distances()
    by_distance = {d: report.counts(d) for d in groups}
    header = ["| kind |", *(f" {d} |" for d in groups), " all |"]
    lines = ["".join(header), "|---|" + "---:|" * (len(groups) + 1)]
    for kind, total in report.counts().items():
        cells = [f" {by_distance[d].get(kind, 0)} |" for d in groups]
        lines.append("".join([f"| {KIND_TITLES[kind]} |", *cells, f" {total} |"]))
    return lines


def report_counts(report: ImpactReport) -> Table:
    """How many nodes of each kind the change affects, at each distance: the whole answer in a
    few lines, however many nodes it lists."""
    groups = report.distances()
    table = Table(
        title=f"Affected by {', '.join(report.of)} as of {report.as_of.isoformat()}"
        f" (depth {report.depth}): {report.total():,}"
        + (
            " [red](incomplete: the walk stopped at its size limit)[/red]"
            if report.truncated
            else ""
        ),
        caption=None if report.listed_all or report.truncated else _listed_note(report),
    )
    table.add_column("kind")
    for distance in groups:
        # Edges, not directness: a procedure whose document cites the unit is 3 edges away and
        # a direct dependant all the same (the last column).
        table.add_column(f"{distance} edge{'s' if distance > 1 else ''} away", justify="right")
    table.add_column("all", justify="right")
    table.add_column("of them direct", justify="right")
    by_distance = {d: report.counts(d) for d in groups}
    direct = report.direct_counts()
    for kind, total in report.counts().items():
        cells = [f"{by_distance[d].get(kind, 0):,}" for d in groups]
        table.add_row(KIND_TITLES[kind], *cells, f"{total:,}", f"{direct.get(kind, 0):,}")
    return table


def report_table(
    report: ImpactReport, kinds: Sequence[str] | None = None, limit: int | None = None
) -> Table:
    """The nodes `listed` (all by default), one row each, with its chain from the changed unit
    (in Russian, `lexgraph.impact_words`) and whether it depends directly."""
    items = listed(report, kinds, limit)
    table = Table(
        title=f"Impact of {', '.join(report.of)} as of {report.as_of.isoformat()}"
        f" (depth {report.depth})",
        caption=_shown(items, report, kinds),
    )
    for column in ("dist.", "direct", "kind", "id", "name", "because"):
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(
            str(item.distance),
            "yes" if item.direct else f"no ({item.references} references)",
            item.node.kind,
            item.node.id,
            _short(item.node.name, 60),
            chain(item.path),
        )
    return table


def report_tree(
    report: ImpactReport, kinds: Sequence[str] | None = None, limit: int | None = None
) -> Tree:
    """The explanation paths of the nodes `listed` (all by default) as one tree, rooted at the
    changed units."""
    items = listed(report, kinds, limit)
    root = Tree(
        f"Impact of {', '.join(report.of)} as of {report.as_of.isoformat()}"
        f" ({_shown(items, report, kinds)})"
    )
    branches: dict[tuple[str, ...], Tree] = {}
    for item in items:
        first = item.path[0].source
        key: tuple[str, ...] = (first.id,)
        if key not in branches:
            branches[key] = root.add(f"[bold]{first.label}[/bold] {first.id}")
        for step in item.path:
            parent = branches[key]
            key = (*key, step.target.id)
            if key not in branches:
                arrow = "←" if step.reversed else "→"
                text = f" «{_short(step.text, 70)}»" if step.text else ""
                branches[key] = parent.add(
                    f"{arrow}{step.relation}{arrow} [bold]{step.target.label}[/bold]"
                    f" {step.target.id}{text}"
                )
    return root


def _shown(items: Sequence[Affected], report: ImpactReport, kinds: Sequence[str] | None) -> str:
    of_kinds = sum(n for k, n in report.counts().items() if kinds is None or k in kinds)
    return f"{len(items):,} of {of_kinds:,} affected" + (
        f" ({', '.join(kinds)})" if kinds is not None else ""
    )


def diff_json(diff: VersionDiff) -> dict[str, Any]:
    return {
        "added": [{"label": c.label, "id": c.id} for c in diff.added],
        "removed": [{"label": c.label, "id": c.id} for c in diff.removed],
        "changed": [
            {
                "label": c.label,
                "id": c.id,
                "fields": {
                    f: {"before": c.before.get(f), "after": c.after.get(f)} for f in c.fields
                },
            }
            for c in diff.changed
        ],
        "edgesAdded": [list(k) for k in diff.edges_added],
        "edgesRemoved": [list(k) for k in diff.edges_removed],
        "edgesChanged": [list(k) for k in diff.edges_changed],
    }


def diff_markdown(diff: VersionDiff) -> str:
    lines = ["# Changes between the two texts", ""]
    if diff.empty:
        return "\n".join([*lines, "The two texts state the same facts."]) + "\n"
    for title, changes in (("Added", diff.added), ("Removed", diff.removed)):
        if changes:
            lines += [f"## {title} ({len(changes)})", ""]
            lines += [f"- {c.label} `{c.id}`" for c in changes]
            lines.append("")
    if diff.changed:
        lines += [f"## Changed ({len(diff.changed)})", ""]
        for c in diff.changed:
            lines.append(f"- {c.label} `{c.id}`")
            for f in c.fields:
                lines.append(
                    f"  - `{f}`: {_short(repr(c.before.get(f)), 200)}"
                    f" → {_short(repr(c.after.get(f)), 200)}"
                )
        lines.append("")
    edges = len(diff.edges_added) + len(diff.edges_removed) + len(diff.edges_changed)
    if edges:
        lines.append(
            f"Edges: {len(diff.edges_added)} added, {len(diff.edges_removed)} removed,"
            f" {len(diff.edges_changed)} changed."
        )
    return "\n".join(lines) + "\n"


def report_answer(report: ImpactReport, limit: int | None = None) -> dict[str, Any]:
    """The report in the shape of the API's answer to `queries/impact-page.graphql`: the counts,
    and the procedures (at most `limit`, nearest first) with their chains."""
    procedures = listed(report, ["procedure"], limit)

    def node(n: Node) -> dict[str, Any]:
        return {"graphId": n.id, "type": n.label, "kind": n.kind, "name": n.name}

    return {
        "of": list(report.of),
        "asOf": report.as_of.isoformat(),
        "depth": report.depth,
        "notFound": list(report.not_found),
        "truncated": report.truncated,
        "listedAll": report.listed_all,
        "changed": [node(n) for n in report.changed],
        "totalCount": report.total(),
        "counts": [{"kind": k, "total": t} for k, t in report.counts().items()],
        "groups": [
            {
                "distance": d,
                "totalCount": report.total(d),
                "counts": [{"kind": k, "total": t} for k, t in report.counts(d).items()],
            }
            for d in report.distances()
        ],
        "procedures": {
            "totalCount": report.counts().get("procedure", 0),
            "nodes": [
                {
                    "node": node(item.node),
                    "distance": item.distance,
                    "mode": item.mode.value,
                    "path": [
                        {
                            "source": node(s.source),
                            "target": node(s.target),
                            "relation": s.relation,
                            "reversed": s.reversed,
                            "text": s.text,
                        }
                        for s in item.path
                    ],
                }
                for item in procedures
            ],
        },
    }


def report_markdown_ru(report: ImpactReport, limit: int | None = 100) -> str:
    """The change memo in Russian, as the reading room's `/impact.md` writes it from the API's
    answer (`lexgraph.pages.impact_view.memo_markdown`): one text, whichever way it was asked."""
    from lexgraph.pages.impact_view import memo_markdown

    return memo_markdown(report_answer(report, limit))
