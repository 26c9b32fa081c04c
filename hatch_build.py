"""The wheel installs one top-level package, `lexgraph`: the readers in `importers/` go inside it
as `lexgraph.importers`.

The checkout keeps `importers/` at the top (the layout asks for it) and imports it as
`importers`; the editable install puts the checkout's root on the path for that. A wheel must not
claim so generic a name, so this hook copies `importers/` into the wheel as `lexgraph/importers/`
and, in those copies and in the package's modules that import it, writes `importers` as
`lexgraph.importers`. Only the wheel's copies change; the source does not.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# `import importers`, `import importers.x`, `from importers import y`, `from importers.x import y`
IMPORT = re.compile(r"^(\s*)(from|import)\s+importers(\.|\s|$)", re.MULTILINE)


def inside_lexgraph(source: str) -> str:
    """`source` with its imports of `importers` made imports of `lexgraph.importers`."""

    def rewritten(match: re.Match[str]) -> str:
        indent, keyword, after = match.groups()
        if keyword == "import" and after != ".":
            return f"{indent}import lexgraph.importers as importers{after}"
        return f"{indent}{keyword} lexgraph.importers{after}"

    return IMPORT.sub(rewritten, source)


class ImportersInsideLexgraph(BuildHookInterface):  # type: ignore[type-arg]  # generic in its config
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # the editable install reads the checkout as it is
        root = Path(self.root)
        self._copies = Path(tempfile.mkdtemp(prefix="lexgraph-wheel-"))
        moved = {
            path: Path("lexgraph/importers") / path.relative_to(root / "importers")
            for path in sorted((root / "importers").rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts
        }
        importing = {
            path: Path("lexgraph") / path.relative_to(root / "src" / "lexgraph")
            for path in sorted((root / "src" / "lexgraph").rglob("*.py"))
            if IMPORT.search(path.read_text(encoding="utf-8"))
        }
        for source, target in {**moved, **importing}.items():
            copy = self._copies / target
            copy.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".py":
                copy.write_text(inside_lexgraph(source.read_text(encoding="utf-8")), "utf-8")
            else:
                shutil.copyfile(source, copy)
            build_data["force_include"][str(copy)] = str(target)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        copies = getattr(self, "_copies", None)
        if copies is not None:
            shutil.rmtree(copies, ignore_errors=True)
