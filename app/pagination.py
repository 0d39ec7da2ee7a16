"""Cursor pagination over _id (newest first): stable under inserts, no skip() cost."""

from __future__ import annotations

import base64
from typing import Annotated, Generic, TypeVar

from bson import ObjectId
from fastapi import Query
from pydantic import BaseModel

from app.errors import UnprocessableEntity

T = TypeVar("T")

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")]
Cursor = Annotated[str | None, Query(max_length=64, description="next_cursor from the previous page")]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(last_id: ObjectId) -> str:
    return base64.urlsafe_b64encode(last_id.binary).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> ObjectId | None:
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return ObjectId(raw)
    except Exception:  # noqa: BLE001 - any undecodable cursor is the caller's mistake
        raise UnprocessableEntity("Invalid cursor", details=[{"loc": ["query", "cursor"]}]) from None
