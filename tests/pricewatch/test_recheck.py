"""The re-check service against a local shop on 127.0.0.1: history, politeness, statuses, two workers racing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.pricewatch.recheck import Rechecker
from tests.pricewatch.conftest import let_time_pass
from tests.pricewatch.shop import Shop
from tests.pricewatch.watching import price_tracking, watched_item
from tests.support.accounts import Account


async def _points(client: httpx.AsyncClient, account: Account, item: dict[str, Any]) -> list[tuple]:
    history = (await client.get(f"/api/v1/items/{item['id']}/price-history", headers=account.headers)).json()
    return [(p["price"], p["availability"], p["source"]) for p in history["points"]]


async def test_changes_recorded_once_each_and_unchanged_pages_cost_a_304(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    url = shop.page("/p/1", price="100.00")
    item = await watched_item(client, alice, url)
    worker = rechecker()
    assert await worker.process_next() is True
    assert (await price_tracking(client, alice, item))["status"] == "ok"

    shop.pages["/p/1"].price = "90.00"
    await let_time_pass(db)
    await worker.process_next()
    await let_time_pass(db)
    await worker.process_next()  # unchanged: conditional request, 304, nothing new recorded

    assert await _points(client, alice, item) == [
        ("100.00", None, "page"),
        ("100.00", "InStock", "recheck"),
        ("90.00", "InStock", "recheck"),
    ]
    requests = shop.requests_for("/p/1")
    assert len(requests) == 3 and "if-none-match" not in requests[0]
    assert requests[2]["if-none-match"]  # the ETag of the second answer, which the shop matched (304)
    assert requests[0]["user-agent"].startswith("BuyHiveBot/")
    assert len(shop.requests_for("/robots.txt")) == 1  # read once, kept a day
    tracking = await price_tracking(client, alice, item)
    assert tracking["current"]["price"] == "90.00" and tracking["current"]["source"] == "recheck"
    assert await worker.process_next() is False  # nothing due


async def test_two_workers_racing_fetch_once_and_alert_once(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    url = shop.page("/p/1", price="100.00")
    await watched_item(client, alice, url, target_price="80.00")
    workers = [rechecker("worker-a"), rechecker("worker-b")]
    await asyncio.gather(*(worker.process_next() for worker in workers))
    shop.pages["/p/1"].price = "79.00"
    for _ in range(3):
        await let_time_pass(db)
        await asyncio.gather(*(worker.process_next() for worker in workers))

    assert len(shop.requests_for("/p/1")) == 4  # one fetch per round, whoever won it
    assert await db["price_observations"].count_documents({"price": {"$ne": None}, "source": "recheck"}) == 2
    assert await db["price_alerts"].count_documents({}) == 1
    assert await db["outbox"].count_documents({"kind": "price_alert"}) == 1
    assert sum(worker.counts["alerts"] for worker in workers) == 1


async def test_robots_disallow_is_honoured(
    client: httpx.AsyncClient, alice: Account, shop: Shop, rechecker: Callable[..., Rechecker]
) -> None:
    shop.set_robots("User-agent: BuyHiveBot\nDisallow: /p/\n\nUser-agent: *\nAllow: /\n")
    item = await watched_item(client, alice, shop.page("/p/1"))
    await rechecker().process_next()
    assert shop.requests_for("/p/1") == []
    tracking = await price_tracking(client, alice, item)
    assert tracking["status"] == "blocked" and "next time you visit" in tracking["status_message"]


async def test_429_backs_off_the_host_and_marks_the_product(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    item = await watched_item(client, alice, shop.page("/p/1", status=429, headers={"Retry-After": "600"}))
    other = await watched_item(client, alice, shop.page("/p/2"))
    worker = rechecker()
    await worker.process_next()
    await worker.process_next()  # the other product, same host: it waits for the host to rest

    assert len(shop.server.received) == 2  # robots.txt and the one 429: nothing after it
    assert (await price_tracking(client, alice, item))["status"] == "blocked"
    assert (await price_tracking(client, alice, other))["status"] is None  # not checked yet
    host = await db["price_hosts"].find_one({})
    assert host is not None and host["failures"] == 1 and host["next_allowed_at"] >= utc_now() + timedelta(seconds=590)
    products = await db["price_products"].find({}).to_list(None)
    assert all(product["next_check_at"] >= utc_now() + timedelta(seconds=590) for product in products)

    shop.pages["/p/1"].status = 503  # still refusing after the wait: the next wait is longer
    await let_time_pass(db)
    await worker.process_next()
    host = await db["price_hosts"].find_one({})
    assert host is not None and host["failures"] == 2


async def test_bot_wall_missing_price_and_gone_pages(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    wall_page = "<html><title>Just a moment...</title><body>Please complete the captcha</body></html>"
    wall = await watched_item(client, alice, shop.page("/wall", body=wall_page))
    no_price = await watched_item(client, alice, shop.page("/no-price", price=None, availability="OutOfStock"))
    gone = await watched_item(client, alice, shop.page("/gone", status=404))
    worker = rechecker()
    for _ in range(3):  # each product once: the host rests between them, those checked are not due again yet
        await db["price_hosts"].update_many({}, {"$set": {"next_allowed_at": utc_now() - timedelta(seconds=1)}})
        await db["price_products"].update_many(
            {"checked_at": {"$exists": False}}, {"$set": {"next_check_at": utc_now()}}
        )
        await worker.process_next()

    assert (await price_tracking(client, alice, wall))["status"] == "blocked"
    assert (await price_tracking(client, alice, gone))["status"] == "gone"
    tracking = await price_tracking(client, alice, no_price)
    assert tracking["status"] == "no_price"
    assert tracking["lowest_30d"]["price"] == "100.00"  # the price vanished: not a drop to zero
    assert await _points(client, alice, no_price) == [("100.00", None, "page"), (None, "OutOfStock", "recheck")]
    assert len(shop.requests_for("/wall")) == len(shop.requests_for("/gone")) == 1
