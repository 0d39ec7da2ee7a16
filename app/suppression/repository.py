"""Every query on the suppression list: one document per address key, with the reasons it was added."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from pymongo import ASCENDING, IndexModel
from pymongo.asynchronous.database import AsyncDatabase

SUPPRESSIONS = "suppressions"


async def ensure_indexes(db: AsyncDatabase) -> None:
    # _id is the address key; this one is for counting by reason (operators, /health).
    await db[SUPPRESSIONS].create_indexes([IndexModel([("reasons", ASCENDING)], name="reasons")])


async def add(db: AsyncDatabase, *, key: str, reason: str, now: datetime) -> None:
    """Idempotent: adding an address again only adds a reason it did not have."""
    await db[SUPPRESSIONS].update_one(
        {"_id": key},
        {"$addToSet": {"reasons": reason}, "$setOnInsert": {"created_at": now}, "$set": {"updated_at": now}},
        upsert=True,
    )


async def reasons_for(db: AsyncDatabase, keys: Iterable[str]) -> dict[str, list[str]]:
    found = db[SUPPRESSIONS].find({"_id": {"$in": list(keys)}}, projection={"reasons": 1})
    return {document["_id"]: document["reasons"] async for document in found}
