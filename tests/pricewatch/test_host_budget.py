"""A host gets at most PRICE_RECHECK_HOST_DAILY_BUDGET checks a day: the rest wait for the next day, their status
as it was, against the local shop on 127.0.0.1."""

from __future__ import annotations

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

BUDGET = 3


async def _check_all_due(worker: Rechecker) -> int:
    checks = 0
    while await worker.process_next():
        checks += 1
        assert checks < 20
    return checks


async def test_a_host_over_its_daily_budget_waits_for_the_next_day(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    paths = ["/p/1", "/p/2"]
    items = [await watched_item(client, alice, shop.page(path, price="100.00")) for path in paths]
    worker = rechecker(price_recheck_host_daily_budget=BUDGET)
    await _check_all_due(worker)  # two of today's three checks
    assert [(await price_tracking(client, alice, item))["status"] for item in items] == ["ok", "ok"]

    for path in paths:
        shop.pages[path].price = "90.00"
    await let_time_pass(db)
    await _check_all_due(worker)  # the third check, then the budget is spent

    assert sum(len(shop.requests_for(path)) for path in paths) == BUDGET
    tomorrow = utc_now().replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    prices = [(await price_tracking(client, alice, item))["current"]["price"] for item in items]
    waiting = [item for item, price in zip(items, prices, strict=True) if price == "100.00"]
    assert len(waiting) == 1  # not checked again today ...
    tracking = await price_tracking(client, alice, waiting[0])
    assert tracking["status"] == "ok" and tracking["status_message"] is None  # ... and not marked for it
    products = await db["price_products"].find({}).to_list(None)
    assert all(product["next_check_at"] >= tomorrow for product in products)
    assert worker.counts["over_budget"] == 1

    await let_time_pass(db)  # even if the products come due again today, the host has had its checks
    assert await _check_all_due(worker) == 1  # drawn, and deferred again without a fetch
    assert sum(len(shop.requests_for(path)) for path in paths) == BUDGET

    # The next day: the budget is new.
    yesterday = (utc_now() - timedelta(days=1)).date().isoformat()
    await db["price_hosts"].update_many({}, {"$set": {"checks_day": yesterday}})
    await let_time_pass(db)
    await _check_all_due(worker)
    assert (await price_tracking(client, alice, waiting[0]))["current"]["price"] == "90.00"
