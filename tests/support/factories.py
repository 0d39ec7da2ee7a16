"""Carts and items made through the API, with sensible defaults."""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.accounts import Account


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
