"""One settings object for the whole process, read from the environment and validated at start.

`NEO4J_URI` unset means "the project's own local Neo4j" (started by `lexgraph neo4j start` or by the
test fixtures); set, it selects an external server: a `docker compose` Neo4j, a cluster or Aura.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_MAX_DOCUMENT_MB = 10.0


def project_root() -> Path:
    """The checkout this package runs from (where `pyproject.toml` and `launcher/` live)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "launcher").is_dir():
            return parent
    return Path.cwd()


class Settings(BaseSettings):
    """Every knob of LexGraph; environment variables use the field name in upper case."""

    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    neo4j_uri: str | None = Field(
        default=None, description="Bolt URI of an external Neo4j; unset means the local one."
    )
    neo4j_user: str | None = Field(default=None, description="User for an external Neo4j.")
    neo4j_password: str | None = Field(default=None, description="Password for an external Neo4j.")
    neo4j_database: str = Field(default="neo4j", description="Database name on the server.")

    lexgraph_home: Path = Field(
        default_factory=lambda: project_root() / "var",
        description="Folder for the local Neo4j's data and logs.",
    )
    lexgraph_neo4j_port: int = Field(
        default=7687, ge=0, le=65535, description="Bolt port of the local Neo4j (0 picks one)."
    )
    lexgraph_neo4j_heap: str = Field(default="512m", description="Java heap of the local Neo4j.")
    lexgraph_neo4j_page_cache_mb: int = Field(
        default=256, ge=8, description="Page cache of the local Neo4j in MiB."
    )
    lexgraph_host: str = Field(default="127.0.0.1", description="Address the API listens on.")
    lexgraph_port: int = Field(default=8000, ge=1, le=65535, description="Port the API listens on.")
    lexgraph_query_timeout_s: float = Field(
        default=10.0, gt=0, description="Per-transaction timeout for API reads, in seconds."
    )
    lexgraph_max_document_mb: float = Field(
        default=DEFAULT_MAX_DOCUMENT_MB,
        gt=0,
        description="Largest source document `lexgraph import` reads, in MiB.",
    )

    @property
    def max_document_bytes(self) -> int:
        return int(self.lexgraph_max_document_mb * 1024 * 1024)

    @field_validator("neo4j_uri")
    @classmethod
    def _check_uri(cls, value: str | None) -> str | None:
        if value is None or value.strip() == "":
            return None
        parts = urlsplit(value)
        if parts.scheme not in BOLT_SCHEMES:
            raise ValueError(
                f"NEO4J_URI must start with one of {', '.join(s + '://' for s in BOLT_SCHEMES)};"
                f" got {value!r}"
            )
        if not parts.hostname:
            raise ValueError(f"NEO4J_URI has no host: {value!r}")
        return value

    @field_validator("lexgraph_neo4j_heap")
    @classmethod
    def _check_heap(cls, value: str) -> str:
        number, unit = value[:-1], value[-1:].lower()
        if unit not in ("m", "g") or not number.isdigit():
            raise ValueError(f"LEXGRAPH_NEO4J_HEAP must look like 512m or 2g; got {value!r}")
        return value

    @model_validator(mode="after")
    def _check_credentials(self) -> Settings:
        if (self.neo4j_user is None) != (self.neo4j_password is None):
            raise ValueError("set both NEO4J_USER and NEO4J_PASSWORD, or neither")
        return self

    @property
    def uses_local_neo4j(self) -> bool:
        return self.neo4j_uri is None

    @property
    def auth(self) -> tuple[str, str] | None:
        if self.neo4j_user is None or self.neo4j_password is None:
            return None
        return (self.neo4j_user, self.neo4j_password)

    @cached_property
    def local_neo4j_dir(self) -> Path:
        return self.lexgraph_home / "neo4j"


class SettingsError(Exception):
    """Settings that cannot be used, with one readable line per problem."""


def load_settings(**overrides: object) -> Settings:
    """Read the environment, raising `SettingsError` with a message a person can act on."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            name = ".".join(str(part) for part in problem["loc"]).upper() or "settings"
            lines.append(f"{name}: {problem['msg'].removeprefix('Value error, ')}")
        raise SettingsError("invalid configuration:\n  " + "\n  ".join(lines)) from None
