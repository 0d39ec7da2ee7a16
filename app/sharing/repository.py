"""Every query on share links (the share emails themselves live in the outbox)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, IndexModel
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

SHARE_LINKS = "share_links"


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[SHARE_LINKS].create_indexes(
        [
            IndexModel([("token_hash", ASCENDING)], unique=True, name="token_hash_unique"),
            IndexModel([("cart_id", ASCENDING), ("_id", ASCENDING)], name="cart_links"),
            IndexModel([("owner_id", ASCENDING)], name="owner"),
            # Links without an expiry have no expires_at value and stay until revoked.
            IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expires_ttl"),
        ]
    )


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


async def delete_link(db: AsyncDatabase, *, cart_id: ObjectId, link_id: ObjectId) -> bool:
    result = await db[SHARE_LINKS].delete_one({"_id": link_id, "cart_id": cart_id})
    return result.deleted_count == 1


async def delete_cart_links(db: AsyncDatabase, *, cart_id: ObjectId, session: AsyncClientSession) -> None:
    await db[SHARE_LINKS].delete_many({"cart_id": cart_id}, session=session)


async def delete_owner_links(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    await db[SHARE_LINKS].delete_many({"owner_id": user_id}, session=session)
