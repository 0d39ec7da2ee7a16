"""Every query on the outbox: one document per email to send (cart shares and password-reset mail)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, IndexModel, ReturnDocument
from pymongo.asynchronous.database import AsyncDatabase

from app.sharing.outbox import QUEUED, SENDING, SHARE

OUTBOX = "outbox"


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[OUTBOX].create_indexes(
        [
            IndexModel([("status", ASCENDING), ("next_attempt_at", ASCENDING)], name="claim_queued"),
            IndexModel([("status", ASCENDING), ("lease_until", ASCENDING)], name="claim_expired_lease"),
            IndexModel([("user_id", ASCENDING), ("cart_id", ASCENDING)], name="user_cart"),
            IndexModel(
                [("kind", ASCENDING), ("email_address", ASCENDING), ("created_at", ASCENDING)], name="kind_email"
            ),
            # Only entries that carry expire_at (password-reset requests) are swept; shares stay as history.
            IndexModel([("expire_at", ASCENDING)], expireAfterSeconds=0, name="expire_ttl"),
        ]
    )


async def insert_entry(db: AsyncDatabase, entry: dict[str, Any]) -> None:
    await db[OUTBOX].insert_one(entry)


async def find_share(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, share_id: ObjectId
) -> dict[str, Any] | None:
    return await db[OUTBOX].find_one({"_id": share_id, "user_id": user_id, "cart_id": cart_id, "kind": SHARE})


async def has_recent_request(db: AsyncDatabase, *, kind: str, email_address: str, since: datetime) -> bool:
    query = {"kind": kind, "email_address": email_address, "created_at": {"$gte": since}}
    return await db[OUTBOX].find_one(query, projection={"_id": 1}) is not None


async def claim_abandoned(
    db: AsyncDatabase, *, worker_id: str, now: datetime, lease: timedelta
) -> dict[str, Any] | None:
    """Atomically take over one entry left `sending` under a lease that ran out (its worker died or hung)."""
    return await _claim(db, {"status": SENDING, "lease_until": {"$lte": now}}, worker_id, now, lease)


async def claim_due(db: AsyncDatabase, *, worker_id: str, now: datetime, lease: timedelta) -> dict[str, Any] | None:
    """Atomically take one queued entry whose next attempt is due."""
    return await _claim(db, {"status": QUEUED, "next_attempt_at": {"$lte": now}}, worker_id, now, lease)


async def _claim(
    db: AsyncDatabase, query: dict[str, Any], worker_id: str, now: datetime, lease: timedelta
) -> dict[str, Any] | None:
    # One find_one_and_update: of several workers racing for an entry, exactly one gets it.
    return await db[OUTBOX].find_one_and_update(
        query,
        {
            "$set": {"status": SENDING, "lease_owner": worker_id, "lease_until": now + lease, "updated_at": now},
            "$inc": {"attempts": 1},
        },
        sort=[("next_attempt_at", ASCENDING)],
        return_document=ReturnDocument.AFTER,
    )


async def finish(db: AsyncDatabase, *, entry_id: ObjectId, worker_id: str, changes: dict[str, Any]) -> bool:
    """Record an attempt's outcome, only while this worker still holds the lease; False if it was lost."""
    result = await db[OUTBOX].update_one(
        {"_id": entry_id, "status": SENDING, "lease_owner": worker_id},
        {"$set": {**changes, "lease_owner": None, "lease_until": None}},
    )
    return result.matched_count == 1
