"""GET /account/export is streamed (issue 12): complete, valid JSON with thousands of items, written out as the
database hands them over rather than built in memory first."""

from __future__ import annotations

import json
from typing import Any

import httpx
from bson import ObjectId
from fastapi import FastAPI

from app.account.service import EXPORT_BATCH
from tests.support.accounts import fast_account
from tests.support.factories import add_item

MANY = 2 * EXPORT_BATCH + 37  # whole chunks and a part one


async def test_an_export_of_many_items_is_streamed_complete_and_valid(
    app: FastAPI, client: httpx.AsyncClient, db: Any
) -> None:
    ann = await fast_account(app, client, "ann@example.com")
    bob = await fast_account(app, client, "bob@example.com")
    await add_item(client, bob, url="https://shop.example/bobs", name="Bob's")
    first = await add_item(client, ann, url="https://shop.example/p/0", name="Thing 0", price="1.50", currency="EUR")
    first = (await client.get(f"/api/v1/items/{first['id']}", headers=ann.headers)).json()  # its price recorded since
    # The rest as copies of the stored document the API made (thousands of POSTs would only slow the test down).
    stored = await db.items.find_one({"_id": ObjectId(first["id"])})
    copies = []
    for n in range(1, MANY):
        url = f"https://shop.example/p/{n}"
        copies.append({**stored, "_id": ObjectId(), "url": url, "canonical_url": url, "name": f"Thing {n}"})
    await db.items.insert_many(copies)

    async with client.stream("GET", "/api/v1/account/export", headers=ann.headers) as response:
        body = b"".join([chunk async for chunk in response.aiter_bytes()])

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert "content-length" not in response.headers  # sent as it is written: the length is not known up front
    export = json.loads(body)
    assert list(export) == [
        *("exported_at", "user", "carts", "items", "shares", "sessions"),
        *("links", "memberships", "invitations", "reservations"),
    ]
    assert len(export["items"]) == MANY
    assert {item["name"] for item in export["items"]} == {f"Thing {n}" for n in range(MANY)}
    assert export["items"][-1] == first  # newest first: the original is the oldest
    assert export["user"]["id"] == ann.user_id
    assert bob.user_id not in body.decode()
    assert export["sessions"][0]["current"] is True


async def test_an_export_without_items_is_valid_json(app: FastAPI, client: httpx.AsyncClient) -> None:
    ann = await fast_account(app, client, "ann@example.com")

    export = (await client.get("/api/v1/account/export", headers=ann.headers)).json()

    assert export["items"] == [] and export["shares"] == []
    assert [cart["name"] for cart in export["carts"]] == ["My Cart"]
