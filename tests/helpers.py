"""Test helpers shared across domains."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

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


async def register_account(client: httpx.AsyncClient, email: str | None = None) -> Account:
    email = email or f"user-{uuid.uuid4().hex[:10]}@example.com"
    password = PASSWORD
    response = await client.post("/api/v1/auth/register", json={"email": email, "password": password, "name": "Test"})
    assert response.status_code == 201, response.text
    pair = response.json()
    carts = await client.get("/api/v1/carts", headers={"Authorization": f"Bearer {pair['access_token']}"})
    return Account(
        email=email,
        password=password,
        access_token=pair["access_token"],
        refresh_token=pair["refresh_token"],
        user_id=pair["user"]["id"],
        default_cart_id=carts.json()["items"][0]["id"],
    )


async def clear_database(db: Any) -> None:
    """Delete every document and keep the indexes: a clean slate between tests without rebuilding the schema."""
    for name in await db.list_collection_names():
        await db[name].delete_many({})
