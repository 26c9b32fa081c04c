"""The app instance uvicorn imports (`lexgraph.api.asgi:app`), built from the environment."""

import gc

from lexgraph.api.app import create_app
from lexgraph.api.observability import configure_logging
from lexgraph.config import load_settings

# The process that serves logs as LEXGRAPH_LOG_FORMAT says (tests that build apps themselves keep
# pytest's logging).
settings = load_settings()
configure_logging(log_format=settings.lexgraph_log_format)
app = create_app(settings)
# What the process holds from here on (its modules, the schema, the app) lives as long as it does.
# Frozen, it is left out of the interpreter's full collections, each of which walked all of it:
# one took 50-80 ms in the middle of a request, most of a 1-client p99 at M (README, Benchmarks).
gc.collect()
gc.freeze()
