"""Price history over HTTP: what /extract and saving items record, what items and price-history show."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.pricewatch import service
from tests.pricewatch.pages import product_page
from tests.support.accounts import Account
from tests.support.factories import add_item

URL = "https://shop.example/p/kettle"


async def _extract(client: httpx.AsyncClient, account: Account, html: str, url: str = URL) -> dict:
    response = await client.post("/api/v1/extract", json={"url": url, "html": html}, headers=account.headers)
    assert response.status_code == 200, response.text
    assert response.json()["is_product"] is True
    return response.json()


async def _history(client: httpx.AsyncClient, account: Account, item_id: str, days: int = 90) -> dict:
    response = await client.get(f"/api/v1/items/{item_id}/price-history?days={days}", headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_changes_are_recorded_and_repeats_are_not(
    client: httpx.AsyncClient, alice: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    item = await add_item(client, alice, url=URL + "?utm_source=mail", price="100.00", currency="USD")
    await _extract(client, alice, product_page("100.00"))  # the stock state is news, the price is not
    await _extract(client, alice, product_page("100.00"))  # nothing new: no point
    await _extract(client, alice, product_page("79.50"))
    await add_item(client, alice, url=URL, price="79.50", currency="USD")  # unknown stock: as it was, no point
    await _extract(client, alice, product_page("79.50", availability="OutOfStock"))

    history = await _history(client, alice, item["id"])
    assert [(p["price"], p["availability"], p["source"]) for p in history["points"]] == [
        ("100.00", None, "page"),
        ("100.00", "InStock", "page"),
        ("79.50", "InStock", "page"),
        ("79.50", "OutOfStock", "page"),
    ]
    assert history["lowest"]["price"] == "79.50" and history["highest"]["price"] == "100.00"
    assert history["last_seen_at"] is not None and history["status"] is None

    shown = (await client.get(f"/api/v1/items/{item['id']}", headers=alice.headers)).json()
    tracking = shown["price_tracking"]
    assert shown["price"] == "100.00"  # what was saved stays; the tracking says what was seen since
    assert tracking["current"]["price"] == "79.50" and tracking["current"]["availability"] == "OutOfStock"
    assert tracking["lowest_30d"]["price"] == "79.50" and tracking["highest_90d"]["price"] == "100.00"
    assert tracking["last_change_at"] == tracking["last_seen_at"] == history["last_seen_at"]
    listed = (await client.get("/api/v1/items", headers=alice.headers)).json()["items"]
    assert listed[0]["price_tracking"]["current"]["price"] == "79.50"


async def test_one_unchanged_observation_per_day(
    client: httpx.AsyncClient, alice: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    item = await add_item(client, alice, url=URL, price="20.00", currency="USD")
    now = utc_now()
    for seconds in (1, 2, 3):  # the same day: only marked seen
        await service.record_price(db, url=URL, price=Decimal("20.00"), currency="USD", source="page",
                                   now=now + timedelta(seconds=seconds))  # fmt: skip
    assert len((await _history(client, alice, item["id"]))["points"]) == 1
    for days in (1, 2):  # a later day: one point each, even unchanged
        await service.record_price(db, url=URL, price=Decimal("20.00"), currency="USD", source="page",
                                   now=now + timedelta(days=days))  # fmt: skip
    assert await db["price_observations"].count_documents({}) == 3


async def test_a_flapping_page_stores_a_bounded_number_of_points_a_day(
    client: httpx.AsyncClient, alice: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    item = await add_item(client, alice, url=URL, price="20.00", currency="USD")
    start = utc_now().replace(hour=0, minute=0, second=0, microsecond=0)
    for minute in range(service.MAX_POINTS_PER_DAY + 10):
        price = Decimal("19.00") if minute % 2 else Decimal("21.00")
        await service.record_price(db, url=URL, price=price, currency="USD", source="page",
                                   now=start + timedelta(minutes=minute))  # fmt: skip
    assert await db["price_observations"].count_documents({}) == service.MAX_POINTS_PER_DAY
    tracking = (await client.get(f"/api/v1/items/{item['id']}", headers=alice.headers)).json()["price_tracking"]
    assert tracking["current"]["price"] == "19.00"  # the latest still moves


async def test_currencies_are_never_mixed(client: httpx.AsyncClient, alice: Account) -> None:
    item = await add_item(client, alice, url=URL, price="50.00", currency="USD")
    await _extract(client, alice, product_page("10.00", currency="EUR"))
    await _extract(client, alice, product_page("60.00", currency="EUR"))
    history = await _history(client, alice, item["id"])
    assert [p["currency"] for p in history["points"]] == ["USD", "EUR", "EUR"]
    # The extremes are of the current currency's series: 10 EUR is not "lower" than 50 USD.
    assert (history["lowest"]["price"], history["lowest"]["currency"]) == ("10.00", "EUR")
    assert (history["highest"]["price"], history["highest"]["currency"]) == ("60.00", "EUR")


async def test_the_product_record_is_shared_and_names_nobody(
    client: httpx.AsyncClient, alice: Account, bob: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    await add_item(client, alice, url=URL, price="30.00", currency="USD")
    bobs = await add_item(client, bob, url=URL, name="Kettle for mum")
    await _extract(client, alice, product_page("25.00"))
    history = await _history(client, bob, bobs["id"])
    assert [p["price"] for p in history["points"]] == ["30.00", "25.00"]
    product = await db["price_products"].find_one({})
    stored = repr(product) + repr(await db["price_observations"].find({}).to_list(None))
    assert alice.user_id not in stored and bob.user_id not in stored and "alice" not in stored


async def test_history_window_and_errors(
    client: httpx.AsyncClient, alice: Account, bob: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    item = await add_item(client, alice, url=URL, price="40.00", currency="USD")
    await service.record_price(db, url=URL, price=Decimal("35.00"), currency="USD", source="page",
                               now=utc_now() - timedelta(days=40))  # fmt: skip
    assert [p["price"] for p in (await _history(client, alice, item["id"], days=30))["points"]] == ["40.00"]
    assert len((await _history(client, alice, item["id"], days=90))["points"]) == 2
    other = await client.get(f"/api/v1/items/{item['id']}/price-history", headers=bob.headers)
    assert other.status_code == 404
    bad = await client.get(f"/api/v1/items/{item['id']}/price-history?days=0", headers=alice.headers)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "validation_error"


async def test_a_page_without_price_records_nothing_and_never_drops_to_zero(
    client: httpx.AsyncClient, alice: Account
) -> None:
    item = await add_item(client, alice, url=URL, price="12.00", currency="USD")
    await client.post("/api/v1/extract", json={"url": URL, "html": product_page(None, availability="InStock")},
                      headers=alice.headers)  # fmt: skip
    after = await _history(client, alice, item["id"])
    assert [(p["price"], p["availability"]) for p in after["points"]] == [("12.00", None), (None, "InStock")]
    assert after["lowest"]["price"] == after["highest"]["price"] == "12.00"
    tracking = (await client.get(f"/api/v1/items/{item['id']}", headers=alice.headers)).json()["price_tracking"]
    assert tracking["current"]["price"] is None and tracking["lowest_30d"]["price"] == "12.00"
