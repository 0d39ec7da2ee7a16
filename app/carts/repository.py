"""Every query on carts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, IndexModel, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError, PyMongoError

CARTS = "carts"


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[CARTS].create_indexes(
        [IndexModel([("user_id", ASCENDING), ("name_key", ASCENDING)], unique=True, name="user_name_unique")]
    )


async def insert_cart(db: AsyncDatabase, cart: dict[str, Any], session: AsyncClientSession | None = None) -> None:
    await db[CARTS].insert_one(cart, session=session)


async def find_cart(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId) -> dict[str, Any] | None:
    return await db[CARTS].find_one({"_id": cart_id, "user_id": user_id})


async def list_carts(
    db: AsyncDatabase, *, user_id: ObjectId, after_id: ObjectId | None = None, limit: int = 0
) -> list[dict[str, Any]]:
    """Oldest first (the default cart leads), up to `limit` carts (0: all) after `after_id`."""
    query: dict[str, Any] = {"user_id": user_id}
    if after_id is not None:
        query["_id"] = {"$gt": after_id}
    return await db[CARTS].find(query).sort("_id", ASCENDING).limit(limit).to_list(None)


async def count_carts(db: AsyncDatabase, *, user_id: ObjectId, up_to: int) -> int:
    """How many carts the user has, counting no further than `up_to`."""
    return await db[CARTS].count_documents({"user_id": user_id}, limit=up_to)


async def rename_cart(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, name: str, name_key: str, now: datetime
) -> dict[str, Any] | None:
    return await db[CARTS].find_one_and_update(
        {"_id": cart_id, "user_id": user_id},
        {"$set": {"name": name, "name_key": name_key, "updated_at": now}},
        return_document=ReturnDocument.AFTER,
    )


async def touch_cart(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, now: datetime, session: AsyncClientSession
) -> bool:
    """Write the cart inside a transaction so a concurrent delete of it conflicts instead of racing.

    `$inc` guarantees a real write: a `$set` of an unchanged value (two requests in the same millisecond) is a
    no-op that would not conflict.
    """
    try:
        result = await db[CARTS].update_one(
            {"_id": cart_id, "user_id": user_id},
            {"$set": {"updated_at": now}, "$inc": {"revision": 1}},
            session=session,
        )
    except DuplicateKeyError as exc:
        # No key changes here, so this is a write conflict misreported as E11000 (SecantusDB does so now and then
        # under concurrent transactions): let the transaction retry, as on any conflict.
        raise PyMongoError(str(exc), error_labels=["TransientTransactionError"]) from exc
    return result.matched_count == 1


async def delete_cart(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, session: AsyncClientSession) -> bool:
    result = await db[CARTS].delete_one({"_id": cart_id, "user_id": user_id}, session=session)
    return result.deleted_count == 1


async def delete_all_for_user(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    await db[CARTS].delete_many({"user_id": user_id}, session=session)
