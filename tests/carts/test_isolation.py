"""Another user's carts and items answer 404 for every method, exactly like missing ones, and stay unchanged.
Malformed ids answer 404 (paths) or 422 (bodies), never 500."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from tests.support.accounts import Account
from tests.support.factories import add_item, create_cart


async def _snapshot(db: AsyncDatabase) -> dict[str, list[dict[str, Any]]]:
    return {name: await db[name].find({}).sort("_id").to_list(None) for name in ("carts", "items")}


async def test_bobs_resources_are_invisible_to_alice(
    client: httpx.AsyncClient, db: AsyncDatabase, alice: Account, bob: Account
) -> None:
    bobs_cart = (await create_cart(client, bob, "Bob's"))["id"]
    bobs_item = (await add_item(client, bob, cart_ids=[bobs_cart, bob.default_cart_id]))["id"]
    alices_cart = alice.default_cart_id
    alices_item = (await add_item(client, alice, url="https://shop.example/alice"))["id"]
    before = await _snapshot(db)

    item_body = {"url": "https://shop.example/new", "name": "New"}
    attempts = {
        "GET cart": ("GET", f"/api/v1/carts/{bobs_cart}", None),
        "PATCH cart": ("PATCH", f"/api/v1/carts/{bobs_cart}", {"name": "Mine now"}),
        "DELETE cart": ("DELETE", f"/api/v1/carts/{bobs_cart}", None),
        "DELETE default cart": ("DELETE", f"/api/v1/carts/{bob.default_cart_id}", None),
        "list cart items": ("GET", f"/api/v1/carts/{bobs_cart}/items", None),
        "list items by cart": ("GET", f"/api/v1/items?cart_id={bobs_cart}", None),
        "link his item to his cart": ("POST", f"/api/v1/carts/{bobs_cart}/items/{bobs_item}", None),
        "link his item to my cart": ("POST", f"/api/v1/carts/{alices_cart}/items/{bobs_item}", None),
        "link my item to his cart": ("POST", f"/api/v1/carts/{bobs_cart}/items/{alices_item}", None),
        "unlink his item from his cart": ("DELETE", f"/api/v1/carts/{bobs_cart}/items/{bobs_item}", None),
        "unlink my item from his cart": ("DELETE", f"/api/v1/carts/{bobs_cart}/items/{alices_item}", None),
        "unlink his item from my cart": ("DELETE", f"/api/v1/carts/{alices_cart}/items/{bobs_item}", None),
        "GET item": ("GET", f"/api/v1/items/{bobs_item}", None),
        "PATCH item": ("PATCH", f"/api/v1/items/{bobs_item}", {"name": "Mine now"}),
        "DELETE item": ("DELETE", f"/api/v1/items/{bobs_item}", None),
        "POST item into his cart": ("POST", "/api/v1/items", {**item_body, "cart_ids": [bobs_cart]}),
        "POST item into his and my cart": (
            "POST",
            "/api/v1/items",
            {**item_body, "cart_ids": [alices_cart, bobs_cart]},
        ),
        "move my item into his cart": ("PATCH", f"/api/v1/items/{alices_item}", {"cart_ids": [bobs_cart]}),
    }
    missing_cart, missing_item = str(ObjectId()), str(ObjectId())

    wrong = {}
    for label, (method, path, body) in attempts.items():
        response = await client.request(method, path, json=body, headers=alice.headers)
        # The same request against ids that exist nowhere must look identical.
        control_path = path.replace(bobs_cart, missing_cart).replace(bob.default_cart_id, missing_cart)
        control_path = control_path.replace(bobs_item, missing_item)
        control_body = body and {
            k: [missing_cart if c == bobs_cart else c for c in v] if k == "cart_ids" else v for k, v in body.items()
        }
        control = await client.request(method, control_path, json=control_body, headers=alice.headers)
        if response.status_code != 404 or response.json()["error"]["message"] != control.json()["error"]["message"]:
            wrong[label] = (response.status_code, response.text, control.text)

    assert wrong == {}
    after = await _snapshot(db)
    assert [c for c in after["carts"] if str(c["user_id"]) == bob.user_id] == [
        c for c in before["carts"] if str(c["user_id"]) == bob.user_id
    ]
    assert after["items"] == before["items"]
    assert len((await client.get("/api/v1/items", headers=alice.headers)).json()["items"]) == 1


MALFORMED_IDS = ["nope", "123", "0" * 23, "0" * 25, "g" * 24, "zzzzzzzzzzzz", "%20", "null", "..%2F..", "💥" * 12]


@pytest.mark.parametrize("bad", MALFORMED_IDS)
async def test_malformed_ids_in_paths_are_404(client: httpx.AsyncClient, alice: Account, bad: str) -> None:
    cart, item = alice.default_cart_id, str(ObjectId())
    requests = [
        ("GET", f"/api/v1/carts/{bad}"),
        ("PATCH", f"/api/v1/carts/{bad}"),
        ("DELETE", f"/api/v1/carts/{bad}"),
        ("GET", f"/api/v1/carts/{bad}/items"),
        ("POST", f"/api/v1/carts/{bad}/items/{item}"),
        ("POST", f"/api/v1/carts/{cart}/items/{bad}"),
        ("DELETE", f"/api/v1/carts/{cart}/items/{bad}"),
        ("GET", f"/api/v1/items/{bad}"),
        ("PATCH", f"/api/v1/items/{bad}"),
        ("DELETE", f"/api/v1/items/{bad}"),
        ("GET", f"/api/v1/items?cart_id={bad}"),
    ]
    statuses = {}
    for method, path in requests:
        body = {"name": "x"} if method == "PATCH" else None
        response = await client.request(method, path, json=body, headers=alice.headers)
        statuses[f"{method} {path}"] = response.status_code
        assert response.json()["error"]["code"] in ("not_found", "validation_error")

    assert set(statuses.values()) <= {404, 422}, statuses


@pytest.mark.parametrize("bad", [["nope"], ["0" * 25], [123], [None], [{"$oid": "0" * 24}], [], "0" * 24])
async def test_malformed_ids_in_bodies_are_422(
    client: httpx.AsyncClient, db: AsyncDatabase, alice: Account, bad: Any
) -> None:
    created = await client.post(
        "/api/v1/items", json={"url": "https://shop.example/x", "name": "X", "cart_ids": bad}, headers=alice.headers
    )
    item = await add_item(client, alice)
    moved = await client.patch(f"/api/v1/items/{item['id']}", json={"cart_ids": bad}, headers=alice.headers)

    assert (created.status_code, moved.status_code) == (422, 422)
    assert await db.items.count_documents({}) == 1
    assert (await client.get(f"/api/v1/items/{item['id']}", headers=alice.headers)).json()["cart_ids"] == [
        alice.default_cart_id
    ]
