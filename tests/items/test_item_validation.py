"""Item input bounds: http(s) URLs only, bounded field lengths, sane quantities and cart lists."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from tests.support.accounts import Account

ITEMS = "/api/v1/items"
LONG_URL = "https://shop.example/" + "p" * 2100


async def _post(client: httpx.AsyncClient, account: Account, **fields: Any) -> httpx.Response:
    body = {"url": "https://shop.example/p", "name": "Kettle", "cart_ids": [account.default_cart_id], **fields}
    return await client.post(ITEMS, json=body, headers=account.headers)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://shop.example/file",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "mailto:someone@example.com",
        "//shop.example/p",
        "shop.example/p",
        "https://",
        "http:///path",
        "https://shop example/p",
        "",
        LONG_URL,
    ],
)
@pytest.mark.parametrize("field", ["url", "image_url"])
async def test_non_web_urls_are_422(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account, field: str, url: str
) -> None:
    response = await _post(client, alice, **{field: url})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][-1] == field
    assert await db.items.count_documents({}) == 0


@pytest.mark.parametrize("url", ["https://shop.example:99999/p", "https://shop.example:abc/p"])
async def test_urls_with_impossible_ports_are_422(client: httpx.AsyncClient, alice: Account, url: str) -> None:
    response = await _post(client, alice, url=url)
    assert response.status_code == 422


async def test_urls_at_the_length_limit_are_accepted(client: httpx.AsyncClient, alice: Account) -> None:
    url = "https://shop.example/" + "p" * (2048 - len("https://shop.example/"))

    response = await _post(client, alice, url=url, image_url=url)

    assert response.status_code == 201
    assert response.json()["url"] == url


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "n" * 301},
        {"name": ""},
        {"name": "   "},
        {"brand": "b" * 201},
        {"sku": "s" * 201},
        {"variant": "v" * 201},
        {"description": "d" * 5001},
        {"notes": "n" * 5001},
        {"quantity": 0},
        {"quantity": 1000},
        {"quantity": -1},
        {"quantity": "lots"},
        {"cart_ids": [str(ObjectId()) for _ in range(51)]},
        {"cart_ids": []},
        {"owner": "someone-else"},
        {"user_id": str(ObjectId())},
    ],
    ids=lambda fields: next(iter(fields)) + f"-{str(next(iter(fields.values())))[:12]}",
)
async def test_out_of_bounds_fields_are_422(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account, fields: dict
) -> None:
    response = await _post(client, alice, **fields)

    assert response.status_code == 422
    assert await db.items.count_documents({}) == 0


async def test_fields_at_their_limits_are_accepted(client: httpx.AsyncClient, alice: Account) -> None:
    fields = {
        "name": "n" * 300,
        "brand": "b" * 200,
        "sku": "s" * 200,
        "variant": "v" * 200,
        "description": "d" * 5000,
        "notes": "n" * 5000,
        "quantity": 999,
    }

    response = await _post(client, alice, **fields)

    assert response.status_code == 201
    assert {key: response.json()[key] for key in fields} == fields


async def test_missing_required_fields_are_422(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.post(ITEMS, json={}, headers=alice.headers)

    assert response.status_code == 422
    missing = {tuple(detail["loc"]) for detail in response.json()["error"]["details"]}
    assert missing == {("body", "url"), ("body", "name"), ("body", "cart_ids")}
