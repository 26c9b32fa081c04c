"""One settings object for the whole process, read from the environment and validated at start.

`NEO4J_URI` unset means "the project's own local Neo4j" (started by `lexgraph neo4j start` or by the
test fixtures); set, it selects an external server: a `docker compose` Neo4j, a cluster or Aura.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_MAX_DOCUMENT_MB = 10.0
# What one GraphQL request may ask (`lexgraph.api.limits`). Depth: procedure-details nests 6
# levels. Cost: fields counted by what every list could hold at most (pages by their size, other
# lists by the graph's largest of them): on the synthetic graph M the named queries count 900 to
# 53,000 (the procedures depending on Art. 287, 50 to a page, each with its citations); a page
# inside a page inside a page (100 × 100 × 100) is what it refuses.
DEFAULT_MAX_DEPTH = 12
DEFAULT_MAX_ALIASES = 30
DEFAULT_MAX_TOKENS = 3000
DEFAULT_MAX_PAGE_SIZE = 100
DEFAULT_MAX_COST = 100_000
# Values in a request's variables (a filter of 64 conditions is a few hundred), and the time a new
# document may take to be parsed and validated (the named documents take milliseconds).
DEFAULT_MAX_INPUT_VALUES = 2000
DEFAULT_CHECK_BUDGET_S = 0.5
# An API token short enough to guess is no protection for writes.
MIN_API_TOKEN_CHARS = 24
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")


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

    lexgraph_max_depth: int = Field(
        default=DEFAULT_MAX_DEPTH, ge=2, description="Deepest query nesting."
    )
    lexgraph_max_aliases: int = Field(
        default=DEFAULT_MAX_ALIASES, ge=1, description="Most aliases in a query."
    )
    lexgraph_max_tokens: int = Field(
        default=DEFAULT_MAX_TOKENS, ge=100, description="Most tokens in a query."
    )
    lexgraph_max_page_size: int = Field(
        default=DEFAULT_MAX_PAGE_SIZE, ge=1, description="Largest `first` (page size) a query asks."
    )
    lexgraph_max_cost: int = Field(
        default=DEFAULT_MAX_COST,
        ge=100,
        description="Most fields a query may read, counted per parent it may be read for.",
    )
    lexgraph_max_input_values: int = Field(
        default=DEFAULT_MAX_INPUT_VALUES,
        ge=10,
        description="Most values (objects, list items, scalars) in a request's variables.",
    )
    lexgraph_check_budget_s: float = Field(
        default=DEFAULT_CHECK_BUDGET_S,
        gt=0,
        description="Longest a new document may take to be parsed, or to be validated, in s.",
    )
    lexgraph_impact_cache_size: int = Field(
        default=8,
        ge=0,
        description="Impact reports the API keeps between requests, for paging (0: none).",
    )
    lexgraph_response_cache_mb: float = Field(
        default=64.0,
        ge=0,
        description="Answers the API keeps until the graph changes (MiB of JSON; 0: none).",
    )
    lexgraph_max_request_mb: float = Field(
        default=1.0,
        gt=0,
        description="Largest HTTP request body the API reads, in MiB (writers may send documents"
        " of up to LEXGRAPH_MAX_DOCUMENT_MB on top).",
    )
    lexgraph_log_format: Literal["auto", "json", "text"] = Field(
        default="auto",
        description="How the API logs: `json` (one object a line, for a log shipper), `text`"
        " (readable lines), or `auto`: text on a terminal, JSON otherwise.",
    )
    lexgraph_graphiql: bool = Field(
        default=True, description="Serve GraphiQL to browsers at /graphql."
    )
    lexgraph_introspection: bool = Field(
        default=True, description="Answer introspection queries (`__schema`, `__type`)."
    )
    lexgraph_persisted_documents: bool = Field(
        default=False,
        description="Accept only the named documents of `queries/`, by their SHA-256 hash.",
    )
    lexgraph_api_token: SecretStr | None = Field(
        default=None,
        description="Bearer token that allows writes (the `importDocument` mutation); unset"
        " means the API is read-only.",
    )
    lexgraph_cors_origins: str = Field(
        default="",
        description="Comma-separated origins browsers may call the API from (`*` for any);"
        " empty means no cross-origin access.",
    )
    lexgraph_client_rate: float = Field(
        default=20.0,
        ge=0,
        description="Requests per second one client may sustain to the GraphQL endpoint"
        " (0: no rate limit); see `lexgraph.api.client_limits`.",
    )
    lexgraph_client_burst: int = Field(
        default=40,
        ge=1,
        description="Requests one client may send at once before LEXGRAPH_CLIENT_RATE paces it"
        " (what its token bucket holds; at least 1).",
    )
    lexgraph_client_concurrency: int = Field(
        default=8,
        ge=0,
        description="Requests one client may have in flight at once (0: no limit).",
    )
    lexgraph_client_limits_loopback: bool = Field(
        default=False,
        description="Limit loopback clients (127.0.0.0/8, ::1) too; by default they are exempt.",
    )

    @property
    def max_document_bytes(self) -> int:
        return int(self.lexgraph_max_document_mb * 1024 * 1024)

    @property
    def max_request_bytes(self) -> int:
        return int(self.lexgraph_max_request_mb * 1024 * 1024)

    @property
    def writes_enabled(self) -> bool:
        return self.lexgraph_api_token is not None

    @property
    def cors_origins(self) -> tuple[str, ...]:
        return tuple(o.strip() for o in self.lexgraph_cors_origins.split(",") if o.strip())

    @field_validator("lexgraph_api_token")
    @classmethod
    def _check_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or value.get_secret_value() == "":
            return None
        if len(value.get_secret_value()) < MIN_API_TOKEN_CHARS:
            raise ValueError(
                f"LEXGRAPH_API_TOKEN must be at least {MIN_API_TOKEN_CHARS} characters"
                " (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
            )
        return value

    @field_validator("lexgraph_cors_origins")
    @classmethod
    def _check_origins(cls, value: str) -> str:
        for origin in (o.strip() for o in value.split(",")):
            if origin and origin != "*" and not _ORIGIN.fullmatch(origin):
                raise ValueError(
                    "LEXGRAPH_CORS_ORIGINS lists origins such as https://app.example.org"
                    f" (scheme, host, optional port; no path), or `*`; got {origin!r}"
                )
        return value

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
