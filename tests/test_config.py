"""Settings are read from the environment and rejected with a message a person can act on."""

import pytest

from lexgraph.config import SettingsError, load_settings


def test_unset_uri_means_the_local_neo4j() -> None:
    settings = load_settings(neo4j_uri=None)
    assert settings.uses_local_neo4j
    assert settings.auth is None


def test_external_server_with_credentials() -> None:
    settings = load_settings(
        neo4j_uri="neo4j+s://abc.databases.neo4j.io", neo4j_user="neo4j", neo4j_password="secret"
    )
    assert not settings.uses_local_neo4j
    assert settings.auth == ("neo4j", "secret")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"neo4j_uri": "http://localhost:7474"}, "NEO4J_URI must start with one of"),
        ({"neo4j_uri": "bolt://"}, "NEO4J_URI has no host"),
        ({"neo4j_user": "neo4j"}, "set both NEO4J_USER and NEO4J_PASSWORD"),
        ({"lexgraph_port": 70000}, "LEXGRAPH_PORT"),
        ({"lexgraph_neo4j_heap": "lots"}, "LEXGRAPH_NEO4J_HEAP must look like 512m or 2g"),
    ],
)
def test_bad_values_are_named(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        load_settings(**overrides)


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    monkeypatch.setenv("NEO4J_DATABASE", "law")
    settings = load_settings()
    assert settings.neo4j_uri == "bolt://db.example:7687"
    assert settings.neo4j_database == "law"
