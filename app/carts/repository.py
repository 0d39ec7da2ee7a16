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
    await ensure_member_indexes(db)


async def insert_cart(db: AsyncDatabase, cart: dict[str, Any], session: AsyncClientSession | None = None) -> None:
    await db[CARTS].insert_one(cart, session=session)


async def find_cart(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId) -> dict[str, Any] | None:
    return await db[CARTS].find_one({"_id": cart_id, "user_id": user_id})


async def find_cart_by_name_key(db: AsyncDatabase, *, user_id: ObjectId, name_key: str) -> dict[str, Any] | None:
    return await db[CARTS].find_one({"user_id": user_id, "name_key": name_key})


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


async def update_cart(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, changes: dict[str, Any]
) -> dict[str, Any] | None:
    return await db[CARTS].find_one_and_update(
        {"_id": cart_id, "user_id": user_id},
        {"$set": changes},
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


# Members: people other than the owner with a role on a cart. The owner is never a member row.
CART_MEMBERS = "cart_members"


async def ensure_member_indexes(db: AsyncDatabase) -> None:
    await db[CART_MEMBERS].create_indexes(
        [
            IndexModel([("cart_id", ASCENDING), ("user_id", ASCENDING)], unique=True, name="cart_user_unique"),
            IndexModel([("user_id", ASCENDING), ("cart_id", ASCENDING)], name="user_carts"),
            IndexModel([("owner_id", ASCENDING)], name="owner"),
        ]
    )


async def find_cart_by_id(db: AsyncDatabase, cart_id: ObjectId) -> dict[str, Any] | None:
    """Any user's cart: only after deciding the caller may see it (a member, or a link's owner)."""
    return await db[CARTS].find_one({"_id": cart_id})


async def find_membership(db: AsyncDatabase, *, cart_id: ObjectId, user_id: ObjectId) -> dict[str, Any] | None:
    return await db[CART_MEMBERS].find_one({"cart_id": cart_id, "user_id": user_id})


async def memberships_of(db: AsyncDatabase, *, user_id: ObjectId) -> list[dict[str, Any]]:
    return await db[CART_MEMBERS].find({"user_id": user_id}).to_list(None)


async def find_carts_by_ids(db: AsyncDatabase, cart_ids: list[ObjectId]) -> list[dict[str, Any]]:
    """Any users' carts: only for carts the caller is already known to be on."""
    return await db[CARTS].find({"_id": {"$in": cart_ids}}).to_list(None)


async def members_of(db: AsyncDatabase, *, cart_id: ObjectId) -> list[dict[str, Any]]:
    """Oldest first."""
    return await db[CART_MEMBERS].find({"cart_id": cart_id}).sort("_id", ASCENDING).to_list(None)


async def count_members(db: AsyncDatabase, *, cart_id: ObjectId) -> int:
    return await db[CART_MEMBERS].count_documents({"cart_id": cart_id})


async def upsert_member(db: AsyncDatabase, member: dict[str, Any]) -> dict[str, Any]:
    """Add the member, or change the role of one already there (accepting a second invitation)."""
    found = await db[CART_MEMBERS].find_one_and_update(
        {"cart_id": member["cart_id"], "user_id": member["user_id"]},
        {"$set": {"role": member["role"]}, "$setOnInsert": {k: v for k, v in member.items() if k != "role"}},
        upsert=True,
        return_document=ReturnDocument.AFTER,
    )
    assert found is not None  # an upsert returning the document after always has one
    return dict(found)


async def set_member_role(
    db: AsyncDatabase, *, cart_id: ObjectId, user_id: ObjectId, role: str
) -> dict[str, Any] | None:
    return await db[CART_MEMBERS].find_one_and_update(
        {"cart_id": cart_id, "user_id": user_id}, {"$set": {"role": role}}, return_document=ReturnDocument.AFTER
    )


async def delete_member(db: AsyncDatabase, *, cart_id: ObjectId, user_id: ObjectId) -> bool:
    result = await db[CART_MEMBERS].delete_one({"cart_id": cart_id, "user_id": user_id})
    return result.deleted_count == 1


async def delete_cart_members(db: AsyncDatabase, *, cart_id: ObjectId, session: AsyncClientSession) -> None:
    await db[CART_MEMBERS].delete_many({"cart_id": cart_id}, session=session)


async def delete_memberships_of_person(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    """Every row naming the person: as a member, and as the owner of carts others were members of."""
    await db[CART_MEMBERS].delete_many({"$or": [{"user_id": user_id}, {"owner_id": user_id}]}, session=session)


async def list_carts_including(
    db: AsyncDatabase, *, user_id: ObjectId, member_cart_ids: list[ObjectId], after_id: ObjectId | None, limit: int
) -> list[dict[str, Any]]:
    """The user's own carts and the carts they are a member of, oldest first, after `after_id`."""
    query: dict[str, Any] = {"$or": [{"user_id": user_id}, {"_id": {"$in": member_cart_ids}}]}
    if after_id is not None:
        query = {"$and": [query, {"_id": {"$gt": after_id}}]}
    return await db[CARTS].find(query).sort("_id", ASCENDING).limit(limit).to_list(None)
