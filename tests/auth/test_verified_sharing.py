"""Sending email in one's name needs a proven address (issue 12, issue 13 finding 1, SPEC §7): 403
`email_not_verified` for an unverified password account; Google accounts arrive verified."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from tests.auth.google_issuer import FakeGoogle
from tests.support.accounts import register_account
from tests.support.inbox import code_in, wait_for_emails


def _share_url(cart_id: str) -> str:
    return f"/api/v1/carts/{cart_id}/share"


async def test_an_unverified_account_cannot_share_until_it_follows_its_link(
    client: httpx.AsyncClient, db: Any, settings: Settings
) -> None:
    # Registered as an attacker would, with an address nobody proved.
    account = await register_account(client, f"spammer-{uuid.uuid4().hex[:8]}@example.net")
    body = {"recipients": ["victim@example.org"], "message": "ACTION REQUIRED"}

    refused = await client.post(_share_url(account.default_cart_id), json=body, headers=account.headers)

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "email_not_verified"
    assert await db.outbox.count_documents({"kind": "share"}) == 0
    [link] = await wait_for_emails(settings.data_dir / "outbox", account.email, "Confirm your BuyHive email address")
    confirmed = await client.post("/api/v1/auth/verify-email/confirm", json={"token": code_in(link)})
    assert confirmed.status_code == 204
    accepted = await client.post(_share_url(account.default_cart_id), json=body, headers=account.headers)
    assert accepted.status_code == 202, accepted.text


@pytest.fixture
async def google_client(google_app: tuple[FastAPI, httpx.AsyncClient]) -> AsyncIterator[httpx.AsyncClient]:
    yield google_app[1]
    db: Any = google_app[0].state.database.db
    for name in await db.list_collection_names():
        await db[name].delete_many({})


async def test_a_google_account_can_share_at_once(google_client: httpx.AsyncClient, google: FakeGoogle) -> None:
    pair = (await google_client.post("/api/v1/auth/google", json={"id_token": google.id_token()})).json()
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    [cart] = (await google_client.get("/api/v1/carts", headers=headers)).json()["items"]

    shared = await google_client.post(_share_url(cart["id"]), json={"recipients": ["ann@example.com"]}, headers=headers)

    assert shared.status_code == 202, shared.text
