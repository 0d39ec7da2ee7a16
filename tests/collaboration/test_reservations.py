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
        text = response.text.lower()
        if path.endswith("/export"):  # it lists the reservations alice made herself: none
            assert response.json()["reservations"] == []
            text = text.replace('"reservations":[]', "")
        assert "reserv" not in text and "grandma" not in text, path


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


async def test_a_reservation_lapses_when_its_item_leaves_the_cart_it_was_made_in(
    app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account, carol: Account, gifts: dict[str, Any]
) -> None:
    db = app.state.database.db
    other = await create_cart(client, alice, "Christmas")
    await add_member(db, cart_id=ObjectId(other["id"]), user_id=ObjectId(bob.user_id), role="viewer")
    await add_member(db, cart_id=ObjectId(other["id"]), user_id=ObjectId(carol.user_id), role="viewer")
    assert (await client.put(_reservation(gifts), headers=bob.headers)).status_code == 204

    # Also in a second cart: the reservation holds, shown in the cart it was made in only; the item being one
    # gift, reserving it through the other cart is refused without saying by whom.
    linked = await client.post(f"{CARTS}/{other['id']}/items/{gifts['item']}", headers=alice.headers)
    assert linked.status_code in (200, 201), linked.text
    assert [r["by_you"] for r in await _listed(client, bob, gifts["cart"])] == [True]
    assert await _listed(client, carol, other["id"]) == []
    taken = await client.put(f"{CARTS}/{other['id']}/items/{gifts['item']}/reservation", headers=carol.headers)
    assert taken.status_code == 409 and "Test" not in taken.text

    # Moved out of the cart it was made in: it lapses, for everyone, and the item is free to reserve again.
    moved = await client.patch(
        f"/api/v1/items/{gifts['item']}", json={"cart_ids": [other["id"]]}, headers=alice.headers
    )
    assert moved.status_code == 200
    assert await _listed(client, bob, other["id"]) == []
    assert await _listed(client, bob, gifts["cart"]) == []
    assert await db["reservations"].count_documents({}) == 0  # swept by reading the cart it was made in
    again = await client.put(f"{CARTS}/{other['id']}/items/{gifts['item']}/reservation", headers=carol.headers)
    assert again.status_code == 204
    assert [(r["item_id"], r["by_you"]) for r in await _listed(client, carol, other["id"])] == [(gifts["item"], True)]


async def test_an_editor_moving_the_item_away_ends_its_reservation_too(
    app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account, carol: Account, gifts: dict[str, Any]
) -> None:
    other = await create_cart(client, alice, "Christmas")
    await add_member(
        app.state.database.db, cart_id=ObjectId(other["id"]), user_id=ObjectId(carol.user_id), role="editor"
    )
    assert (await client.put(_reservation(gifts), headers=bob.headers)).status_code == 204

    # carol edits both carts and moves the kite the way editors do: into one, out of the other.
    assert (await client.post(f"{CARTS}/{other['id']}/items/{gifts['item']}", headers=carol.headers)).status_code in (
        200,
        201,
    )
    removed = await client.delete(f"{CARTS}/{gifts['cart']}/items/{gifts['item']}", headers=carol.headers)
    assert removed.status_code == 204

    # Nothing read the reservations since: the lapsed one is swept when carol reserves the kite where it is now.
    mine = await client.put(f"{CARTS}/{other['id']}/items/{gifts['item']}/reservation", headers=carol.headers)
    assert mine.status_code == 204
    assert await _listed(client, bob, gifts["cart"]) == []
    export = (await client.get("/api/v1/account/export", headers=bob.headers)).json()
    assert export["reservations"] == []


@pytest.mark.parametrize("how", ["item", "cart"])
async def test_a_deleted_item_takes_its_reservation_with_it(
    app: FastAPI,
    client: httpx.AsyncClient,
    alice: Account,
    bob: Account,
    carol: Account,
    gifts: dict[str, Any],
    how: str,
) -> None:
    db = app.state.database.db
    # The kite moves (after bob reserved it) into a second cart as well, whose deletion then takes the item with it
    # once it is in no other cart; or alice deletes the item outright.
    other = await create_cart(client, alice, "Christmas")
    assert (await client.put(_reservation(gifts), headers=bob.headers)).status_code == 204
    if how == "item":
        assert (await client.delete(f"/api/v1/items/{gifts['item']}", headers=alice.headers)).status_code == 204
    else:
        moved = await client.patch(
            f"/api/v1/items/{gifts['item']}", json={"cart_ids": [other["id"]]}, headers=alice.headers
        )
        assert moved.status_code == 200
        assert (await client.delete(f"{CARTS}/{other['id']}", headers=alice.headers)).status_code == 204
    assert (await client.get(f"/api/v1/items/{gifts['item']}", headers=alice.headers)).status_code == 404

    assert await _listed(client, carol, gifts["cart"]) == []
    assert (await client.get("/api/v1/account/export", headers=bob.headers)).json()["reservations"] == []
    assert await db["reservations"].count_documents({}) == 0


async def test_a_member_who_leaves_the_cart_takes_their_reservation_along(
    app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account, carol: Account, gifts: dict[str, Any]
) -> None:
    assert (await client.put(_reservation(gifts), headers=bob.headers)).status_code == 204

    left = await client.delete(f"{CARTS}/{gifts['cart']}/members/{bob.user_id}", headers=bob.headers)
    assert left.status_code == 204

    # bob could no longer see or release it: the kite is free for the others, and his export holds nothing.
    assert await _listed(client, carol, gifts["cart"]) == []
    assert (await client.get("/api/v1/account/export", headers=bob.headers)).json()["reservations"] == []
    assert (await client.put(_reservation(gifts), headers=carol.headers)).status_code == 204
    await add_member(
        app.state.database.db, cart_id=ObjectId(gifts["cart"]), user_id=ObjectId(bob.user_id), role="viewer"
    )
    assert [r["by_you"] for r in await _listed(client, bob, gifts["cart"])] == [False]  # back: carol's, not his


async def _listed(client: httpx.AsyncClient, person: Account, cart_id: str) -> list[dict[str, Any]]:
    response = await client.get(f"{CARTS}/{cart_id}/reservations", headers=person.headers)
    assert response.status_code == 200, response.text
    return response.json()
