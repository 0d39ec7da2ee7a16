"""Watches over HTTP, their alert emails (outbox, file backend), one-click unsubscribe and the daily digest."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.config import Settings
from app.pricewatch import alerts
from app.pricewatch.recheck import Rechecker
from tests.pricewatch.conftest import let_time_pass
from tests.pricewatch.pages import product_page
from tests.pricewatch.shop import Shop
from tests.support.accounts import Account
from tests.support.factories import add_item
from tests.support.inbox import body_text, emails_to, wait_for_emails


async def _item(client: httpx.AsyncClient, account: Account, url: str, price: str = "100.00") -> dict:
    return await add_item(client, account, url=url, price=price, currency="USD")


async def _put_watch(client: httpx.AsyncClient, account: Account, item: dict[str, Any], **body: Any) -> httpx.Response:
    return await client.put(f"/api/v1/items/{item['id']}/watch", json=body, headers=account.headers)


async def test_watch_api(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    item = await _item(client, alice, "https://shop.example/p/1")
    created = await _put_watch(client, alice, item, target_price="80.00", drop_percent="10")
    assert created.status_code == 200
    watch = created.json()
    assert (watch["target_price"], watch["drop_percent"], watch["back_in_stock"]) == ("80.00", "10", False)
    assert (watch["currency"], watch["baseline_price"], watch["item_id"]) == ("USD", "100.00", item["id"])
    changed = await _put_watch(client, alice, item, back_in_stock=True)
    assert (changed.json()["target_price"], changed.json()["back_in_stock"]) == (None, True)
    listed = (await client.get("/api/v1/watches", headers=alice.headers)).json()["items"]
    assert [w["item_id"] for w in listed] == [item["id"]] and listed[0]["created_at"] == watch["created_at"]

    assert (await _put_watch(client, alice, item)).status_code == 422  # no condition
    assert (await _put_watch(client, alice, item, drop_percent="120")).status_code == 422
    assert (await _put_watch(client, alice, item, target_price=12.5)).status_code == 422  # money is a string
    assert (await _put_watch(client, bob, item, target_price="1")).status_code == 404  # not bob's item
    bobs = await _item(client, bob, "https://shop.example/p/1")
    refused = await _put_watch(client, bob, bobs, target_price="1")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "email_not_verified"
    assert (await client.get("/api/v1/watches", headers=bob.headers)).json()["items"] == []

    assert (await client.delete(f"/api/v1/items/{item['id']}/watch", headers=alice.headers)).status_code == 204
    assert (await client.delete(f"/api/v1/items/{item['id']}/watch", headers=alice.headers)).status_code == 204
    assert (await client.delete(f"/api/v1/items/{item['id']}/watch", headers=bob.headers)).status_code == 404
    assert (await client.get("/api/v1/watches", headers=alice.headers)).json()["items"] == []


async def test_deleting_the_item_drops_its_watch(
    client: httpx.AsyncClient, alice: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    item = await _item(client, alice, "https://shop.example/p/2")
    assert (await _put_watch(client, alice, item, back_in_stock=True)).status_code == 200
    assert (await client.delete(f"/api/v1/items/{item['id']}", headers=alice.headers)).status_code == 204
    assert (await client.get("/api/v1/watches", headers=alice.headers)).json()["items"] == []
    product = await db["price_products"].find_one({})
    assert (
        product is not None and product["watch_count"] == 0 and product["next_check_at"] is None
    )  # off the re-check schedule


async def test_alert_email_and_one_click_unsubscribe(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    settings: Settings,
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    item = await _item(client, alice, shop.page("/p/1", price="100.00"))
    await _put_watch(client, alice, item, target_price="80.00")
    worker = rechecker()
    await worker.process_next()
    # A person's browser reporting a low price is history, not an alert: only our own fetch alerts.
    extract = {"url": shop.server.url("/p/1"), "html": product_page("10.00")}
    assert (await client.post("/api/v1/extract", json=extract, headers=alice.headers)).status_code == 200
    assert await db["price_alerts"].count_documents({}) == 0
    product = await db["price_products"].find_one({})  # ... but the watched product is re-checked soon
    assert product is not None and product["next_check_at"] <= utc_now() + timedelta(minutes=1)

    shop.pages["/p/1"].price = "75.00"
    await let_time_pass(db)
    await worker.process_next()
    (email,) = await wait_for_emails(settings.data_dir / "outbox", alice.email, "Price alert")
    assert "75.00 USD" in str(email["Subject"]) and "at or below your target of 80.00 USD" in body_text(email)
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    bracketed = re.fullmatch(r"<(.+)>", str(email["List-Unsubscribe"]))
    assert bracketed is not None
    link = bracketed.group(1)
    path = link.removeprefix(settings.public_app_url.rstrip("/"))

    page = await client.get(path)  # a mail scanner opening the link changes nothing
    assert page.status_code == 200 and '<form method="post">' in page.text
    assert len((await client.get("/api/v1/watches", headers=alice.headers)).json()["items"]) == 1
    done = await client.post(path, content="List-Unsubscribe=One-Click",
                             headers={"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert done.status_code == 200 and "no more price alerts for this item" in done.text
    assert (await client.get("/api/v1/watches", headers=alice.headers)).json()["items"] == []
    assert (await client.post(path + "x")).status_code == 404


async def test_unsubscribe_from_all_alerts(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    settings: Settings,
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    item = await _item(client, alice, shop.page("/p/1", availability="OutOfStock"))
    await _put_watch(client, alice, item, back_in_stock=True)
    worker = rechecker()
    await worker.process_next()
    token = alerts.unsubscribe_token(settings, "all", ObjectId(alice.user_id))  # the link every alert email has
    assert (await client.post(f"/alerts/unsubscribe/{token}")).status_code == 200
    shop.pages["/p/1"].availability = "InStock"
    await let_time_pass(db)
    await worker.process_next()
    assert await db["price_alerts"].count_documents({}) == 0
    assert emails_to(settings.data_dir / "outbox", alice.email) == []


async def test_back_in_stock_alerts_once(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    settings: Settings,
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    item = await _item(client, alice, shop.page("/p/1", availability="OutOfStock"))
    await _put_watch(client, alice, item, back_in_stock=True)
    worker = rechecker()
    await worker.process_next()
    shop.pages["/p/1"].availability = "InStock"
    for _ in range(2):
        await let_time_pass(db)
        await worker.process_next()
    (email,) = await wait_for_emails(settings.data_dir / "outbox", alice.email, "back in stock")
    assert "back in stock" in body_text(email)
    assert await db["price_alerts"].count_documents({}) == 1


async def test_many_alerts_in_a_day_become_one_digest(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    settings: Settings,
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    for path in ("/p/1", "/p/2", "/p/3"):
        item = await _item(client, alice, shop.page(path, price="100.00"))
        await _put_watch(client, alice, item, target_price="50.00")
    worker = rechecker(price_alert_digest_after=1)
    for _ in range(3):
        await worker.process_next()
    for page in shop.pages.values():
        page.price = "40.00"
    await let_time_pass(db)
    for _ in range(3):
        await worker.process_next()
    assert await db["price_alerts"].count_documents({"mode": "instant"}) == 1
    assert await db["price_alerts"].count_documents({"mode": "digest"}) == 2

    assert await alerts.send_digests(db, now=utc_now()) == 0  # not before the day is over
    tomorrow = utc_now() + timedelta(days=1)
    assert await alerts.send_digests(db, now=tomorrow) == 1
    assert await alerts.send_digests(db, now=tomorrow) == 0  # once, however many sweeps
    (digest,) = await wait_for_emails(settings.data_dir / "outbox", alice.email, "Price alerts: 2")
    assert body_text(digest).count("Stop alerts for this item") == 2
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


async def test_account_deletion_forgets_watches_and_alerts(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    item = await _item(client, alice, shop.page("/p/1", price="100.00"))
    await _put_watch(client, alice, item, target_price="90.00")
    await rechecker().process_next()
    response = await client.post("/api/v1/account/delete", json={"password": alice.password}, headers=alice.headers)
    assert response.status_code == 204
    for name in ("price_watches", "price_alerts", "price_alert_opt_outs"):
        assert await db[name].count_documents({}) == 0
    product = await db["price_products"].find_one({})
    assert product is not None and product["watch_count"] == 0
