"""The reading room: pages in Russian at stable addresses, each fed by a named document of
`queries/` executed through the API's own schema (`documents`), rendered by Jinja2 (`routes`)."""

from lexgraph.pages.routes import page_routes

__all__ = ["page_routes"]
