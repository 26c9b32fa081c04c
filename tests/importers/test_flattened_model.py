"""The model of a flattened text (`importers.regulation_grid`) keeps what a refusal or an amending
act needs to point into the file: the document's name, and each table's first line."""

from __future__ import annotations

from importers.base import SourceDocument
from importers.model import Table
from importers.regulation_grid import flattened_document
from tests.importers.test_reading_variants import SAMPLE


def test_the_model_keeps_the_documents_name() -> None:
    assert flattened_document(SourceDocument("004.txt", SAMPLE)).name == "004.txt"


def test_a_table_begins_on_its_header_line() -> None:
    model = flattened_document(SourceDocument("004.txt", SAMPLE))
    tables = [b for b in model.blocks if isinstance(b, Table)]
    # In 004, the regulation of procedure 10.7.1: «Наименование документа и (или) сведений» on
    # line 92 heads the documents submitted, «Наименование документа» on line 134 the document
    # issued, and «Наименование государственного органа (иной организации), рассматривающего …»
    # on line 154 the appeal.
    assert [t.origin for t in tables[:3]] == ["line 92", "line 134", "line 154"]
