"""Price watch in the extension, in a real browser against the real API: an item's price since it was saved, its
90-day chart, and watching its price; every scenario ends by checking what the API holds."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from bson import ObjectId
from playwright.async_api import expect
from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from app.pricewatch import service
from tests.e2e.browser import ExtensionBrowser
from tests.e2e.popup import Popup
from tests.e2e.servers import FIXTURES, ApiServer, FixtureShop
from tests.support.accounts import Account

pytestmark = pytest.mark.e2e

KETTLE = "Aurora Electric Kettle 1.7 L"


@pytest.fixture
async def api_db(api: ApiServer) -> AsyncIterator[AsyncDatabase[dict[str, Any]]]:
    async with AsyncMongoClient[dict[str, Any]](api.mongo_url) as client:
        yield client[api.mongo_db]


def product_url(shop: FixtureShop) -> str:
    # Product records are shared by URL: a query of its own keeps this test's history apart from other tests'.
    return shop.url(f"/product.html?colour={uuid.uuid4().hex[:8]}")


async def open_popup_on_carts(browser: ExtensionBrowser, api: ApiServer, person: Account, url: str) -> Popup:
    _, tab_id = await browser.open_tab(url)
    popup = Popup(await browser.open_popup(tab_id))
    await popup.point_at(api.base_url)
    await popup.sign_in(person.email, person.password)
    return popup


async def watches_of(api_client: httpx.AsyncClient, person: Account) -> list[dict[str, Any]]:
    answer = await api_client.get("/watches", headers=person.headers)
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


async def test_item_shows_its_price_history_and_is_watched(
    browser: ExtensionBrowser,
    api: ApiServer,
    shop: FixtureShop,
    person: Account,
    api_client: httpx.AsyncClient,
    api_db: AsyncDatabase[dict[str, Any]],
) -> None:
    url = product_url(shop)
    now = datetime.now(UTC)
    # Earlier sightings of this product (by anyone), recorded as /extract records them, back in time.
    for days_ago, price in ((60, "59.99"), (20, "54.99")):
        await service.record_price(
            api_db, url=url, price=Decimal(price), currency="EUR", source="page", now=now - timedelta(days=days_ago)
        )
    await api_db.users.update_one({"_id": ObjectId(person.user_id)}, {"$set": {"email_verified_at": now}})

    popup = await open_popup_on_carts(browser, api, person, url)
    await expect(popup.page.locator("#product-price")).to_have_value("49.99")
    # The form says how the page's price compares with what was seen lately (the 60-day-old 59.99 is out of it).
    lately = popup.page.locator("#product-form .price-range")
    await expect(lately).to_have_text("Last 30 days: lowest €49.99, highest €54.99")
    await expect(await popup.add()).to_contain_text("Saved to My Cart")
    # Then the shop's page is seen with a lower price.
    cheaper = (FIXTURES / "product.html").read_text().replace("49.99", "39.99")
    seen = await api_client.post("/extract", headers=person.headers, json={"url": url, "html": cheaper})
    assert seen.status_code == 200 and seen.json()["product"]["price"] == "39.99", seen.text

    await popup.open_carts()
    cart = popup.cart("My Cart")
    await cart.locator(".cart-toggle").click()
    item = cart.locator(".item", has_text=KETTLE)
    await expect(item.locator(".price")).to_have_text("€49.99")  # what was saved
    await expect(item.locator(".price-now")).to_have_text("Now €39.99")
    await expect(item.locator(".badge.drop")).to_have_text("Price dropped")
    range_30d = "Last 30 days: lowest €39.99, highest €54.99 · seen just now"  # 59.99 was 60 days ago
    await expect(item.locator(".price-range")).to_have_text(range_30d)
    chart = item.get_by_role("img", name="Price over the last 90 days: lowest €39.99, highest €59.99")
    await expect(chart).to_be_visible()
    # A step line over the 120 x 28 box (3 px inset): from 60 days ago (a third of the way) at the highest price,
    # down to today's lowest, which is marked.
    line = await chart.locator("path").get_attribute("d")
    assert line is not None and line.startswith("M41.0,3.0H") and line.endswith("V25.0H117.0"), line
    assert await chart.locator("circle").get_attribute("cy") == "25.0"
    await browser.screenshot(popup.page, "1-price-dropped")

    # Watch it, by keyboard: the toggle opens the form, Escape closes it and gives the focus back.
    toggle = item.get_by_role("button", name="Watch price")
    await toggle.focus()
    await popup.page.keyboard.press("Enter")
    target = item.get_by_label("Alert me at or below (EUR)")
    await expect(target).to_be_focused()
    await expect(toggle).to_have_attribute("aria-expanded", "true")
    await popup.page.keyboard.press("Escape")
    await expect(toggle).to_be_focused()
    await expect(target).to_be_hidden()

    await toggle.click()
    await target.fill("40")
    await item.get_by_label("Or when it drops by (%)").fill("10")
    await item.get_by_label("Or when it is back in stock").check()
    await item.get_by_role("button", name="Save watch").click()
    summary = item.locator(".watch-summary")
    watching = "Watching: at or below €40.00 · 10% below €39.99 · back in stock Target reached"  # 39.99 now
    await expect(summary).to_have_text(watching)
    await expect(item.locator(".watch-status")).to_have_text("Saved. We'll email you when it happens.")
    await browser.screenshot(popup.page, "2-watching")

    [watch] = await watches_of(api_client, person)
    [saved] = (await api_client.get("/items", headers=person.headers)).json()["items"]
    assert watch["item_id"] == saved["id"]
    assert (Decimal(watch["target_price"]), Decimal(watch["drop_percent"]), watch["back_in_stock"]) == (
        Decimal("40"),
        Decimal("10"),
        True,
    )
    assert (watch["currency"], watch["baseline_price"]) == ("EUR", "39.99")

    # The watched state survives reopening the panel; the form opens with the watch's conditions.
    await popup.page.locator("#tab-page").click()
    await popup.open_carts()
    await expect(summary).to_have_text(watching)
    await item.get_by_role("button", name="Change watch").click()
    await expect(target).to_have_value("40")
    await target.fill("35")
    await item.get_by_label("Or when it is back in stock").uncheck()
    await item.locator("input[name=drop_percent]").fill("")
    await item.get_by_role("button", name="Save watch").click()
    await expect(summary).to_have_text("Watching: at or below €35.00")  # not reached: no badge
    [watch] = await watches_of(api_client, person)
    assert (watch["target_price"], watch["drop_percent"], watch["back_in_stock"]) == ("35", None, False)

    await item.get_by_role("button", name="Change watch").click()
    await item.get_by_role("button", name="Stop watching").click()
    await expect(item.locator(".watch-status")).to_have_text("You are no longer watching this price.")
    await expect(summary).to_be_hidden()
    await expect(item.get_by_role("button", name="Watch price")).to_be_visible()
    assert await watches_of(api_client, person) == []

    # Our re-check found the shop refusing us: the item says so, and when it will refresh.
    await api_db.price_products.update_one({"canonical_url": saved["canonical_url"]}, {"$set": {"status": "blocked"}})
    await popup.page.locator("#tab-page").click()
    await popup.open_carts()
    await expect(item.locator(".price-status")).to_have_text(service.STATUS_MESSAGES["blocked"])
    await browser.screenshot(popup.page, "3-blocked")


async def test_unverified_person_is_told_to_confirm_the_address_first(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    url = product_url(shop)
    added = await api_client.post(
        "/items",
        headers=person.headers,
        json={"url": url, "name": KETTLE, "price": "49.99", "currency": "EUR", "cart_ids": [person.default_cart_id]},
    )
    assert added.status_code == 201, added.text
    popup = await open_popup_on_carts(browser, api, person, shop.url("/article.html"))
    await expect(popup.page.locator("#verify-banner")).to_be_visible()

    await popup.open_carts()
    cart = popup.cart("My Cart")
    await cart.locator(".cart-toggle").click()
    item = cart.locator(".item", has_text=KETTLE)
    await expect(item.locator(".price-range")).to_have_text("Last 30 days: €49.99 · seen just now")
    await expect(item.locator(".badge.drop")).to_have_count(0)
    await expect(item.get_by_role("img")).to_have_count(0)  # one price is no chart

    await item.get_by_role("button", name="Watch price").click()
    status = item.locator(".watch-status")
    await item.get_by_role("button", name="Save watch").click()  # nothing chosen: said before asking the API
    await expect(status).to_have_text("Choose a target price, a drop or back in stock.")
    await item.get_by_label("Alert me at or below (EUR)").fill("40")
    await item.get_by_role("button", name="Save watch").click()
    await expect(status).to_contain_text("Price alerts are sent by email, so confirm your email address first")
    await expect(status).to_contain_text("Send the link again")
    await browser.screenshot(popup.page, "unverified")
    await status.get_by_role("button", name="Show me").click()
    await expect(popup.page.locator("#verify-banner").get_by_role("button", name="Send the link again")).to_be_focused()

    assert await watches_of(api_client, person) == []
    await expect(item.get_by_role("button", name="Watch price")).to_be_visible()  # still not watched
