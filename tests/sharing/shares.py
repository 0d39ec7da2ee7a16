"""Waiting on a share over HTTP."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from tests.support.accounts import Account


async def wait_for_share(client: httpx.AsyncClient, account: Account, cart_id: str, share_id: str) -> dict[str, Any]:
    """Poll the share until the outbox worker has settled it (sent, failed, or skipped as suppressed)."""
    for _ in range(400):
        response = await client.get(f"/api/v1/carts/{cart_id}/shares/{share_id}", headers=account.headers)
        assert response.status_code == 200, response.text
        if response.json()["status"] in ("sent", "failed", "skipped"):
            return response.json()
        await asyncio.sleep(0.05)
    raise AssertionError(f"share still {response.json()['status']} after 20 s")
