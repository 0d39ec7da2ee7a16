"""Gift reservations: members and link visitors reserve; the owner never learns who or whether, unless they ask."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from bson import ObjectId
from fastapi import FastAPI

from app.carts.members import add_member
from tests.support.accounts import Account
from tests.support.factories import add_item, create_cart

CARTS = "/api/v1/carts"


@pytest.fixture
async def gifts(
    app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account, carol: Account
) -> dict[str, Any]:
    """alice's gift list with one present; bob views it, carol edits it (joined as tests/collaboration shows)."""
    cart = await create_cart(client, alice, "Birthday")
    item = await add_item(client, alice, url="https://shop.example/kite", name="Kite", cart_ids=[cart["id"]])
    db = app.state.database.db
    await add_member(db, cart_id=ObjectId(cart["id"]), user_id=ObjectId(bob.user_id), role="viewer")
    await add_member(db, cart_id=ObjectId(cart["id"]), user_id=ObjectId(carol.user_id), role="editor")
    return {"cart": cart["id"], "item": item["id"]}


def _reservation(gifts: dict[str, Any]) -> str:
    return f"{CARTS}/{gifts['cart']}/items/{gifts['item']}/reservation"


async def _owner_sees_no_trace(client: httpx.AsyncClient, alice: Account, gifts: dict[str, Any]) -> None:
    hidden = await client.get(f"{CARTS}/{gifts['cart']}/reservations", headers=alice.headers)
    assert hidden.status_code == 403 and hidden.json()["error"]["code"] == "reservations_hidden"
    for path in (
        f"{CARTS}/{gifts['cart']}",
        f"{CARTS}/{gifts['cart']}/items",
        f"/api/v1/items/{gifts['item']}",
        "/api/v1/items",
        CARTS,
        "/api/v1/account/export",
    ):
        response = await client.get(path, headers=alice.headers)
        assert response.status_code == 200, path
        assert "reserv" not in response.text.lower() and "Grandma" not in response.text, path


async def test_a_member_reserves_others_see_it_the_owner_never_does(
    client: httpx.AsyncClient, alice: Account, bob: Account, carol: Account, gifts: dict[str, Any]
) -> None:
    assert (await client.put(_reservation(gifts), headers=bob.headers)).status_code == 204
    assert (await client.put(_reservation(gifts), headers=bob.headers)).status_code == 204  # again: no change

    as_carol = (await client.get(f"{CARTS}/{gifts['cart']}/reservations", headers=carol.headers)).json()
    assert [(r["item_id"], r["name"], r["by_you"]) for r in as_carol] == [(gifts["item"], "Test", False)]
    as_bob = (await client.get(f"{CARTS}/{gifts['cart']}/reservations", headers=bob.headers)).json()
    assert [r["by_you"] for r in as_bob] == [True]
    taken = await client.put(_reservation(gifts), headers=carol.headers)
    assert taken.status_code == 409
    await _owner_sees_no_trace(client, alice, gifts)
    assert (await client.put(_reservation(gifts), headers=alice.headers)).status_code == 403

    # Only whoever reserved releases; then it is free for someone else.
    assert (await client.delete(_reservation(gifts), headers=carol.headers)).status_code == 404
    assert (await client.delete(_reservation(gifts), headers=bob.headers)).status_code == 204
    assert (await client.put(_reservation(gifts), headers=carol.headers)).status_code == 204


async def test_the_owner_sees_reservations_once_surprises_are_off(
    client: httpx.AsyncClient, alice: Account, bob: Account, gifts: dict[str, Any]
) -> None:
    await client.put(_reservation(gifts), headers=bob.headers)

    turned = await client.patch(f"{CARTS}/{gifts['cart']}", json={"surprises": False}, headers=alice.headers)
    assert turned.status_code == 200 and turned.json()["surprises"] is False
    assert turned.json()["name"] == "Birthday"  # the name is left as it was
    shown = await client.get(f"{CARTS}/{gifts['cart']}/reservations", headers=alice.headers)
    assert [(r["name"], r["by_you"]) for r in shown.json()] == [("Test", False)]
    # Members cannot change the setting.
    assert (
        await client.patch(f"{CARTS}/{gifts['cart']}", json={"surprises": True}, headers=bob.headers)
    ).status_code == 403


async def test_a_link_visitor_reserves_with_a_name_and_a_release_code(
    app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account, gifts: dict[str, Any]
) -> None:
    link = (await client.post(f"{CARTS}/{gifts['cart']}/links", json={}, headers=alice.headers)).json()
    token = link["url"].rsplit("/s/", 1)[1]
    shared = (await client.get(f"/api/v1/shared/{token}")).json()
    [item] = shared["items"]
    path = f"/api/v1/shared/{token}/items/{item['id']}/reservation"

    reserved = await client.put(path, json={"name": "Grandma <b>"})
    assert reserved.status_code == 201, reserved.text
    code = reserved.json()["release_code"]
    assert (await client.put(path, json={"name": "Uncle"})).status_code == 409
    as_bob = (await client.get(f"{CARTS}/{gifts['cart']}/reservations", headers=bob.headers)).json()
    assert [r["name"] for r in as_bob] == ["Grandma <b>"]
    # The link itself never tells: the owner can open it too.
    assert "Grandma" not in (await client.get(f"/api/v1/shared/{token}")).text
    assert "Grandma" not in (await client.get(f"/s/{token}")).text
    await _owner_sees_no_trace(client, alice, gifts)
    stored = await app.state.database.db["reservations"].find_one({})
    assert code not in repr(stored)  # only its hash

    wrong = await client.request("DELETE", path, json={"release_code": "guess"})
    assert wrong.status_code == 404
    assert (await client.request("DELETE", path, json={"release_code": code})).status_code == 204
    assert (await client.put(path, json={"name": "Uncle"})).status_code == 201


@pytest.mark.parametrize("name", ["", "   ", "a" * 61, "line\nbreak"])
async def test_a_visitor_names_themself_plainly(
    client: httpx.AsyncClient, alice: Account, gifts: dict[str, Any], name: str
) -> None:
    link = (await client.post(f"{CARTS}/{gifts['cart']}/links", json={}, headers=alice.headers)).json()
    token = link["url"].rsplit("/s/", 1)[1]

    response = await client.put(f"/api/v1/shared/{token}/items/{gifts['item']}/reservation", json={"name": name})

    assert response.status_code == 422


async def test_reservations_go_with_the_cart_and_with_a_revoked_link_nobody_reserves(
    app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account, gifts: dict[str, Any]
) -> None:
    link = (await client.post(f"{CARTS}/{gifts['cart']}/links", json={}, headers=alice.headers)).json()
    token = link["url"].rsplit("/s/", 1)[1]
    await client.put(_reservation(gifts), headers=bob.headers)
    await client.delete(f"{CARTS}/{gifts['cart']}/links/{link['link_id']}", headers=alice.headers)

    late = await client.put(f"/api/v1/shared/{token}/items/{gifts['item']}/reservation", json={"name": "Late"})
    assert late.status_code == 404
    assert (await client.delete(f"{CARTS}/{gifts['cart']}", headers=alice.headers)).status_code == 204
    assert await app.state.database.db["reservations"].count_documents({}) == 0


async def test_an_item_of_another_cart_cannot_be_reserved_through_this_one(
    client: httpx.AsyncClient, alice: Account, bob: Account, gifts: dict[str, Any]
) -> None:
    private = await add_item(client, alice, url="https://shop.example/private", name="Private")

    response = await client.put(f"{CARTS}/{gifts['cart']}/items/{private['id']}/reservation", headers=bob.headers)

    assert response.status_code == 404


async def test_a_reservation_follows_its_item_between_the_owners_carts(
    app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account, gifts: dict[str, Any]
) -> None:
    other = await create_cart(client, alice, "Christmas")
    await add_member(app.state.database.db, cart_id=ObjectId(other["id"]), user_id=ObjectId(bob.user_id), role="viewer")
    await client.put(_reservation(gifts), headers=bob.headers)

    moved = await client.patch(
        f"/api/v1/items/{gifts['item']}", json={"cart_ids": [other["id"]]}, headers=alice.headers
    )
    assert moved.status_code == 200

    assert (await client.get(f"{CARTS}/{gifts['cart']}/reservations", headers=bob.headers)).json() == []
    there = (await client.get(f"{CARTS}/{other['id']}/reservations", headers=bob.headers)).json()
    assert [(r["item_id"], r["by_you"]) for r in there] == [(gifts["item"], True)]
    released = await client.delete(f"{CARTS}/{other['id']}/items/{gifts['item']}/reservation", headers=bob.headers)
    assert released.status_code == 204
