"""A cart's public link opened in headless Chromium against the API under Uvicorn: the page shows the cart as it is
now, renders hostile text as text, loads nothing the policy refuses, and stops working once revoked."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.e2e.accounts import Person
from tests.e2e.browser import ExtensionBrowser
from tests.e2e.servers import ApiServer, FixtureShop

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


async def _add(api_client: httpx.AsyncClient, person: Person, **fields: object) -> None:
    body = {"cart_ids": [person.default_cart_id], **fields}
    response = await api_client.post("/items", json=body, headers=person.headers)
    assert response.status_code == 201, response.text


async def test_a_shared_link_opens_the_live_cart_and_dies_when_revoked(
    page: Page,
    api: ApiServer,
    api_client: httpx.AsyncClient,
    person: Person,
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
