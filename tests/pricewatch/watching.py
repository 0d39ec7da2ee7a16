"""Saving and watching an item over HTTP, and reading what it says of its price: the steps price-watch tests share."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from app.config import Settings
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


async def status_becomes(
    client: httpx.AsyncClient, account: Account, item: dict[str, Any], wanted: str, timeout_s: float = 20.0
) -> dict[str, Any]:
    """The item's price tracking once its re-check status is `wanted` (a worker in another task or process)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        tracking = await price_tracking(client, account, item)
        if tracking["status"] == wanted:
            return tracking
        await asyncio.sleep(0.2)
    raise AssertionError(f"status never became {wanted!r}")


def worker_process_env(settings: Settings, data_dir: Path, shop_port: int, **extra: str) -> dict[str, str]:
    """The environment `python -m app.pricewatch.worker` runs with against this test's database and local shop."""
    return {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "ENVIRONMENT": "test",
        "DATA_DIR": str(data_dir),
        "MONGO_URL": settings.mongo_url or "",
        "MONGO_DB": settings.mongo_db,
        "JWT_SECRET_KEY": settings.jwt_secret_key,
        "FETCH_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
        "FETCH_ALLOWED_PORTS": f"80,443,{shop_port}",
        "PRICE_RECHECK_POLL_SECONDS": "0.2",
        "LOG_LEVEL": "WARNING",
        **extra,
    }
