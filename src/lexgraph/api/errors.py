"""User errors are shown as they are; anything else is masked (its details stay in the logs)."""

from __future__ import annotations

from graphql import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.relay.types import GlobalIDValueError


class UserError(Exception):
    """A mistake in the request (unknown id, bad filter, bad cursor); the message is for users."""


def is_internal(error: GraphQLError) -> bool:
    """Errors GraphQL raises itself (syntax, validation) have no original error and are the
    user's; so are `UserError`s and malformed global ids. Everything else is ours."""
    original = error.original_error
    if original is None:
        return False
    return not isinstance(original, UserError | GlobalIDValueError)


def mask_internal_errors() -> MaskErrors:
    return MaskErrors(should_mask_error=is_internal)
