"""One-click unsubscribe (RFC 8058), followed from the List-Unsubscribe header of a share email SES was handed."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

import httpx
from fastapi import FastAPI

from app.suppression.router import UNSUBSCRIBE_CSP
from tests.mail.moto_ses import sent_emails
from tests.sharing.shares import wait_for_share
from tests.support.accounts import Account

ONE_CLICK = {"List-Unsubscribe": "One-Click"}  # what a mail provider posts (RFC 8058 §3.2)


async def _share(client: httpx.AsyncClient, account: Account, *recipients: str) -> dict[str, Any]:
    response = await client.post(
        f"/api/v1/carts/{account.default_cart_id}/share", json={"recipients": list(recipients)}, headers=account.headers
    )
    assert response.status_code == 202, response.text
    return await wait_for_share(client, account, account.default_cart_id, response.json()["share_id"])


def _unsubscribe_path(ses_url: str, address: str) -> str:
    """The path of the link in the latest email SES sent to `address`, checked against PUBLIC_APP_URL."""
    [*_, sent] = [sent for sent in sent_emails(ses_url) if sent.recipients == [address]]
    assert sent.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = str(sent.message["List-Unsubscribe"]).strip("<>")
    assert link.startswith("https://app.buyhive.test/unsubscribe/")
    assert link in sent.text and link in sent.html  # the same link in the body, for people
    return urlsplit(link).path


async def test_one_click_unsubscribe_stops_later_shares_to_that_address_only(
    ses_client: httpx.AsyncClient, carol: Account, ses: str
) -> None:
    await _share(ses_client, carol, "dan@example.com", "eve@example.com")
    path = _unsubscribe_path(ses, "dan@example.com")

    clicked = await ses_client.post(path, data=ONE_CLICK)
    again = await ses_client.post(path, data=ONE_CLICK)  # idempotent
    later = await _share(ses_client, carol, "dan@example.com", "eve@example.com")

    assert (clicked.status_code, again.status_code) == (200, 200)
    assert "will not get these emails again" in clicked.text
    assert later["status"] == "sent"  # Eve's went
    assert {d["recipient"]: (d["status"], d["error"]) for d in later["deliveries"]} == {
        "dan@example.com": ("skipped", "recipient suppressed (unsubscribed)"),
        "eve@example.com": ("sent", None),
    }
    assert [len(s.recipients) for s in sent_emails(ses)] == [1, 1, 1]  # Dan got only the first
    assert sum(s.recipients == ["dan@example.com"] for s in sent_emails(ses)) == 1


async def test_opening_the_link_only_asks_it_does_not_unsubscribe(
    ses_client: httpx.AsyncClient, carol: Account, ses: str
) -> None:
    await _share(ses_client, carol, "dan@example.com")
    path = _unsubscribe_path(ses, "dan@example.com")

    page = await ses_client.get(path)  # what a mail scanner or a link preview does
    later = await _share(ses_client, carol, "dan@example.com")

    assert page.status_code == 200
    assert '<form method="post">' in page.text and "<script" not in page.text
    assert page.headers["Content-Security-Policy"] == UNSUBSCRIBE_CSP
    assert "form-action 'self'" in UNSUBSCRIBE_CSP and "script-src" not in UNSUBSCRIBE_CSP
    assert page.headers["Cache-Control"] == "no-store"
    assert later["status"] == "sent"


async def test_a_changed_or_made_up_token_unsubscribes_nobody(
    ses_app: tuple[FastAPI, httpx.AsyncClient], ses_client: httpx.AsyncClient, carol: Account, ses: str
) -> None:
    await _share(ses_client, carol, "dan@example.com")
    key, _, signature = _unsubscribe_path(ses, "dan@example.com").removeprefix("/unsubscribe/").partition(".")
    forged = [
        f"/unsubscribe/{key}.{signature[::-1]}",
        f"/unsubscribe/{key}",
        f"/unsubscribe/{'0' * 64}.{signature}",  # another address's key with Dan's signature
        "/unsubscribe/nonsense",
    ]

    for path in forged:
        for response in (await ses_client.get(path), await ses_client.post(path, data=ONE_CLICK)):
            assert response.status_code == 404, path
            assert "This link does not work" in response.text
    assert await ses_app[0].state.database.db.suppressions.count_documents({}) == 0
    assert (await _share(ses_client, carol, "dan@example.com"))["status"] == "sent"


async def test_unsubscribing_from_shares_keeps_the_persons_own_account_mail(
    ses_app: tuple[FastAPI, httpx.AsyncClient], ses_client: httpx.AsyncClient, carol: Account, ses: str
) -> None:
    await _share(ses_client, carol, "carol@example.com")  # Carol shares with herself, then unsubscribes
    assert (await ses_client.post(_unsubscribe_path(ses, "carol@example.com"), data=ONE_CLICK)).status_code == 200

    reset = await ses_client.post("/api/v1/auth/password-reset", json={"email": "carol@example.com"})
    skipped = await _share(ses_client, carol, "carol@example.com")

    assert reset.status_code == 202
    assert skipped["status"] == "skipped"
    for _ in range(200):
        subjects = [str(s.message["Subject"]) for s in sent_emails(ses) if s.recipients == ["carol@example.com"]]
        if any("Reset your BuyHive password" in subject for subject in subjects):
            break
        await asyncio.sleep(0.05)
    assert sum("Reset your BuyHive password" in subject for subject in subjects) == 1
