"""Cart CRUD: default cart, unique names per user, renames, deletes."""

from __future__ import annotations

import httpx
import pytest
from bson import ObjectId

from tests.support.accounts import Account
from tests.support.factories import add_item, create_cart

CARTS = "/api/v1/carts"


async def test_create_get_list_rename_delete(client: httpx.AsyncClient, alice: Account) -> None:
    created = await client.post(CARTS, json={"name": "  Birthday gifts "}, headers=alice.headers)
    assert created.status_code == 201
    cart = created.json()
    assert cart["name"] == "Birthday gifts"
    assert cart["is_default"] is False
    assert cart["item_count"] == 0

    fetched = await client.get(f"{CARTS}/{cart['id']}", headers=alice.headers)
    assert fetched.status_code == 200
    assert fetched.json() == {**cart, "totals": [], "unpriced_item_count": 0}

    listed = await client.get(CARTS, headers=alice.headers)
    assert [c["name"] for c in listed.json()["items"]] == ["My Cart", "Birthday gifts"]

    renamed = await client.patch(f"{CARTS}/{cart['id']}", json={"name": "Gifts"}, headers=alice.headers)
    assert renamed.status_code == 200
    assert renamed.json()["name"] == "Gifts"
    assert renamed.json()["updated_at"] >= cart["updated_at"]

    deleted = await client.delete(f"{CARTS}/{cart['id']}", headers=alice.headers)
    assert deleted.status_code == 204
    assert (await client.get(f"{CARTS}/{cart['id']}", headers=alice.headers)).status_code == 404
    assert [c["name"] for c in (await client.get(CARTS, headers=alice.headers)).json()["items"]] == ["My Cart"]


async def test_item_count_counts_items_per_cart(client: httpx.AsyncClient, alice: Account) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    await add_item(client, alice, url="https://shop.example/a", cart_ids=[alice.default_cart_id, gifts["id"]])
    await add_item(client, alice, url="https://shop.example/b", cart_ids=[gifts["id"]])

    counts = {c["name"]: c["item_count"] for c in (await client.get(CARTS, headers=alice.headers)).json()["items"]}
    assert counts == {"My Cart": 1, "Gifts": 2}
    assert (await client.get(f"{CARTS}/{gifts['id']}", headers=alice.headers)).json()["item_count"] == 2


@pytest.mark.parametrize("name", ["Gifts", "gifts", "GIFTS", "  gifts  ", "gIfTs"])
async def test_cart_names_are_unique_per_user_ignoring_case_and_spaces(
    client: httpx.AsyncClient, alice: Account, name: str
) -> None:
    await create_cart(client, alice, "Gifts")

    response = await client.post(CARTS, json={"name": name}, headers=alice.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


async def test_inner_spacing_is_ignored_and_default_name_is_taken(client: httpx.AsyncClient, alice: Account) -> None:
    await create_cart(client, alice, "Back to school")

    assert (await client.post(CARTS, json={"name": "back  to\u00a0SCHOOL"}, headers=alice.headers)).status_code == 409
    assert (await client.post(CARTS, json={"name": "my cart"}, headers=alice.headers)).status_code == 409


async def test_two_users_may_use_the_same_name(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    await create_cart(client, alice, "Gifts")
    await create_cart(client, bob, "Gifts")


async def test_rename_to_a_taken_name_is_409_and_changes_nothing(client: httpx.AsyncClient, alice: Account) -> None:
    await create_cart(client, alice, "Gifts")
    tools = await create_cart(client, alice, "Tools")

    response = await client.patch(f"{CARTS}/{tools['id']}", json={"name": " GIFTS"}, headers=alice.headers)

    assert response.status_code == 409
    assert (await client.get(f"{CARTS}/{tools['id']}", headers=alice.headers)).json()["name"] == "Tools"


async def test_rename_changing_only_case_is_allowed(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.patch(f"{CARTS}/{alice.default_cart_id}", json={"name": "MY CART"}, headers=alice.headers)

    assert response.status_code == 200
    assert response.json()["name"] == "MY CART"
    assert response.json()["is_default"] is True


async def test_default_cart_cannot_be_deleted(client: httpx.AsyncClient, alice: Account) -> None:
    await add_item(client, alice)

    response = await client.delete(f"{CARTS}/{alice.default_cart_id}", headers=alice.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"
    [cart] = (await client.get(CARTS, headers=alice.headers)).json()["items"]
    assert cart["item_count"] == 1


@pytest.mark.parametrize(
    "body", [{"name": ""}, {"name": "   "}, {"name": "n" * 101}, {}, {"name": None}, {"name": "ok", "x": 1}]
)
async def test_invalid_cart_body_is_422(client: httpx.AsyncClient, alice: Account, body: dict) -> None:
    created = await client.post(CARTS, json=body, headers=alice.headers)
    renamed = await client.patch(f"{CARTS}/{alice.default_cart_id}", json=body, headers=alice.headers)

    assert (created.status_code, renamed.status_code) == (422, 422)
    assert len((await client.get(CARTS, headers=alice.headers)).json()["items"]) == 1


async def test_longest_allowed_name_is_accepted(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.post(CARTS, json={"name": "n" * 100}, headers=alice.headers)
    assert response.status_code == 201


async def test_unknown_cart_is_404_for_every_method(client: httpx.AsyncClient, alice: Account) -> None:
    missing = str(ObjectId())
    responses = [
        await client.get(f"{CARTS}/{missing}", headers=alice.headers),
        await client.patch(f"{CARTS}/{missing}", json={"name": "x"}, headers=alice.headers),
        await client.delete(f"{CARTS}/{missing}", headers=alice.headers),
        await client.get(f"{CARTS}/{missing}/items", headers=alice.headers),
    ]
    assert [r.status_code for r in responses] == [404, 404, 404, 404]


async def test_carts_need_a_token(client: httpx.AsyncClient) -> None:
    assert (await client.get(CARTS)).status_code == 401
    assert (await client.post(CARTS, json={"name": "x"})).status_code == 401
