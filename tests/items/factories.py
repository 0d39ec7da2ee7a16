"""Accounts and items for the cart and item tests, made fast.

Cart and item tests need signed-in users, not password checks (tests/auth covers those), so accounts
are created through the real account service and token issuer with one password hash reused: an
Argon2 hash per test would dominate the run time.
"""

from __future__ import annotations

from typing import Any

import httpx
from bson import ObjectId
from fastapi import FastAPI

from app.auth import service as auth_service
from app.auth.passwords import hash_password
from app.clock import utc_now
from tests.helpers import PASSWORD, Account

_password_hash: str | None = None


async def fast_account(app: FastAPI, client: httpx.AsyncClient, email: str) -> Account:
    global _password_hash
    _password_hash = _password_hash or await hash_password(PASSWORD)
    db = app.state.database.db
    user = await auth_service.create_user(db, email=email, password_hash=_password_hash, name="Test")
    pair = await auth_service.issue_token_pair(db, app.state.settings, user)
    carts = await client.get("/api/v1/carts", headers={"Authorization": f"Bearer {pair.access_token}"})
    return Account(
        email=email,
        password=PASSWORD,
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        user_id=str(user["_id"]),
        default_cart_id=carts.json()["items"][0]["id"],
    )


async def add_item(client: httpx.AsyncClient, account: Account, **fields: Any) -> dict[str, Any]:
    """POST /items with sensible defaults; asserts it was saved (201 new or 200 merged)."""
    body = {"url": "https://shop.example/p/1", "name": "Kettle", "cart_ids": [account.default_cart_id], **fields}
    response = await client.post("/api/v1/items", json=body, headers=account.headers)
    assert response.status_code in (200, 201), response.text
    return response.json()


async def create_cart(client: httpx.AsyncClient, account: Account, name: str) -> dict[str, Any]:
    response = await client.post("/api/v1/carts", json={"name": name}, headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def mark_verified(db: Any, account: Account) -> None:
    """The account's address proven, as confirming the emailed link does (tests/auth covers the link itself)."""
    await db["users"].update_one({"_id": ObjectId(account.user_id)}, {"$set": {"email_verified_at": utc_now()}})
