"""POST /account/email over HTTP: the new address takes effect only once proven; the old one is told."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from app.config import Settings
from tests.support.accounts import PASSWORD, fast_account
from tests.support.inbox import body_text, code_in, emails_to, wait_for_emails

CHANGE = "/api/v1/account/email"
CONFIRM = "/api/v1/auth/verify-email/confirm"
VERIFY_SUBJECT = "Confirm your BuyHive email address"
NOTICE_SUBJECT = "Your BuyHive email address is being changed"


async def _me(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, Any]:
    return (await client.get("/api/v1/auth/me", headers=headers)).json()


async def test_the_new_address_takes_effect_once_proven(
    app: FastAPI, client: httpx.AsyncClient, settings: Settings
) -> None:
    account = await fast_account(app, client, "ann.old@example.com")
    outbox_dir = settings.data_dir / "outbox"

    asked = await client.post(
        CHANGE, json={"new_email": "Ann.New@Example.com", "password": PASSWORD}, headers=account.headers
    )

    assert (asked.status_code, asked.json()) == (202, {"status": "accepted"})
    [notice] = await wait_for_emails(outbox_dir, "ann.old@example.com", NOTICE_SUBJECT)
    assert "ann.new@example.com" in body_text(notice)
    [link] = await wait_for_emails(outbox_dir, "ann.new@example.com", VERIFY_SUBJECT)
    assert (await _me(client, account.headers))["email"] == "ann.old@example.com"  # not before it is proven

    assert (await client.post(CONFIRM, json={"token": code_in(link)})).status_code == 204

    me = await _me(client, account.headers)
    assert (me["email"], me["email_verified"]) == ("ann.new@example.com", True)
    new_login = await client.post("/api/v1/auth/login", json={"email": "ann.new@example.com", "password": PASSWORD})
    old_login = await client.post("/api/v1/auth/login", json={"email": "ann.old@example.com", "password": PASSWORD})
    assert (new_login.status_code, old_login.status_code) == (200, 401)


async def test_an_address_another_account_holds_is_refused(
    app: FastAPI, client: httpx.AsyncClient, settings: Settings
) -> None:
    ann = await fast_account(app, client, "ann@example.com")
    await fast_account(app, client, "bob@example.com")

    taken = await client.post(CHANGE, json={"new_email": "BOB@example.com", "password": PASSWORD}, headers=ann.headers)
    wrong = await client.post(
        CHANGE, json={"new_email": "ann2@example.com", "password": "nope nope"}, headers=ann.headers
    )

    assert (taken.status_code, taken.json()["error"]["code"]) == (409, "conflict")
    assert (wrong.status_code, wrong.json()["error"]["code"]) == (403, "wrong_password")
    assert emails_to(settings.data_dir / "outbox", "bob@example.com") == []
    assert (await _me(client, ann.headers))["email"] == "ann@example.com"


async def test_an_address_taken_before_the_link_is_followed_is_not_stolen(
    app: FastAPI, client: httpx.AsyncClient, settings: Settings
) -> None:
    ann = await fast_account(app, client, "ann@example.com")
    body = {"new_email": "shared@example.com", "password": PASSWORD}
    assert (await client.post(CHANGE, json=body, headers=ann.headers)).status_code == 202
    [link] = await wait_for_emails(settings.data_dir / "outbox", "shared@example.com", VERIFY_SUBJECT)
    carol = await fast_account(app, client, "shared@example.com")

    confirmed = await client.post(CONFIRM, json={"token": code_in(link)})

    assert confirmed.status_code == 409
    assert (await _me(client, ann.headers))["email"] == "ann@example.com"
    assert (await _me(client, carol.headers))["email"] == "shared@example.com"
