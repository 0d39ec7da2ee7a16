"""Everything in the database, for asserting that a refused request changed nothing."""

from __future__ import annotations

from typing import Any

from pymongo.asynchronous.database import AsyncDatabase


async def snapshot(db: AsyncDatabase) -> dict[str, list[dict[str, Any]]]:
    return {
        name: await db[name].find({}).sort("_id", 1).to_list(None) for name in sorted(await db.list_collection_names())
    }
