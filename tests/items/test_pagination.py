"""Cursor pagination of GET /items and GET /carts/{id}/items: newest first, no duplicates, no gaps."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest
from bson import ObjectId

from tests.support.accounts import Account
from tests.support.factories import add_item, create_cart


async def _add_many(client: httpx.AsyncClient, account: Account, count: int, **fields: Any) -> list[str]:
    """Ids of new items, newest first (the order pages list them in)."""
    ids = [(await add_item(client, account, url=f"https://shop.example/p/{n}", **fields))["id"] for n in range(count)]
    return ids[::-1]


async def _walk(client: httpx.AsyncClient, account: Account, path: str, limit: int) -> list[list[str]]:
    pages: list[list[str]] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = await client.get(path, params=params, headers=account.headers)
        assert response.status_code == 200, response.text
        page = response.json()
        pages.append([item["id"] for item in page["items"]])
        cursor = page["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 50, "pagination does not terminate"


@pytest.mark.parametrize(("count", "limit", "sizes"), [(3, 1, [1, 1, 1]), (4, 2, [2, 2]), (5, 2, [2, 2, 1])])
async def test_walking_pages(
    client: httpx.AsyncClient, alice: Account, count: int, limit: int, sizes: list[int]
) -> None:
    ids = await _add_many(client, alice, count)

    for path in ("/api/v1/items", f"/api/v1/carts/{alice.default_cart_id}/items"):
        pages = await _walk(client, alice, path, limit)
        assert [len(page) for page in pages] == sizes  # an exact multiple ends without an empty extra page
        assert [item_id for page in pages for item_id in page] == ids


async def test_default_page_size_is_20(client: httpx.AsyncClient, alice: Account) -> None:
    ids = await _add_many(client, alice, 21)

    first = (await client.get("/api/v1/items", headers=alice.headers)).json()
    assert [item["id"] for item in first["items"]] == ids[:20]
    assert first["next_cursor"] is not None
    rest = await client.get("/api/v1/items", params={"cursor": first["next_cursor"]}, headers=alice.headers)
    assert [item["id"] for item in rest.json()["items"]] == ids[20:]
    assert rest.json()["next_cursor"] is None

    everything = await client.get("/api/v1/items", params={"limit": 100}, headers=alice.headers)
    assert [item["id"] for item in everything.json()["items"]] == ids
    assert everything.json()["next_cursor"] is None


async def test_empty_cart_is_one_empty_page(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.get(f"/api/v1/carts/{alice.default_cart_id}/items", headers=alice.headers)
    assert response.json() == {"items": [], "next_cursor": None}


async def test_cart_pages_hold_only_that_cart(client: httpx.AsyncClient, alice: Account) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    in_gifts = await _add_many(client, alice, 3, cart_ids=[gifts["id"]])
    await add_item(client, alice, url="https://shop.example/default-only")

    for path, params in [(f"/api/v1/carts/{gifts['id']}/items", {}), ("/api/v1/items", {"cart_id": gifts["id"]})]:
        response = await client.get(path, params={**params, "limit": 2}, headers=alice.headers)
        cursor = response.json()["next_cursor"]
        rest = await client.get(path, params={**params, "limit": 2, "cursor": cursor}, headers=alice.headers)
        ids = [item["id"] for item in response.json()["items"] + rest.json()["items"]]
        assert ids == in_gifts
    assert len((await client.get("/api/v1/items", headers=alice.headers)).json()["items"]) == 4


async def test_writes_during_a_walk_cause_no_duplicates_or_gaps(client: httpx.AsyncClient, alice: Account) -> None:
    ids = await _add_many(client, alice, 7)
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/api/v1/items", params=params, headers=alice.headers)).json()
        seen += [item["id"] for item in page["items"]]
        # Someone adds a new item and deletes one already seen between page loads.
        await add_item(client, alice, url=f"https://shop.example/new/{len(seen)}")
        await client.delete(f"/api/v1/items/{seen[0]}", headers=alice.headers)
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert seen == ids


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    ["garbage!", "!!!!", _b64(b"short"), _b64(b"x" * 13), "é" * 16, "A" * 65, str(ObjectId())],
)
async def test_invalid_cursor_is_422(client: httpx.AsyncClient, alice: Account, cursor: str) -> None:
    for path in ("/api/v1/items", f"/api/v1/carts/{alice.default_cart_id}/items"):
        response = await client.get(path, params={"cursor": cursor}, headers=alice.headers)
        assert response.status_code == 422, (path, cursor, response.text)
        assert response.json()["error"]["code"] == "validation_error"


@pytest.mark.parametrize("limit", ["0", "101", "-1", "abc", "1.5", ""])
async def test_invalid_limit_is_422(client: httpx.AsyncClient, alice: Account, limit: str) -> None:
    for path in ("/api/v1/items", f"/api/v1/carts/{alice.default_cart_id}/items"):
        response = await client.get(path, params={"limit": limit}, headers=alice.headers)
        assert response.status_code == 422, (path, limit)
