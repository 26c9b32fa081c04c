"""Time in the tests: one setting scales every budget, and waits end on a signal, not a guess.

A test that waits for something (a server ready, a line printed, a process gone) waits for that
signal; its deadline, `WAIT_S`, is only a last resort against a hang, generous because it costs a
passing test nothing. A test that asserts a budget (an answer within a second, a request within
the query timeout) asserts `scaled(seconds)`. `LEXGRAPH_TEST_TIME_SCALE` (default 1) multiplies
both: set it to 3 on a machine busy with other work, or under a profiler, and no budget is
mistaken for a fault. Properties that can be counted (round trips, statements) are counted
instead, and need no budget at all.
"""

from __future__ import annotations

import os

SCALE_VARIABLE = "LEXGRAPH_TEST_TIME_SCALE"


def _scale() -> float:
    raw = os.environ.get(SCALE_VARIABLE, "1")
    try:
        scale = float(raw)
    except ValueError:
        raise ValueError(f"{SCALE_VARIABLE}={raw!r} is not a number") from None
    if not scale > 0:
        raise ValueError(f"{SCALE_VARIABLE}={raw!r} must be above 0")
    return scale


TIME_SCALE = _scale()


def scaled(seconds: float) -> float:
    """`seconds` on this machine: the budget a test asserts, times the suite's scale."""
    return seconds * TIME_SCALE


# The last-resort deadline of any wait for a readiness signal (a Neo4j or an API started, a line
# printed, a process stopped): past it the test fails with what it saw, rather than hang forever.
WAIT_S = scaled(600)

# The per-transaction timeout the suite's own API runs with. The default (10 s) is a product
# setting for a deployment's steady state; a test's first request plans every statement on a cold
# Neo4j, and on a busy machine that alone can take longer. The tests of the timeout itself set
# theirs explicitly (tests/test_api_limits.py).
QUERY_TIMEOUT_S = scaled(60)
