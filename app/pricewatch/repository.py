"""Every query on price watch data: products, their observations, hosts being re-checked, watches and alerts.

A product record is shared by everyone who saved or looked at that page; it never names a person. Watches and
alerts name their person and are only ever read by that person's id.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

PRODUCTS = "price_products"
OBSERVATIONS = "price_observations"
HOSTS = "price_hosts"
WATCHES = "price_watches"
ALERTS = "price_alerts"
OPT_OUTS = "price_alert_opt_outs"
# Prices seen at a save, written in the save's transaction and recorded into the history after the response.
SEEN_QUEUE = "price_seen_queue"
# "Never leased": compares below any real time, so a claim needs no $or over a missing field.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Bounded history: observations are swept after this long (the longest history the API serves is 365 days).
HISTORY_RETENTION_DAYS = 400

_UPSERT_ATTEMPTS = 4
_UPSERT_RETRY_SECONDS = 0.05


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[PRODUCTS].create_indexes(
        [
            IndexModel([("canonical_url", ASCENDING)], unique=True, name="canonical_url_unique"),
            # Only watched products carry a next_check_at: the re-check claims the most overdue first.
            IndexModel([("next_check_at", ASCENDING)], name="due"),
            IndexModel([("host", ASCENDING), ("next_check_at", ASCENDING)], name="host_due"),
            # Products nobody has seen, watched or started watching for long are swept (`forgotten_products`).
            IndexModel([("updated_at", ASCENDING), ("_id", ASCENDING)], name="unseen_since"),
        ]
    )
    await db[OBSERVATIONS].create_indexes(
        [
            IndexModel([("product_id", ASCENDING), ("at", DESCENDING)], name="product_history"),
            # Bounded history: observations older than PRICE_HISTORY_DAYS are swept.
            IndexModel([("at", ASCENDING)], expireAfterSeconds=HISTORY_RETENTION_DAYS * 86400, name="history_ttl"),
        ]
    )
    await db[SEEN_QUEUE].create_indexes([IndexModel([("at", ASCENDING)], name="oldest_first")])
    await db[WATCHES].create_indexes(
        [
            IndexModel([("user_id", ASCENDING), ("item_id", ASCENDING)], unique=True, name="user_item_unique"),
            IndexModel([("product_id", ASCENDING)], name="product"),
        ]
    )
    await db[ALERTS].create_indexes(
        [
            IndexModel([("user_id", ASCENDING), ("day", ASCENDING)], name="user_day"),
            IndexModel([("mode", ASCENDING), ("digest_id", ASCENDING), ("day", ASCENDING)], name="digest_pending"),
            IndexModel([("expire_at", ASCENDING)], expireAfterSeconds=0, name="expire_ttl"),
        ]
    )


# --- products and observations ---


async def touch_if_unchanged(
    db: AsyncDatabase, *, canonical_url: str, signature: str, since: datetime, now: datetime
) -> bool:
    """Mark the product seen now if its latest observation has this signature and is from `since` on."""
    result = await db[PRODUCTS].update_one(
        {"canonical_url": canonical_url, "latest.signature": signature, "latest.at": {"$gte": since}},
        {"$set": {"last_seen_at": now, "updated_at": now}},
    )
    return result.matched_count == 1


def _new_product(canonical_url: str, host: str, now: datetime) -> dict[str, Any]:
    return {
        "_id": ObjectId(),
        "host": host,
        "status": None,
        "watch_count": 0,
        "next_check_at": None,
        "lease_owner": None,
        "lease_until": EPOCH,
        "enqueued_until": EPOCH,
        "etag": None,
        "last_modified": None,
        "last_change_at": None,
        "created_at": now,
    }


async def replace_latest(
    db: AsyncDatabase, *, canonical_url: str, host: str, latest: dict[str, Any], now: datetime
) -> tuple[dict[str, Any], ObjectId]:
    """Make `latest` the product's latest observation (creating the product, its last change now); returns the
    product as it was before (an empty dict for a new one) and its id, in one round trip."""
    created = {**_new_product(canonical_url, host, now), "last_change_at": now}
    update = {"$set": {"latest": latest, "last_seen_at": now, "updated_at": now}, "$setOnInsert": created}
    before = await _upsert_product(db, canonical_url, update, ReturnDocument.BEFORE)
    return (before, before["_id"]) if before else ({}, created["_id"])


async def ensure_product(db: AsyncDatabase, *, canonical_url: str, host: str, now: datetime) -> dict[str, Any]:
    """The product record for this URL, created empty if nobody has seen a price there yet."""
    update = {
        # Touched: a product someone just started watching is never swept as forgotten meanwhile.
        "$set": {"updated_at": now},
        "$setOnInsert": {**_new_product(canonical_url, host, now), "latest": None, "last_seen_at": None},
    }
    found = await _upsert_product(db, canonical_url, update, ReturnDocument.AFTER)
    assert found is not None  # asked for the record after the upsert: found, or it raised
    return found


async def _upsert_product(
    db: AsyncDatabase, canonical_url: str, update: dict[str, Any], return_document: bool
) -> dict[str, Any] | None:
    """Update the URL's product record, creating it if missing. Two first writers (a save recording its price, a
    person starting to watch) race to create it: the loser retries as an update of the winner's record, once that
    insert shows (until then the loser sees a duplicate key, or no record at all after its upsert)."""
    for attempt in range(_UPSERT_ATTEMPTS):
        try:
            found = await db[PRODUCTS].find_one_and_update(
                {"canonical_url": canonical_url}, update, upsert=True, return_document=return_document
            )
            if found is not None or return_document == ReturnDocument.BEFORE:  # none before: this call created it
                return dict(found) if found is not None else None
        except DuplicateKeyError:
            if attempt + 1 == _UPSERT_ATTEMPTS:
                raise
        await asyncio.sleep(_UPSERT_RETRY_SECONDS * (attempt + 1))
    raise RuntimeError(f"the product record of {canonical_url} was neither created nor found")


async def set_last_change(db: AsyncDatabase, *, product_id: ObjectId, at: datetime) -> None:
    await db[PRODUCTS].update_one({"_id": product_id}, {"$max": {"last_change_at": at}})


async def check_sooner(db: AsyncDatabase, *, product_id: ObjectId, at: datetime) -> None:
    """Bring a watched product's next re-check forward to `at` (never later than already planned)."""
    await db[PRODUCTS].update_one(
        {"_id": product_id, "watch_count": {"$gt": 0}, "next_check_at": {"$gt": at}},
        {"$set": {"next_check_at": at, "enqueued_until": EPOCH}},  # a new due time: the scheduler sends it again
    )


async def insert_observation(db: AsyncDatabase, observation: dict[str, Any]) -> None:
    await db[OBSERVATIONS].insert_one(observation)


async def count_observations(db: AsyncDatabase, *, product_id: ObjectId, since: datetime) -> int:
    return await db[OBSERVATIONS].count_documents({"product_id": product_id, "at": {"$gte": since}})


async def find_product(db: AsyncDatabase, *, canonical_url: str) -> dict[str, Any] | None:
    return await db[PRODUCTS].find_one({"canonical_url": canonical_url})


async def find_product_by_id(db: AsyncDatabase, product_id: ObjectId) -> dict[str, Any] | None:
    return await db[PRODUCTS].find_one({"_id": product_id})


async def find_products_by_ids(db: AsyncDatabase, product_ids: list[ObjectId]) -> list[dict[str, Any]]:
    return await db[PRODUCTS].find({"_id": {"$in": product_ids}}).to_list(None)


async def find_products(db: AsyncDatabase, *, canonical_urls: list[str]) -> list[dict[str, Any]]:
    return await db[PRODUCTS].find({"canonical_url": {"$in": canonical_urls}}).to_list(None)


async def observations_since(
    db: AsyncDatabase, *, product_ids: list[ObjectId], since: datetime
) -> list[dict[str, Any]]:
    """Oldest first."""
    query = {"product_id": {"$in": product_ids}, "at": {"$gte": since}}
    return await db[OBSERVATIONS].find(query).sort("at", ASCENDING).to_list(None)


async def forgotten_products(
    db: AsyncDatabase, *, before: datetime, after: dict[str, Any] | None, limit: int
) -> list[dict[str, Any]]:
    """Products nobody watches that nothing has touched since `before` (ids, URLs, times), oldest first, from just
    after the product `after` (a page's last)."""
    query: dict[str, Any] = {"updated_at": {"$lt": before}, "watch_count": {"$lte": 0}}
    if after is not None:
        later = after["updated_at"]
        query["$or"] = [{"updated_at": {"$gt": later}}, {"updated_at": later, "_id": {"$gt": after["_id"]}}]
    projection = {"canonical_url": 1, "updated_at": 1}
    cursor = db[PRODUCTS].find(query, projection).sort([("updated_at", ASCENDING), ("_id", ASCENDING)]).limit(limit)
    return await cursor.to_list(None)


async def delete_forgotten_product(db: AsyncDatabase, *, product_id: ObjectId, before: datetime) -> bool:
    """Delete the product and its history if it is still unwatched and untouched since `before` (a watch started or
    a price seen since keeps it)."""
    query = {"_id": product_id, "updated_at": {"$lt": before}, "watch_count": {"$lte": 0}}
    result = await db[PRODUCTS].delete_one(query)
    if result.deleted_count == 0:
        return False
    await db[OBSERVATIONS].delete_many({"product_id": product_id})
    return True


# --- prices seen at a save, waiting to be recorded ---


async def queue_seen_price(db: AsyncDatabase, seen: dict[str, Any], session: AsyncClientSession) -> None:
    await db[SEEN_QUEUE].insert_one({**seen, "lease_until": EPOCH}, session=session)


async def claim_seen_price(db: AsyncDatabase, *, now: datetime, lease: timedelta) -> dict[str, Any] | None:
    """Take the oldest queued price nobody is recording (or whose recorder died: its lease ran out)."""
    return await db[SEEN_QUEUE].find_one_and_update(
        {"lease_until": {"$lte": now}},
        {"$set": {"lease_until": now + lease}},
        sort=[("at", ASCENDING)],
        return_document=ReturnDocument.AFTER,
    )


async def delete_seen_price(db: AsyncDatabase, seen_id: ObjectId) -> None:
    await db[SEEN_QUEUE].delete_one({"_id": seen_id})


# --- re-check scheduling ---


async def add_watcher(db: AsyncDatabase, *, product_id: ObjectId, first_check_at: datetime) -> None:
    await db[PRODUCTS].update_one({"_id": product_id}, {"$inc": {"watch_count": 1}})
    # A product nobody watched had no schedule: check it soon. One already scheduled keeps its time.
    await db[PRODUCTS].update_one(
        {"_id": product_id, "next_check_at": None}, {"$set": {"next_check_at": first_check_at}}
    )


async def remove_watcher(db: AsyncDatabase, *, product_id: ObjectId, session: AsyncClientSession | None = None) -> None:
    await db[PRODUCTS].update_one({"_id": product_id}, {"$inc": {"watch_count": -1}}, session=session)
    # Nobody watches it any more: it leaves the re-check schedule.
    await db[PRODUCTS].update_one(
        {"_id": product_id, "watch_count": {"$lte": 0}},
        {"$set": {"next_check_at": None, "watch_count": 0}},
        session=session,
    )


async def claim_due_product(
    db: AsyncDatabase, *, worker_id: str, now: datetime, lease: timedelta, skip_hosts: Collection[str] = ()
) -> dict[str, Any] | None:
    """Atomically take the most overdue watched product nobody holds, on none of `skip_hosts`; of racing workers
    exactly one gets it."""
    query: dict[str, Any] = {"next_check_at": {"$lte": now}, "lease_until": {"$lte": now}, "watch_count": {"$gt": 0}}
    if skip_hosts:
        query["host"] = {"$nin": list(skip_hosts)}
    return await db[PRODUCTS].find_one_and_update(
        query,
        {"$set": {"lease_owner": worker_id, "lease_until": now + lease}},
        sort=[("next_check_at", ASCENDING)],
        return_document=ReturnDocument.AFTER,
    )


async def claim_scheduled_product(
    db: AsyncDatabase, *, product_id: ObjectId, due: datetime, worker_id: str, now: datetime, lease: timedelta
) -> dict[str, Any] | None:
    """Take the product a queue message names, only if it is still due at the time the message was scheduled for and
    nobody holds it. A message delivered again after its check was done finds the product moved on: None."""
    query = {"_id": product_id, "next_check_at": due, "lease_until": {"$lte": now}, "watch_count": {"$gt": 0}}
    return await db[PRODUCTS].find_one_and_update(
        query, {"$set": {"lease_owner": worker_id, "lease_until": now + lease}}, return_document=ReturnDocument.AFTER
    )


async def due_unqueued_products(db: AsyncDatabase, *, now: datetime, limit: int) -> list[dict[str, Any]]:
    """The most overdue watched products no queue message is out for (nor any worker holds); ids and due times."""
    query = {
        "next_check_at": {"$lte": now},
        "watch_count": {"$gt": 0},
        "lease_until": {"$lte": now},
        "enqueued_until": {"$not": {"$gt": now}},  # records from before the queue have no such field
    }
    cursor = db[PRODUCTS].find(query, {"next_check_at": 1}).sort("next_check_at", ASCENDING).limit(limit)
    return await cursor.to_list(None)


async def mark_enqueued(
    db: AsyncDatabase, *, product_id: ObjectId, due: datetime, now: datetime, until: datetime
) -> bool:
    """Take the right to send this product's message for this due time; of racing schedulers exactly one gets it."""
    result = await db[PRODUCTS].update_one(
        {"_id": product_id, "next_check_at": due, "enqueued_until": {"$not": {"$gt": now}}},
        {"$set": {"enqueued_until": until}},
    )
    return result.modified_count == 1


async def unmark_enqueued(db: AsyncDatabase, *, product_ids: list[ObjectId]) -> None:
    """The messages were not sent after all: the next scheduler pass sends them."""
    await db[PRODUCTS].update_many({"_id": {"$in": product_ids}}, {"$set": {"enqueued_until": EPOCH}})


async def finish_check(db: AsyncDatabase, *, product_id: ObjectId, worker_id: str, changes: dict[str, Any]) -> bool:
    """Record a check's outcome and let go of the product, only while this worker still holds it. The outcome sets
    a new due time, for which the scheduler sends a new message."""
    result = await db[PRODUCTS].update_one(
        {"_id": product_id, "lease_owner": worker_id},
        {"$set": {**changes, "lease_owner": None, "lease_until": EPOCH, "enqueued_until": EPOCH}},
    )
    return result.matched_count == 1


async def defer_host(db: AsyncDatabase, *, host: str, until: datetime, now: datetime) -> None:
    """Move every due, unclaimed product of a busy host to `until`, so workers stop drawing them one by one."""
    query = {"host": host, "next_check_at": {"$lte": until}, "lease_until": {"$lte": now}}
    await db[PRODUCTS].update_many(query, {"$set": {"next_check_at": until, "enqueued_until": EPOCH}})


async def claim_host(
    db: AsyncDatabase, *, host: str, worker_id: str, now: datetime, lease: timedelta
) -> dict[str, Any] | None:
    """Take the host for one fetch if nobody holds it and its politeness interval has passed; None otherwise."""
    try:
        return await db[HOSTS].find_one_and_update(
            {"_id": host, "lease_until": {"$lte": now}, "next_allowed_at": {"$lte": now}},
            {"$set": {"lease_owner": worker_id, "lease_until": now + lease}},
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )
    except DuplicateKeyError:  # it exists and is held or resting: the filter did not match, the insert clashed
        return None


async def find_host(db: AsyncDatabase, host: str) -> dict[str, Any] | None:
    return await db[HOSTS].find_one({"_id": host})


async def release_host(db: AsyncDatabase, *, host: str, worker_id: str, changes: dict[str, Any]) -> None:
    await db[HOSTS].update_one(
        {"_id": host, "lease_owner": worker_id}, {"$set": {**changes, "lease_owner": None, "lease_until": EPOCH}}
    )


# --- watches ---


async def upsert_watch(
    db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId, fields: dict[str, Any], new: dict[str, Any]
) -> tuple[dict[str, Any], bool]:
    """Create or change the person's watch on an item; returns (watch, created)."""
    before = await db[WATCHES].find_one_and_update(
        {"user_id": user_id, "item_id": item_id},
        {"$set": fields, "$setOnInsert": new},
        upsert=True,
        return_document=ReturnDocument.BEFORE,
    )
    after = await db[WATCHES].find_one({"user_id": user_id, "item_id": item_id})
    assert after is not None
    return after, before is None


async def delete_watch(db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId) -> dict[str, Any] | None:
    return await db[WATCHES].find_one_and_delete({"user_id": user_id, "item_id": item_id})


async def delete_watch_by_id(db: AsyncDatabase, watch_id: ObjectId) -> dict[str, Any] | None:
    return await db[WATCHES].find_one_and_delete({"_id": watch_id})


async def find_watch_by_id(db: AsyncDatabase, watch_id: ObjectId) -> dict[str, Any] | None:
    return await db[WATCHES].find_one({"_id": watch_id})


async def watches_of_user(db: AsyncDatabase, *, user_id: ObjectId) -> list[dict[str, Any]]:
    return await db[WATCHES].find({"user_id": user_id}).sort("_id", DESCENDING).to_list(None)


async def watches_of_product(db: AsyncDatabase, *, product_id: ObjectId) -> list[dict[str, Any]]:
    return await db[WATCHES].find({"product_id": product_id}).to_list(None)


async def set_watch_state(db: AsyncDatabase, *, watch_id: ObjectId, changes: dict[str, Any]) -> None:
    await db[WATCHES].update_one({"_id": watch_id}, {"$set": changes})


async def delete_watches_of_user(
    db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession | None = None
) -> list[dict[str, Any]]:
    watches = await db[WATCHES].find({"user_id": user_id}, session=session).to_list(None)
    await db[WATCHES].delete_many({"user_id": user_id}, session=session)
    return watches


# --- alerts ---


async def insert_alert(db: AsyncDatabase, alert: dict[str, Any], session: AsyncClientSession) -> bool:
    """Claim an alert by its key (watch and period); False when another instance or an earlier pass claimed it."""
    try:
        await db[ALERTS].insert_one(alert, session=session)
    except DuplicateKeyError:
        return False
    return True


async def count_instant_alerts(db: AsyncDatabase, *, user_id: ObjectId, day: str) -> int:
    return await db[ALERTS].count_documents({"user_id": user_id, "day": day, "mode": "instant"})


async def find_alert(db: AsyncDatabase, alert_id: str) -> dict[str, Any] | None:
    return await db[ALERTS].find_one({"_id": alert_id})


async def pending_digest_alerts(db: AsyncDatabase, *, before_day: str) -> list[dict[str, Any]]:
    query = {"mode": "digest", "digest_id": None, "day": {"$lt": before_day}}
    return await db[ALERTS].find(query).sort("created_at", ASCENDING).to_list(None)


async def attach_to_digest(
    db: AsyncDatabase, *, alert_ids: list[str], digest_id: str, session: AsyncClientSession
) -> int:
    """Put waiting alerts into a digest; returns how many were still waiting (0: another worker took them)."""
    result = await db[ALERTS].update_many(
        {"_id": {"$in": alert_ids}, "digest_id": None}, {"$set": {"digest_id": digest_id}}, session=session
    )
    return result.modified_count


async def alerts_of_digest(db: AsyncDatabase, digest_id: str) -> list[dict[str, Any]]:
    return await db[ALERTS].find({"digest_id": digest_id}).sort("created_at", ASCENDING).to_list(None)


async def delete_alerts_of_user(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    await db[ALERTS].delete_many({"user_id": user_id}, session=session)


# --- opt-outs (unsubscribed from every alert) ---


async def opt_out(db: AsyncDatabase, *, user_id: ObjectId, now: datetime) -> None:
    await db[OPT_OUTS].update_one({"_id": user_id}, {"$setOnInsert": {"created_at": now}}, upsert=True)


async def opt_in(db: AsyncDatabase, *, user_id: ObjectId) -> None:
    await db[OPT_OUTS].delete_one({"_id": user_id})


async def has_opted_out(db: AsyncDatabase, *, user_id: ObjectId) -> bool:
    return await db[OPT_OUTS].find_one({"_id": user_id}) is not None


async def delete_opt_out(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    await db[OPT_OUTS].delete_one({"_id": user_id}, session=session)
