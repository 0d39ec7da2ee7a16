"""/account over HTTP on the real database: password change, sessions, export and deletion."""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from typing import Any

import httpx
from bson import ObjectId, json_util
from fastapi import FastAPI

from app.carts.members import add_member
from app.config import Settings
from tests.support.accounts import PASSWORD, Account, fast_account, register_account, verified_account
from tests.support.factories import add_item, create_cart
from tests.support.inbox import body_text, code_in, wait_for_emails

NEW_PASSWORD = "a brand new passphrase"


async def _sign_in(client: httpx.AsyncClient, account: Account, user_agent: str) -> dict[str, Any]:
    body = {"email": account.email, "password": account.password}
    response = await client.post("/api/v1/auth/login", json=body, headers={"User-Agent": user_agent})
    assert response.status_code == 200, response.text
    return response.json()


async def _refresh(client: httpx.AsyncClient, refresh_token: str) -> httpx.Response:
    return await client.post("/api/v1/auth/refresh", json={"refresh_token": refresh_token})


def _bearer(pair: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {pair['access_token']}"}


async def _sessions(client: httpx.AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/account/sessions", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_changing_the_password_ends_the_other_sessions_only(app: FastAPI, client: httpx.AsyncClient) -> None:
    account = await fast_account(app, client, "ann@example.com")
    phone = await _sign_in(client, account, "Phone")
    body = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}

    changed = await client.post("/api/v1/account/password", json=body, headers=account.headers)

    assert changed.status_code == 204
    assert (await _refresh(client, phone["refresh_token"])).status_code == 401
    assert (await _refresh(client, account.refresh_token)).status_code == 200  # the caller stays signed in
    new_login = await client.post("/api/v1/auth/login", json={"email": account.email, "password": NEW_PASSWORD})
    old_login = await client.post("/api/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    assert (new_login.status_code, old_login.status_code) == (200, 401)


async def test_a_wrong_current_password_changes_nothing(app: FastAPI, client: httpx.AsyncClient) -> None:
    account = await fast_account(app, client, "ann@example.com")
    phone = await _sign_in(client, account, "Phone")
    body = {"current_password": "not my password", "new_password": NEW_PASSWORD}

    refused = await client.post("/api/v1/account/password", json=body, headers=account.headers)

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "wrong_password"
    assert (await _refresh(client, phone["refresh_token"])).status_code == 200
    login = await client.post("/api/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    assert login.status_code == 200


async def test_sessions_are_listed_and_ended_at_once(app: FastAPI, client: httpx.AsyncClient) -> None:
    account = await fast_account(app, client, "ann@example.com")
    other = await fast_account(app, client, "bob@example.com")
    laptop = await _sign_in(client, account, "Laptop browser")
    phone = await _sign_in(client, account, "Phone app")
    await asyncio.sleep(0.01)
    phone = (await _refresh(client, phone["refresh_token"])).json()  # rotation keeps the session

    listed = await _sessions(client, _bearer(laptop))

    assert len(listed) == 3
    [current] = [s for s in listed if s["current"]]
    assert current["user_agent"] == "Laptop browser"
    [phone_session] = [s for s in listed if s["user_agent"] == "Phone app"]
    assert phone_session["last_used_at"] > phone_session["created_at"]
    # Another person's session id is not found, like a missing one.
    assert (
        await client.delete(f"/api/v1/account/sessions/{phone_session['id']}", headers=other.headers)
    ).status_code == 404
    phone = (await _refresh(client, phone["refresh_token"])).json()  # still Ann's to use

    ended = await client.delete(f"/api/v1/account/sessions/{phone_session['id']}", headers=_bearer(laptop))

    assert ended.status_code == 204
    remaining = await _sessions(client, _bearer(laptop))
    assert phone_session["id"] not in {s["id"] for s in remaining}
    assert len(remaining) == 2
    assert (
        await client.delete(f"/api/v1/account/sessions/{phone_session['id']}", headers=_bearer(laptop))
    ).status_code == 404

    everything = await client.delete("/api/v1/account/sessions", headers=_bearer(laptop))

    assert everything.status_code == 204
    for refresh_token in (laptop["refresh_token"], account.refresh_token):
        assert (await _refresh(client, refresh_token)).status_code == 401
    assert len(await _sessions(client, other.headers)) == 1  # Bob's session is untouched


async def _all_items(client: httpx.AsyncClient, account: Account) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/api/v1/items", params=params, headers=account.headers)).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


async def _share(client: httpx.AsyncClient, account: Account, cart_id: str, to: str) -> dict[str, Any]:
    response = await client.post(f"/api/v1/carts/{cart_id}/share", json={"recipients": [to]}, headers=account.headers)
    assert response.status_code == 202, response.text
    return response.json()


async def _invite(client: httpx.AsyncClient, owner: Account, cart_id: str, email: str) -> None:
    body = {"email": email, "role": "viewer"}
    response = await client.post(f"/api/v1/carts/{cart_id}/invitations", json=body, headers=owner.headers)
    assert response.status_code == 202, response.text


async def test_export_holds_what_the_api_lists_and_nothing_of_others(app: FastAPI, client: httpx.AsyncClient) -> None:
    ann = await verified_account(app, client, "ann@example.com")
    bob = await verified_account(app, client, "bob@example.com")
    gifts = await create_cart(client, ann, "Gifts")
    for n in range(3):
        await add_item(client, ann, url=f"https://shop.example/p/{n}", name=f"Thing {n}", price="12.50", currency="EUR")
    await add_item(client, ann, url="https://shop.example/gift", name="Gift", cart_ids=[gifts["id"]])
    await add_item(client, bob, url="https://shop.example/bobs", name="Bob's thing")
    shared = await _share(client, ann, gifts["id"], "friend@example.com")
    await _share(client, bob, bob.default_cart_id, "someone@example.com")

    response = await client.get("/api/v1/account/export", headers=ann.headers)

    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    export = response.json()
    assert export["user"] == (await client.get("/api/v1/auth/me", headers=ann.headers)).json()
    assert export["carts"] == (await client.get("/api/v1/carts?limit=100", headers=ann.headers)).json()["items"]
    assert export["items"] == await _all_items(client, ann)
    assert len(export["items"]) == 4
    share = await client.get(f"/api/v1/carts/{gifts['id']}/shares/{shared['share_id']}", headers=ann.headers)
    # the worker may send it meanwhile: what sending changes (the share's and each delivery's state) is left out
    assert [_without_send_state(s) for s in export["shares"]] == [_without_send_state(share.json())]
    assert export["sessions"] == await _sessions(client, ann.headers)
    assert bob.user_id not in response.text
    assert "bob" not in response.text.lower()


async def _invitation_code(settings: Settings, address: str) -> str:
    [email] = await wait_for_emails(settings.data_dir / "outbox", address, "invited you")
    match = re.search(r"invitation code:\s+(\S+)", body_text(email))
    assert match is not None, body_text(email)
    return match.group(1)


async def test_export_holds_the_persons_links_memberships_invitations_and_reservations_only(
    app: FastAPI, client: httpx.AsyncClient, settings: Settings
) -> None:
    fresh = uuid.uuid4().hex[:8]  # the suite's outbox folder is shared: addresses no other test mails
    ann = await verified_account(app, client, f"ann.{fresh}@example.com", name="Ann")
    bob = await verified_account(app, client, f"bob.{fresh}@example.com", name="Bob")
    gifts = await create_cart(client, ann, "Gifts")
    kite = await add_item(client, ann, url="https://shop.example/kite", name="Kite", cart_ids=[gifts["id"]])
    lamp = await add_item(client, bob, url="https://shop.example/lamp", name="Lamp")
    link = await client.post(f"/api/v1/carts/{gifts['id']}/links", json={}, headers=ann.headers)
    assert link.status_code == 201
    # ann invites bob (he accepts) and someone who has not answered; bob invites ann to his cart (she accepts).
    await _invite(client, ann, gifts["id"], bob.email)
    accepted = {"token": await _invitation_code(settings, bob.email)}
    assert (await client.post("/api/v1/invitations/accept", json=accepted, headers=bob.headers)).status_code == 200
    await _invite(client, ann, gifts["id"], f"zed.{fresh}@example.com")
    await _invite(client, bob, bob.default_cart_id, ann.email)
    accepted = {"token": await _invitation_code(settings, ann.email)}
    assert (await client.post("/api/v1/invitations/accept", json=accepted, headers=ann.headers)).status_code == 200
    # Each reserves a present of the other's: ann's export holds hers, never bob's on her own kite.
    for person, cart_id, item in ((ann, bob.default_cart_id, lamp), (bob, gifts["id"], kite)):
        reserved = await client.put(f"/api/v1/carts/{cart_id}/items/{item['id']}/reservation", headers=person.headers)
        assert reserved.status_code == 204

    response = await client.get("/api/v1/account/export", headers=ann.headers)

    assert response.status_code == 200
    export = response.json()
    [listed] = (await client.get(f"/api/v1/carts/{gifts['id']}/links", headers=ann.headers)).json()
    assert export["links"] == [
        {k: listed[k] for k in ("link_id", "created_at", "expires_at")} | {"cart_id": gifts["id"]}
    ]
    token = listed["url"].rsplit("/", 1)[1]
    assert token not in response.text  # the export file may be kept anywhere: no working link in it
    [membership] = export["memberships"]
    assert {k: membership[k] for k in ("cart_id", "cart_name", "role")} == {
        "cart_id": bob.default_cart_id,
        "cart_name": "My Cart",
        "role": "viewer",
    }
    sent = [(i["cart_id"], i["email"], i["role"], i["status"]) for i in export["invitations"]]
    assert sent == [
        (gifts["id"], bob.email, "viewer", "accepted"),
        (gifts["id"], f"zed.{fresh}@example.com", "viewer", "pending"),
    ]
    assert [(r["item_id"], r["cart_id"], r["name"]) for r in export["reservations"]] == [
        (lamp["id"], bob.default_cart_id, "Ann")
    ]
    assert kite["id"] not in json.dumps(export["reservations"])
    assert "Bob" not in response.text  # bob's name (his reservation of the kite) appears nowhere
    # bob's export, the other way round: his membership of Gifts, his invitation to ann, his reservation of the kite.
    his = (await client.get("/api/v1/account/export", headers=bob.headers)).json()
    assert [m["cart_id"] for m in his["memberships"]] == [gifts["id"]]
    assert [(i["email"], i["status"]) for i in his["invitations"]] == [(ann.email, "accepted")]
    assert [r["item_id"] for r in his["reservations"]] == [kite["id"]]
    assert his["links"] == []


async def test_deleting_the_account_leaves_nothing_that_names_the_person(
    app: FastAPI, client: httpx.AsyncClient, db: Any, settings: Settings
) -> None:
    ann = await register_account(client)  # through the API: a verification email is queued and sent
    bob = await verified_account(app, client, "bob@example.com")
    [verification] = await wait_for_emails(
        settings.data_dir / "outbox", ann.email, "Confirm your BuyHive email address"
    )
    confirmed = await client.post("/api/v1/auth/verify-email/confirm", json={"token": code_in(verification)})
    assert confirmed.status_code == 204  # sharing needs a proven address
    await _sign_in(client, ann, "Phone")
    gifts = await create_cart(client, ann, "Gifts")
    await add_item(
        client, ann, url="https://shop.example/p/1", name="Kettle", cart_ids=[ann.default_cart_id, gifts["id"]]
    )
    await _share(client, ann, gifts["id"], "friend@example.com")
    bobs_kettle = await add_item(client, bob, url="https://shop.example/p/1", name="Kettle")
    await _share(client, bob, bob.default_cart_id, "friend@example.com")
    # Collaboration, both ways: ann's link and an invitation she sent; bob's invitation to ann, her membership of his
    # cart (joined as tests/collaboration shows) and her reservation there.
    assert (await client.post(f"/api/v1/carts/{gifts['id']}/links", json={}, headers=ann.headers)).status_code == 201
    await _invite(client, ann, gifts["id"], f"zed.{uuid.uuid4().hex[:8]}@example.com")  # nobody mails bob@
    await _invite(client, bob, bob.default_cart_id, ann.email)
    await add_member(db, cart_id=ObjectId(bob.default_cart_id), user_id=ObjectId(ann.user_id), role="viewer")
    reservation = f"/api/v1/carts/{bob.default_cart_id}/items/{bobs_kettle['id']}/reservation"
    assert (await client.put(reservation, headers=ann.headers)).status_code == 204
    assert (await client.post("/api/v1/auth/password-reset", json={"email": ann.email})).status_code == 202
    await wait_for_emails(settings.data_dir / "outbox", ann.email, "Reset your BuyHive password")
    # A verification email still queued (ann's own address is proven: a change of address sends one).
    new_address = f"ann.{uuid.uuid4().hex[:8]}@example.com"  # the suite's outbox folder is shared: a fresh one
    change = {"new_email": new_address, "password": PASSWORD}
    assert (await client.post("/api/v1/account/email", json=change, headers=ann.headers)).status_code == 202

    refused = await client.post("/api/v1/account/delete", json={"password": "not my password"}, headers=ann.headers)
    assert refused.status_code == 403
    assert await db.users.count_documents({"_id": ObjectId(ann.user_id)}) == 1

    deleted = await client.post("/api/v1/account/delete", json={"password": PASSWORD}, headers=ann.headers)

    assert deleted.status_code == 204
    # Every collection, so a collection added later cannot be forgotten.
    names = await db.list_collection_names()
    assert {"users", "carts", "items", "outbox", "refresh_tokens", "password_resets", "email_verifications"} <= set(
        names
    )
    assert {"share_links", "cart_invitations", "cart_members", "reservations"} <= set(names)
    for name in names:
        async for document in db[name].find({}):
            text = json_util.dumps(document).lower()
            assert ann.user_id not in text, (name, document)
            assert ann.email not in text, (name, document)
            assert new_address not in text, (name, document)
    login = await client.post("/api/v1/auth/login", json={"email": ann.email, "password": PASSWORD})
    assert login.status_code == 401
    assert (await _refresh(client, ann.refresh_token)).status_code == 401
    # Bob keeps everything of his.
    assert len(await _all_items(client, bob)) == 1
    assert await db.outbox.count_documents({"user_id": ObjectId(bob.user_id)}) == 1
    assert (await client.get("/api/v1/auth/me", headers=bob.headers)).status_code == 200
    assert (
        await client.get(f"/api/v1/carts/{bob.default_cart_id}/reservations", headers=bob.headers)
    ).status_code == 403
    assert await db.reservations.count_documents({"item_id": ObjectId(bobs_kettle["id"])}) == 0
    assert await db.cart_invitations.count_documents({}) == 0


async def test_a_password_is_needed_to_delete(app: FastAPI, client: httpx.AsyncClient) -> None:
    account = await fast_account(app, client, "ann@example.com")

    missing = await client.post("/api/v1/account/delete", json={}, headers=account.headers)
    anonymous = await client.post("/api/v1/account/delete", json={"password": PASSWORD})

    assert (missing.status_code, anonymous.status_code) == (422, 401)


def _without_send_state(share: dict[str, Any]) -> dict[str, Any]:
    sending = {"status": None, "attempts": None, "sent_at": None, "error": None}
    return {**share, **sending, "deliveries": [{**delivery, **sending} for delivery in share["deliveries"]]}
