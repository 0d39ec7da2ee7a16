"""The price a save saw reaches the product's history after the answer, and is never lost on the way: it is kept in
the save's own transaction, and what a dead process left is recorded by the next save or the re-check worker."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.config import Settings
from app.items import service as items
from app.items.schemas import ItemCreate
from app.money import to_decimal128
from app.net import SafeFetcher
from app.pricewatch import repository, service
from app.pricewatch.worker import RecheckWorker
from tests.pricewatch.pages import product_page
from tests.support.accounts import Account
from tests.support.factories import add_item

URL = "https://shop.example/p/kettle"


async def _points(client: httpx.AsyncClient, account: Account, item_id: str) -> list[tuple]:
    history = (await client.get(f"/api/v1/items/{item_id}/price-history", headers=account.headers)).json()
    return [(p["price"], p["availability"], p["source"]) for p in history["points"]]


async def _saved_by_a_process_that_died(
    db: AsyncDatabase[dict[str, Any]], account: Account, url: str, price: str
) -> str:
    """The save as the API makes it, without what the API does after its answer (as if it died right then)."""
    data = ItemCreate(url=url, name="Kettle", price=Decimal(price), currency="USD", cart_ids=[account.default_cart_id])
    item, created = await items.add_item(db, user_id=ObjectId(account.user_id), data=data, quota=100)
    assert created
    return str(item.id)


async def test_a_save_records_its_price_once(
    client: httpx.AsyncClient, alice: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    item = await add_item(client, alice, url=URL, price="20.00", currency="USD")
    await add_item(client, alice, url=URL, price="20.00", currency="USD")  # the same again: nothing new

    assert await _points(client, alice, item["id"]) == [("20.00", None, "page")]
    assert await db["price_seen_queue"].count_documents({}) == 0


async def test_what_a_dead_process_left_is_recorded_by_the_next_save(
    client: httpx.AsyncClient, alice: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    left = await _saved_by_a_process_that_died(db, alice, URL, "20.00")
    assert await _points(client, alice, left) == []

    other = await add_item(client, alice, url="https://shop.example/p/mug", price="5.00", currency="USD")

    assert await _points(client, alice, left) == [("20.00", None, "page")]
    assert await _points(client, alice, other["id"]) == [("5.00", None, "page")]


async def test_the_recheck_worker_records_what_was_left(
    client: httpx.AsyncClient,
    alice: Account,
    db: AsyncDatabase[dict[str, Any]],
    fetcher: SafeFetcher,
    recheck_settings: Settings,
) -> None:
    left = await _saved_by_a_process_that_died(db, alice, URL, "20.00")
    worker = RecheckWorker(db, fetcher, recheck_settings.model_copy(update={"price_recheck_poll_seconds": 0.05}))
    worker.start()
    try:
        for _ in range(200):  # a few scheduler passes at most; bounded so a regression fails instead of hanging
            if await _points(client, alice, left):
                break
            await asyncio.sleep(0.05)
    finally:
        await worker.stop()

    assert await _points(client, alice, left) == [("20.00", None, "page")]


async def test_a_price_whose_recorder_died_mid_way_is_taken_again_after_its_lease(
    client: httpx.AsyncClient, alice: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    left = await _saved_by_a_process_that_died(db, alice, URL, "20.00")
    assert await repository.claim_seen_price(db, now=utc_now(), lease=service.SEEN_LEASE) is not None  # then died

    assert await service.record_queued_prices(db) == 0  # held by the dead recorder for now
    await db["price_seen_queue"].update_many({}, {"$set": {"lease_until": utc_now() - timedelta(seconds=1)}})
    assert await service.record_queued_prices(db) == 1

    assert await _points(client, alice, left) == [("20.00", None, "page")]


async def test_a_late_price_never_goes_over_a_newer_one(
    client: httpx.AsyncClient, alice: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    left = await _saved_by_a_process_that_died(db, alice, URL, "20.00")
    seen_since = await client.post("/api/v1/extract", json={"url": URL, "html": product_page("18.00")},
                                   headers=alice.headers)  # fmt: skip
    assert seen_since.status_code == 200

    await service.record_queued_prices(db)

    tracking = (await client.get(f"/api/v1/items/{left}", headers=alice.headers)).json()["price_tracking"]
    assert tracking["current"]["price"] == "18.00"
    assert await db["price_seen_queue"].count_documents({}) == 0


async def test_watching_and_recording_a_new_products_first_price_at_once_both_succeed(
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    # A person watches an item just as its save records the first price of that product: both create the record.
    now = utc_now()
    for index in range(12):
        url = f"https://shop.example/p/race-{index}"
        latest = {"price": to_decimal128(Decimal("10")), "currency": "USD", "availability": None, "at": now}
        await asyncio.gather(
            *(repository.ensure_product(db, canonical_url=url, host="shop.example", now=now) for _ in range(3)),
            repository.replace_latest(db, canonical_url=url, host="shop.example", latest=latest, now=now),
        )
        assert await db[repository.PRODUCTS].count_documents({"canonical_url": url}) == 1
