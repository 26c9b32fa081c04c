"""Hostile requests against a served API: each one's status, code and time, and how long
`/healthz` took to answer while it ran.

The table of attacks is the one `tests/test_hostile_requests.py` asserts on; here it is measured
and printed as a Markdown table:

    python -m bench.hostile --url http://127.0.0.1:8000

The API must be running (`make run` in another terminal). Loopback only: it refuses other hosts.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
HEALTH_PERIOD_S = 0.02
BASELINE_ANSWERS = 5


@dataclass(frozen=True, slots=True)
class Attack:
    """One request a hostile or careless client sends, and the answer it must get."""

    name: str
    body: bytes
    status: int
    codes: tuple[str | None, ...]
    """The codes it may get: refusals that depend on how fast the machine parses or validates
    (tokens counted, or time run out) name both."""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def fragment_bomb(levels: int) -> str:
    """`levels` fragments, each spreading the next twice: 2^levels fields in a few bytes each."""
    fragments = " ".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels)
    )
    return f"query Q {{ ...F0 }} {fragments} fragment F{levels} on Query {{ apiVersion }}"


def _authorities_and_procedures(levels: int) -> str:
    inner = "number"
    for _ in range(levels):
        inner = f"authorities {{ name procedures {{ number {inner} }} }}"
    return inner


def nested_lists(levels: int) -> str:
    """`procedure { authorities { procedures { authorities { … } } } }`: unpaged lists whose
    answer grows by the procedures of an authority at every level."""
    return f'{{ procedure(number: "15.4.1") {{ {_authorities_and_procedures(levels)} }} }}'


def nested_lists_of_every_act(levels: int) -> str:
    """The same below every procedure every act lists: on the sample corpus, 5 levels may answer
    with 22 × 8 × 4^5 procedures."""
    inner = _authorities_and_procedures(levels)
    return f"{{ legalActs {{ title listsProcedures {{ number {inner} }} }} }}"


def deep_selection(levels: int) -> str:
    fields = ['procedure(number: "15.4.1")'] + [
        "regulation" if i % 2 else "procedure" for i in range(1, levels)
    ]
    return "{ " + " { ".join(fields) + " { __typename" + " }" * levels + " }"


def conflicting_fields(count: int) -> str:
    """Fields of one name with different arguments: validation compares them pairwise."""
    return "{ " + " ".join(f'procedure(number: "{i}") {{ title }}' for i in range(count)) + " }"


def nested_input_literal(levels: int) -> str:
    return "{ procedures(filter: " + "{not: " * levels + "{}" + "}" * levels + ") { totalCount } }"


FILTER = "query P($f: ProcedureFilter) { procedures(filter: $f) { totalCount } }"


def nested_filter_body(levels: int) -> bytes:
    """A filter nested `levels` deep as a variable, written out (an encoder would recurse)."""
    inner = '{"not": ' * levels + '{"number": "1.1"}' + "}" * levels
    return ('{"query": ' + json.dumps(FILTER) + ', "variables": {"f": ' + inner + "}}").encode()


ATTACKS: tuple[Attack, ...] = (
    Attack(
        "fragment bomb: 40 fragments, each spreading the next twice (1.6 KB)",
        _json({"query": fragment_bomb(40)}),
        400,
        ("TOO_EXPENSIVE",),
    ),
    Attack(
        "fragment bomb: 20 levels", _json({"query": fragment_bomb(20)}), 400, ("TOO_EXPENSIVE",)
    ),
    Attack(
        "filter of 20,000 `or` conditions as a variable (0.4 MB)",
        _json({"query": FILTER, "variables": {"f": {"or": [{"number": "1.1"}] * 20_000}}}),
        400,
        ("INPUT_TOO_LARGE",),
    ),
    Attack(
        "filter nested 500 levels as a variable",
        nested_filter_body(500),
        400,
        ("INPUT_TOO_LARGE",),
    ),
    Attack(
        "unpaged lists nested 5 levels below every act (legalActs → listsProcedures →"
        " authorities → procedures …)",
        _json({"query": nested_lists_of_every_act(5)}),
        400,
        ("TOO_EXPENSIVE",),
    ),
    Attack("selection 13 levels deep", _json({"query": deep_selection(13)}), 400, ("TOO_DEEP",)),
    Attack(
        "31 aliases",
        _json({"query": "{ " + " ".join(f"a{i}: apiVersion" for i in range(31)) + " }"}),
        400,
        ("TOO_MANY_ALIASES",),
    ),
    Attack(
        "3,001 tokens",
        _json({"query": "{ " + "apiVersion " * 3000 + "}"}),
        400,
        ("TOO_MANY_TOKENS", "TOO_COMPLEX"),
    ),
    Attack(
        "300 conflicting fields (pairwise validation)",
        _json({"query": conflicting_fields(300)}),
        400,
        ("TOO_COMPLEX",),
    ),
    Attack(
        "input object literal nested 600 levels",
        _json({"query": nested_input_literal(600)}),
        400,
        ("TOO_DEEP",),
    ),
    Attack(
        "1 MB comment around `{ apiVersion }`",
        _json({"query": "#" + "x" * 1_000_000 + "\n{ apiVersion }"}),
        400,
        ("DOCUMENT_TOO_LONG",),
    ),
    Attack("JSON body `null`", b"null", 400, ("BAD_REQUEST",)),
    Attack("JSON body a string", b'"{ apiVersion }"', 400, ("BAD_REQUEST",)),
    Attack("JSON body a list", b'[{"query": "{ apiVersion }"}]', 400, ("BAD_REQUEST",)),
    Attack(
        "`operationName` a list",
        _json({"query": "{ apiVersion }", "operationName": ["a", "b"]}),
        400,
        ("BAD_REQUEST",),
    ),
    Attack(
        "`variables` a string",
        _json({"query": "{ apiVersion }", "variables": "{}"}),
        400,
        ("BAD_REQUEST",),
    ),
    Attack("invalid UTF-8", b'{"query": "{ apiVersion \xff\xfe }"}', 400, ("BAD_REQUEST",)),
    Attack(
        "JSON nested 5,000 levels",
        b'{"query": "{ apiVersion }", "variables": {"a": ' + b"[" * 5000 + b"]" * 5000 + b"}}",
        400,
        ("BAD_REQUEST",),
    ),
    Attack("truncated JSON", b'{"query": ', 400, ("BAD_REQUEST",)),
    Attack(
        "a body of another content type",
        b"query=%7B%20apiVersion%20%7D",
        400,
        ("BAD_REQUEST",),
        {"Content-Type": "application/x-www-form-urlencoded"},
    ),
)


@dataclass(frozen=True, slots=True)
class Measured:
    """What one attack got, and how `/healthz` fared meanwhile (slowest of its answers)."""

    attack: Attack
    status: int
    code: str | None
    seconds: float
    healthz_max_s: float
    healthz_answers: int
    healthz_before_s: float
    """The slowest of a few `/healthz` answers just before: the machine's own pace."""


@contextmanager
def health_watch(url: str, baseline: list[float]) -> Iterator[list[float]]:
    """Asks `/healthz` every `HEALTH_PERIOD_S` while the block runs; the latencies, in s. The
    latencies of a few answers before it go to `baseline`: how fast the machine answers anyway."""
    latencies: list[float] = []
    answered = threading.Condition()
    stop = threading.Event()

    def watch() -> None:
        with httpx.Client(timeout=10) as client:
            while not stop.is_set():
                began = time.perf_counter()
                client.get(url + "/healthz").raise_for_status()
                with answered:
                    latencies.append(time.perf_counter() - began)
                    answered.notify_all()
                stop.wait(HEALTH_PERIOD_S)

    def answers_past(count: int) -> None:
        with answered:
            answered.wait_for(lambda: len(latencies) > count or not watcher.is_alive(), 15)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    answers_past(BASELINE_ANSWERS)  # before the block: connected, warm, and how fast it is idle
    with answered:
        baseline.extend(latencies)
        latencies.clear()
    try:
        yield latencies
    finally:
        answers_past(0)  # and at least one asked while, or after, the block ran
        stop.set()
        watcher.join(timeout=15)


def measure(url: str, attack: Attack, client: httpx.Client) -> Measured:
    baseline: list[float] = []
    with health_watch(url, baseline) as latencies:
        began = time.perf_counter()
        response = client.post(url + "/graphql", content=attack.body, headers=attack.headers)
        seconds = time.perf_counter() - began
    try:
        errors = response.json().get("errors") or [{}]
        code = errors[0].get("extensions", {}).get("code")  # None: answered
    except (ValueError, AttributeError):
        code = None
    return Measured(
        attack,
        response.status_code,
        code,
        seconds,
        max(latencies, default=0.0),
        len(latencies),
        max(baseline, default=0.0),
    )


def run(url: str) -> list[Measured]:
    with httpx.Client(timeout=30) as client:
        return [measure(url, attack, client) for attack in ATTACKS]


def table(rows: list[Measured]) -> str:
    lines = [
        "| attack | status | code | answered in | `/healthz` slowest during it (before) |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.attack.name} | {row.status} | {row.code} | {row.seconds * 1000:.0f} ms"
            f" | {row.healthz_max_s * 1000:.0f} ms of {row.healthz_answers} answers"
            f" ({row.healthz_before_s * 1000:.0f} ms) |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    args = parser.parse_args(argv)
    if urlsplit(args.url).hostname not in LOOPBACK:
        parser.error("hostile requests are sent to a loopback address only")
    rows = run(args.url.rstrip("/"))
    print(table(rows))
    wrong = [r for r in rows if r.status != r.attack.status or r.code not in r.attack.codes]
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
