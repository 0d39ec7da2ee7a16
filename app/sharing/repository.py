"""Every query on the share budgets: what an account, and what an address, took of today's sharing allowance.

One document per account per UTC day (emails sent, address keys mailed) and one per address key per day (share
emails it received from anyone), swept by a TTL index once the day is over.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, IndexModel
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

SHARE_BUDGETS = "share_budgets"


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[SHARE_BUDGETS].create_indexes(
        [
            IndexModel([("expire_at", ASCENDING)], expireAfterSeconds=0, name="expire_ttl"),
            IndexModel([("user_id", ASCENDING)], name="user", sparse=True),
        ]
    )


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
