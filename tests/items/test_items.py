"""Items over HTTP: create, one item per canonical URL, get, edit, move, link, unlink, delete."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from tests.support.accounts import Account
from tests.support.factories import add_item, create_cart

ITEMS = "/api/v1/items"

FULL_ITEM = {
    "url": "https://Shop.Example/p/kettle?color=red",
    "name": "  Steel kettle ",
    "price": "19.99",
    "currency": "eur",
    "image_url": "https://cdn.shop.example/kettle.jpg",
    "description": "1.7 l, stainless",
    "brand": "Acme",
    "sku": "K-17",
    "gtin": "4006381333931",
    "mpn": "AK-1700",
    "variant": "red",
    "notes": "for the office",
    "quantity": 2,
}


async def test_create_item_returns_201_with_every_field(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.post(ITEMS, json={**FULL_ITEM, "cart_ids": [alice.default_cart_id]}, headers=alice.headers)

    assert response.status_code == 201
    item = response.json()
    assert item["price_tracking"] is None  # nobody had seen this product: its history starts just after the answer
    assert item | {"id": None, "created_at": None, "updated_at": None, "price_tracking": None} == {
        **FULL_ITEM,
        "price_tracking": None,
        "id": None,
        "url": "https://Shop.Example/p/kettle?color=red",
        "canonical_url": "https://shop.example/p/kettle?color=red",
        "name": "Steel kettle",
        "currency": "EUR",
        "cart_ids": [alice.default_cart_id],
        "created_at": None,
        "updated_at": None,
    }
    fetched = await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)
    assert fetched.status_code == 200
    assert fetched.json()["price_tracking"]["current"]["price"] == "19.99"  # the saved price started it
    assert fetched.json() | {"price_tracking": None} == item


async def test_minimal_item_has_defaults(client: httpx.AsyncClient, alice: Account) -> None:
    item = await add_item(client, alice)

    assert item["quantity"] == 1
    assert item["price"] is None and item["currency"] is None and item["notes"] is None


@pytest.mark.parametrize(
    "again",
    [
        "https://shop.example/p/1?utm_source=news&utm_medium=email",
        "https://shop.example/p/1?gclid=abc",
        "https://shop.example/p/1?fbclid=xyz#reviews",
        "HTTPS://SHOP.EXAMPLE/p/1",
        "https://shop.example:443/p/1",
        "https://shop.example/p/1#top",
    ],
)
async def test_same_canonical_url_returns_the_existing_item_with_carts_merged(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account, again: str
) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    first = await add_item(client, alice, url="https://shop.example/p/1", price="5.00", currency="USD")

    response = await client.post(
        ITEMS, json={"url": again, "name": "Other name", "cart_ids": [gifts["id"]]}, headers=alice.headers
    )

    assert response.status_code == 200
    item = response.json()
    assert item["id"] == first["id"]
    assert item["name"] == "Kettle"  # the saved item is returned, not overwritten
    assert item["price"] == "5.00"
    assert item["cart_ids"] == [alice.default_cart_id, gifts["id"]]
    assert await db.items.count_documents({}) == 1
    stored = await db.items.find_one({})
    assert stored is not None and stored["cart_ids"] == [ObjectId(alice.default_cart_id), ObjectId(gifts["id"])]


async def test_concurrent_adds_of_one_url_make_one_item(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account
) -> None:
    carts = [alice.default_cart_id] + [(await create_cart(client, alice, f"Cart {n}"))["id"] for n in range(3)]
    body = {"url": "https://shop.example/p/1", "name": "Kettle"}

    responses = await asyncio.gather(
        *(client.post(ITEMS, json={**body, "cart_ids": [cart]}, headers=alice.headers) for cart in carts)
    )

    assert sorted(r.status_code for r in responses) == [200, 200, 200, 201]
    assert len({r.json()["id"] for r in responses}) == 1
    [stored] = await db.items.find({}).to_list(None)
    assert sorted(map(str, stored["cart_ids"])) == sorted(carts)


async def test_query_order_does_not_make_a_new_item(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account
) -> None:
    first = await add_item(client, alice, url="https://shop.example/p?size=m&color=red&utm_campaign=x")
    again = await add_item(client, alice, url="https://shop.example/p?color=red&size=m")

    assert again["id"] == first["id"]
    assert await db.items.count_documents({}) == 1


async def test_adding_again_into_the_same_cart_keeps_one_link(client: httpx.AsyncClient, alice: Account) -> None:
    await add_item(client, alice)
    again = await add_item(client, alice, cart_ids=[alice.default_cart_id, alice.default_cart_id])

    assert again["cart_ids"] == [alice.default_cart_id]


async def test_different_paths_and_params_are_different_items(client: httpx.AsyncClient, alice: Account) -> None:
    urls = [
        "https://shop.example/p/1",
        "https://shop.example/P/1",  # paths are case-sensitive
        "https://shop.example/p/1?color=red",
        "http://shop.example/p/1",
        "https://shop.example:8443/p/1",
    ]
    ids = {(await add_item(client, alice, url=url))["id"] for url in urls}

    assert len(ids) == len(urls)


async def test_same_url_for_two_users_is_two_items(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    assert (await add_item(client, alice))["id"] != (await add_item(client, bob))["id"]


async def test_patch_changes_fields_and_clears_with_null(client: httpx.AsyncClient, alice: Account) -> None:
    item = await add_item(client, alice, price="10", currency="USD", notes="old", brand="Acme")

    response = await client.patch(
        f"{ITEMS}/{item['id']}",
        json={"name": "Renamed", "price": "12.50", "notes": None, "quantity": 3},
        headers=alice.headers,
    )

    assert response.status_code == 200
    patched = response.json()
    assert (patched["name"], patched["price"], patched["currency"]) == ("Renamed", "12.50", "USD")
    assert (patched["notes"], patched["brand"], patched["quantity"]) == (None, "Acme", 3)
    assert patched["updated_at"] > item["updated_at"]
    assert (await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)).json() == patched


@pytest.mark.parametrize(
    "body",
    [{"name": None}, {"quantity": None}, {"cart_ids": None}, {"cart_ids": []}, {"quantity": 0}, {"url": "x"}],
)
async def test_patch_rejects_invalid_changes(client: httpx.AsyncClient, alice: Account, body: dict) -> None:
    item = await add_item(client, alice)

    response = await client.patch(f"{ITEMS}/{item['id']}", json=body, headers=alice.headers)

    assert response.status_code == 422
    assert (await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)).json() == item


async def test_patch_price_on_an_item_without_currency_is_422(client: httpx.AsyncClient, alice: Account) -> None:
    item = await add_item(client, alice)

    response = await client.patch(f"{ITEMS}/{item['id']}", json={"price": "3.00"}, headers=alice.headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert (await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)).json()["price"] is None


async def test_patch_clearing_currency_of_a_priced_item_is_422(client: httpx.AsyncClient, alice: Account) -> None:
    item = await add_item(client, alice, price="3.00", currency="USD")

    response = await client.patch(f"{ITEMS}/{item['id']}", json={"currency": None}, headers=alice.headers)

    assert response.status_code == 422


async def test_patch_cart_ids_moves_the_item(client: httpx.AsyncClient, alice: Account) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    item = await add_item(client, alice)

    response = await client.patch(f"{ITEMS}/{item['id']}", json={"cart_ids": [gifts["id"]]}, headers=alice.headers)

    assert response.status_code == 200
    assert response.json()["cart_ids"] == [gifts["id"]]
    in_default = await client.get(f"/api/v1/carts/{alice.default_cart_id}/items", headers=alice.headers)
    in_gifts = await client.get(f"/api/v1/carts/{gifts['id']}/items", headers=alice.headers)
    assert in_default.json()["items"] == []
    assert [i["id"] for i in in_gifts.json()["items"]] == [item["id"]]


async def test_patch_into_a_missing_cart_is_404_and_changes_nothing(client: httpx.AsyncClient, alice: Account) -> None:
    item = await add_item(client, alice)

    response = await client.patch(
        f"{ITEMS}/{item['id']}", json={"name": "New", "cart_ids": [str(ObjectId())]}, headers=alice.headers
    )

    assert response.status_code == 404
    assert (await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)).json() == item


async def test_create_into_a_missing_cart_is_404_and_creates_nothing(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account
) -> None:
    response = await client.post(
        ITEMS,
        json={"url": "https://shop.example/x", "name": "X", "cart_ids": [alice.default_cart_id, str(ObjectId())]},
        headers=alice.headers,
    )

    assert response.status_code == 404
    assert await db.items.count_documents({}) == 0


async def test_delete_item_removes_it_from_every_cart(client: httpx.AsyncClient, alice: Account) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    item = await add_item(client, alice, cart_ids=[alice.default_cart_id, gifts["id"]])

    response = await client.delete(f"{ITEMS}/{item['id']}", headers=alice.headers)

    assert response.status_code == 204
    assert (await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)).status_code == 404
    assert (await client.delete(f"{ITEMS}/{item['id']}", headers=alice.headers)).status_code == 404
    counts = [c["item_count"] for c in (await client.get("/api/v1/carts", headers=alice.headers)).json()["items"]]
    assert counts == [0, 0]


async def test_link_is_idempotent(client: httpx.AsyncClient, alice: Account) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    item = await add_item(client, alice)
    link = f"/api/v1/carts/{gifts['id']}/items/{item['id']}"

    first = await client.post(link, headers=alice.headers)
    second = await client.post(link, headers=alice.headers)

    assert (first.status_code, second.status_code) == (200, 200)
    assert first.json()["cart_ids"] == second.json()["cart_ids"] == [alice.default_cart_id, gifts["id"]]


async def test_unlink_keeps_the_item_in_its_other_carts(client: httpx.AsyncClient, alice: Account) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    item = await add_item(client, alice, cart_ids=[alice.default_cart_id, gifts["id"]])

    response = await client.delete(f"/api/v1/carts/{gifts['id']}/items/{item['id']}", headers=alice.headers)

    assert response.status_code == 204
    assert (await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)).json()["cart_ids"] == [
        alice.default_cart_id
    ]


async def test_unlinking_the_last_cart_deletes_the_item(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account
) -> None:
    item = await add_item(client, alice)

    response = await client.delete(f"/api/v1/carts/{alice.default_cart_id}/items/{item['id']}", headers=alice.headers)

    assert response.status_code == 204
    assert (await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)).status_code == 404
    assert await db.items.count_documents({}) == 0


async def test_unlinking_an_item_not_in_that_cart_is_404(client: httpx.AsyncClient, alice: Account) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    item = await add_item(client, alice)

    response = await client.delete(f"/api/v1/carts/{gifts['id']}/items/{item['id']}", headers=alice.headers)

    assert response.status_code == 404
    assert (await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)).json()["cart_ids"] == [
        alice.default_cart_id
    ]


async def test_items_need_a_token(client: httpx.AsyncClient) -> None:
    assert (await client.get(ITEMS)).status_code == 401
    assert (await client.post(ITEMS, json={})).status_code == 401
