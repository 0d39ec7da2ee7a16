"""The extraction cache: whole /extract results per (canonical URL, content hash), TTL-expired."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pymongo import ASCENDING, IndexModel
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now

EXTRACTION_CACHE = "extraction_cache"


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[EXTRACTION_CACHE].create_indexes(
        [IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expires_ttl")]
    )


async def find_cached(db: AsyncDatabase, key: str) -> dict[str, Any] | None:
    # TTL sweeps run about once a minute: check expiry here too.
    return await db[EXTRACTION_CACHE].find_one({"_id": key, "expires_at": {"$gt": utc_now()}})


async def store(db: AsyncDatabase, key: str, result: dict[str, Any], ttl_seconds: int) -> None:
    now = utc_now()
    await db[EXTRACTION_CACHE].replace_one(
        {"_id": key},
        {"_id": key, "result": result, "created_at": now, "expires_at": now + timedelta(seconds=ttl_seconds)},
        upsert=True,
    )
