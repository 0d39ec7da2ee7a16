"""Issue 13 finding 3: one account cannot grow without bound, and GET /carts answers in pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from app.config import Settings
from app.db import EmbeddedMongo
from tests.support.accounts import Account, register_account
from tests.support.app import make_settings, running_app

CARTS = "/api/v1/carts"
ITEMS = "/api/v1/items"


@pytest.fixture
async def small_quotas(mongo_server: EmbeddedMongo, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(mongo_server.url, tmp_path, quota_carts_per_user=3, quota_items_per_user=2)
    async with running_app(settings) as (_, client):
        yield client


def assert_quota_exceeded(response: httpx.Response, resource: str, limit: int) -> None:
    assert response.status_code == 409, response.text
    error = response.json()["error"]
    assert error["code"] == "quota_exceeded"
    assert error["details"] == {"resource": resource, "limit": limit}
    assert error["request_id"] == response.headers["x-request-id"]


async def test_cart_quota_counts_the_default_cart_and_frees_on_delete(small_quotas: httpx.AsyncClient) -> None:
    client = small_quotas
    alice = await register_account(client)
    bob = await register_account(client)
    created = [await client.post(CARTS, json={"name": f"Cart {n}"}, headers=alice.headers) for n in range(2)]
    assert [r.status_code for r in created] == [201, 201]

    assert_quota_exceeded(await client.post(CARTS, json={"name": "One too many"}, headers=alice.headers), "carts", 3)
    listed = (await client.get(CARTS, headers=alice.headers)).json()["items"]
    assert len(listed) == 3  # nothing was created by the refused request

    assert (await client.post(CARTS, json={"name": "Bob's"}, headers=bob.headers)).status_code == 201  # per account
    await client.delete(f"{CARTS}/{created[0].json()['id']}", headers=alice.headers)
    assert (await client.post(CARTS, json={"name": "Room again"}, headers=alice.headers)).status_code == 201


async def test_item_quota_refuses_new_items_but_still_files_saved_ones(small_quotas: httpx.AsyncClient) -> None:
    client = small_quotas
    alice = await register_account(client)
    second_cart = (await client.post(CARTS, json={"name": "Gifts"}, headers=alice.headers)).json()["id"]

    def item(n: int, cart_id: str) -> dict[str, object]:
        return {"url": f"https://shop.example/p/{n}", "name": f"Thing {n}", "cart_ids": [cart_id]}

    for n in range(2):
        assert (await client.post(ITEMS, json=item(n, alice.default_cart_id), headers=alice.headers)).status_code == 201
    assert_quota_exceeded(
        await client.post(ITEMS, json=item(2, alice.default_cart_id), headers=alice.headers), "items", 2
    )
    # The same product again is no new item: it can still go into another cart.
    again = await client.post(ITEMS, json=item(1, second_cart), headers=alice.headers)
    assert again.status_code == 200 and len(again.json()["cart_ids"]) == 2
    page = (await client.get(ITEMS, headers=alice.headers)).json()
    assert len(page["items"]) == 2
    # The refused add left the cart untouched (its transaction was aborted).
    cart = (await client.get(f"{CARTS}/{alice.default_cart_id}", headers=alice.headers)).json()
    assert cart["item_count"] == 2


async def test_get_carts_pages_by_cursor_oldest_first(client: httpx.AsyncClient, alice: Account) -> None:
    names = [f"Cart {n:02d}" for n in range(24)]
    for name in names:
        assert (await client.post(CARTS, json={"name": name}, headers=alice.headers)).status_code == 201

    first = (await client.get(CARTS, headers=alice.headers)).json()
    assert len(first["items"]) == 20 and first["next_cursor"]  # the default page size, as for items
    assert first["items"][0]["name"] == "My Cart" and first["items"][0]["is_default"] is True

    seen, cursor = [], None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(CARTS, params=params, headers=alice.headers)).json()
        seen += [cart["name"] for cart in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    assert seen == ["My Cart", *names]

    assert (await client.get(CARTS, params={"limit": 101}, headers=alice.headers)).status_code == 422
    assert (await client.get(CARTS, params={"cursor": "not a cursor!"}, headers=alice.headers)).status_code == 422


def test_quota_defaults_are_sensible(settings: Settings) -> None:
    assert settings.quota_carts_per_user == 100  # GET /carts?limit=100 always holds them all
    assert settings.quota_items_per_user == 5000
