"""The pages an emailed link opens, in headless Chromium against the API under Uvicorn: the link from the email
itself, the token read from its fragment, the form filled in by its labels, and no CSP violation on the way."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.e2e.browser import ExtensionBrowser
from tests.e2e.servers import ApiServer
from tests.support.accounts import Account
from tests.support.inbox import body_text, wait_for_emails

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "a brand new passphrase"


@pytest.fixture
async def page(browser: ExtensionBrowser) -> AsyncIterator[Page]:
    """A tab that fails the test on any console error (a CSP violation is reported there)."""
    tab = await browser.context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield tab
    assert [e for e in errors if "Failed to load resource" not in e] == []


async def _emailed_link(api: ApiServer, address: str, subject: str, path: str) -> str:
    [email] = await wait_for_emails(api.outbox_dir, address, subject)
    match = re.search(rf"{re.escape(api.base_url)}{path}#token=\S+", body_text(email))
    assert match is not None, body_text(email)
    return match.group(0)


async def test_reset_password_through_the_page_then_sign_in(
    page: Page, api: ApiServer, api_client: httpx.AsyncClient, person: Account, browser: ExtensionBrowser
) -> None:
    assert (await api_client.post("/auth/password-reset", json={"email": person.email})).status_code == 202
    link = await _emailed_link(api, person.email, "Reset your BuyHive password", "/reset-password")

    await page.goto(link)
    await expect(page).to_have_url(f"{api.base_url}/reset-password")  # the token left the address bar at once
    await page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    await page.get_by_label("Repeat the new password").fill(NEW_PASSWORD + "x")
    await page.get_by_role("button", name="Set the new password").click()
    await expect(page.get_by_role("status")).to_contain_text("The two passwords differ")
    await expect(page.get_by_label("Repeat the new password")).to_be_focused()
    await page.get_by_label("Repeat the new password").fill(NEW_PASSWORD)
    await page.get_by_role("button", name="Set the new password").click()

    status = page.get_by_role("status")
    await expect(status).to_contain_text("Your password has been changed")
    await expect(status).to_be_focused()
    await browser.screenshot(page, "reset-password-done")
    login = await api_client.post("/auth/login", json={"email": person.email, "password": NEW_PASSWORD})
    assert login.status_code == 200
    old = await api_client.post("/auth/login", json={"email": person.email, "password": person.password})
    assert old.status_code == 401

    # The same link a second time (opened afresh, not as a fragment change): it says so, and offers no form.
    await page.goto("about:blank")
    await page.goto(link)
    await page.get_by_label("New password", exact=True).fill("yet another passphrase")
    await page.get_by_label("Repeat the new password").fill("yet another passphrase")
    await page.get_by_role("button", name="Set the new password").click()
    await expect(page.get_by_role("status")).to_contain_text("already been used")
    await expect(page.get_by_label("New password", exact=True)).to_be_hidden()


async def test_verify_email_through_the_page(
    page: Page, api: ApiServer, api_client: httpx.AsyncClient, person: Account, browser: ExtensionBrowser
) -> None:
    link = await _emailed_link(api, person.email, "Confirm your BuyHive email address", "/verify-email")
    before = await api_client.get("/auth/me", headers=person.headers)
    assert before.json()["email_verified"] is False

    await page.goto(link)
    await expect(page).to_have_url(f"{api.base_url}/verify-email")
    await page.get_by_role("button", name="Confirm my address").click()

    await expect(page.get_by_role("status")).to_contain_text("Your email address is confirmed")
    await browser.screenshot(page, "verify-email-done")
    after = await api_client.get("/auth/me", headers=person.headers)
    assert after.json()["email_verified"] is True


async def test_a_link_without_its_token_says_so(page: Page, api: ApiServer) -> None:
    response = await page.goto(f"{api.base_url}/verify-email")

    assert response is not None
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "unsafe-inline" not in csp
    await expect(page.get_by_role("status")).to_contain_text("This link is not valid")
    await expect(page.get_by_role("button", name="Confirm my address")).to_be_hidden()
