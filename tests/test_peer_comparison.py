"""LexGraph and the library a user would pick instead (@neo4j/graphql, `bench/peer/`) answer the
four named documents alike, on the sample corpus and on a synthetic one (the generator of
`lexgraph synth`, small), so that `make bench-peer` compares like with like and the peer's
spellings cannot drift from LexGraph's answers unnoticed.

Needs Node.js and the peer's packages (`make peer`; `make test` installs them).
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from neo4j import AsyncDriver

from bench import bench_peer, peer_answers, peer_server
from lexgraph import synthetic
from lexgraph.config import Settings
from lexgraph.importing import import_paths, sample_corpus_dir
from tests.serving import served_api

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        peer_server.node() is None or not peer_server.installed(),
        reason="needs Node.js and the peer's packages (make peer)",
    ),
]

SMALL = synthetic.Size("T", procedures=60, cited_acts=80, units_per_act=12, portal_documents=3)


async def _compare(driver: AsyncDriver, neo4j_uri: str, log: Path) -> list[str]:
    numbers = await bench_peer.keys(neo4j_uri, bench_peer.PROCEDURE_NUMBERS)
    acts = await bench_peer.keys(neo4j_uri, bench_peer.ACT_IDS)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    # LexGraph's first, cold reads on a busy machine can pass its 10 s limit; the peer has none.
    env |= {
        "NEO4J_URI": neo4j_uri,
        "LEXGRAPH_RESPONSE_CACHE_MB": "0",
        "LEXGRAPH_QUERY_TIMEOUT_S": "60",
    }
    with served_api(env, ready_path="/readyz") as api, peer_server.served(neo4j_uri, log) as peer:
        return await bench_peer.check(api, peer.url, numbers[:30], acts[:30])


async def test_both_answer_alike_on_the_sample_corpus(
    empty_graph: AsyncDriver, settings: Settings, neo4j_uri: str, tmp_path: Path
) -> None:
    report = await import_paths(empty_graph, settings.neo4j_database, [sample_corpus_dir()])
    assert report.failed == ()
    assert await _compare(empty_graph, neo4j_uri, tmp_path / "peer.log") == []


async def test_both_answer_alike_on_a_synthetic_corpus(
    empty_graph: AsyncDriver, settings: Settings, neo4j_uri: str, tmp_path: Path
) -> None:
    await synthetic.load(empty_graph, settings.neo4j_database, SMALL, 1)
    assert await _compare(empty_graph, neo4j_uri, tmp_path / "peer.log") == []


async def test_the_peer_finds_the_six_procedures_citing_article_287(
    empty_graph: AsyncDriver, settings: Settings, neo4j_uri: str, tmp_path: Path
) -> None:
    """Resolution No. 102 (seed 004): the state-duty documents of 15.4.1, 15.4.2 and of four more
    of its procedures must meet «частях первой–третьей пункта 6 статьи 287 Налогового кодекса»."""
    report = await import_paths(empty_graph, settings.neo4j_database, [sample_corpus_dir()])
    assert report.failed == ()
    document = peer_answers.Document.read("procedures-depending-on-art-287-tax-code")
    with peer_server.served(neo4j_uri, tmp_path / "peer.log") as peer:
        async with httpx.AsyncClient(base_url=peer.url, timeout=60) as client:
            answer = await client.post("/graphql", json={"query": document.peer})
    page = peer_answers.PEER_SHAPES[document.name](answer.json()["data"])["procedures"]
    assert page["totalCount"] == 6
    numbers = [node["number"] for node in page["nodes"]]
    assert {"15.4.1", "15.4.2"} <= set(numbers)
    cited = {c["cited"]["graphId"] for n in page["nodes"] for c in n["citationsOf"]}
    assert cited == {f"by/code/tax#art_287__point_6__part_{n}" for n in (1, 2, 3)}
