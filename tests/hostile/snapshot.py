"""Everything in the database, for asserting that a refused request changed nothing."""

from __future__ import annotations

from typing import Any

from pymongo.asynchronous.database import AsyncDatabase

# Written in the background by the outbox worker (a sign-up's verification email being sent while a test runs),
# never by the requests under test.
_BACKGROUND = {"outbox", "email_verifications"}


async def snapshot(db: AsyncDatabase) -> dict[str, list[dict[str, Any]]]:
    names = sorted(set(await db.list_collection_names()) - _BACKGROUND)
    return {name: await db[name].find({}).sort("_id", 1).to_list(None) for name in names}
