"""The per-account item quota, kept by a counter written with every insert and delete of items: exact when saves
race for the last slot, and right again after every way items go (delete, last cart, cart deletion, account
deletion) or come (import); moves and copies between carts are no new items."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from bson import ObjectId
from fastapi import FastAPI

from app.carts.members import add_member
from app.db import EmbeddedMongo
from tests.support.accounts import PASSWORD, Account, fast_account
from tests.support.app import make_settings, running_app
from tests.support.factories import add_item, create_cart

ITEMS = "/api/v1/items"
QUOTA = 3


@pytest.fixture
async def small_quota(mongo_server: EmbeddedMongo, tmp_path: Path) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    async with running_app(make_settings(mongo_server.url, tmp_path, quota_items_per_user=QUOTA)) as pair:
        yield pair


def _item(n: int | str, cart_id: str) -> dict[str, Any]:
    return {"url": f"https://shop.example/p/{n}", "name": f"Thing {n}", "price": "9.99", "currency": "EUR",
            "cart_ids": [cart_id]}  # fmt: skip


async def _save(client: httpx.AsyncClient, account: Account, n: int | str, cart_id: str | None = None) -> int:
    response = await client.post(ITEMS, json=_item(n, cart_id or account.default_cart_id), headers=account.headers)
    if response.status_code == 409:
        error = response.json()["error"]
        assert error["code"] == "quota_exceeded" and error["details"] == {"resource": "items", "limit": QUOTA}
    return response.status_code


async def _item_count(client: httpx.AsyncClient, account: Account) -> int:
    return len((await client.get(f"{ITEMS}?limit=100", headers=account.headers)).json()["items"])


async def _room(client: httpx.AsyncClient, account: Account) -> int:
    """How many new items the account can still save: saves new ones until refused (then deletes them again)."""
    saved = []
    while (response := await client.post(ITEMS, json=_item(str(ObjectId()), account.default_cart_id),
                                         headers=account.headers)).status_code == 201:  # fmt: skip
        saved.append(response.json()["id"])
        assert len(saved) <= QUOTA, "the quota let more items in than it allows"
    assert response.status_code == 409, response.text
    for item_id in saved:
        assert (await client.delete(f"{ITEMS}/{item_id}", headers=account.headers)).status_code == 204
    return len(saved)


async def test_saves_racing_for_the_last_slot_let_exactly_one_in(
    small_quota: tuple[FastAPI, httpx.AsyncClient],
) -> None:
    app, client = small_quota
    alice = await fast_account(app, client, "alice@example.com")
    for n in range(QUOTA - 1):
        assert await _save(client, alice, n) == 201
    # Different carts: nothing but the quota makes these saves wait for one another.
    carts = [(await create_cart(client, alice, f"Cart {n}"))["id"] for n in range(4)]

    statuses = await asyncio.gather(*(_save(client, alice, f"race-{n}", cart) for n, cart in enumerate(carts)))

    assert sorted(statuses) == [201, 409, 409, 409]
    assert await _item_count(client, alice) == QUOTA
    # Only the save that went through put its price into a product's history: the refused ones left nothing.
    db = app.state.database.db
    assert await db.price_products.count_documents({"canonical_url": {"$regex": "/p/race-"}}) == 1


async def test_every_delete_gives_its_slot_back(small_quota: tuple[FastAPI, httpx.AsyncClient]) -> None:
    app, client = small_quota
    alice = await fast_account(app, client, "alice@example.com")
    garden = (await create_cart(client, alice, "Garden"))["id"]
    kept = await add_item(client, alice, **_item("kept", alice.default_cart_id))
    deleted = await add_item(client, alice, **_item("deleted", alice.default_cart_id))
    only_in_garden = await add_item(client, alice, **_item("garden", garden))
    assert await _save(client, alice, "one-too-many") == 409

    assert (await client.delete(f"{ITEMS}/{deleted['id']}", headers=alice.headers)).status_code == 204
    assert await _room(client, alice) == 1
    # Taken out of its last cart, an item is deleted: its slot comes back.
    unlinked = await client.delete(f"/api/v1/carts/{garden}/items/{only_in_garden['id']}", headers=alice.headers)
    assert unlinked.status_code == 204
    assert await _room(client, alice) == 2
    # A deleted cart takes the items only it held, and only those.
    patio = (await create_cart(client, alice, "Patio"))["id"]
    await add_item(client, alice, **_item("patio-only", patio))
    await add_item(client, alice, **_item("kept", patio))  # the same product again: filed, not a new item
    assert await _room(client, alice) == 1
    assert (await client.delete(f"/api/v1/carts/{patio}", headers=alice.headers)).status_code == 204
    assert await _room(client, alice) == 2
    assert [i["id"] for i in (await client.get(ITEMS, headers=alice.headers)).json()["items"]] == [kept["id"]]


async def test_moves_and_copies_between_carts_are_no_new_items(small_quota: tuple[FastAPI, httpx.AsyncClient]) -> None:
    app, client = small_quota
    alice = await fast_account(app, client, "alice@example.com")
    garden = (await create_cart(client, alice, "Garden"))["id"]
    item = await add_item(client, alice, **_item(1, alice.default_cart_id))

    moved = await client.patch(f"{ITEMS}/{item['id']}", json={"cart_ids": [garden]}, headers=alice.headers)
    assert moved.status_code == 200
    copied = await client.post(f"/api/v1/carts/{alice.default_cart_id}/items/{item['id']}", headers=alice.headers)
    assert copied.status_code == 200, copied.text
    again = await client.post(ITEMS, json=_item(1, garden), headers=alice.headers)
    assert again.status_code == 200

    assert await _room(client, alice) == QUOTA - 1


async def test_an_import_counts_what_it_creates(small_quota: tuple[FastAPI, httpx.AsyncClient]) -> None:
    app, client = small_quota
    alice = await fast_account(app, client, "alice@example.com")
    body = b"url,name\nhttps://shop.example/1,One\nhttps://shop.example/2,Two\nhttps://shop.example/1,One again\n"
    response = await client.post("/api/v1/carts/import", content=body,
                                 headers={**alice.headers, "Content-Type": "text/csv"})  # fmt: skip
    assert response.status_code == 200, response.text
    assert (response.json()["created"], response.json()["merged"]) == (2, 1)

    assert await _room(client, alice) == 1


async def test_items_saved_before_the_counter_existed_are_counted_once(
    small_quota: tuple[FastAPI, httpx.AsyncClient],
) -> None:
    app, client = small_quota
    db = app.state.database.db
    alice = await fast_account(app, client, "alice@example.com")
    bob = await fast_account(app, client, "bob@example.com")
    for n in range(QUOTA):
        await add_item(client, alice, **_item(n, alice.default_cart_id))
    await add_item(client, bob, **_item(0, bob.default_cart_id))
    # Accounts as they were before this release: items, and no counter.
    await db.item_counts.delete_many({})

    assert await _save(client, alice, "one-too-many") == 409
    assert await _save(client, bob, 1) == 201
    assert await _room(client, bob) == 1
    # A delete before the first count leaves it to that count.
    await db.item_counts.delete_many({})
    first = (await client.get(ITEMS, headers=alice.headers)).json()["items"][0]
    assert (await client.delete(f"{ITEMS}/{first['id']}", headers=alice.headers)).status_code == 204
    assert await _room(client, alice) == 1


async def test_a_deleted_account_leaves_no_counter(small_quota: tuple[FastAPI, httpx.AsyncClient]) -> None:
    app, client = small_quota
    db = app.state.database.db
    alice = await fast_account(app, client, "alice@example.com")
    await add_item(client, alice, **_item(1, alice.default_cart_id))
    assert await db.item_counts.count_documents({"_id": ObjectId(alice.user_id)}) == 1

    deleted = await client.post("/api/v1/account/delete", json={"password": PASSWORD}, headers=alice.headers)

    assert deleted.status_code == 204, deleted.text
    assert await db.item_counts.count_documents({}) == 0


async def test_what_an_editor_saves_counts_against_the_owners_quota(
    small_quota: tuple[FastAPI, httpx.AsyncClient],
) -> None:
    app, client = small_quota
    db = app.state.database.db
    alice = await fast_account(app, client, "alice@example.com")
    bob = await fast_account(app, client, "bob@example.com")
    gifts = (await create_cart(client, alice, "Gifts"))["id"]
    # As accepting an invitation does (app/collaboration): bob becomes an editor of alice's Gifts.
    await add_member(db, cart_id=ObjectId(gifts), user_id=ObjectId(bob.user_id), role="editor")
    await add_item(client, alice, **_item("alices", alice.default_cart_id))

    statuses = [await _save(client, bob, f"from-bob-{n}", gifts) for n in range(QUOTA)]

    assert statuses == [201] * (QUOTA - 1) + [409]  # alice's quota, which her own item shares
    assert await _room(client, alice) == 0
    assert await _room(client, bob) == QUOTA  # bob's own account holds nothing
