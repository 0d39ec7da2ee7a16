"""People for the tests: registered through the API, or made fast, and the alice and bob fixtures.

Most tests need signed-in users, not password checks (tests/auth covers those), so `fast_account` creates them
through the real account service and token issuer with one password hash reused: an Argon2 hash per test would
dominate the run time. A conftest takes the alice and bob it wants by importing them, e.g.
`from tests.support.accounts import fast_alice, fast_bob  # noqa: F401 (fixtures)`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from bson import ObjectId
from fastapi import FastAPI

from app.auth import service as auth_service
from app.auth.passwords import hash_password
from app.clock import utc_now

PASSWORD = "correct horse battery"


@dataclass
class Account:
    email: str
    password: str
    access_token: str
    refresh_token: str
    user_id: str
    default_cart_id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


async def register_account(client: httpx.AsyncClient, email: str | None = None, *, name: str = "Test") -> Account:
    """Signs up through the API, as a person does, with the app in process or a live API (tests/e2e)."""
    email = email or f"user-{uuid.uuid4().hex[:10]}@example.com"
    password = PASSWORD
    body = {"email": email, "password": password, "name": name}
    response = await client.post(_api_url(client, "/auth/register"), json=body)
    assert response.status_code == 201, response.text
    pair = response.json()
    carts = await client.get(_api_url(client, "/carts"), headers={"Authorization": f"Bearer {pair['access_token']}"})
    return Account(
        email=email,
        password=password,
        access_token=pair["access_token"],
        refresh_token=pair["refresh_token"],
        user_id=pair["user"]["id"],
        default_cart_id=carts.json()["items"][0]["id"],
    )


def _api_url(client: httpx.AsyncClient, path: str) -> httpx.URL:
    """`path` of the API from the server's root: an e2e client's base URL already ends in /api/v1, the others' not."""
    return client.base_url.copy_with(path=f"/api/v1{path}")


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


async def verified_account(app: FastAPI, client: httpx.AsyncClient, email: str, name: str | None = None) -> Account:
    """A fast account whose address is proven, as sharing (and invitations, alerts) require."""
    account = await fast_account(app, client, email)
    await mark_email_verified(app.state.database.db, account)
    if name is not None:
        await app.state.database.db.users.update_one({"_id": ObjectId(account.user_id)}, {"$set": {"name": name}})
    return account


async def mark_email_verified(db: Any, account: Account) -> None:
    """What following the verification link does (tests/auth covers the link itself)."""
    await db.users.update_one({"_id": ObjectId(account.user_id)}, {"$set": {"email_verified_at": utc_now()}})


@pytest.fixture(name="alice")
async def fast_alice(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "alice@example.com")


@pytest.fixture(name="bob")
async def fast_bob(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "bob@example.com")


# Verified, as sharing (and invitations, price alerts) require.
@pytest.fixture(name="alice")
async def verified_alice(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await verified_account(app, client, "alice@example.com")


@pytest.fixture(name="bob")
async def verified_bob(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await verified_account(app, client, "bob@example.com")


# Registered through the API, as a person signs up (the suite's default, from tests/conftest.py).
@pytest.fixture(name="alice")
async def registered_alice(client: httpx.AsyncClient) -> Account:
    return await register_account(client, "alice@example.com")


@pytest.fixture(name="bob")
async def registered_bob(client: httpx.AsyncClient) -> Account:
    return await register_account(client, "bob@example.com")
