"""The app instance uvicorn imports (`lexgraph.api.asgi:app`), built from the environment."""

from lexgraph.api.app import create_app
from lexgraph.api.observability import configure_logging

# The process that serves logs JSON lines (tests that build apps themselves keep pytest's logging).
configure_logging()
app = create_app()
