"""The API's `Date`: a calendar day written `YYYY-MM-DD`, and nothing else.

Strawberry's own `Date` reads values with `date.fromisoformat`, which on Python 3.11 also takes
`20240101` and `2024-W01-1`, and tells a value it cannot read in graphql-core's words, without a
code. A date here decides which law the answer states (`asOf`), so a value that is not plainly a
day is refused, in one message that says what was expected, with the code `INVALID_DATE`, whether
it came as a literal of the document or as a variable. Either way the request does not run (a
GraphQL validation or variable error), so it is never a server error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import strawberry
from graphql import GraphQLError, StringValueNode, ValueNode, print_ast
from strawberry.schema.config import StrawberryConfig

from lexgraph.api.error_log import shortened

INVALID_DATE = "INVALID_DATE"
"""The `extensions.code` of an error telling a `Date` argument is not a date."""

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _refused(written: str) -> GraphQLError:
    return GraphQLError(
        f"{shortened(written, 60)} is not a date: write the day as YYYY-MM-DD, e.g. 2024-01-01",
        extensions={"code": INVALID_DATE},
    )


def parse_date(value: Any) -> dt.date:
    """A `YYYY-MM-DD` string as the day it names; a coded `GraphQLError` for anything else (another
    type, another shape, a day the calendar has not: `2023-02-29`)."""
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        raise _refused(repr(value))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _refused(repr(value)) from None


def _parse_literal(node: ValueNode, _variables: Any = None) -> dt.date:
    if not isinstance(node, StringValueNode):
        raise _refused(print_ast(node))
    return parse_date(node.value)


def _serialize(value: dt.date) -> str:
    return value.isoformat()


DATE = strawberry.scalar(
    name="Date",
    description="A calendar day, `YYYY-MM-DD` (ISO 8601), e.g. `2024-01-01`.",
    serialize=_serialize,
    parse_value=parse_date,
    parse_literal=_parse_literal,
)
"""Takes the place of Strawberry's `Date` for `datetime.date` (`StrawberryConfig.scalar_map`)."""

CONFIG = StrawberryConfig(scalar_map={dt.date: DATE})
"""The schema's configuration: dates read as above."""
