"""Collaborators over HTTP: invitations by email, accepting, roles, leaving, and what happens to items."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from tests.support.accounts import Account, mark_email_verified
from tests.support.factories import add_item, create_cart
from tests.support.inbox import body_text, emails_to, wait_for_emails

CARTS = "/api/v1/carts"


async def _invite(client: httpx.AsyncClient, owner: Account, cart_id: str, email: str, role: str) -> httpx.Response:
    return await client.post(
        f"{CARTS}/{cart_id}/invitations", json={"email": email, "role": role}, headers=owner.headers
    )


def _sent(settings: Settings, address: str) -> int:
    """How many invitations went to the address so far (the outbox directory lives as long as the test session)."""
    return len(emails_to(settings.data_dir / "outbox", address, "invited you"))


async def _code(settings: Settings, address: str, count: int) -> str:
    """The code in the `count`th invitation to the address."""
    emails = await wait_for_emails(settings.data_dir / "outbox", address, "invited you", count)
    match = re.search(r"invitation code:\s+(\S+)", body_text(emails[-1]))
    assert match is not None, body_text(emails[-1])
    return match.group(1)


async def _accept(client: httpx.AsyncClient, person: Account, code: str) -> httpx.Response:
    return await client.post("/api/v1/invitations/accept", json={"token": code}, headers=person.headers)


async def _join(
    client: httpx.AsyncClient, settings: Settings, owner: Account, person: Account, cart_id: str, role: str
) -> None:
    count = _sent(settings, person.email) + 1
    assert (await _invite(client, owner, cart_id, person.email, role)).status_code == 202
    accepted = await _accept(client, person, await _code(settings, person.email, count))
    assert accepted.status_code == 200, accepted.text


@pytest.fixture
async def gifts(client: httpx.AsyncClient, alice: Account) -> dict[str, Any]:
    return await create_cart(client, alice, "Gifts")


async def test_an_invitation_by_email_makes_a_member(
    client: httpx.AsyncClient, settings: Settings, alice: Account, bob: Account, carol: Account, gifts: dict[str, Any]
) -> None:
    count = _sent(settings, "bob.invitee@example.com") + 1
    invited = await _invite(client, alice, gifts["id"], "Bob.Invitee@Example.com", "viewer")
    assert invited.status_code == 202, invited.text
    email = (await wait_for_emails(settings.data_dir / "outbox", "bob.invitee@example.com", "invited you", count))[-1]
    assert 'Test (alice@example.com) invited you to see the cart "Gifts"' in body_text(email)
    code = await _code(settings, "bob.invitee@example.com", count)

    # The code works for the address it was sent to only: a forwarded email lets nobody else in.
    forwarded = await _accept(client, carol, code)
    assert forwarded.status_code == 403
    accepted = await _accept(client, bob, code)
    assert accepted.status_code == 200
    assert accepted.json() == {"cart_id": gifts["id"], "role": "viewer"}
    again = await _accept(client, bob, code)
    assert again.status_code == 400 and again.json()["error"]["code"] == "invalid_invitation"

    bobs_carts = (await client.get(CARTS, headers=bob.headers)).json()["items"]
    assert [(c["name"], c["role"]) for c in bobs_carts] == [("My Cart", "owner"), ("Gifts", "viewer")]
    assert (await client.get(f"{CARTS}/{gifts['id']}", headers=bob.headers)).json()["role"] == "viewer"
    assert gifts["id"] not in (await client.get(CARTS, headers=carol.headers)).text


async def test_only_verified_owners_invite(
    app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account, carol: Account, gifts: dict[str, Any]
) -> None:
    db = app.state.database.db
    await db["users"].update_one({"email": alice.email}, {"$set": {"email_verified_at": None}})

    refused = await _invite(client, alice, gifts["id"], bob.email, "editor")

    assert refused.status_code == 403 and refused.json()["error"]["code"] == "email_not_verified"
    assert await db["cart_invitations"].count_documents({}) == 0
    # The address is asked about before the cart, so an unverified stranger learns nothing about the cart: the same
    # answer as for a cart that does not exist. A verified stranger gets 404, as for any cart they are not on.
    for cart_id in (gifts["id"], "0" * 24):
        stranger = await _invite(client, bob, cart_id, "zed@example.com", "viewer")
        assert stranger.status_code == 403 and stranger.json()["error"]["code"] == "email_not_verified"
    await mark_email_verified(db, carol)
    assert (await _invite(client, carol, gifts["id"], "zed@example.com", "viewer")).status_code == 404


@pytest.mark.parametrize("body", [{"email": "x@example.com", "role": "owner"}, {"email": "nope", "role": "viewer"}])
async def test_invitations_name_a_member_role_and_an_address(
    client: httpx.AsyncClient, alice: Account, gifts: dict[str, Any], body: dict[str, str]
) -> None:
    response = await client.post(f"{CARTS}/{gifts['id']}/invitations", json=body, headers=alice.headers)

    assert response.status_code == 422


async def test_viewers_read_editors_change_items_owners_manage(
    client: httpx.AsyncClient, settings: Settings, alice: Account, bob: Account, carol: Account, gifts: dict[str, Any]
) -> None:
    lamp = await add_item(client, alice, url="https://shop.example/lamp", name="Lamp", cart_ids=[gifts["id"]])
    await _join(client, settings, alice, bob, gifts["id"], "viewer")
    await _join(client, settings, alice, carol, gifts["id"], "editor")

    # Viewer: reads the cart, its items and its members; changes nothing.
    assert (await client.get(f"{CARTS}/{gifts['id']}/items", headers=bob.headers)).json()["items"][0]["name"] == "Lamp"
    refused = await client.patch(f"/api/v1/items/{lamp['id']}", json={"name": "Mine"}, headers=bob.headers)
    assert refused.status_code == 403 and refused.json()["error"]["details"] == {"required": "editor", "role": "viewer"}
    body = {"url": "https://shop.example/kite", "name": "Kite", "cart_ids": [gifts["id"]]}
    assert (await client.post("/api/v1/items", json=body, headers=bob.headers)).status_code == 403

    # Editor: adds (into the owner's account), edits, removes; does not rename, delete or share.
    added = await client.post("/api/v1/items", json=body, headers=carol.headers)
    assert added.status_code == 201, added.text
    kite = added.json()
    assert kite["cart_ids"] == [gifts["id"]]
    assert [i["name"] for i in (await client.get("/api/v1/items", headers=alice.headers)).json()["items"]] == [
        "Kite", "Lamp"
    ]  # fmt: skip
    assert (await client.get("/api/v1/items", headers=carol.headers)).json()["items"] == []  # not carol's
    edited = await client.patch(f"/api/v1/items/{lamp['id']}", json={"notes": "blue one"}, headers=carol.headers)
    assert edited.status_code == 200 and edited.json()["notes"] == "blue one"
    removed = await client.delete(f"{CARTS}/{gifts['id']}/items/{kite['id']}", headers=carol.headers)
    assert removed.status_code == 204
    assert (await client.patch(f"{CARTS}/{gifts['id']}", json={"name": "x"}, headers=carol.headers)).status_code == 403
    assert (await client.delete(f"{CARTS}/{gifts['id']}", headers=carol.headers)).status_code == 403
    assert (await client.post(f"{CARTS}/{gifts['id']}/links", json={}, headers=carol.headers)).status_code == 403

    # Members: the owner sees addresses; members see names (and their own address).
    as_owner = (await client.get(f"{CARTS}/{gifts['id']}/members", headers=alice.headers)).json()
    assert [(m["email"], m["role"]) for m in as_owner] == [
        ("alice@example.com", "owner"), ("bob.invitee@example.com", "viewer"), ("carol.invitee@example.com", "editor")
    ]  # fmt: skip
    as_bob = (await client.get(f"{CARTS}/{gifts['id']}/members", headers=bob.headers)).json()
    assert [m["email"] for m in as_bob] == [None, "bob.invitee@example.com", None]

    # The owner promotes bob; now he may edit.
    promoted = await client.patch(
        f"{CARTS}/{gifts['id']}/members/{bob.user_id}", json={"role": "editor"}, headers=alice.headers
    )
    assert promoted.status_code == 200 and promoted.json()["role"] == "editor"
    assert (
        await client.patch(f"/api/v1/items/{lamp['id']}", json={"name": "Lamp 2"}, headers=bob.headers)
    ).status_code == 200


async def test_members_see_only_the_carts_they_are_on(
    client: httpx.AsyncClient, settings: Settings, alice: Account, bob: Account, gifts: dict[str, Any]
) -> None:
    # One item in alice's private cart and in the shared one: bob learns nothing of the private cart.
    both = await add_item(client, alice, url="https://shop.example/both", cart_ids=[alice.default_cart_id, gifts["id"]])
    private = await add_item(client, alice, url="https://shop.example/private", name="Private")
    await _join(client, settings, alice, bob, gifts["id"], "editor")

    seen = await client.get(f"/api/v1/items/{both['id']}", headers=bob.headers)
    assert seen.json()["cart_ids"] == [gifts["id"]]
    listed = (await client.get(f"{CARTS}/{gifts['id']}/items", headers=bob.headers)).json()["items"]
    assert [i["cart_ids"] for i in listed] == [[gifts["id"]]]
    assert (await client.get(f"/api/v1/items/{private['id']}", headers=bob.headers)).status_code == 404
    assert (await client.get(f"{CARTS}/{alice.default_cart_id}", headers=bob.headers)).status_code == 404
    # An editor cannot pull an item of the owner's private cart into the shared one, nor move one there.
    pulled = await client.post(f"{CARTS}/{gifts['id']}/items/{private['id']}", headers=bob.headers)
    assert pulled.status_code == 404
    moved = await client.patch(f"/api/v1/items/{both['id']}", json={"cart_ids": [gifts["id"]]}, headers=bob.headers)
    assert moved.status_code == 403
    assert (await client.get(f"/api/v1/items/{both['id']}", headers=alice.headers)).json()["cart_ids"] == [
        alice.default_cart_id, gifts["id"]
    ]  # fmt: skip


async def test_a_member_who_leaves_keeps_nothing_and_leaves_their_additions(
    client: httpx.AsyncClient, settings: Settings, alice: Account, bob: Account, gifts: dict[str, Any]
) -> None:
    await _join(client, settings, alice, bob, gifts["id"], "editor")
    body = {"url": "https://shop.example/kite", "name": "Kite", "cart_ids": [gifts["id"]]}
    kite = (await client.post("/api/v1/items", json=body, headers=bob.headers)).json()

    left = await client.delete(f"{CARTS}/{gifts['id']}/members/{bob.user_id}", headers=bob.headers)

    assert left.status_code == 204
    assert (await client.get(f"{CARTS}/{gifts['id']}", headers=bob.headers)).status_code == 404
    assert (await client.get(f"/api/v1/items/{kite['id']}", headers=bob.headers)).status_code == 404
    assert [c["name"] for c in (await client.get(CARTS, headers=bob.headers)).json()["items"]] == ["My Cart"]
    # The kite was always alice's: it stays in her cart.
    items = (await client.get(f"{CARTS}/{gifts['id']}/items", headers=alice.headers)).json()["items"]
    assert [i["name"] for i in items] == ["Kite"]


async def test_deleting_a_shared_cart_ends_the_membership_and_its_items(
    app: FastAPI, client: httpx.AsyncClient, settings: Settings, alice: Account, bob: Account, gifts: dict[str, Any]
) -> None:
    await _join(client, settings, alice, bob, gifts["id"], "editor")
    body = {"url": "https://shop.example/kite", "name": "Kite", "cart_ids": [gifts["id"]]}
    kite = (await client.post("/api/v1/items", json=body, headers=bob.headers)).json()

    assert (await client.delete(f"{CARTS}/{gifts['id']}", headers=alice.headers)).status_code == 204

    assert (await client.get(f"{CARTS}/{gifts['id']}", headers=bob.headers)).status_code == 404
    assert (await client.get(f"/api/v1/items/{kite['id']}", headers=alice.headers)).status_code == 404  # no cart left
    assert [c["name"] for c in (await client.get(CARTS, headers=bob.headers)).json()["items"]] == ["My Cart"]
    db = app.state.database.db
    assert await db["cart_members"].count_documents({}) == 0
    assert await db["cart_invitations"].count_documents({}) == 0


async def test_deleting_an_account_removes_its_memberships(
    app: FastAPI, client: httpx.AsyncClient, settings: Settings, alice: Account, bob: Account, gifts: dict[str, Any]
) -> None:
    await _join(client, settings, alice, bob, gifts["id"], "viewer")

    deleted = await client.post("/api/v1/account/delete", json={"password": bob.password}, headers=bob.headers)

    assert deleted.status_code == 204
    assert await app.state.database.db["cart_members"].count_documents({}) == 0
    assert [m["role"] for m in (await client.get(f"{CARTS}/{gifts['id']}/members", headers=alice.headers)).json()] == [
        "owner"
    ]


async def test_the_owner_removes_members_and_members_cannot_remove_each_other(
    client: httpx.AsyncClient, settings: Settings, alice: Account, bob: Account, carol: Account, gifts: dict[str, Any]
) -> None:
    await _join(client, settings, alice, bob, gifts["id"], "editor")
    await _join(client, settings, alice, carol, gifts["id"], "viewer")

    by_bob = await client.delete(f"{CARTS}/{gifts['id']}/members/{carol.user_id}", headers=bob.headers)
    by_alice = await client.delete(f"{CARTS}/{gifts['id']}/members/{carol.user_id}", headers=alice.headers)

    assert (by_bob.status_code, by_alice.status_code) == (403, 204)
    assert (await client.get(f"{CARTS}/{gifts['id']}", headers=carol.headers)).status_code == 404
    owner_leaving = await client.delete(f"{CARTS}/{gifts['id']}/members/{alice.user_id}", headers=alice.headers)
    assert owner_leaving.status_code == 404  # the owner is not a member: they delete the cart instead
