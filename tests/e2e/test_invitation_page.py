"""Accepting a cart invitation the way a person would: the link in the email opens a page on the API's site that
shows the code (under a strict policy, the code out of the address bar at once); the person pastes it into the
extension's "Accept an invitation" screen, signed in with the invited address, and the cart is theirs to see."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.e2e.browser import ExtensionBrowser
from tests.e2e.popup import Popup
from tests.e2e.servers import ApiServer, FixtureShop
from tests.e2e.test_extension_account import signed_in
from tests.support.accounts import Account, register_account
from tests.support.inbox import body_text, code_in, wait_for_emails

pytestmark = pytest.mark.e2e


@pytest.fixture
async def page(browser: ExtensionBrowser) -> AsyncIterator[Page]:
    """A tab that fails the test on any console error (a CSP violation is reported there)."""
    tab = await browser.context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield tab
    assert [e for e in errors if "Failed to load resource" not in e] == []


async def _verified(api: ApiServer, api_client: httpx.AsyncClient) -> Account:
    person = await register_account(api_client)
    [email] = await wait_for_emails(api.outbox_dir, person.email, "Confirm your BuyHive email address")
    assert (await api_client.post("/auth/verify-email/confirm", json={"token": code_in(email)})).status_code == 204
    return person


async def _invitation_link(api: ApiServer, api_client: httpx.AsyncClient, owner: Account, guest: Account) -> str:
    body = {"email": guest.email, "role": "editor"}
    invited = await api_client.post(f"/carts/{owner.default_cart_id}/invitations", json=body, headers=owner.headers)
    assert invited.status_code == 202, invited.text
    [email] = await wait_for_emails(api.outbox_dir, guest.email, "invited you")
    match = re.search(rf"{re.escape(api.base_url)}/invitation#token=\S+", body_text(email))
    assert match is not None, body_text(email)
    return match.group(0)


async def test_the_emailed_link_shows_the_code_the_extension_accepts(
    page: Page, browser: ExtensionBrowser, api: ApiServer, shop: FixtureShop, api_client: httpx.AsyncClient
) -> None:
    owner, guest = await _verified(api, api_client), await register_account(api_client)
    link = await _invitation_link(api, api_client, owner, guest)
    code = link.split("#token=", 1)[1]

    await page.goto(link)
    await expect(page).to_have_url(f"{api.base_url}/invitation")  # the code left the address bar at once
    await expect(page.get_by_role("heading", name="You're invited to a BuyHive cart")).to_be_visible()
    await expect(page.get_by_label("Invitation code")).to_have_value(code)
    await expect(page.get_by_text("Accept an invitation")).to_be_visible()
    await page.get_by_role("button", name="Copy the code").click()
    await expect(page.get_by_role("status")).to_contain_text("Copied")
    await browser.screenshot(page, "invitation-page")

    # In the extension, signed in as the invited address: the whole link pasted works as well as the code.
    popup: Popup = await signed_in(browser, api, shop, guest)
    await popup.page.get_by_role("button", name="Accept an invitation").click()
    await expect(popup.page.get_by_role("heading", name="Accept an invitation")).to_be_focused()
    form = popup.page.locator("#invitation-form")
    await form.get_by_role("button", name="Join the cart").click()
    await expect(form.get_by_role("status")).to_contain_text("Paste the code")
    await form.get_by_label("Invitation code or link").fill(link)
    await form.get_by_role("button", name="Join the cart").click()
    await expect(form.get_by_role("status")).to_contain_text("You joined the cart: you can see and edit it")
    await browser.screenshot(popup.page, "invitation-accepted")

    carts = (await api_client.get("/carts", headers=guest.headers)).json()["items"]
    roles = {cart["id"]: cart["role"] for cart in carts}
    assert roles == {guest.default_cart_id: "owner", owner.default_cart_id: "editor"}
    # The code is spent: pasting it again says so.
    await form.get_by_label("Invitation code or link").fill(code)
    await form.get_by_role("button", name="Join the cart").click()
    await expect(form.get_by_role("status")).to_contain_text("already used")


async def test_an_invitation_link_without_its_code_says_so(page: Page, api: ApiServer) -> None:
    response = await page.goto(f"{api.base_url}/invitation")

    assert response is not None
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "unsafe-inline" not in csp
    await expect(page.get_by_role("status")).to_contain_text("This link is not valid")
    await expect(page.get_by_label("Invitation code")).to_be_hidden()
