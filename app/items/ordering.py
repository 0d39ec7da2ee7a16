"""Search and sort of a cart's items, paged by a cursor that carries the sort key (keyset pagination).

A page boundary is (key, _id): the key alone is not unique (two items at one price), so `_id` breaks ties in the
same direction. The cursor names its sort, so a cursor from one order is refused in another instead of skipping
or repeating items.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import bson
from bson import ObjectId
from bson.decimal128 import Decimal128

from app.errors import UnprocessableEntity
from app.money import MAX_PRICE

# Items without a price go last in both price orders: these stand-ins sort beyond any real price.
_UNPRICED_LAST_ASCENDING = Decimal128(str(MAX_PRICE * 1000))
_UNPRICED_LAST_DESCENDING = Decimal128("-1")
_SEARCHED_FIELDS = ("name", "brand", "notes")
MAX_CURSOR_LENGTH = 2048  # a name-sorted cursor holds a name of up to 300 characters


class ItemSort(StrEnum):
    ADDED = "added"
    NEWEST = "-added"
    PRICE = "price"
    PRICE_DESCENDING = "-price"
    NAME = "name"


@dataclass(frozen=True)
class SortKey:
    """How a sort computes its key in an aggregation, and the direction it walks."""

    expression: Any
    direction: int  # 1 ascending, -1 descending
    key_type: type


_KEYS: dict[ItemSort, SortKey] = {
    ItemSort.ADDED: SortKey("$_id", 1, ObjectId),
    ItemSort.NEWEST: SortKey("$_id", -1, ObjectId),
    ItemSort.PRICE: SortKey({"$ifNull": ["$price", _UNPRICED_LAST_ASCENDING]}, 1, Decimal128),
    ItemSort.PRICE_DESCENDING: SortKey({"$ifNull": ["$price", _UNPRICED_LAST_DESCENDING]}, -1, Decimal128),
    ItemSort.NAME: SortKey({"$toLower": "$name"}, 1, str),
}


def sort_key(sort: ItemSort) -> SortKey:
    return _KEYS[sort]


@dataclass(frozen=True)
class Position:
    """Where the previous page ended: its last item's sort key and id."""

    key: Any
    item_id: ObjectId


def encode_position(sort: ItemSort, key: Any, item_id: ObjectId) -> str:
    raw = bson.encode({"s": sort.value, "k": key, "i": item_id})
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _invalid_cursor() -> UnprocessableEntity:
    return UnprocessableEntity("Invalid cursor for this sort", details=[{"loc": ["query", "cursor"]}])


def decode_position(sort: ItemSort, cursor: str | None) -> Position | None:
    if cursor is None:
        return None
    try:
        fields = bson.decode(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except Exception:  # noqa: BLE001 - any undecodable cursor is the caller's mistake
        raise _invalid_cursor() from None
    if fields.get("s") != sort.value or not isinstance(fields.get("i"), ObjectId):
        raise _invalid_cursor()
    if not isinstance(fields.get("k"), sort_key(sort).key_type):
        raise _invalid_cursor()
    return Position(fields["k"], fields["i"])


def text_filter(q: str | None) -> dict[str, Any]:
    """Case-insensitive substring match over name, brand and notes; the query is literal text, never a pattern."""
    words = (q or "").split()
    if not words:
        return {}
    pattern = re.escape(" ".join(words))
    return {"$or": [{field: {"$regex": pattern, "$options": "i"}} for field in _SEARCHED_FIELDS]}


def after_filter(key: SortKey, position: Position | None) -> dict[str, Any]:
    """Items strictly after the position in the sort's order, on the computed key `_sort_key`."""
    if position is None:
        return {}
    beyond = "$gt" if key.direction == 1 else "$lt"
    return {
        "$or": [
            {"_sort_key": {beyond: position.key}},
            {"_sort_key": position.key, "_id": {beyond: position.item_id}},
        ]
    }
