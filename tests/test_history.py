"""History you can trust: the graph is a function of the texts and the days they take effect.

Each scenario below is one way ordinary use used to bend history (import order, back-dating,
returning to an old text, re-importing, another file name, `lexgraph run` importing the sample
again). The expected facts are read from the texts: regulation 15.4.1 of resolution No. 102 charges
a state duty of 5 base units (line 1112); the editions below change that one number, or delete
one row of its table of documents.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, LiteralString

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from neo4j import AsyncDriver

from lexgraph.config import Settings
from lexgraph.graph.conflicts import electronic_availability_conflicts
from lexgraph.graph.loader import load_batch
from lexgraph.graph.records import GraphBatch, NodeRecord
from lexgraph.graph.validity import stated_valid
from lexgraph.importing import ImportReport, import_paths, sample_corpus_dir
from tests.conftest import WIPE_DATA, graph_state

NAME = "004_85fdc72f4cf61fef.txt"
DOCUMENT = f"source/{NAME}"
REGULATION = "by/resolution/mvd/2023-05-19/102#procedure_regulation_15.4.1"
FEE_LINE = 1112  # «… – государственная пошлина в размере 5 базовых величин.»
# Regulation 15.4.1, table 2.1, row 2: «документ об уплате государственной пошлины …» and its
# requirement cell, each followed by the blank line that ends a flattened cell.
SECOND_ROW = (1064, 1067)

FEE_AS_OF: LiteralString = (
    "MATCH (:Regulation {id: $regulation})-[c:CHARGES]->(fee:Fee) WHERE "
    + stated_valid("c")
    + " AND "
    + stated_valid("fee")
    + " RETURN fee.amountBaseUnits AS amount, fee.sourceDocument AS source"
)
DOCUMENTS_AS_OF: LiteralString = (
    "MATCH (:Regulation {id: $regulation})-[r:REQUIRES]->(d:DocumentRequirement) WHERE "
    + stated_valid("r")
    + " AND "
    + stated_valid("d")
    + " RETURN d.position AS position, d.name AS name ORDER BY position"
)
INVERTED: LiteralString = """
CALL () { MATCH (n) WHERE n.validFrom >= n.validTo RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() WHERE r.validFrom >= r.validTo RETURN count(r) AS edges }
RETURN nodes + edges AS inverted
"""
VERSIONS: LiteralString = """
MATCH (v:Version {sourceDocument: $document})
RETURN v.id AS id, v.validFrom AS validFrom, v.validTo AS validTo
ORDER BY coalesce(v.validFrom, date("0001-01-01"))
"""


def sample_lines() -> list[str]:
    return (sample_corpus_dir() / NAME).read_text(encoding="utf-8").split("\n")


def write(folder: Path, lines: list[str], name: str = NAME) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n".join(lines), encoding="utf-8")
    return folder / name


def with_fee(folder: Path, amount: str, name: str = NAME) -> Path:
    """The resolution with the state duty of 15.4.1 set to `amount` base units."""
    lines = sample_lines()
    assert lines[FEE_LINE - 1].endswith("размере 5 базовых величин.")
    lines[FEE_LINE - 1] = lines[FEE_LINE - 1].replace("5 базовых", f"{amount} базовых")
    return write(folder, lines, name)


def without_second_row(folder: Path) -> Path:
    lines = sample_lines()
    first, last = SECOND_ROW
    assert lines[first - 1].replace("\xa0", " ").startswith("документ об уплате государственной")
    del lines[first - 1 : last]
    return write(folder, lines)


async def wipe(driver: AsyncDriver) -> None:
    async with driver.session() as session:
        await (await session.run(WIPE_DATA)).consume()


@pytest.fixture
async def graph(driver: AsyncDriver) -> AsyncDriver:
    await wipe(driver)
    return driver


async def load(
    driver: AsyncDriver,
    settings: Settings,
    path: Path,
    effective: dt.date | None = None,
    *,
    force: bool = False,
) -> ImportReport:
    return await import_paths(
        driver, settings.neo4j_database, [path], effective_from=effective, force=force
    )


async def fee(driver: AsyncDriver, as_of: dt.date) -> list[float]:
    records, _, _ = await driver.execute_query(FEE_AS_OF, regulation=REGULATION, asOf=as_of)
    return [r["amount"] for r in records]


async def rows(driver: AsyncDriver, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = await driver.execute_query(query, params)
    return [dict(r) for r in records]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


async def test_importing_the_sample_again_never_reverts_a_newer_edition(
    graph: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    """What `lexgraph run` (and the image) does on every start: import the bundled corpus."""
    await import_paths(graph, settings.neo4j_database, [sample_corpus_dir()])
    await load(graph, settings, with_fee(tmp_path / "v7", "7"), day("2024-01-01"))

    again = await import_paths(graph, settings.neo4j_database, [sample_corpus_dir()])

    assert all(d.ok and d.summary and d.summary.unchanged for d in again.documents)
    assert await fee(graph, dt.date.today()) == [7.0]
    assert await fee(graph, day("2023-12-31")) == [5.0]
    versions = await rows(graph, VERSIONS, document=DOCUMENT)
    assert next((v["validFrom"], str(v["validTo"])) for v in versions) == (None, "2024-01-01")


async def test_portal_news_imported_before_the_regulations_is_linked_to_them(
    graph: AsyncDriver, settings: Settings
) -> None:
    corpus = sample_corpus_dir()
    news, guide, resolution = (corpus / n for n in sorted(p.name for p in corpus.iterdir()))
    for path in (news, guide, resolution):
        await load(graph, settings, path)
    about = await rows(graph, "MATCH (:PortalFact)-[a:ABOUT]->(p) RETURN p.number AS number")
    conflicts = await electronic_availability_conflicts(graph, settings.neo4j_database)
    news_first = await graph_state(graph, settings.neo4j_database)

    await wipe(graph)
    for path in (resolution, news, guide):
        await load(graph, settings, path)

    # The news says 10.7.1 and 15.4.1 are available electronically; their regulations list no
    # electronic submission.
    assert sorted(r["number"] for r in about) == ["10.7.1", "15.4.1"]
    assert sorted(c.number for c in conflicts) == ["10.7.1", "15.4.1"]
    assert await graph_state(graph, settings.neo4j_database) == news_first


async def test_a_back_dated_edition_goes_between_the_editions_it_falls_between(
    graph: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    await load(graph, settings, sample_corpus_dir() / NAME)
    await load(graph, settings, with_fee(tmp_path / "v12", "12"), day("2024-01-01"))
    await load(graph, settings, with_fee(tmp_path / "v10", "10,5"), day("2023-09-01"))

    assert await fee(graph, day("2023-08-31")) == [5.0]
    assert await fee(graph, day("2023-09-01")) == [10.5]
    assert await fee(graph, day("2023-12-31")) == [10.5]
    assert await fee(graph, day("2024-01-01")) == [12.0]
    assert (await rows(graph, INVERTED))[0]["inverted"] == 0
    versions = await rows(graph, VERSIONS, document=DOCUMENT)
    assert [(str(v["validFrom"]), str(v["validTo"])) for v in versions] == [
        ("None", "2023-09-01"),
        ("2023-09-01", "2024-01-01"),
        ("2024-01-01", "None"),
    ]


async def test_returning_to_an_earlier_text_is_a_new_edition_and_keeps_the_old_one(
    graph: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    await load(graph, settings, sample_corpus_dir() / NAME)
    await load(graph, settings, with_fee(tmp_path / "v12", "12"), day("2024-01-01"))
    report = await load(graph, settings, sample_corpus_dir() / NAME, day("2024-06-01"))

    assert report.documents[0].ok, report.documents[0].error
    assert await fee(graph, day("2023-12-31")) == [5.0]
    assert await fee(graph, day("2024-03-01")) == [12.0]
    assert await fee(graph, day("2024-06-01")) == [5.0]
    versions = await rows(graph, VERSIONS, document=DOCUMENT)
    assert [(str(v["validFrom"]), str(v["validTo"])) for v in versions] == [
        ("None", "2024-01-01"),
        ("2024-01-01", "2024-06-01"),
        ("2024-06-01", "None"),
    ]


@pytest.mark.parametrize(
    ("effective", "refusal"),
    [
        ("1990-01-01", "before the act was adopted (2023-05-19)"),
        ("9999-12-31", "years ahead"),
    ],
)
async def test_an_implausible_effective_day_is_refused_unless_forced(
    graph: AsyncDriver, settings: Settings, tmp_path: Path, effective: str, refusal: str
) -> None:
    await load(graph, settings, sample_corpus_dir() / NAME)
    edition = with_fee(tmp_path / "v12", "12")

    refused = (await load(graph, settings, edition, day(effective))).documents[0]
    assert refused.error is not None
    assert refusal in refused.error
    assert await fee(graph, dt.date.today()) == [5.0]

    forced = (await load(graph, settings, edition, day(effective), force=True)).documents[0]
    assert forced.ok
    assert forced.summary is not None
    assert any(note.startswith("warning:") for note in forced.summary.notes)


async def test_an_edition_imported_again_with_another_day_is_refused_not_ignored(
    graph: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    await load(graph, settings, sample_corpus_dir() / NAME)
    edition = with_fee(tmp_path / "v12", "12")
    await load(graph, settings, edition, day("2024-01-01"))

    later = (await load(graph, settings, edition, day("2024-03-01"))).documents[0]
    assert later.error is not None
    assert "already in force on 2024-03-01" in later.error

    other = with_fee(tmp_path / "v13", "13")
    same_day = (await load(graph, settings, other, day("2024-01-01"))).documents[0]
    assert same_day.error is not None
    assert "two texts cannot hold on one day" in same_day.error
    assert await fee(graph, day("2024-02-01")) == [12.0]

    replaced = (await load(graph, settings, other, day("2024-01-01"), force=True)).documents[0]
    assert replaced.ok
    assert await fee(graph, day("2024-02-01")) == [13.0]
    assert len(await rows(graph, VERSIONS, document=DOCUMENT)) == 2


async def test_a_deleted_row_is_one_deletion_and_the_rows_after_it_are_renumbered(
    graph: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    await load(graph, settings, sample_corpus_dir() / NAME)
    report = await load(graph, settings, without_second_row(tmp_path / "v2"), day("2024-01-01"))

    (result,) = report.documents
    assert result.summary is not None
    assert result.summary.diff is not None
    diff = result.summary.diff
    requirement = f"{REGULATION}__document_"
    assert [c.id for c in diff.removed if c.label == "DocumentRequirement"] == [f"{requirement}2"]
    assert [(c.was, c.id) for c in diff.moved if c.label == "DocumentRequirement"] == [
        (f"{requirement}3", f"{requirement}2")
    ]
    assert not [c for c in diff.changed if c.label == "DocumentRequirement"]
    before = await rows(graph, DOCUMENTS_AS_OF, regulation=REGULATION, asOf=day("2023-12-31"))
    after = await rows(graph, DOCUMENTS_AS_OF, regulation=REGULATION, asOf=day("2024-01-01"))
    assert [r["name"][:20].replace("\xa0", " ") for r in before] == [
        "заявление о выдаче с",
        "документ об уплате г",
        "копия паспорта или и",
    ]
    assert [(r["position"], r["name"][:20].replace("\xa0", " ")) for r in after] == [
        (1, "заявление о выдаче с"),
        (2, "копия паспорта или и"),
    ]


async def test_the_same_act_under_another_file_name_is_the_same_document(
    graph: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    await import_paths(graph, settings.neo4j_database, [sample_corpus_dir()])
    before = await graph_state(graph, settings.neo4j_database)

    copy = write(tmp_path / "copy", sample_lines(), "resolution-102.txt")
    (same,) = (await load(graph, settings, copy)).documents
    assert same.ok
    assert same.summary is not None
    assert same.summary.unchanged
    assert await graph_state(graph, settings.neo4j_database) == before

    renamed = with_fee(tmp_path / "v7", "7", name="resolution-102-2024.txt")
    (edition,) = (await load(graph, settings, renamed, day("2024-01-01"))).documents
    assert edition.ok, edition.error
    documents = await rows(graph, "MATCH (d:SourceDocument) RETURN d.id AS id ORDER BY id")
    assert len(documents) == 3
    versions = await rows(graph, VERSIONS, document=DOCUMENT)
    assert [str(v["validFrom"]) for v in versions] == ["None", "2024-01-01"]
    records, _, _ = await graph.execute_query(
        FEE_AS_OF, regulation=REGULATION, asOf=day("2024-02-01")
    )
    assert [(r["amount"], r["source"]) for r in records] == [(7.0, DOCUMENT)]


# The texts of the property test, each with the day it takes effect (the portal texts are first
# texts that hold since they were published).
EDITIONS = (
    ("news", None),
    ("guide", None),
    ("original", "2023-07-01"),
    ("fee 10,5", "2023-09-01"),
    ("fee 12", "2024-01-01"),
    ("original again", "2024-06-01"),
)


@pytest.fixture(scope="module")
def edition_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("editions")
    corpus = sample_corpus_dir()
    news, guide, _ = sorted(corpus.iterdir())
    return {
        "news": news,
        "guide": guide,
        "original": corpus / NAME,
        "fee 10,5": with_fee(folder / "v10", "10,5"),
        "fee 12": with_fee(folder / "v12", "12"),
        "original again": corpus / NAME,
    }


async def import_in_turn(
    driver: AsyncDriver, settings: Settings, files: dict[str, Path], order: list[int]
) -> list[str]:
    await wipe(driver)
    for index in order:
        name, effective = EDITIONS[index]
        report = await load(driver, settings, files[name], day(effective) if effective else None)
        (result,) = report.documents
        assert result.ok, result.error
    return await graph_state(driver, settings.neo4j_database)


@pytest.fixture(scope="module")
async def in_date_order(
    driver: AsyncDriver, settings: Settings, edition_files: dict[str, Path]
) -> list[str]:
    return await import_in_turn(driver, settings, edition_files, list(range(len(EDITIONS))))


async def test_the_reverse_order_gives_the_same_graph(
    driver: AsyncDriver,
    settings: Settings,
    edition_files: dict[str, Path],
    in_date_order: list[str],
) -> None:
    order = list(reversed(range(len(EDITIONS))))
    assert await import_in_turn(driver, settings, edition_files, order) == in_date_order


@hypothesis_settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=True,
)
@given(
    order=st.permutations(range(len(EDITIONS))),
    repeated=st.lists(st.integers(0, len(EDITIONS) - 1), max_size=2),
)
async def test_any_order_and_repetition_gives_the_graph_of_the_one_by_one_import_in_date_order(
    driver: AsyncDriver,
    settings: Settings,
    edition_files: dict[str, Path],
    in_date_order: list[str],
    order: list[int],
    repeated: list[int],
) -> None:
    # A repeated text comes again after its first import (a re-import changes nothing).
    sequence = list(order)
    for index in repeated:
        sequence.insert(len(sequence), index)
    assert await import_in_turn(driver, settings, edition_files, sequence) == in_date_order


def document_batch(name: str, act: dict[str, Any]) -> GraphBatch:
    """A text that states (or cites) act 102 with these properties, and nothing else."""
    batch = GraphBatch(f"source/{name}")
    batch.add_node(
        NodeRecord(
            "SourceDocument",
            batch.document_id,
            {"name": name, "kind": "portal_news", "checksum": name * 8, "lineCount": 1},
        )
    )
    batch.add_node(NodeRecord("LegalAct", "by/resolution/mvd/2023-05-19/102", act, owned=False))
    return batch


async def test_an_acts_own_text_wins_over_a_text_citing_it_in_either_order(
    graph: AsyncDriver, settings: Settings
) -> None:
    own = document_batch("own.txt", {"title": "Об административных процедурах", "onlyCited": False})
    citing = document_batch(
        "citing.txt", {"title": "о процедурах", "inForceFrom": dt.date(2023, 7, 1)}
    )
    query: LiteralString = (
        "MATCH (a:LegalAct {id: 'by/resolution/mvd/2023-05-19/102'})"
        " RETURN a.title AS title, a.inForceFrom AS inForceFrom"
    )
    states = []
    for order in ((own, citing), (citing, own)):
        await wipe(graph)
        for batch in order:
            await load_batch(graph, batch, settings.neo4j_database)
        states.append(await rows(graph, query))
    assert states[0] == states[1]
    assert states[0][0]["title"] == "Об административных процедурах"
    assert str(states[0][0]["inForceFrom"]) == "2023-07-01"
