"""What other domains call: queue an email of a registered kind, and look their entries up."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.outbox import repository
from app.outbox.registry import ComposerRegistry, composers
from app.outbox.schemas import OutboxEntry, new_entry


async def enqueue(
    db: AsyncDatabase,
    *,
    kind: str,
    payload: Mapping[str, Any],
    session: AsyncClientSession | None = None,
    registry: ComposerRegistry = composers,
    entry_id: ObjectId | None = None,
) -> OutboxEntry:
    """Record an email for the worker to compose and send; pass `session` to queue it inside a transaction.

    `entry_id` names the entry in advance (a share is known by its first email's id)."""
    if kind not in registry:  # caught here, where the caller can see it, rather than by the worker later
        raise ValueError(f"no composer registered for outbox kind {kind!r}")
    entry = new_entry(kind, now=utc_now(), entry_id=entry_id, **payload)
    await repository.insert_entry(db, entry, session=session)
    return entry


async def find_entry(
    db: AsyncDatabase, *, kind: str, entry_id: ObjectId, match: Mapping[str, Any]
) -> OutboxEntry | None:
    """The entry of this kind and id whose payload also matches `match` (e.g. its owner); None otherwise."""
    return await repository.find_entry(db, kind=kind, entry_id=entry_id, match=match)


async def enqueued_since(db: AsyncDatabase, *, kind: str, match: Mapping[str, Any], since: datetime) -> bool:
    """Whether an entry of this kind matching `match` was queued at or after `since` (for cooldowns)."""
    return await repository.has_entry_since(db, kind=kind, match=match, since=since)


async def entries_of(db: AsyncDatabase, *, kind: str, match: Mapping[str, Any]) -> list[OutboxEntry]:
    """Every entry of this kind whose payload matches `match`, oldest first."""
    return await repository.find_entries(db, kind=kind, match=match)


async def forget_person(db: AsyncDatabase, *, user_id: ObjectId, email: str, session: AsyncClientSession) -> None:
    """Delete (so cancel, if still queued) every entry a person queued or that names their address as its subject."""
    await repository.delete_entries_naming(db, user_id=user_id, email=email, session=session)
