"""Every operation in the OpenAPI document, called by bob on alice's resources: 404, and nothing changes.

Operations are enumerated from the app's own OpenAPI document, so a new route is covered the day it lands: if it
names a resource in a way this matrix does not know (a new path parameter, a new body schema), the test fails and
says what to teach it. Each reference to a resource (path ids, `?cart_id=`, `cart_ids` in a body) is filled with
alice's id or bob's own, in every combination but bob-only; alice then makes the same call to show the route
really works on those ids (a route that 404s for everyone would otherwise pass).
"""

from __future__ import annotations

import itertools
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from bson import ObjectId
from fastapi import FastAPI

from app.carts.members import add_member
from main import create_app
from tests.hostile.snapshot import snapshot
from tests.sharing.shares import wait_for_share
from tests.support.accounts import Account, fast_account, mark_email_verified
from tests.support.app import make_settings
from tests.support.factories import add_item, create_cart

# What each resource reference points at.
PATH_RESOURCES = {
    "cart_id": "cart", "item_id": "item", "share_id": "share", "session_id": "session", "link_id": "link",
    "user_id": "member",
}  # fmt: skip
# A path parameter that is its own permission (a public link's token): such routes are open to whoever holds it,
# by design, so they are named as unscoped; tests/sharing and tests/collaboration cover them.
BEARER_PARAMETERS = {"token"}
QUERY_RESOURCES = {"cart_id": "cart"}
BODY_RESOURCES = {"cart_ids": "cart"}

# A valid body per request schema; {carts} is replaced by the cart ids of the combination under test.
EXAMPLE_BODIES: dict[str, dict[str, Any]] = {
    "CartCreate": {"name": "Made by someone else"},
    "CartUpdate": {"name": "Renamed by someone else"},
    "ItemCreate": {"url": "https://shop.example/p/injected", "name": "Injected", "cart_ids": "{carts}"},
    "ItemUpdate": {"name": "Edited by someone else", "cart_ids": "{carts}"},
    "ShareCreate": {"recipients": ["mallory@example.com"], "message": "look"},
    "WatchIn": {"target_price": "1.00"},
    "LinkCreate": {},
    "InvitationCreate": {"email": "zed@example.com", "role": "editor"},
    "MemberUpdate": {"role": "editor"},
}

# Operations that name no user resource at all: public auth and health routes, the caller's own collections,
# extraction. A new operation lands here only by a decision, never by default.
UNSCOPED = {
    "POST /api/v1/auth/register", "POST /api/v1/auth/login", "POST /api/v1/auth/refresh", "POST /api/v1/auth/logout",
    "GET /api/v1/auth/me", "POST /api/v1/auth/google", "POST /api/v1/auth/password-reset",
    "POST /api/v1/auth/password-reset/confirm", "GET /api/v1/carts", "POST /api/v1/carts", "POST /api/v1/extract",
    "POST /api/v1/extract/classify-url", "POST /api/v1/extract/verify-image", "GET /health/live",
    "GET /health/ready", "GET /health", "POST /api/v1/auth/verify-email/request",
    "POST /api/v1/auth/verify-email/confirm", "POST /api/v1/account/password", "POST /api/v1/account/email",
    "GET /api/v1/account/sessions", "DELETE /api/v1/account/sessions", "GET /api/v1/account/export",
    "POST /api/v1/account/delete", "GET /api/v1/watches", "GET /api/v1/shared/{token}",
    "PUT /api/v1/shared/{token}/items/{item_id}/reservation",
    "DELETE /api/v1/shared/{token}/items/{item_id}/reservation",
    "POST /api/v1/invitations/accept", "GET /api/v1/carts/export", "POST /api/v1/carts/import",
}  # fmt: skip


# Gift reservations: the owner of the cart is the one person never told (tests/collaboration covers members).
HIDDEN_FROM_THE_OWNER = {
    "PUT /api/v1/carts/{cart_id}/items/{item_id}/reservation",
    "DELETE /api/v1/carts/{cart_id}/items/{item_id}/reservation",
    "GET /api/v1/carts/{cart_id}/reservations",
}


@dataclass(frozen=True)
class Slot:
    where: str  # path, query or body
    name: str
    resource: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    slots: tuple[Slot, ...]
    body_schema: str | None

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"


def _operations() -> list[Operation]:
    with tempfile.TemporaryDirectory() as tmp:
        spec = create_app(make_settings("mongodb://127.0.0.1:9", Path(tmp))).openapi()
    schemas = spec["components"]["schemas"]
    found = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            slots: list[Slot] = []
            parameters = operation.get("parameters", [])
            if any(p["in"] == "path" and p["name"] in BEARER_PARAMETERS for p in parameters):
                found.append(Operation(method.upper(), path, (), None))
                continue
            for parameter in parameters:
                if parameter["in"] == "path":
                    resource = PATH_RESOURCES.get(parameter["name"])
                    assert resource, f"{method.upper()} {path}: teach the matrix about {{{parameter['name']}}}"
                    slots.append(Slot("path", parameter["name"], resource))
                elif parameter["in"] == "query" and parameter["name"] in QUERY_RESOURCES:
                    slots.append(Slot("query", parameter["name"], QUERY_RESOURCES[parameter["name"]]))
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            body_schema = body["$ref"].rsplit("/", 1)[1] if body else None
            if body_schema:
                for name in schemas[body_schema].get("properties", {}):
                    if name in BODY_RESOURCES:
                        slots.append(Slot("body", name, BODY_RESOURCES[name]))
            found.append(Operation(method.upper(), path, tuple(slots), body_schema))
    return found


OPERATIONS = _operations()
SCOPED = [operation for operation in OPERATIONS if operation.slots]


def test_every_operation_is_either_in_the_matrix_or_named_as_unscoped() -> None:
    unscoped = {operation.label for operation in OPERATIONS if not operation.slots}
    assert unscoped == UNSCOPED
    for operation in SCOPED:
        if operation.body_schema:
            assert operation.body_schema in EXAMPLE_BODIES, f"{operation.label}: add an example {operation.body_schema}"


@dataclass
class Resources:
    cart: str  # not the default cart: deleting it must be possible for its owner
    item: str
    share: str
    session: str
    link: str
    member: str  # a member of `cart` (not the caller of any test)


async def _resources(app: FastAPI, client: httpx.AsyncClient, account: Account, name: str) -> Resources:
    db = app.state.database.db
    await mark_email_verified(db, account)  # invitations go out only from verified addresses
    cart = await create_cart(client, account, f"{name}'s presents")
    item = await add_item(client, account, url=f"https://shop.example/{name}/lamp", name="Lamp", cart_ids=[cart["id"]])
    response = await client.post(
        f"/api/v1/carts/{cart['id']}/share", json={"recipients": ["friend@example.com"]}, headers=account.headers
    )
    assert response.status_code == 202, response.text
    share = await wait_for_share(client, account, cart["id"], response.json()["share_id"])
    assert share["status"] == "sent"  # settled: the outbox worker will not touch the database again
    sessions = (await client.get("/api/v1/account/sessions", headers=account.headers)).json()
    [session] = [entry["id"] for entry in sessions if entry["current"]]
    link = await client.post(f"/api/v1/carts/{cart['id']}/links", json={}, headers=account.headers)
    assert link.status_code == 201, link.text
    member = await fast_account(app, client, f"member-of-{name}@example.com")
    await add_member(db, cart_id=ObjectId(cart["id"]), user_id=ObjectId(member.user_id), role="viewer")
    return Resources(cart["id"], item["id"], share["share_id"], session, link.json()["link_id"], member.user_id)


def _request(operation: Operation, owners: tuple[Resources, ...]) -> dict[str, Any]:
    path, params, carts = operation.path, {}, []
    for slot, owner in zip(operation.slots, owners, strict=True):
        value = getattr(owner, slot.resource)
        if slot.where == "path":
            path = path.replace(f"{{{slot.name}}}", value)
        elif slot.where == "query":
            params[slot.name] = value
        else:
            carts.append(value)
    request: dict[str, Any] = {"method": operation.method, "url": path, "params": params}
    if operation.body_schema:
        body = EXAMPLE_BODIES[operation.body_schema]
        request["json"] = {key: carts if value == "{carts}" else value for key, value in body.items()}
    return request


@pytest.mark.parametrize("operation", SCOPED, ids=[operation.label for operation in SCOPED])
async def test_another_users_resources_answer_404_and_nothing_changes(
    operation: Operation, app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    db = app.state.database.db
    alices, bobs = await _resources(app, client, alice, "alice"), await _resources(app, client, bob, "bob")
    combinations = [c for c in itertools.product((alices, bobs), repeat=len(operation.slots)) if alices in c]

    for owners in combinations:
        before = await snapshot(db)
        response = await client.request(**_request(operation, owners), headers=bob.headers)
        who = ["alice" if owner is alices else "bob" for owner in owners]
        assert response.status_code == 404, (who, response.text)
        error = response.json()["error"]
        assert error["code"] == "not_found" and error["request_id"] == response.headers["X-Request-ID"]
        assert await snapshot(db) == before, who

    # The owner's own call on the same ids works: the 404s above are about ownership, not a broken route.
    response = await client.request(**_request(operation, (alices,) * len(operation.slots)), headers=alice.headers)
    if operation.label in HIDDEN_FROM_THE_OWNER:  # found, and refused for a reason only the owner gets
        assert response.json()["error"]["code"] == "reservations_hidden", response.text
        return
    assert response.status_code < 300, response.text


OWN_COLLECTIONS = [
    op.path
    for op in OPERATIONS
    if op.method == "GET" and op.label in UNSCOPED and "/api/" in op.path and "{" not in op.path  # not a token route
]


@pytest.mark.parametrize("path", OWN_COLLECTIONS)
async def test_own_collections_show_nothing_of_another_user(
    path: str, app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    alices = await _resources(app, client, alice, "alice")

    response = await client.get(path, headers=bob.headers)

    assert response.status_code == 200
    for value in (alices.cart, alices.item, alices.share, alices.session, alices.link, alice.user_id, alice.email):
        assert value not in response.text


# What a member of alice's cart gets, per role, calling each operation on alice's resources (the cart they are on,
# its item, share, link, another member). "ok": any 2xx. Strangers are the test above: 404 everywhere.
# A new operation must be placed here by a decision.
ROLE_EXPECTATIONS: dict[str, dict[str, int | str]] = {
    "GET /api/v1/carts/{cart_id}": {"viewer": "ok", "editor": "ok"},
    "PATCH /api/v1/carts/{cart_id}": {"viewer": 403, "editor": 403},
    "DELETE /api/v1/carts/{cart_id}": {"viewer": 403, "editor": 403},
    "GET /api/v1/carts/{cart_id}/items": {"viewer": "ok", "editor": "ok"},
    "POST /api/v1/carts/{cart_id}/items/{item_id}": {"viewer": 403, "editor": "ok"},
    "DELETE /api/v1/carts/{cart_id}/items/{item_id}": {"viewer": 403, "editor": "ok"},
    "POST /api/v1/items": {"viewer": 403, "editor": "ok"},
    "GET /api/v1/items": {"viewer": 403, "editor": 403},  # ?cart_id=: one's own items only
    "GET /api/v1/items/{item_id}": {"viewer": "ok", "editor": "ok"},
    "PATCH /api/v1/items/{item_id}": {"viewer": 403, "editor": 403},  # the example moves it: owner only
    "DELETE /api/v1/items/{item_id}": {"viewer": 403, "editor": 403},
    "POST /api/v1/carts/{cart_id}/share": {"viewer": 403, "editor": 403},
    "GET /api/v1/carts/{cart_id}/shares/{share_id}": {"viewer": 403, "editor": 403},
    "POST /api/v1/carts/{cart_id}/links": {"viewer": 403, "editor": 403},
    "GET /api/v1/carts/{cart_id}/links": {"viewer": 403, "editor": 403},
    "DELETE /api/v1/carts/{cart_id}/links/{link_id}": {"viewer": 403, "editor": 403},
    "POST /api/v1/carts/{cart_id}/invitations": {"viewer": 403, "editor": 403},
    "GET /api/v1/carts/{cart_id}/members": {"viewer": "ok", "editor": "ok"},
    "PATCH /api/v1/carts/{cart_id}/members/{user_id}": {"viewer": 403, "editor": 403},
    "DELETE /api/v1/carts/{cart_id}/members/{user_id}": {"viewer": 403, "editor": 403},  # another member
    "DELETE /api/v1/account/sessions/{session_id}": {"viewer": 404, "editor": 404},  # not the cart's
    "PUT /api/v1/carts/{cart_id}/items/{item_id}/reservation": {"viewer": "ok", "editor": "ok"},
    "DELETE /api/v1/carts/{cart_id}/items/{item_id}/reservation": {"viewer": 404, "editor": 404},  # none of theirs
    "GET /api/v1/carts/{cart_id}/reservations": {"viewer": "ok", "editor": "ok"},
    "GET /api/v1/carts/{cart_id}/export": {"viewer": "ok", "editor": "ok"},
    "GET /api/v1/items/{item_id}/price-history": {"viewer": "ok", "editor": "ok"},  # the product's, like the item
    "PUT /api/v1/items/{item_id}/watch": {"viewer": 403, "editor": 403},  # one's own alert on one's own item
    "DELETE /api/v1/items/{item_id}/watch": {"viewer": 403, "editor": 403},
}


def test_every_scoped_operation_has_a_decision_per_role() -> None:
    assert {operation.label for operation in SCOPED} == set(ROLE_EXPECTATIONS)


@pytest.mark.parametrize("role", ["viewer", "editor"])
@pytest.mark.parametrize("operation", SCOPED, ids=[operation.label for operation in SCOPED])
async def test_members_get_what_their_role_allows(
    operation: Operation, role: str, app: FastAPI, client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    db = app.state.database.db
    alices = await _resources(app, client, alice, "alice")
    await add_member(db, cart_id=ObjectId(alices.cart), user_id=ObjectId(bob.user_id), role=role)  # type: ignore[arg-type]
    expected = ROLE_EXPECTATIONS[operation.label][role]

    before = await snapshot(db)
    response = await client.request(**_request(operation, (alices,) * len(operation.slots)), headers=bob.headers)

    if expected == "ok":
        assert response.status_code < 300, response.text
        return
    assert response.status_code == expected, response.text
    if expected == 403:
        assert response.json()["error"]["code"] in ("forbidden", "role_required")
    assert await snapshot(db) == before
