"""The wheel installs one top-level package, `lexgraph`, whole: the readers of `importers/` inside
it (`hatch_build.py`), the sample corpus, the migrations, the named queries and the synthetic
corpus's generator (`lexgraph synth` runs from an installed copy too)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hatch_build import inside_lexgraph
from lexgraph.config import project_root

IMPORTS_OF_IMPORTERS = re.compile(r"^\s*(from|import)\s+importers\b", re.MULTILINE)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from importers.base import SourceDocument\n", "from lexgraph.importers.base import"),
        ("from importers import formats\n", "from lexgraph.importers import formats"),
        ("import importers\n", "import lexgraph.importers as importers"),
        ("    from importers.formats.docx import read\n", "    from lexgraph.importers.formats."),
        ("import importers.model as model\n", "import lexgraph.importers.model as model"),
    ],
)
def test_the_wheel_imports_importers_from_inside_lexgraph(source: str, expected: str) -> None:
    assert inside_lexgraph(source).startswith(expected)


@pytest.mark.parametrize(
    "source",
    [
        "from lexgraph.importing import import_paths\n",
        "import importers_of_goods\n",
        '"""Each file is routed to its parser under `importers/`; import importers."""\n',
    ],
)
def test_other_lines_are_left_as_they_are(source: str) -> None:
    assert inside_lexgraph(source) == source


@pytest.mark.slow  # builds the wheel (~10 s)
def test_the_wheel_installs_only_lexgraph(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(project_root()), "--no-deps",
         "--no-build-isolation", "--quiet", "--wheel-dir", str(tmp_path)],
        check=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("lexgraph-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        sources = {n: archive.read(n).decode() for n in names if n.endswith(".py")}

    assert {name.split("/")[0] for name in names} == {
        "lexgraph",
        wheel.name.split("-py3")[0] + ".dist-info",
    }
    assert {
        "lexgraph/importers/__init__.py",
        "lexgraph/importers/formats/docx.py",
        "lexgraph/importers/corpus/004_85fdc72f4cf61fef.txt",
        "lexgraph/synthetic.py",
        "lexgraph/_schema/migrations/0001_identifiers.cypher",
        "lexgraph/_queries/procedure-details.graphql",
    } <= set(names)
    assert [n for n, text in sources.items() if IMPORTS_OF_IMPORTERS.search(text)] == []
    assert len(names) == len(set(names))  # the rewritten modules replace the originals
