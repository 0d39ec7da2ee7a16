"""Every query on items."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

ITEMS = "items"
# One record per user who saved anything: {"_id": user_id, "count": how many items they have}. Written in the same
# transaction as every insert and delete of their items, so the quota check is one conditional update instead of a
# count (SecantusDB counts by scanning). No record, or one without "count": not counted yet (`_count_items` in
# app/items/service.py).
ITEM_COUNTS = "item_counts"


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[ITEMS].create_indexes(
        [
            IndexModel([("user_id", ASCENDING), ("canonical_url", ASCENDING)], unique=True, name="user_url_unique"),
            IndexModel([("user_id", ASCENDING), ("cart_ids", ASCENDING), ("_id", DESCENDING)], name="user_cart_page"),
            IndexModel([("user_id", ASCENDING), ("_id", DESCENDING)], name="user_page"),
            # Whether anyone saved a product: price watch keeps such products however old (`saved_canonical_urls`).
            IndexModel([("canonical_url", ASCENDING)], name="canonical_url"),
        ]
    )


async def upsert_by_canonical_url(
    db: AsyncDatabase,
    *,
    user_id: ObjectId,
    canonical_url: str,
    new_item: dict[str, Any],
    cart_ids: list[ObjectId],
    session: AsyncClientSession,
) -> dict[str, Any] | None:
    """Insert the item or merge carts into the existing one; returns the document as it was before (None: new)."""
    return await db[ITEMS].find_one_and_update(
        {"user_id": user_id, "canonical_url": canonical_url},
        {"$setOnInsert": new_item, "$addToSet": {"cart_ids": {"$each": cart_ids}}},
        upsert=True,
        return_document=ReturnDocument.BEFORE,
        session=session,
    )


async def find_item(
    db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId, session: AsyncClientSession | None = None
) -> dict[str, Any] | None:
    return await db[ITEMS].find_one({"_id": item_id, "user_id": user_id}, session=session)


async def existing_item_ids(db: AsyncDatabase, user_id: ObjectId, item_ids: list[ObjectId]) -> set[ObjectId]:
    cursor = db[ITEMS].find({"_id": {"$in": item_ids}, "user_id": user_id}, projection={"_id": 1})
    return {doc["_id"] async for doc in cursor}


async def saved_canonical_urls(db: AsyncDatabase, canonical_urls: list[str]) -> set[str]:
    """Which of these product URLs anyone has an item for (never who)."""
    if not canonical_urls:
        return set()
    return set(await db[ITEMS].distinct("canonical_url", {"canonical_url": {"$in": canonical_urls}}))


async def item_ids_in_cart(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, item_ids: list[ObjectId]
) -> set[ObjectId]:
    cursor = db[ITEMS].find({"_id": {"$in": item_ids}, "user_id": user_id, "cart_ids": cart_id}, projection={"_id": 1})
    return {doc["_id"] async for doc in cursor}


async def find_item_by_id(db: AsyncDatabase, *, item_id: ObjectId) -> dict[str, Any] | None:
    """Any user's item: only for deciding whether the caller may see it (app/items/service.py `_item_access`)."""
    return await db[ITEMS].find_one({"_id": item_id})


async def count_items(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> int:
    """How many items the user has, by counting them (once per user: the counter holds it from then on)."""
    return await db[ITEMS].count_documents({"user_id": user_id}, session=session)


async def take_item_slot(db: AsyncDatabase, *, user_id: ObjectId, quota: int, session: AsyncClientSession) -> bool:
    """Count one more item if the user's counter is below `quota`; False when it is not (or not counted yet).
    Two saves racing for the last slot write the same record: the transaction of one conflicts and retries."""
    result = await db[ITEM_COUNTS].update_one(
        {"_id": user_id, "count": {"$lt": quota}}, {"$inc": {"count": 1}}, session=session
    )
    return result.modified_count == 1


async def find_item_count(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> int | None:
    """The user's counter; None when they are not counted yet."""
    found = await db[ITEM_COUNTS].find_one({"_id": user_id}, session=session)
    return None if found is None else found.get("count")


async def set_item_count(db: AsyncDatabase, *, user_id: ObjectId, count: int, session: AsyncClientSession) -> None:
    await db[ITEM_COUNTS].update_one({"_id": user_id}, {"$set": {"count": count}}, upsert=True, session=session)


async def release_item_slots(db: AsyncDatabase, *, user_id: ObjectId, n: int, session: AsyncClientSession) -> None:
    """Count `n` items fewer. A user not counted yet stays so, but their record is written all the same: a first
    count running at the same moment (which may have seen the deleted items) then conflicts and counts again."""
    if n == 0:
        return
    result = await db[ITEM_COUNTS].update_one(
        {"_id": user_id, "count": {"$exists": True}}, {"$inc": {"count": -n}}, session=session
    )
    if result.matched_count == 0:
        await db[ITEM_COUNTS].update_one(
            {"_id": user_id}, {"$inc": {"deleted_before_counted": n}}, upsert=True, session=session
        )


async def list_page(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId | None, before_id: ObjectId | None, limit: int
) -> list[dict[str, Any]]:
    query: dict[str, Any] = {"user_id": user_id}
    if cart_id is not None:
        query["cart_ids"] = cart_id
    if before_id is not None:
        query["_id"] = {"$lt": before_id}
    return await db[ITEMS].find(query).sort("_id", DESCENDING).limit(limit).to_list(None)


async def list_sorted_page(
    db: AsyncDatabase,
    *,
    user_id: ObjectId,
    cart_id: ObjectId,
    text: dict[str, Any],
    key: Any,
    direction: int,
    after: dict[str, Any],
    limit: int,
) -> list[dict[str, Any]]:
    """A cart's items matching `text`, ordered by the computed `_sort_key` (kept on each row) then `_id`."""
    pipeline: list[dict[str, Any]] = [
        {"$match": {"user_id": user_id, "cart_ids": cart_id, **text}},
        {"$addFields": {"_sort_key": key}},
    ]
    if after:
        pipeline.append({"$match": after})
    pipeline += [{"$sort": {"_sort_key": direction, "_id": direction}}, {"$limit": limit}]
    cursor = await db[ITEMS].aggregate(pipeline)
    return await cursor.to_list(None)


async def price_lines(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId) -> list[dict[str, Any]]:
    """Price, currency and quantity of every item in the cart (bounded by the per-account item quota)."""
    projection = {"_id": 0, "price": 1, "currency": 1, "quantity": 1}
    return await db[ITEMS].find({"user_id": user_id, "cart_ids": cart_id}, projection).to_list(None)


async def update_item(
    db: AsyncDatabase,
    *,
    user_id: ObjectId,
    item_id: ObjectId,
    changes: dict[str, Any],
    session: AsyncClientSession | None = None,
) -> dict[str, Any] | None:
    return await db[ITEMS].find_one_and_update(
        {"_id": item_id, "user_id": user_id},
        {"$set": changes},
        return_document=ReturnDocument.AFTER,
        session=session,
    )


async def add_to_cart(
    db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId, cart_id: ObjectId, now: datetime, session: Any
) -> dict[str, Any] | None:
    return await db[ITEMS].find_one_and_update(
        {"_id": item_id, "user_id": user_id},
        {"$addToSet": {"cart_ids": cart_id}, "$set": {"updated_at": now}},
        return_document=ReturnDocument.AFTER,
        session=session,
    )


async def remove_from_cart(
    db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId, cart_id: ObjectId, now: datetime, session: Any
) -> dict[str, Any] | None:
    return await db[ITEMS].find_one_and_update(
        {"_id": item_id, "user_id": user_id, "cart_ids": cart_id},
        {"$pull": {"cart_ids": cart_id}, "$set": {"updated_at": now}},
        return_document=ReturnDocument.AFTER,
        session=session,
    )


async def delete_item(db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId, session: AsyncClientSession) -> bool:
    """Delete the item and count it out, inside the caller's transaction."""
    result = await db[ITEMS].delete_one({"_id": item_id, "user_id": user_id}, session=session)
    await release_item_slots(db, user_id=user_id, n=result.deleted_count, session=session)
    return result.deleted_count == 1


async def unlink_cart(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, session: AsyncClientSession) -> None:
    """Take a deleted cart out of every item, then delete (and count out) the items left in no cart."""
    await db[ITEMS].update_many(
        {"user_id": user_id, "cart_ids": cart_id}, {"$pull": {"cart_ids": cart_id}}, session=session
    )
    result = await db[ITEMS].delete_many({"user_id": user_id, "cart_ids": {"$size": 0}}, session=session)
    await release_item_slots(db, user_id=user_id, n=result.deleted_count, session=session)


async def count_by_cart(db: AsyncDatabase, *, user_id: ObjectId, cart_ids: list[ObjectId]) -> dict[ObjectId, int]:
    pipeline: list[dict[str, Any]] = [
        {"$match": {"user_id": user_id, "cart_ids": {"$in": cart_ids}}},
        {"$unwind": "$cart_ids"},
        {"$match": {"cart_ids": {"$in": cart_ids}}},
        {"$group": {"_id": "$cart_ids", "count": {"$sum": 1}}},
    ]
    cursor = await db[ITEMS].aggregate(pipeline)
    return {row["_id"]: row["count"] async for row in cursor}


async def iter_all(db: AsyncDatabase, *, user_id: ObjectId, batch_size: int) -> AsyncIterator[dict[str, Any]]:
    """Every item of the user, newest first, read `batch_size` at a time (never all in memory at once)."""
    async with db[ITEMS].find({"user_id": user_id}, batch_size=batch_size).sort("_id", DESCENDING) as cursor:
        async for doc in cursor:
            yield doc


async def delete_all_for_user(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    await db[ITEMS].delete_many({"user_id": user_id}, session=session)
    await db[ITEM_COUNTS].delete_one({"_id": user_id}, session=session)
