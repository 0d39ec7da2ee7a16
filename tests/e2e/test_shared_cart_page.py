"""A cart's public link in headless Chromium against the API under Uvicorn: the page shows the cart as it is now,
renders hostile text as text, loads nothing the policy refuses, and stops working once revoked; the popup shows a
cart's totals, searches it, and hands out its link."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.e2e.browser import ExtensionBrowser
from tests.e2e.popup import Popup
from tests.e2e.servers import ApiServer, FixtureShop
from tests.support.accounts import Account

pytestmark = pytest.mark.e2e

HOSTILE = "<img src=x onerror=\"document.title='pwned'\">Kettle"


@pytest.fixture
async def page(browser: ExtensionBrowser) -> AsyncIterator[Page]:
    """A tab that fails the test on any console error (a CSP violation is reported there) or script run."""
    tab = await browser.context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield tab
    assert [e for e in errors if "Failed to load resource" not in e] == []


async def _add(api_client: httpx.AsyncClient, person: Account, **fields: object) -> None:
    body = {"cart_ids": [person.default_cart_id], **fields}
    response = await api_client.post("/items", json=body, headers=person.headers)
    assert response.status_code == 201, response.text


async def test_a_shared_link_opens_the_live_cart_and_dies_when_revoked(
    page: Page,
    api: ApiServer,
    api_client: httpx.AsyncClient,
    person: Account,
    shop: FixtureShop,
    browser: ExtensionBrowser,
) -> None:
    await _add(
        api_client, person, url=shop.url("/product.html"), name=HOSTILE, price="24.50", currency="EUR", quantity=2,
        image_url=shop.url("/img/kettle-front.png"), notes="a private note",
    )  # fmt: skip
    created = await api_client.post(f"/carts/{person.default_cart_id}/links", json={}, headers=person.headers)
    assert created.status_code == 201, created.text
    link = created.json()
    assert link["url"].startswith(f"{api.base_url}/s/")

    await page.goto(link["url"])

    await expect(page.get_by_role("heading", level=1)).to_have_text("My Cart")
    await expect(page.get_by_text("Shared by Shopper on BuyHive")).to_be_visible()
    item = page.get_by_role("link", name=HOSTILE)  # the name is shown as the text it is, and links to the shop
    await expect(item).to_have_attribute("href", shop.url("/product.html"))
    await expect(page.get_by_text("24.50 EUR × 2")).to_be_visible()
    await expect(page.get_by_text("49.00 EUR")).to_be_visible()  # the total
    image = page.locator("img")
    await expect(image).to_have_count(1)
    assert await image.evaluate("img => img.complete && img.naturalWidth > 0")  # the shop's image loaded
    assert await page.title() != "pwned"
    content = await page.content()
    assert person.email not in content and "a private note" not in content
    await browser.screenshot(page, "shared-cart")

    # The page follows the cart: an item added now shows on the next load.
    await _add(api_client, person, url=shop.url("/article.html"), name="Descaler")
    await page.reload()
    await expect(page.get_by_text("Descaler")).to_be_visible()

    revoked = await api_client.delete(
        f"/carts/{person.default_cart_id}/links/{link['link_id']}", headers=person.headers
    )
    assert revoked.status_code == 204
    response = await page.reload()
    assert response is not None and response.status == 404
    await expect(page.get_by_role("heading", level=1)).to_have_text("This link is not available")
    await expect(page.get_by_text("Descaler")).to_have_count(0)


async def test_the_popup_shows_totals_searches_and_hands_out_the_share_link(
    browser: ExtensionBrowser, api: ApiServer, api_client: httpx.AsyncClient, person: Account, shop: FixtureShop
) -> None:
    for path, name, price in [
        ("/product.html", "Aurora Electric Kettle", "49.99"),
        ("/article.html", "Descaler", "5.01"),
    ]:
        await _add(api_client, person, url=shop.url(path), name=name, price=price, currency="EUR")
    _, tab_id = await browser.open_tab(shop.url("/article.html"))
    popup = Popup(await browser.open_popup(tab_id))
    await popup.point_at(api.base_url)
    await popup.sign_in(person.email, person.password)

    await popup.open_carts()
    cart = popup.cart("My Cart")
    await cart.locator(".cart-toggle").click()
    await expect(cart.get_by_label("Totals")).to_contain_text("55.00")
    await expect(cart.locator(".item-name")).to_have_count(2)
    await cart.get_by_label("Search this cart").fill("kettle")
    await expect(cart.locator(".item-name")).to_have_text(["Aurora Electric Kettle"])
    await cart.get_by_label("Search this cart").fill("nothing like it")
    await expect(cart.get_by_text("No item matches.")).to_be_visible()

    await cart.get_by_role("button", name="Share link").click()
    link = cart.get_by_label("Share link")
    await expect(link).to_have_value(re.compile(rf"^{re.escape(api.base_url)}/s/[A-Za-z0-9_-]{{43}}$"))
    url = await link.input_value()
    await browser.screenshot(popup.page, "share-link")
    # The same link again on the next click, not a new one each time.
    await cart.get_by_role("button", name="Share link").click()
    await expect(cart.get_by_label("Share link")).to_have_value(url)
    listed = await api_client.get(f"/carts/{person.default_cart_id}/links", headers=person.headers)
    assert [entry["url"] for entry in listed.json()] == [url]

    shared_page = await browser.context.new_page()
    await shared_page.goto(url)
    await expect(shared_page.get_by_role("heading", level=1)).to_have_text("My Cart")
    await expect(shared_page.get_by_role("link", name="Descaler")).to_be_visible()
