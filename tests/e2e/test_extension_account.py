"""The popup's account screens in a real browser against the real API: sign up, confirm the address, recover a
password, sign out everywhere, download one's data and delete the account; each ends by checking the API."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from playwright.async_api import expect
from pymongo import AsyncMongoClient

from app.outbox.repository import OUTBOX
from tests.e2e.browser import ExtensionBrowser
from tests.e2e.popup import Popup
from tests.e2e.servers import ApiServer, FixtureShop
from tests.support.accounts import Account
from tests.support.inbox import body_text, code_in, emails_to, wait_for_emails

pytestmark = pytest.mark.e2e

VERIFY_SUBJECT = "Confirm your BuyHive email address"
RESET_SUBJECT = "Reset your BuyHive password"


async def popup_on(browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop) -> Popup:
    """The popup over a page that is no product (the page panel stays cheap), pointed at the test API."""
    _, tab_id = await browser.open_tab(shop.url("/article.html"))
    popup = Popup(await browser.open_popup(tab_id))
    await popup.point_at(api.base_url)
    return popup


async def signed_in(browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account) -> Popup:
    popup = await popup_on(browser, api, shop)
    await popup.sign_in(person.email, person.password)
    return popup


async def login(api_client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await api_client.post("/auth/login", json={"email": email, "password": password})


async def test_sign_up_then_confirm_the_address(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    popup = await popup_on(browser, api, shop)
    page = popup.page
    await page.get_by_role("button", name="Create an account").click()
    await expect(page.get_by_role("heading", name="Create your account")).to_be_focused()
    form = page.locator("#signup-form")
    status = form.get_by_role("status")

    # Refused here: a password below the policy, said beside the field, which takes the focus.
    await form.get_by_label("Email").fill(person.email)
    await form.get_by_label("Password").fill("short")
    await form.get_by_role("button", name="Create account").click()
    await expect(status).to_have_text("Choose a password of at least 8 characters.")
    await expect(form.get_by_label("Password")).to_be_focused()
    # Refused by the API: the address has an account already.
    await form.get_by_label("Password").fill("a long enough passphrase")
    await form.get_by_role("button", name="Create account").click()
    await expect(status).to_have_text("An account with this email already exists")
    await expect(form.get_by_label("Email")).to_have_attribute("aria-invalid", "true")
    await browser.screenshot(page, "1-email-taken")

    email = f"newcomer-{uuid.uuid4().hex[:8]}@example.com"
    await form.get_by_label("Name").fill("Nia Newcomer")
    await form.get_by_label("Email").fill(email)
    await form.get_by_label("Password").press("Enter")  # the keyboard is enough

    await expect(page.locator("#account-email")).to_have_text(email)
    banner = page.locator("#verify-banner")
    await expect(banner).to_contain_text(f"Confirm your email address. Open the link we sent to {email}")
    await expect(page.locator("#not-product")).to_be_visible()  # the page panel works as for anyone signed in
    await browser.screenshot(page, "2-not-confirmed")
    pair = await login(api_client, email, "a long enough passphrase")
    assert pair.status_code == 200 and pair.json()["user"]["name"] == "Nia Newcomer"
    [first] = await wait_for_emails(api.outbox_dir, email, VERIFY_SUBJECT)

    # "Send the link again", once the one-minute cooldown since the sign-up's email has passed.
    async with AsyncMongoClient[dict[str, Any]](api.mongo_url) as client:
        moved = await client[api.mongo_db][OUTBOX].update_many(
            {"kind": "email_verification", "email_address": email},
            {"$set": {"created_at": datetime(2000, 1, 1, tzinfo=UTC)}},
        )
    assert moved.modified_count == 1
    await banner.get_by_role("button", name="Send the link again").click()
    await expect(banner.get_by_role("status")).to_have_text(
        f"A link is on its way to {email}. It can take a minute to arrive."
    )
    _, second = await wait_for_emails(api.outbox_dir, email, VERIFY_SUBJECT, count=2)
    assert code_in(second) != code_in(first)

    # The account screen says the same; once the new link is followed, the popup says the address is confirmed.
    account = await popup.open_account()
    await expect(account.locator(".banner")).to_contain_text("Not confirmed yet.")
    assert (await api_client.post("/auth/verify-email/confirm", json={"token": code_in(second)})).status_code == 204
    await page.reload()
    await expect(page.locator("#not-product")).to_be_visible()
    await expect(banner).to_be_hidden()
    account = await popup.open_account()
    await expect(account.get_by_text("Confirmed", exact=True)).to_be_visible()
    await browser.screenshot(page, "3-confirmed")


async def test_forgot_password_mails_a_link_and_says_the_same_for_any_address(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account
) -> None:
    popup = await popup_on(browser, api, shop)
    page = popup.page
    await page.locator("#signin-form").get_by_label("Email").fill(person.email)
    await page.get_by_role("button", name="Forgot password?").click()
    form = page.locator("#forgot-form")
    await expect(page.get_by_role("heading", name="Forgot your password?")).to_be_focused()
    await expect(form.get_by_label("Email")).to_have_value(person.email)  # carried over from the sign-in form

    unknown = f"nobody-{uuid.uuid4().hex[:8]}@example.com"
    await form.get_by_label("Email").fill(unknown)
    await form.get_by_role("button", name="Email me a link").click()
    await expect(form.get_by_role("status")).to_have_text(
        f"If {unknown} has a BuyHive account, a link to choose a new password is on its way. It works for 30 minutes."
    )
    await form.get_by_label("Email").fill(person.email)
    await form.get_by_role("button", name="Email me a link").click()
    await expect(form.get_by_role("status")).to_contain_text(f"If {person.email} has a BuyHive account")
    await browser.screenshot(page, "forgot-password-sent")

    [email] = await wait_for_emails(api.outbox_dir, person.email, RESET_SUBJECT)
    assert f"{api.base_url}/reset-password#token=" in body_text(email)
    assert emails_to(api.outbox_dir, unknown) == []
    await page.get_by_role("button", name="Back to sign in").click()
    await expect(page.locator("#signin-form")).to_be_visible()


async def sign_out_everywhere(popup: Popup, browser: ExtensionBrowser) -> dict[str, Any]:
    """Presses "Sign out everywhere" on the account screen; returns the tokens the popup held before."""
    stored = await browser.stored_auth()
    assert stored is not None
    account = await popup.open_account()
    await account.get_by_role("button", name="Sign out everywhere").click()
    await expect(popup.page.locator("#view-signin")).to_be_visible()
    await expect(popup.notice).to_have_text("You are signed out on every device.")
    assert await browser.stored_auth() is None
    return stored


async def test_sign_out_everywhere_ends_every_session(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    elsewhere = (await login(api_client, person.email, person.password)).json()  # another device
    popup = await signed_in(browser, api, shop, person)

    stored = await sign_out_everywhere(popup, browser)

    for refresh_token in (stored["refreshToken"], elsewhere["refresh_token"]):
        refused = await api_client.post("/auth/refresh", json={"refresh_token": refresh_token})
        assert refused.status_code == 401, refused.text
    fresh = (await login(api_client, person.email, person.password)).json()
    sessions = await api_client.get("/account/sessions", headers={"Authorization": f"Bearer {fresh['access_token']}"})
    assert [session["current"] for session in sessions.json()] == [True]  # only the sign-in made after it


async def test_sign_out_everywhere_ends_the_access_tokens_at_once(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    popup = await signed_in(browser, api, shop, person)

    stored = await sign_out_everywhere(popup, browser)

    for access_token in (stored["accessToken"], person.access_token):
        answer = await api_client.get("/auth/me", headers={"Authorization": f"Bearer {access_token}"})
        assert answer.status_code == 401, answer.text


async def test_export_downloads_the_persons_data_as_json(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    cart = (await api_client.post("/carts", json={"name": "Birthday ideas"}, headers=person.headers)).json()
    item = {"url": "https://shop.example/kettle", "name": "Aurora Kettle", "price": "49.99", "currency": "EUR"}
    added = await api_client.post("/items", json={**item, "cart_ids": [cart["id"]]}, headers=person.headers)
    assert added.status_code == 201, added.text
    popup = await signed_in(browser, api, shop, person)
    account = await popup.open_account()

    async with popup.page.expect_download() as download_info:
        await account.get_by_role("button", name="Download my data").click()
    download = await download_info.value
    await expect(account.get_by_role("status").filter(has_text="downloaded")).to_have_text(
        "Your data was downloaded as a JSON file."
    )

    assert download.suggested_filename.startswith("buyhive-account-") and download.suggested_filename.endswith(".json")
    exported = json.loads((await download.path()).read_text())
    assert exported["user"]["email"] == person.email
    assert {c["name"]: c["id"] for c in exported["carts"]} == {
        "My Cart": person.default_cart_id,
        "Birthday ideas": cart["id"],
    }
    assert [(i["name"], i["price"], i["cart_ids"]) for i in exported["items"]] == [
        ("Aurora Kettle", "49.99", [cart["id"]])
    ]
    await browser.screenshot(popup.page, "account")

    # Back to the page panel, the focus where the person left for the account screen.
    await popup.page.get_by_role("button", name="Back").click()
    await expect(popup.page.locator("#view-main")).to_be_visible()
    await expect(popup.page.locator("#open-account")).to_be_focused()


async def test_delete_asks_for_the_password_then_the_account_is_gone(
    browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, person: Account, api_client: httpx.AsyncClient
) -> None:
    popup = await signed_in(browser, api, shop, person)
    account = await popup.open_account()
    open_button = account.get_by_role("button", name="Delete my account…")
    password = account.get_by_label("Your password")

    # Nothing happens on the first click: it asks for the password, and Cancel puts the focus back.
    await open_button.click()
    await expect(password).to_be_focused()
    await account.get_by_role("button", name="Cancel").click()
    await expect(password).to_be_hidden()
    await expect(open_button).to_be_focused()
    await open_button.press("Enter")
    await password.fill("not my password")
    await password.press("Enter")
    await expect(account.locator(".delete-confirm").get_by_role("status")).to_have_text("The password is not correct")
    await expect(password).to_be_focused()
    await browser.screenshot(popup.page, "1-confirm-delete")
    assert (await login(api_client, person.email, person.password)).status_code == 200  # still there

    await password.fill(person.password)
    await account.get_by_role("button", name="Delete my account for good").click()

    await expect(popup.page.locator("#view-signin")).to_be_visible()
    await expect(popup.notice).to_have_text("Your account and everything in it have been deleted.")
    await expect(popup.page.get_by_role("heading", name="Save products from any shop")).to_be_focused()
    assert await browser.stored_auth() is None
    await browser.screenshot(popup.page, "2-deleted")
    assert (await login(api_client, person.email, person.password)).status_code == 401
    form = popup.page.locator("#signin-form")
    await form.get_by_label("Email").fill(person.email)
    await form.get_by_label("Password").fill(person.password)
    await form.get_by_role("button", name="Sign in").click()
    await expect(popup.notice).to_have_text("Invalid email or password")
