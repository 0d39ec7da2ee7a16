"""Collaboration in the extension's carts panel, in headless Chromium against the API under Uvicorn: the owner sees
who is on a cart, a member sees who reserved which gift, and the owner (surprises on) never does."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from bson import ObjectId
from playwright.async_api import expect
from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from app.carts.members import add_member
from tests.e2e.browser import ExtensionBrowser
from tests.e2e.popup import Popup
from tests.e2e.servers import ApiServer, FixtureShop
from tests.support.accounts import Account, register_account

pytestmark = pytest.mark.e2e

KITE = "Stunt kite"


@pytest.fixture
async def api_db(api: ApiServer) -> AsyncIterator[AsyncDatabase[dict[str, Any]]]:
    async with AsyncMongoClient[dict[str, Any]](api.mongo_url) as client:
        yield client[api.mongo_db]


async def test_owner_sees_members_and_a_member_sees_who_reserved_a_gift(
    browser: ExtensionBrowser,
    api: ApiServer,
    shop: FixtureShop,
    person: Account,
    api_client: httpx.AsyncClient,
    api_db: AsyncDatabase[dict[str, Any]],
) -> None:
    viewer = await register_account(api_client, name="Bea Viewer")
    giver = await register_account(api_client, name="Cal Giver")
    created = await api_client.post("/carts", json={"name": "Birthday list"}, headers=person.headers)
    assert created.status_code == 201, created.text
    cart_id = created.json()["id"]
    body = {
        "url": shop.url("/product.html?kite"),
        "name": KITE,
        "price": "35.00",
        "currency": "EUR",
        "cart_ids": [cart_id],
    }
    added = await api_client.post("/items", json=body, headers=person.headers)
    assert added.status_code == 201, added.text
    # Both joined the cart as viewers (as an accepted invitation makes them; tests/collaboration covers that path).
    for member in (viewer, giver):
        await add_member(api_db, cart_id=ObjectId(cart_id), user_id=ObjectId(member.user_id), role="viewer")
    reserved = await api_client.put(f"/carts/{cart_id}/items/{added.json()['id']}/reservation", headers=giver.headers)
    assert reserved.status_code == 204, reserved.text

    _, tab_id = await browser.open_tab(shop.url("/product.html"))
    popup = Popup(await browser.open_popup(tab_id))
    await popup.point_at(api.base_url)
    await popup.sign_in(person.email, person.password)

    # The owner: the members with their addresses and roles; the gift stays a surprise.
    await popup.open_carts()
    cart = popup.cart("Birthday list")
    await cart.locator(".cart-toggle").click()
    item = cart.locator(".item", has_text=KITE)
    await expect(item).to_be_visible()
    await cart.get_by_text("Members", exact=True).click()
    members = cart.get_by_role("list", name="Members of Birthday list").locator("li")
    await expect(members).to_have_text(
        [
            re.compile(rf"Shopper\s*{re.escape(person.email)}\s*owner"),
            re.compile(rf"Bea Viewer\s*{re.escape(viewer.email)}\s*can view"),
            re.compile(rf"Cal Giver\s*{re.escape(giver.email)}\s*can view"),
        ]
    )
    await expect(item.locator(".reserved")).to_be_hidden()
    await expect(popup.page.get_by_text("Reserved by")).to_have_count(0)
    await browser.screenshot(popup.page, "1-owner-members")

    # The viewer: who reserved the kite, and the people on the cart by name only.
    await popup.page.locator("#sign-out").click()
    await popup.sign_in(viewer.email, viewer.password)
    await popup.open_carts()
    cart = popup.cart("Birthday list")
    await expect(cart.locator(".cart-toggle .role")).to_have_text("viewer")
    await cart.locator(".cart-toggle").click()
    await expect(cart.locator(".item", has_text=KITE).locator(".reserved")).to_have_text("Reserved by Cal Giver")
    # Watching is for one's own items (the API answers 403 to members): not offered here.
    await expect(cart.get_by_role("button", name=re.compile("Watch price"))).to_have_count(0)
    await cart.get_by_text("Members", exact=True).click()
    members = cart.get_by_role("list", name="Members of Birthday list").locator("li")
    await expect(members).to_have_count(3)
    await expect(members.nth(2)).to_have_text(re.compile(r"Cal Giver\s*can view"))
    people = cart.get_by_role("list", name="Members of Birthday list")
    await expect(people).to_contain_text(viewer.email)  # their own address only
    await expect(people).not_to_contain_text(giver.email)
    await expect(people).not_to_contain_text(person.email)
    await browser.screenshot(popup.page, "2-viewer-reserved")
