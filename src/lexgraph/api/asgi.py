"""The app instance uvicorn imports (`lexgraph.api.asgi:app`), built from the environment."""

from lexgraph.api.app import create_app

app = create_app()
