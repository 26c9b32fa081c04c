"""docker-compose.yml cannot run here (no Docker engine); keep it honest by reading it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from lexgraph.config import Settings, project_root

ROOT = project_root()


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def test_compose_runs_neo4j_5_26_with_a_volume_and_a_healthcheck() -> None:
    neo4j = compose()["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5.26")
    assert any(volume.endswith(":/data") for volume in neo4j["volumes"])
    assert "healthcheck" in neo4j
    assert "127.0.0.1:7687:7687" in neo4j["ports"]


def test_api_waits_for_neo4j_and_uses_the_variables_the_code_reads() -> None:
    api = compose()["services"]["api"]
    assert api["build"] == "."
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    known = {name.upper() for name in Settings.model_fields}
    assert set(api["environment"]) <= known
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert f"127.0.0.1:{api['environment']['LEXGRAPH_PORT']}:8000" in api["ports"]


def test_credentials_agree_between_services() -> None:
    services = compose()["services"]
    user, password = services["neo4j"]["environment"]["NEO4J_AUTH"].split("/", 1)
    assert services["api"]["environment"]["NEO4J_USER"] == user
    assert services["api"]["environment"]["NEO4J_PASSWORD"] == password


def test_the_image_serves_on_the_port_compose_publishes() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "EXPOSE 8000" in dockerfile
    assert "LEXGRAPH_PORT=8000" in dockerfile
    for folder in ("src", "importers", "schema", "queries"):
        assert f"COPY {folder} ./{folder}" in dockerfile
        assert Path(ROOT / folder).is_dir()
    # The pages the app serves from web/dist are built in the image, not copied from a checkout.
    assert "COPY --from=web /app/web/dist ./web/dist" in dockerfile
    assert (ROOT / "web" / "package-lock.json").is_file()
