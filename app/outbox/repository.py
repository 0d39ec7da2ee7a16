"""Every query on the outbox: one document per email to send, whatever domain it comes from."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, IndexModel, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.outbox.schemas import QUEUED, SENDING, OutboxEntry

OUTBOX = "outbox"


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[OUTBOX].create_indexes(
        [
            IndexModel([("status", ASCENDING), ("next_attempt_at", ASCENDING)], name="claim_queued"),
            IndexModel([("status", ASCENDING), ("lease_until", ASCENDING)], name="claim_expired_lease"),
            # Payload fields the domains look entries up by: a share's cart, a reset request's address.
            IndexModel([("user_id", ASCENDING), ("cart_id", ASCENDING)], name="user_cart"),
            IndexModel(
                [("kind", ASCENDING), ("email_address", ASCENDING), ("created_at", ASCENDING)], name="kind_email"
            ),
            # Only entries that carry expire_at (password-reset requests) are swept; shares stay as history.
            IndexModel([("expire_at", ASCENDING)], expireAfterSeconds=0, name="expire_ttl"),
        ]
    )


async def insert_entry(db: AsyncDatabase, entry: OutboxEntry, session: AsyncClientSession | None = None) -> None:
    await db[OUTBOX].insert_one(entry, session=session)


async def find_entry(
    db: AsyncDatabase, *, kind: str, entry_id: ObjectId, match: Mapping[str, Any]
) -> OutboxEntry | None:
    """The entry of this kind and id whose payload also matches `match` (its owner, say)."""
    return await db[OUTBOX].find_one({**match, "_id": entry_id, "kind": kind})


async def has_entry_since(db: AsyncDatabase, *, kind: str, match: Mapping[str, Any], since: datetime) -> bool:
    query = {**match, "kind": kind, "created_at": {"$gte": since}}
    return await db[OUTBOX].find_one(query, projection={"_id": 1}) is not None


async def claim_abandoned(db: AsyncDatabase, *, worker_id: str, now: datetime, lease: timedelta) -> OutboxEntry | None:
    """Atomically take over one entry left `sending` under a lease that ran out (its worker died or hung)."""
    return await _claim(db, {"status": SENDING, "lease_until": {"$lte": now}}, worker_id, now, lease)


async def claim_due(db: AsyncDatabase, *, worker_id: str, now: datetime, lease: timedelta) -> OutboxEntry | None:
    """Atomically take one queued entry whose next attempt is due."""
    return await _claim(db, {"status": QUEUED, "next_attempt_at": {"$lte": now}}, worker_id, now, lease)


async def _claim(
    db: AsyncDatabase, query: dict[str, Any], worker_id: str, now: datetime, lease: timedelta
) -> OutboxEntry | None:
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


async def find_entries(db: AsyncDatabase, *, kind: str, match: Mapping[str, Any]) -> list[OutboxEntry]:
    return await db[OUTBOX].find({**match, "kind": kind}).sort("_id", ASCENDING).to_list(None)


async def delete_entries_naming(
    db: AsyncDatabase, *, user_id: ObjectId, email: str, session: AsyncClientSession
) -> None:
    """Every entry a person queued or that was queued for their address, whatever its kind and status."""
    await db[OUTBOX].delete_many({"$or": [{"user_id": user_id}, {"email_address": email}]}, session=session)
