"""Logs read as lines on a terminal and as JSON for a shipper: `LEXGRAPH_LOG_FORMAT`."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator

import pytest

from lexgraph.api.observability import (
    TextFormatter,
    configure_logging,
    json_logs,
    uvicorn_log_config,
)
from lexgraph.config import SettingsError, load_settings


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("log_format", "stream", "expected"),
    [
        ("auto", Terminal(), False),
        ("auto", io.StringIO(), True),  # a pipe or a file
        ("json", Terminal(), True),
        ("text", io.StringIO(), False),
    ],
)
def test_json_only_off_a_terminal_or_when_asked(
    log_format: str, stream: io.StringIO, expected: bool
) -> None:
    assert json_logs(log_format, stream) is expected  # type: ignore[arg-type]


def access_record() -> logging.LogRecord:
    record = logging.LogRecord(
        "lexgraph.access", logging.INFO, "", 0, "POST /graphql 200", (), None
    )
    record.method, record.path, record.status = "POST", "/graphql", 200
    record.durationMs = 12.5
    return record


def test_a_text_line_reads_as_a_sentence_with_its_details() -> None:
    line = TextFormatter().format(access_record())
    assert re.fullmatch(
        r"\d\d:\d\d:\d\d INFO    lexgraph\.access: POST /graphql 200  durationMs=12\.5", line
    )


@pytest.fixture
def loggers_kept() -> Iterator[None]:
    """The loggers `configure_logging` sets, as they were before the test."""
    names = ("lexgraph", "uvicorn", "uvicorn.error", "uvicorn.access", "strawberry")
    kept = {n: logging.getLogger(n).__dict__.copy() for n in names}
    yield
    for name, state in kept.items():
        logging.getLogger(name).__dict__.update(state)


def test_a_terminal_gets_text_lines_and_a_pipe_json(loggers_kept: None) -> None:
    terminal, pipe = Terminal(), io.StringIO()
    configure_logging(stream=terminal, log_format="auto")
    logging.getLogger("lexgraph.access").handle(access_record())
    configure_logging(stream=pipe, log_format="auto")
    logging.getLogger("lexgraph.access").handle(access_record())
    assert "lexgraph.access: POST /graphql 200" in terminal.getvalue()
    assert json.loads(pipe.getvalue())["message"] == "POST /graphql 200"


def test_uvicorn_is_told_the_same_format() -> None:
    config = uvicorn_log_config(log_format="text")
    assert config["formatters"]["json"]["()"].endswith("TextFormatter")
    config = uvicorn_log_config(log_format="json")
    assert config["formatters"]["json"]["()"].endswith("JsonFormatter")


def test_the_setting_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEXGRAPH_LOG_FORMAT", "json")
    assert load_settings().lexgraph_log_format == "json"
    monkeypatch.setenv("LEXGRAPH_LOG_FORMAT", "yaml")
    with pytest.raises(SettingsError, match="LEXGRAPH_LOG_FORMAT"):
        load_settings()
