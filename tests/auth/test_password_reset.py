"""Password reset over HTTP with the file email backend: the token is read back from the .eml the worker wrote."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from html.parser import HTMLParser
from typing import Any

import httpx
from fastapi import FastAPI

from app.auth.password_reset import compose_password_reset_email
from app.config import Settings
from tests.support.accounts import PASSWORD, Account, fast_account
from tests.support.inbox import body_text, code_in

RESET = "/api/v1/auth/password-reset"
CONFIRM = "/api/v1/auth/password-reset/confirm"
NEW_PASSWORD = "a brand new passphrase"


async def new_account(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, f"user-{uuid.uuid4().hex[:10]}@example.com")


def _emails_to(settings: Settings, address: str) -> list[EmailMessage]:
    paths = (settings.data_dir / "outbox").glob("*.eml")
    messages = [message_from_bytes(path.read_bytes(), policy=default) for path in paths]
    return [message for message in messages if message["To"] == address]


async def _settled(db: Any, address: str) -> dict[str, Any]:
    """The outbox entry of the reset request for `address`, once the worker has dealt with it."""
    for _ in range(200):
        entry = await db.outbox.find_one({"kind": "password_reset", "email_address": address})
        if entry is not None and entry["status"] in ("sent", "skipped", "failed"):
            return entry
        await asyncio.sleep(0.05)
    raise AssertionError("the reset request was not processed in 10 s")


async def _reset_token(client: httpx.AsyncClient, db: Any, settings: Settings, account: Account) -> str:
    response = await client.post(RESET, json={"email": account.email.upper()})
    assert response.status_code == 202
    assert (await _settled(db, account.email))["status"] == "sent"
    [email] = _emails_to(settings, account.email)
    text = body_text(email)
    token = code_in(email)
    assert f"{settings.public_app_url}/reset-password#token={token}" in text
    return token


async def test_reset_sets_the_new_password_and_signs_out_every_session(
    app: FastAPI, client: httpx.AsyncClient, db: Any, settings: Settings
) -> None:
    account = await new_account(app, client)
    login = await client.post("/api/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    second_session = login.json()
    token = await _reset_token(client, db, settings, account)

    confirmed = await client.post(CONFIRM, json={"token": token, "new_password": NEW_PASSWORD})

    assert confirmed.status_code == 204
    new_login = await client.post("/api/v1/auth/login", json={"email": account.email, "password": NEW_PASSWORD})
    old_login = await client.post("/api/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    assert new_login.status_code == 200
    assert old_login.status_code == 401
    for refresh_token in (account.refresh_token, second_session["refresh_token"]):
        refreshed = await client.post("/api/v1/auth/refresh", json={"refresh_token": refresh_token})
        assert refreshed.status_code == 401
    assert await db.password_resets.count_documents({"token_hash": token}) == 0  # only its hash is stored


async def test_a_reset_token_works_once(app: FastAPI, client: httpx.AsyncClient, db: Any, settings: Settings) -> None:
    account = await new_account(app, client)
    token = await _reset_token(client, db, settings, account)
    assert (await client.post(CONFIRM, json={"token": token, "new_password": NEW_PASSWORD})).status_code == 204

    replay = await client.post(CONFIRM, json={"token": token, "new_password": "yet another passphrase"})

    assert replay.status_code == 400
    assert replay.json()["error"]["code"] == "invalid_reset_token"
    assert replay.json()["error"]["request_id"] == replay.headers["X-Request-ID"]
    login = await client.post("/api/v1/auth/login", json={"email": account.email, "password": NEW_PASSWORD})
    assert login.status_code == 200


async def test_expired_and_wrong_tokens_are_refused(
    app: FastAPI, client: httpx.AsyncClient, db: Any, settings: Settings
) -> None:
    account = await new_account(app, client)
    token = await _reset_token(client, db, settings, account)
    # Thirty minutes pass (the TTL sweep may lag; the expiry is enforced on read).
    await db.password_resets.update_many({}, {"$set": {"expires_at": datetime.now(UTC) - timedelta(seconds=1)}})

    expired = await client.post(CONFIRM, json={"token": token, "new_password": NEW_PASSWORD})
    wrong = await client.post(CONFIRM, json={"token": "not-a-token", "new_password": NEW_PASSWORD})

    for response in (expired, wrong):
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "invalid_reset_token"
    login = await client.post("/api/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    assert login.status_code == 200


async def test_unknown_email_gets_the_same_answer_and_no_email(
    app: FastAPI, client: httpx.AsyncClient, db: Any, settings: Settings
) -> None:
    account = await new_account(app, client)

    known = await client.post(RESET, json={"email": account.email})
    unknown = await client.post(RESET, json={"email": "nobody-here@example.com"})

    assert (known.status_code, known.json()) == (unknown.status_code, unknown.json()) == (202, {"status": "accepted"})
    # The request itself only queues work, the same for both; the worker finds out whether an account exists.
    assert (await _settled(db, account.email))["status"] == "sent"
    assert (await _settled(db, "nobody-here@example.com"))["status"] == "skipped"
    assert _emails_to(settings, "nobody-here@example.com") == []
    assert len(_emails_to(settings, account.email)) == 1


async def test_repeated_requests_do_not_flood_the_inbox(
    app: FastAPI, client: httpx.AsyncClient, db: Any, settings: Settings
) -> None:
    account = await new_account(app, client)

    for _ in range(3):
        assert (await client.post(RESET, json={"email": account.email})).status_code == 202

    await _settled(db, account.email)
    assert await db.outbox.count_documents({"email_address": account.email}) == 1
    assert len(_emails_to(settings, account.email)) == 1


async def test_new_password_follows_the_password_rules(client: httpx.AsyncClient) -> None:
    response = await client.post(CONFIRM, json={"token": "whatever", "new_password": "tiny7"})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert "tiny7" not in response.text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href"))


def test_password_reset_email_carries_the_link_and_code() -> None:
    email = compose_password_reset_email(
        to="ann@example.com",
        token="tok-123",
        reset_url="https://app.example/reset-password#token=tok-123",
        valid_minutes=30,
    )

    links = _Links()
    links.feed(email.html or "")
    assert email.to == ("ann@example.com",)
    assert links.hrefs == ["https://app.example/reset-password#token=tok-123"]
    assert "tok-123" in email.text
    assert "30 minutes" in email.text
