"""Impact reports and text diffs as people read them: a table, a tree, Markdown for a change memo,
or JSON. Pure: a report in, text or renderables out."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.table import Table
from rich.tree import Tree

from lexgraph.graph.impact import KIND_ORDER, Affected, ImpactReport, Step
from lexgraph.graph.versions import VersionDiff

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
        "mode": item.mode.value,
        "path": [step_json(s) for s in item.path],
    }


def report_json(report: ImpactReport) -> dict[str, Any]:
    return {
        "of": list(report.of),
        "asOf": report.as_of.isoformat(),
        "depth": report.depth,
        "truncated": report.truncated,
        "notFound": list(report.not_found),
        "changed": [{"id": n.id, "label": n.label, "name": n.name} for n in report.changed],
        "groups": [
            {
                "distance": distance,
                "title": distance_title(distance),
                "affected": [affected_json(a) for a in items],
            }
            for distance, items in report.by_distance().items()
        ],
    }


def _by_kind(items: Iterable[Affected]) -> dict[str, list[Affected]]:
    groups: dict[str, list[Affected]] = {}
    for item in items:
        groups.setdefault(item.node.kind, []).append(item)
    return {k: groups[k] for k in KIND_ORDER if k in groups}


def report_markdown(report: ImpactReport) -> str:
    """A change memo: grouped by distance, then by kind, each entry with its explanation path."""
    lines = [
        f"# Impact of changing {', '.join(f'`{i}`' for i in report.of)}",
        "",
        f"As of {report.as_of.isoformat()}, followed to depth {report.depth}. "
        f"Changed units (with their sub-units): {len(report.changed)}. "
        f"Affected: {len(report.affected)}.",
    ]
    if report.not_found:
        lines += ["", f"Not in the graph: {', '.join(f'`{i}`' for i in report.not_found)}."]
    if report.truncated:
        lines.append("")
        lines.append("**The walk stopped at its size limit: the list is incomplete.**")
    if not report.affected:
        lines += ["", "Nothing in the graph depends on these units as of this date."]
    for distance, items in report.by_distance().items():
        lines += ["", f"## Distance {distance}: {distance_title(distance)}"]
        for kind, group in _by_kind(items).items():
            lines += ["", f"### {KIND_TITLES[kind]} ({len(group)})", ""]
            for item in group:
                lines.append(f"- `{item.node.id}`: {_short(item.node.name, 160)}")
                for step in item.path:
                    lines.append(f"  - {_short(step.describe(), 400)}")
    return "\n".join(lines) + "\n"


def report_table(report: ImpactReport) -> Table:
    table = Table(
        title=f"Impact of {', '.join(report.of)} as of {report.as_of.isoformat()}"
        f" (depth {report.depth})"
    )
    for column in ("dist.", "kind", "id", "name", "because"):
        table.add_column(column, overflow="fold")
    for item in report.affected:
        last = item.path[-1]
        table.add_row(
            str(item.distance),
            item.node.kind,
            item.node.id,
            _short(item.node.name, 60),
            f"{last.relation} {'from' if last.reversed else 'of'} {last.source.id}",
        )
    return table


def report_tree(report: ImpactReport) -> Tree:
    """The explanation paths as one tree, rooted at the changed units."""
    root = Tree(f"Impact of {', '.join(report.of)} as of {report.as_of.isoformat()}")
    branches: dict[tuple[str, ...], Tree] = {}
    for item in sorted(report.affected, key=lambda a: a.distance):
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
