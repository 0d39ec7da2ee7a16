"""Email verification over HTTP: registration mails a link, its token works once, for its own account only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from bson import ObjectId
from fastapi import FastAPI

from app.config import Settings
from tests.support.accounts import Account, fast_account, register_account
from tests.support.inbox import body_text, code_in, emails_to, wait_for_emails

REQUEST = "/api/v1/auth/verify-email/request"
CONFIRM = "/api/v1/auth/verify-email/confirm"
SUBJECT = "Confirm your BuyHive email address"


async def _verification_code(settings: Settings, account: Account, count: int = 1) -> str:
    emails = await wait_for_emails(settings.data_dir / "outbox", account.email, SUBJECT, count)
    text = body_text(emails[-1])
    code = code_in(emails[-1])
    assert f"{settings.public_app_url}/verify-email#token={code}" in text
    return code


async def _verified(client: httpx.AsyncClient, account: Account) -> bool:
    me = await client.get("/api/v1/auth/me", headers=account.headers)
    assert me.status_code == 200
    return bool(me.json()["email_verified"])


async def test_registration_mails_a_link_that_verifies_the_address(
    client: httpx.AsyncClient, db: Any, settings: Settings
) -> None:
    account = await register_account(client)
    assert not await _verified(client, account)
    code = await _verification_code(settings, account)

    confirmed = await client.post(CONFIRM, json={"token": code})

    assert confirmed.status_code == 204
    assert await _verified(client, account)
    assert await db.email_verifications.count_documents({"token_hash": code}) == 0  # only its hash is stored


async def test_a_verification_token_works_once(client: httpx.AsyncClient, settings: Settings) -> None:
    account = await register_account(client)
    code = await _verification_code(settings, account)
    assert (await client.post(CONFIRM, json={"token": code})).status_code == 204

    replay = await client.post(CONFIRM, json={"token": code})

    assert replay.status_code == 400
    assert replay.json()["error"]["code"] == "invalid_verification_token"
    assert replay.json()["error"]["details"] == {"reason": "used"}


async def test_expired_and_unknown_tokens_are_refused_and_say_why(
    client: httpx.AsyncClient, db: Any, settings: Settings
) -> None:
    account = await register_account(client)
    code = await _verification_code(settings, account)
    await db.email_verifications.update_many({}, {"$set": {"expires_at": datetime.now(UTC) - timedelta(seconds=1)}})

    expired = await client.post(CONFIRM, json={"token": code})
    unknown = await client.post(CONFIRM, json={"token": "not-a-token"})

    assert expired.status_code == unknown.status_code == 400
    assert expired.json()["error"]["details"] == {"reason": "expired"}
    assert unknown.json()["error"]["details"] == {"reason": "unknown"}
    assert not await _verified(client, account)


async def test_one_accounts_token_verifies_that_account_only(client: httpx.AsyncClient, settings: Settings) -> None:
    alice = await register_account(client)
    bob = await register_account(client)
    alice_code = await _verification_code(settings, alice)

    # Presented by Bob, signed in: the token still names Alice's account and nothing else.
    confirmed = await client.post(CONFIRM, json={"token": alice_code}, headers=bob.headers)

    assert confirmed.status_code == 204
    assert await _verified(client, alice)
    assert not await _verified(client, bob)


async def test_a_resend_mails_a_new_link_and_stops_once_verified(
    client: httpx.AsyncClient, db: Any, settings: Settings
) -> None:
    account = await register_account(client)
    first = await _verification_code(settings, account)
    # Past the one-minute cooldown that keeps a resend button from flooding the inbox.
    await db.outbox.update_many(
        {"kind": "email_verification"}, {"$set": {"created_at": datetime(2000, 1, 1, tzinfo=UTC)}}
    )

    resent = await client.post(REQUEST, headers=account.headers)
    again = await client.post(REQUEST, headers=account.headers)  # within the cooldown: no third email

    assert (resent.status_code, resent.json()) == (202, {"status": "accepted"})
    assert again.status_code == 202
    second = await _verification_code(settings, account, count=2)
    assert second != first
    assert (await client.post(CONFIRM, json={"token": second})).status_code == 204
    # Verifying spends every other link of the account.
    assert (await client.post(CONFIRM, json={"token": first})).json()["error"]["details"] == {"reason": "used"}
    done = await client.post(REQUEST, headers=account.headers)
    assert (done.status_code, done.json()) == (202, {"status": "already_verified"})
    assert len(emails_to(settings.data_dir / "outbox", account.email, SUBJECT)) == 2


async def test_resend_requires_sign_in(client: httpx.AsyncClient) -> None:
    assert (await client.post(REQUEST)).status_code == 401


async def test_existing_accounts_without_the_field_are_not_verified(
    app: FastAPI, client: httpx.AsyncClient, db: Any
) -> None:
    account = await fast_account(app, client, "legacy@example.com")
    await db.users.update_one({"_id": ObjectId(account.user_id)}, {"$unset": {"email_verified_at": ""}})

    assert not await _verified(client, account)
