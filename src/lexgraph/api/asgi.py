"""The app instance uvicorn imports (`lexgraph.api.asgi:app`), built from the environment."""

from lexgraph.api.app import create_app
from lexgraph.api.observability import configure_logging
from lexgraph.config import load_settings

# The process that serves logs as LEXGRAPH_LOG_FORMAT says (tests that build apps themselves keep
# pytest's logging).
settings = load_settings()
configure_logging(log_format=settings.lexgraph_log_format)
app = create_app(settings)
