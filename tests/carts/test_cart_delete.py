"""Deleting a cart unlinks its items and deletes those left in no cart, atomically."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

import httpx
from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from tests.support.accounts import Account
from tests.support.factories import add_item, create_cart

CARTS = "/api/v1/carts"


async def test_delete_cart_unlinks_items_and_deletes_orphans(
    client: httpx.AsyncClient, db: AsyncDatabase, alice: Account
) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    only_in_gifts = await add_item(client, alice, url="https://shop.example/only", cart_ids=[gifts["id"]])
    in_both = await add_item(
        client, alice, url="https://shop.example/both", cart_ids=[gifts["id"], alice.default_cart_id]
    )
    elsewhere = await add_item(client, alice, url="https://shop.example/elsewhere")

    response = await client.delete(f"{CARTS}/{gifts['id']}", headers=alice.headers)

    assert response.status_code == 204
    assert (await client.get(f"/api/v1/items/{only_in_gifts['id']}", headers=alice.headers)).status_code == 404
    kept = await client.get(f"/api/v1/items/{in_both['id']}", headers=alice.headers)
    assert kept.json()["cart_ids"] == [alice.default_cart_id]
    untouched = await client.get(f"/api/v1/items/{elsewhere['id']}", headers=alice.headers)
    assert untouched.json()["cart_ids"] == [alice.default_cart_id]
    assert await db.items.count_documents({}) == 2
    assert await db.items.count_documents({"cart_ids": ObjectId(gifts["id"])}) == 0
    assert await db.carts.count_documents({"_id": ObjectId(gifts["id"])}) == 0


async def test_delete_cart_leaves_other_users_alone(
    client: httpx.AsyncClient, db: AsyncDatabase, alice: Account, bob: Account
) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    await add_item(client, alice, cart_ids=[gifts["id"]])
    bobs = await add_item(client, bob)  # same URL, another user: another item
    before = await db.items.find_one({"_id": ObjectId(bobs["id"])})

    assert (await client.delete(f"{CARTS}/{gifts['id']}", headers=alice.headers)).status_code == 204

    assert await db.items.find_one({"_id": ObjectId(bobs["id"])}) == before


async def test_deleting_twice_is_404(client: httpx.AsyncClient, alice: Account) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    assert (await client.delete(f"{CARTS}/{gifts['id']}", headers=alice.headers)).status_code == 204
    assert (await client.delete(f"{CARTS}/{gifts['id']}", headers=alice.headers)).status_code == 404


async def test_concurrent_adds_never_point_at_a_deleted_cart(
    client: httpx.AsyncClient, db: AsyncDatabase, alice: Account
) -> None:
    """Adds, links and a delete of the same cart race; afterwards no item references the deleted cart,
    none is left in no cart, and every add into the default cart too that succeeded is still there."""
    doomed = await create_cart(client, alice, "Doomed")
    linked = [
        await add_item(client, alice, url=f"https://shop.example/linked/{n}", cart_ids=[alice.default_cart_id])
        for n in range(3)
    ]

    def add(url: str, cart_ids: list[str]) -> Awaitable[httpx.Response]:
        body = {"url": url, "name": "Racing item", "cart_ids": cart_ids}
        return client.post("/api/v1/items", json=body, headers=alice.headers)

    only_doomed = [add(f"https://shop.example/only/{n}", [doomed["id"]]) for n in range(6)]
    both = [add(f"https://shop.example/both/{n}", [alice.default_cart_id, doomed["id"]]) for n in range(4)]
    links = [client.post(f"{CARTS}/{doomed['id']}/items/{item['id']}", headers=alice.headers) for item in linked]
    delete = client.delete(f"{CARTS}/{doomed['id']}", headers=alice.headers)

    responses = await asyncio.gather(*only_doomed[:3], *both[:2], *links, delete, *only_doomed[3:], *both[2:])

    assert {r.status_code for r in responses} <= {200, 201, 204, 404}, [r.text for r in responses]
    assert sum(r.status_code == 204 for r in responses) == 1
    assert await db.carts.count_documents({"_id": ObjectId(doomed["id"])}) == 0
    assert await db.items.count_documents({"cart_ids": ObjectId(doomed["id"])}) == 0
    assert await db.items.count_documents({"cart_ids": {"$size": 0}}) == 0
    assert await db.items.count_documents({"url": {"$regex": "/only/"}}) == 0
    survivors = await db.items.find({}).to_list(None)
    assert all(item["cart_ids"] == [ObjectId(alice.default_cart_id)] for item in survivors)
    saved_both = {r.json()["id"] for r in responses if r.status_code == 201 and "/both/" in r.json()["url"]}
    assert saved_both | {item["id"] for item in linked} == {str(item["_id"]) for item in survivors}
