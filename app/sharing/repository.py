"""Every query on sharing's own collections: share links, and the share budgets (what an account, and what an
address, took of today's sharing allowance: one document per account per UTC day and one per address key per day,
swept by a TTL index once the day is over). The share emails themselves live in the outbox."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, IndexModel
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

SHARE_BUDGETS = "share_budgets"
SHARE_LINKS = "share_links"


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[SHARE_BUDGETS].create_indexes(
        [
            IndexModel([("expire_at", ASCENDING)], expireAfterSeconds=0, name="expire_ttl"),
            IndexModel([("user_id", ASCENDING)], name="user", sparse=True),
        ]
    )
    await db[SHARE_LINKS].create_indexes(
        [
            IndexModel([("token_hash", ASCENDING)], unique=True, name="token_hash_unique"),
            IndexModel([("cart_id", ASCENDING), ("_id", ASCENDING)], name="cart_links"),
            IndexModel([("owner_id", ASCENDING)], name="owner"),
            # Links without an expiry have no expires_at value and stay until revoked.
            IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expires_ttl"),
        ]
    )


# --- share budgets --------------------------------------------------------------------------------------------


async def find_budgets(
    db: AsyncDatabase, budget_ids: Iterable[str], session: AsyncClientSession
) -> dict[str, dict[str, Any]]:
    found = db[SHARE_BUDGETS].find({"_id": {"$in": list(budget_ids)}}, session=session)
    return {document["_id"]: document async for document in found}


async def charge_account(
    db: AsyncDatabase,
    *,
    budget_id: str,
    user_id: ObjectId,
    emails: int,
    recipient_keys: list[str],
    expire_at: datetime,
    session: AsyncClientSession,
) -> None:
    await db[SHARE_BUDGETS].update_one(
        {"_id": budget_id},
        {
            "$inc": {"emails": emails},
            "$addToSet": {"recipient_keys": {"$each": recipient_keys}},
            "$setOnInsert": {"user_id": user_id, "expire_at": expire_at},
        },
        upsert=True,
        session=session,
    )


async def charge_recipient(
    db: AsyncDatabase, *, budget_id: str, expire_at: datetime, session: AsyncClientSession
) -> None:
    await db[SHARE_BUDGETS].update_one(
        {"_id": budget_id},
        {"$inc": {"emails": 1}, "$setOnInsert": {"expire_at": expire_at}},
        upsert=True,
        session=session,
    )


async def delete_account_budgets(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    """An account's own counters (an address's counters name nobody and stay until the day ends)."""
    await db[SHARE_BUDGETS].delete_many({"user_id": user_id}, session=session)


# --- share links ----------------------------------------------------------------------------------------------


async def insert_link(db: AsyncDatabase, link: dict[str, Any]) -> None:
    await db[SHARE_LINKS].insert_one(link)


def _live(now: datetime) -> dict[str, Any]:
    # The TTL monitor deletes expired links only every minute or so: expiry is enforced here, to the second.
    return {"$or": [{"expires_at": None}, {"expires_at": {"$gt": now}}]}


async def find_live_by_token_hash(db: AsyncDatabase, *, token_hash: str, now: datetime) -> dict[str, Any] | None:
    return await db[SHARE_LINKS].find_one({"token_hash": token_hash, **_live(now)})


async def list_live_links(db: AsyncDatabase, *, cart_id: ObjectId, now: datetime) -> list[dict[str, Any]]:
    """Oldest first."""
    return await db[SHARE_LINKS].find({"cart_id": cart_id, **_live(now)}).sort("_id", ASCENDING).to_list(None)


async def count_live_links(db: AsyncDatabase, *, cart_id: ObjectId, now: datetime) -> int:
    return await db[SHARE_LINKS].count_documents({"cart_id": cart_id, **_live(now)})


async def list_owner_links(db: AsyncDatabase, *, user_id: ObjectId, now: datetime) -> list[dict[str, Any]]:
    """The owner's live links over all carts, oldest first (bounded: MAX_LINKS_PER_CART per cart)."""
    return await db[SHARE_LINKS].find({"owner_id": user_id, **_live(now)}).sort("_id", ASCENDING).to_list(None)


async def delete_link(db: AsyncDatabase, *, cart_id: ObjectId, link_id: ObjectId) -> bool:
    result = await db[SHARE_LINKS].delete_one({"_id": link_id, "cart_id": cart_id})
    return result.deleted_count == 1


async def delete_cart_links(db: AsyncDatabase, *, cart_id: ObjectId, session: AsyncClientSession) -> None:
    await db[SHARE_LINKS].delete_many({"cart_id": cart_id}, session=session)


async def delete_owner_links(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    await db[SHARE_LINKS].delete_many({"owner_id": user_id}, session=session)
