"""What a reading-room page adds to the API answer it renders (a benchmark, not a test).

Serves the app in process (Starlette's TestClient) on the configured graph (`NEO4J_URI`, or the
local Neo4j; import the sample corpus first) with the answer cache off, and asks, in interleaved
pairs, each page and the same named document over `/graphql` with the same variables: the page's
median, the API's median and their ratio, measured side by side in one run.

Usage: .venv/bin/python -m bench.bench_pages [rounds]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

from starlette.testclient import TestClient
from strawberry import relay

from lexgraph.api.app import create_app
from lexgraph.config import load_settings, project_root

SOURCE = "source/004_85fdc72f4cf61fef.txt"
PAGES: list[tuple[str, str, str, dict[str, Any]]] = [
    ("procedure card", "/procedure/15.4.1", "procedure-card", {"number": "15.4.1"}),
    (
        "act page",
        "/act/by/resolution/mvd/2023-05-19/102",
        "act-page",
        {"act": "by/resolution/mvd/2023-05-19/102"},
    ),
    (
        "provision page",
        "/provision/by/code/tax/art_287__point_6__part_1",
        "provision-page",
        {"id": "by/code/tax#art_287__point_6__part_1"},
    ),
    (
        "source viewer",
        "/source/004_85fdc72f4cf61fef.txt?lines=1112-1112",
        "source-document",
        {"id": relay.to_base64("SourceDocument", SOURCE)},
    ),
    (
        "impact page",
        "/impact?provision=by/code/tax%23art_287",
        "impact-page",
        {"of": ["by/code/tax#art_287"]},
    ),
]


def timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rounds", type=int, nargs="?", default=20)
    rounds = parser.parse_args().rounds
    settings = load_settings().model_copy(
        update={"lexgraph_response_cache_mb": 0.0, "lexgraph_query_timeout_s": 60.0}
    )
    with TestClient(create_app(settings)) as client:
        print(f"load average {os.getloadavg()[0]:.1f}; {rounds} pairs each, medians in ms")
        print(f"{'page':<16}{'page ms':>10}{'API ms':>10}{'page/API':>10}")
        for name, path, document, variables in PAGES:
            query = (project_root() / "queries" / f"{document}.graphql").read_text()
            body = {"query": query, "variables": variables}

            def page(path: str = path) -> None:
                assert client.get(path).status_code == 200

            def api(body: dict[str, Any] = body) -> None:
                answer = client.post("/graphql", json=body)
                assert answer.status_code == 200
                assert "errors" not in answer.json()

            page()  # plans and caches warmed for both
            api()
            pages, apis = [], []
            for _ in range(rounds):
                pages.append(timed(page))
                apis.append(timed(api))
            p, a = statistics.median(pages), statistics.median(apis)
            print(f"{name:<16}{p:>10.1f}{a:>10.1f}{p / a:>10.2f}")


if __name__ == "__main__":
    main()
