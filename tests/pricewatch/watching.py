"""Saving and watching an item over HTTP, and reading what it says of its price: the steps price-watch tests share."""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.accounts import Account
from tests.support.factories import add_item


async def watched_item(client: httpx.AsyncClient, account: Account, url: str, **watch: Any) -> dict[str, Any]:
    """An item saved at 100.00 USD and watched (by default for a target of 80)."""
    item = await add_item(client, account, url=url, price="100.00", currency="USD")
    response = await client.put(
        f"/api/v1/items/{item['id']}/watch", json=watch or {"target_price": "80"}, headers=account.headers
    )
    assert response.status_code == 200, response.text
    return item


async def price_tracking(client: httpx.AsyncClient, account: Account, item: dict[str, Any]) -> dict[str, Any]:
    response = await client.get(f"/api/v1/items/{item['id']}", headers=account.headers)
    assert response.status_code == 200, response.text
    tracking: dict[str, Any] = response.json()["price_tracking"]
    return tracking
