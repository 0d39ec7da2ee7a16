"""Product records nobody saves, watches or has seen for the retention period are swept with their history; one
someone still has an item for stays however old."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.pricewatch import service
from tests.pricewatch.pages import product_page
from tests.support.accounts import Account
from tests.support.factories import add_item

SHOP = "https://shop.example/p/"


async def _extract(client: httpx.AsyncClient, account: Account, url: str, price: str) -> None:
    response = await client.post("/api/v1/extract", json={"url": url, "html": product_page(price)},
                                 headers=account.headers)  # fmt: skip
    assert response.status_code == 200, response.text


async def _age(db: AsyncDatabase[dict[str, Any]], url: str, days: int) -> None:
    """As if nothing had touched the product (nor seen its page) for `days` days."""
    then = utc_now() - timedelta(days=days)
    product = await db["price_products"].find_one({"canonical_url": url})
    assert product is not None
    await db["price_products"].update_one({"_id": product["_id"]}, {"$set": {"updated_at": then, "last_seen_at": then}})
    await db["price_observations"].update_many({"product_id": product["_id"]}, {"$set": {"at": then}})


async def _products(db: AsyncDatabase[dict[str, Any]]) -> set[str]:
    return {product["canonical_url"] for product in await db["price_products"].find({}).to_list(None)}


async def test_only_products_nobody_saves_watches_or_saw_lately_are_swept(
    client: httpx.AsyncClient,
    alice: Account,
    bob: Account,
    db: AsyncDatabase[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(service, "SWEEP_BATCH", 1)  # one at a time: the sweep pages past the ones it keeps
    old_days = service.PRODUCT_RETENTION.days + 1
    saved = await add_item(client, bob, url=SHOP + "saved", price="10.00", currency="USD")
    watched = await add_item(client, alice, url=SHOP + "watched", price="20.00", currency="USD")
    response = await client.put(f"/api/v1/items/{watched['id']}/watch", json={"target_price": "15"},
                                headers=alice.headers)  # fmt: skip
    assert response.status_code == 200, response.text
    await _extract(client, alice, SHOP + "looked-at", "30.00")  # seen once, never saved
    await _extract(client, alice, SHOP + "lately", "40.00")  # seen within the retention period
    await _extract(client, alice, SHOP + "looked-at-too", "50.00")
    for name in ("saved", "watched", "looked-at", "looked-at-too"):
        await _age(db, SHOP + name, old_days)
    await _age(db, SHOP + "lately", old_days - 2)

    assert await service.sweep_forgotten_products(db, now=utc_now()) == 2

    assert await _products(db) == {SHOP + "saved", SHOP + "watched", SHOP + "lately"}
    assert await db["price_observations"].count_documents({}) == 3  # the swept ones' history went with them
    tracking = (await client.get(f"/api/v1/items/{saved['id']}", headers=bob.headers)).json()["price_tracking"]
    assert tracking["current"]["price"] == "10.00"  # bob's item still says what was seen, and when
    assert await service.sweep_forgotten_products(db, now=utc_now()) == 0

    # Seen again later: a new record, starting over.
    await _extract(client, alice, SHOP + "looked-at", "28.00")
    product = await db["price_products"].find_one({"canonical_url": SHOP + "looked-at"})
    assert product is not None and product["latest"]["price"].to_decimal() == 28
    assert await db["price_observations"].count_documents({"product_id": product["_id"]}) == 1
