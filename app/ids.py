"""ObjectId in paths and bodies: accept a 24-hex string, serialise as a string."""

from __future__ import annotations

from typing import Annotated, Any

from bson import ObjectId
from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from app.errors import NotFound


def _to_object_id(value: Any) -> ObjectId:
    if isinstance(value, ObjectId):
        return value
    if isinstance(value, str) and ObjectId.is_valid(value) and len(value) == 24:
        return ObjectId(value)
    raise ValueError("must be a 24-character hex id")


PyObjectId = Annotated[
    ObjectId,
    PlainValidator(_to_object_id),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": "^[0-9a-f]{24}$"}),
]


def parse_id(value: Any) -> ObjectId:
    """A malformed id in a path names nothing: 404, like a missing resource."""
    try:
        return _to_object_id(value)
    except ValueError:
        raise NotFound() from None


# An id in a path. Checked after the route's dependencies (authentication first), before its query and body; a
# malformed one answers 404 (`parse_id`), not 422. Documented as the plain string it was.
PathId = Annotated[ObjectId, PlainValidator(parse_id), WithJsonSchema({"type": "string"})]
