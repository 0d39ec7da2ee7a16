"""The extension in a real browser against the real API: every scenario ends by checking what the API holds."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import BytesParser
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from bson import ObjectId
from playwright.async_api import expect
from pymongo import AsyncMongoClient

from app.auth.tokens import create_access_token
from app.config import Settings
from app.outbox.repository import OUTBOX
from app.sharing.compose import SHARE
from tests.auth.google_issuer import CLIENT_ID as GOOGLE_CLIENT_ID
from tests.e2e.browser import ExtensionBrowser
from tests.e2e.google import LocalGoogle
from tests.e2e.popup import Popup
from tests.e2e.servers import HOSTILE_FILLER_BYTES, JWT_SECRET, ApiServer, FixtureShop
from tests.support.accounts import Account

pytestmark = pytest.mark.e2e


async def signed_in_popup(browser: ExtensionBrowser, api: ApiServer, person: Account, tab_id: int) -> Popup:
    popup = Popup(await browser.open_popup(tab_id))
    await popup.point_at(api.base_url)
    await popup.sign_in(person.email, person.password)
    return popup


async def items_of(api_client: httpx.AsyncClient, person: Account) -> list[dict]:
    answer = await api_client.get("/items", params={"limit": 100}, headers=person.headers)
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


async def test_product_page_is_added_once_to_two_carts(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    product_url = shop.url("/product.html")
    _, tab_id = await browser.open_tab(product_url)
    popup = Popup(await browser.open_popup(tab_id))
    await browser.screenshot(popup.page, "1-sign-in")
    await popup.point_at(api.base_url)
    await popup.sign_in(person.email, person.password)

    await expect(popup.product_form).to_be_visible()
    await expect(popup.page.locator("#product-name")).to_have_value("Aurora Electric Kettle 1.7 L")
    await expect(popup.page.locator("#product-price")).to_have_value("49.99")
    await expect(popup.page.locator("#product-currency")).to_have_value("EUR")
    await expect(popup.product_form.locator(".field", has_text="Name").locator(".badge")).to_have_text("JSON-LD")
    await expect(popup.product_form.locator(".preview img")).to_have_attribute("src", shop.url("/img/kettle-front.png"))
    await expect(popup.cart_choice("My Cart")).to_be_checked()
    await popup.create_cart("Birthday ideas")
    await expect(popup.add_button).to_have_text("Add to 2 carts")
    await browser.screenshot(popup.page, "2-product")

    await expect(await popup.add()).to_contain_text("Saved to My Cart, Birthday ideas")
    await browser.screenshot(popup.page, "3-added")

    items = await items_of(api_client, person)
    assert len(items) == 1
    item = items[0]
    carts = {cart["name"]: cart for cart in (await api_client.get("/carts", headers=person.headers)).json()["items"]}
    assert set(item["cart_ids"]) == {carts["My Cart"]["id"], carts["Birthday ideas"]["id"]}
    assert (item["url"], item["name"]) == (product_url, "Aurora Electric Kettle 1.7 L")
    assert (item["price"], item["currency"]) == ("49.99", "EUR")
    assert item["image_url"] == shop.url("/img/kettle-front.png")
    assert carts["My Cart"]["item_count"] == carts["Birthday ideas"]["item_count"] == 1

    await popup.open_carts()
    await popup.cart("Birthday ideas").locator(".cart-toggle").click()
    await expect(popup.cart("Birthday ideas").locator(".item-name")).to_have_text("Aurora Electric Kettle 1.7 L")
    await expect(popup.cart("Birthday ideas").locator(".price")).to_contain_text("49.99")
    await browser.screenshot(popup.page, "4-carts")


def expired_access_token(person: Account) -> str:
    """A real access token for this person, signed by the API's key, that expired an hour ago."""
    settings = Settings(_env_file=None, jwt_secret_key=JWT_SECRET)
    token, _ = create_access_token(
        ObjectId(person.user_id), settings, session_id=ObjectId(), now=datetime.now(UTC) - timedelta(hours=1)
    )
    return token


async def test_expired_access_token_is_refreshed_silently_and_the_add_happens_once(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    _, tab_id = await browser.open_tab(shop.url("/product.html"))
    popup = await signed_in_popup(browser, api, person, tab_id)
    await expect(popup.product_form).to_be_visible()
    signed_in = await browser.stored_auth()
    assert signed_in is not None

    expired = expired_access_token(person)
    assert (await api_client.get("/auth/me", headers={"Authorization": f"Bearer {expired}"})).status_code == 401
    await browser.replace_access_token(expired)  # it dies while the person is looking at the form
    await expect(await popup.add()).to_contain_text("Saved to My Cart")
    await browser.screenshot(popup.page, "added-after-refresh")

    refreshed = await browser.stored_auth()
    assert refreshed is not None
    assert refreshed["accessToken"] != expired
    assert refreshed["refreshToken"] != signed_in["refreshToken"]  # rotated once
    items = await items_of(api_client, person)
    assert [(item["name"], item["cart_ids"]) for item in items] == [
        ("Aurora Electric Kettle 1.7 L", [person.default_cart_id])
    ]

    # Several calls meet the expired token at once: one refresh serves them all. Two refreshes would present
    # the same refresh token twice, which the API treats as theft and answers by revoking the session.
    await browser.replace_access_token(expired)
    answers = await popup.page.evaluate(
        "Promise.all([1, 2, 3, 4].map(() => chrome.runtime.sendMessage({ type: 'carts.list' })))"
    )
    assert [answer["ok"] for answer in answers] == [True] * 4, answers
    after_concurrent = await browser.stored_auth()
    assert after_concurrent is not None and after_concurrent["refreshToken"] != refreshed["refreshToken"]
    await expect(popup.page.locator("#account-email")).to_have_text(person.email)


async def test_failed_refresh_signs_out_cleanly(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    _, tab_id = await browser.open_tab(shop.url("/product.html"))
    popup = await signed_in_popup(browser, api, person, tab_id)
    await expect(popup.product_form).to_be_visible()
    stored = await browser.stored_auth()
    assert stored is not None

    # The session is revoked elsewhere (signed out on another device) and the access token runs out.
    assert (await api_client.post("/auth/logout", json={"refresh_token": stored["refreshToken"]})).status_code == 204
    await browser.replace_access_token(expired_access_token(person))
    await popup.add_button.click()

    await expect(popup.page.locator("#view-signin")).to_be_visible()
    await expect(popup.notice).to_have_text("Your session has ended. Please sign in again.")
    assert await browser.stored_auth() is None
    assert await items_of(api_client, person) == []
    await browser.screenshot(popup.page, "signed-out")


async def test_page_that_is_not_a_product_adds_nothing(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    _, tab_id = await browser.open_tab(shop.url("/article.html"))
    popup = await signed_in_popup(browser, api, person, tab_id)

    verdict = popup.page.locator("#not-product")
    await expect(verdict).to_be_visible()
    await expect(verdict).to_contain_text("This doesn't look like a product page")
    await expect(popup.product_form).to_have_count(0)
    await browser.screenshot(popup.page, "not-a-product")

    assert await items_of(api_client, person) == []
    assert [
        cart["item_count"] for cart in (await api_client.get("/carts", headers=person.headers)).json()["items"]
    ] == [0]


async def test_big_page_gets_the_price_that_sits_past_its_first_million_characters(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    page_url = shop.url("/big-product.html")
    shop_page, tab_id = await browser.open_tab(page_url)
    served = await shop_page.content()
    assert served.index('class="price-now"') > 1_500_000  # the first 1M characters have neither price nor heading
    popup = await signed_in_popup(browser, api, person, tab_id)

    await expect(popup.product_form).to_be_visible()
    await expect(popup.page.locator("#product-name")).to_have_value("Fjell Trekking Backpack 45 L")
    await expect(popup.page.locator("#product-price")).to_have_value("129.00")
    await expect(popup.page.locator("#product-currency")).to_have_value("USD")
    await browser.screenshot(popup.page, "big-product")

    # What the extension sent: a document within its bound that still holds the buy box, and the markup at the
    # end of the page.
    payload = await browser.worker.evaluate(
        """async (tabId) => {
            await chrome.scripting.executeScript({ target: { tabId }, files: ["lib/payload.js"] });
            const [{ result }] = await chrome.scripting.executeScript({
                target: { tabId },
                func: () => globalThis.buyhivePayload.build(document),
            });
            return { bytes: new TextEncoder().encode(result.html).length, html: result.html };
        }""",
        tab_id,
    )
    assert payload["bytes"] <= 600_000
    assert '<span class="price-now">$129.00</span>' in payload["html"]
    assert '<meta itemprop="sku" content="FJ-45-GRN">' in payload["html"]
    assert '"@type": "BreadcrumbList"' in payload["html"]
    assert "__PAGE_STATE__" not in payload["html"]


async def test_page_that_may_be_a_product_shows_the_form_with_a_caution(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    # A classified ad: a heading, a price and product price meta tags, no buy button and no schema.org. The API is
    # not sure (0.38, below its product threshold); the person still gets the filled form, with a caution.
    page_url = shop.url("/classified-ad.html")
    _, tab_id = await browser.open_tab(page_url)
    popup = await signed_in_popup(browser, api, person, tab_id)

    await expect(popup.page.locator("#unsure-product")).to_contain_text("may not be a product page")
    await expect(popup.page.locator("#not-product")).to_have_count(0)
    await expect(popup.page.locator("#product-name")).to_have_value("Trek FX 3 hybrid bike, 2021, size M")
    await expect(popup.page.locator("#product-price")).to_have_value("450")
    await expect(popup.page.locator("#product-currency")).to_have_value("EUR")
    await browser.screenshot(popup.page, "unsure-product")

    await popup.add()
    [item] = await items_of(api_client, person)
    assert (item["url"], item["price"], item["currency"]) == (page_url, "450", "EUR")


async def test_add_it_anyway_keeps_what_was_extracted(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    page_url = shop.url("/deal-post.html")
    _, tab_id = await browser.open_tab(page_url)
    popup = await signed_in_popup(browser, api, person, tab_id)
    await expect(popup.page.locator("#not-product")).to_be_visible()

    await popup.page.get_by_role("button", name="Add it anyway").click()
    await expect(popup.page.locator("#product-name")).to_have_value("Nordlys Desk Lamp")
    await expect(popup.page.locator("#product-price")).to_have_value("39.00")
    await expect(popup.page.locator("#product-currency")).to_have_value("EUR")
    await browser.screenshot(popup.page, "added-anyway")
    await expect(await popup.add()).to_contain_text("Saved to My Cart")

    [item] = await items_of(api_client, person)
    saved = (item["url"], item["name"], item["price"], item["currency"])
    assert saved == (page_url, "Nordlys Desk Lamp", "39.00", "EUR")


async def test_hostile_page_renders_as_text_and_stores_nothing_unsafe(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    page_url = shop.url("/hostile.html")
    shop_page, tab_id = await browser.open_tab(page_url)
    assert len(await shop_page.content()) > HOSTILE_FILLER_BYTES  # the page really is huge
    popup = await signed_in_popup(browser, api, person, tab_id)

    # The page's main-world sabotage (outerHTML, Array.prototype.map, JSON.stringify) does not reach the
    # content script's isolated world: the product still comes through.
    await expect(popup.product_form).to_be_visible()
    name = await popup.page.locator("#product-name").input_value()
    assert "Evil Gadget" in name
    await expect(popup.page.locator("#product-price")).to_have_value("13.37")
    await expect(popup.product_form.locator(".preview img")).to_have_attribute("src", shop.url("/img/gadget.png"))
    await browser.screenshot(popup.page, "hostile-product")

    await expect(await popup.add()).to_contain_text("Saved to My Cart")
    await popup.open_carts()
    await popup.cart("My Cart").locator(".cart-toggle").click()
    await expect(popup.cart("My Cart").locator(".item-name")).to_have_text(name)
    await browser.screenshot(popup.page, "hostile-in-cart")

    # Nothing the page wrote ran in the popup: no markup from the page became elements, no handler fired.
    assert await popup.page.evaluate("window.__buyhivePwned") is None
    for selector in ("img[src='x']", "script:not([src='popup.js'])", "iframe", "svg[onload]", "[onerror]"):
        assert await popup.page.locator(selector).count() == 0, selector

    [item] = await items_of(api_client, person)
    assert item["url"] == page_url
    assert item["name"] == name
    assert (item["price"], item["currency"]) == ("13.37", "USD")
    for field in ("url", "image_url"):
        assert item[field] is None or urlsplit(item[field]).scheme in ("http", "https"), item[field]


async def test_shared_cart_is_sent_to_its_recipients(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    added = await api_client.post(
        "/items",
        headers=person.headers,
        json={
            "url": shop.url("/product.html"),
            "name": "Aurora Electric Kettle 1.7 L",
            "price": "49.99",
            "currency": "EUR",
            "image_url": shop.url("/img/kettle-front.png"),
            "cart_ids": [person.default_cart_id],
        },
    )
    assert added.status_code == 201, added.text
    async with AsyncMongoClient[dict[str, Any]](api.mongo_url) as client:  # sharing needs a proven address
        verified = {"$set": {"email_verified_at": datetime.now(UTC)}}
        await client[api.mongo_db].users.update_one({"_id": ObjectId(person.user_id)}, verified)
    _, tab_id = await browser.open_tab(shop.url("/article.html"))
    popup = await signed_in_popup(browser, api, person, tab_id)

    await popup.open_carts()
    cart = popup.cart("My Cart")
    await cart.locator(".cart-toggle").click()
    await cart.get_by_role("button", name="Share by email").click()
    await cart.get_by_label("Recipients").fill("ann@example.com, Ben@Example.com")
    await cart.get_by_label("Message").fill("For the new flat <3")
    await cart.get_by_role("button", name="Send").click()
    status = cart.locator(".share-status")
    await expect(status).to_have_text("Sent to ann@example.com, ben@example.com.", timeout=30_000)
    await browser.screenshot(popup.page, "shared")

    async with AsyncMongoClient[dict[str, Any]](api.mongo_url) as client:
        entry = await client[api.mongo_db][OUTBOX].find_one({"kind": SHARE, "user_id": ObjectId(person.user_id)})
    assert entry is not None
    answer = await api_client.get(f"/carts/{person.default_cart_id}/shares/{entry['share_id']}", headers=person.headers)
    share = answer.json()
    assert (share["status"], share["recipients"]) == ("sent", ["ann@example.com", "ben@example.com"])
    emails = [BytesParser(policy=policy.default).parsebytes(path.read_bytes()) for path in api.outbox_dir.glob("*.eml")]
    # One email per recipient, each addressed to that recipient alone.
    for recipient in ("ann@example.com", "ben@example.com"):
        [sent] = [email for email in emails if str(email["To"]) == recipient]
        plain = sent.get_body(preferencelist=("plain",))
        assert plain is not None and "Aurora Electric Kettle 1.7 L" in plain.get_content()


async def test_rate_limited_extraction_says_when_to_retry(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    for _ in range(20):  # the API runs with 5 extractions a minute per person
        spent = await api_client.post("/extract", headers=person.headers, json={"url": shop.url("/x")})
        if spent.status_code != 200:
            break
    assert spent.status_code == 429, spent.text
    assert int(spent.headers["Retry-After"]) > 0
    _, tab_id = await browser.open_tab(shop.url("/product.html"))
    popup = await signed_in_popup(browser, api, person, tab_id)

    message = popup.page.locator("#panel-page .error-text")
    await expect(message).to_have_text(re.compile(r"^You're going a bit fast\. Try again in \d+ (second|minute)s?\.$"))
    await expect(popup.page.get_by_role("button", name="Try again")).to_be_visible()
    await browser.screenshot(popup.page, "rate-limited")
    assert await items_of(api_client, person) == []


async def test_google_sign_in_with_pkce(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, google: LocalGoogle, api_client: httpx.AsyncClient
) -> None:
    await browser.worker.evaluate(
        "(settings) => chrome.storage.local.set({ settings })",
        {"googleClientId": GOOGLE_CLIENT_ID, "googleAuthorizeUrl": google.authorize_url},
    )
    _, tab_id = await browser.open_tab(shop.url("/product.html"))
    popup = Popup(await browser.open_popup(tab_id))
    await popup.point_at(api.base_url)
    await popup.page.get_by_role("button", name="Continue with Google").click()

    await expect(popup.page.locator("#account-email")).to_have_text(google.email)
    await expect(popup.product_form).to_be_visible()
    await browser.screenshot(popup.page, "signed-in-with-google")

    [consent] = google.authorize_requests[-1:]
    assert consent["redirect_uri"] == f"https://{browser.id}.chromiumapp.org/"
    assert consent["scope"] == "openid email profile"
    stored = await browser.stored_auth()
    assert stored is not None
    me = (await api_client.get("/auth/me", headers={"Authorization": f"Bearer {stored['accessToken']}"})).json()
    assert (me["email"], me["google_linked"], me["has_password"]) == (google.email, True, False)
