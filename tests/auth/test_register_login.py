"""Register, login and /me over HTTP: SPEC §2 auth."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from pymongo.asynchronous.database import AsyncDatabase

from tests.support.accounts import PASSWORD, Account

REGISTER = "/api/v1/auth/register"
LOGIN = "/api/v1/auth/login"
ME = "/api/v1/auth/me"


async def test_register_returns_token_pair_user_and_default_cart(client: httpx.AsyncClient, db: AsyncDatabase) -> None:
    response = await client.post(REGISTER, json={"email": "Carol@Example.com", "password": PASSWORD, "name": " Carol "})

    assert response.status_code == 201
    pair = response.json()
    assert pair["token_type"] == "bearer"
    assert pair["expires_in"] == 15 * 60
    assert pair["access_token"] and pair["refresh_token"]
    user = pair["user"]
    assert user["email"] == "carol@example.com"
    assert user["name"] == "Carol"
    assert user["has_password"] is True
    assert user["google_linked"] is False
    assert PASSWORD not in response.text and "password_hash" not in response.text

    carts = await client.get("/api/v1/carts", headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert carts.status_code == 200
    [cart] = carts.json()["items"]
    assert cart["name"] == "My Cart"
    assert cart["is_default"] is True
    assert cart["item_count"] == 0

    me = await client.get(ME, headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert me.json() == user  # timestamps included: what register answered is what is stored

    stored = await db.users.find_one({"email": "carol@example.com"})
    assert stored is not None
    assert stored["password_hash"].startswith("$argon2")
    assert PASSWORD not in str(stored)


async def test_register_without_name(client: httpx.AsyncClient) -> None:
    response = await client.post(REGISTER, json={"email": "noname@example.com", "password": PASSWORD})
    assert response.status_code == 201
    assert response.json()["user"]["name"] is None


async def test_duplicate_email_is_409_whatever_the_case(
    client: httpx.AsyncClient, db: AsyncDatabase, alice: Account
) -> None:
    for second_email in ("alice@example.com", "ALICE@example.com", "Alice@EXAMPLE.COM"):
        response = await client.post(REGISTER, json={"email": second_email, "password": "another password"})

        assert response.status_code == 409, second_email
        assert response.json()["error"]["code"] == "conflict"
    assert await db.users.count_documents({}) == 1
    assert await db.carts.count_documents({}) == 1


async def test_concurrent_registrations_of_one_email_make_one_account(
    client: httpx.AsyncClient, db: AsyncDatabase
) -> None:
    body = {"email": "twice@example.com", "password": PASSWORD}

    responses = await asyncio.gather(*(client.post(REGISTER, json=body) for _ in range(3)))

    assert sorted(r.status_code for r in responses) == [201, 409, 409]
    assert await db.users.count_documents({}) == 1
    assert await db.carts.count_documents({}) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"email": "x@example.com", "password": "short"},
        {"email": "x@example.com", "password": "p" * 129},
        {"email": "x@example.com", "password": PASSWORD, "name": "n" * 101},
        {"email": "x@example.com", "password": PASSWORD, "name": "   "},
        {"email": f"{'a' * 250}@example.com", "password": PASSWORD},
        {"email": "not-an-email", "password": PASSWORD},
        {"email": "x@example.com"},
        {"password": PASSWORD},
        {"email": "x@example.com", "password": PASSWORD, "is_admin": True},
    ],
    ids=[
        "short-password",
        "long-password",
        "long-name",
        "blank-name",
        "long-email",
        "bad-email",
        "no-password",
        "no-email",
        "unknown-field",
    ],
)
async def test_invalid_registration_is_422_and_creates_nothing(
    client: httpx.AsyncClient, db: AsyncDatabase, body: dict
) -> None:
    response = await client.post(REGISTER, json=body)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert await db.users.count_documents({}) == 0


async def test_login_returns_a_working_pair(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.post(LOGIN, json={"email": "ALICE@example.com", "password": PASSWORD})

    assert response.status_code == 200
    pair = response.json()
    assert pair["user"]["id"] == alice.user_id
    assert pair["refresh_token"] != alice.refresh_token
    me = await client.get(ME, headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert me.status_code == 200
    assert me.json()["id"] == alice.user_id


async def test_wrong_password_and_unknown_email_look_the_same(client: httpx.AsyncClient, alice: Account) -> None:
    attempts = [
        {"email": alice.email, "password": "wrong password"},
        {"email": "nobody@example.com", "password": PASSWORD},
        {"email": alice.email, "password": "x"},  # shorter than the policy: still 401, the policy is not revealed
    ]
    errors = []
    for body in attempts:
        response = await client.post(LOGIN, json=body)
        assert response.status_code == 401, body
        errors.append(response.json()["error"])

    assert {(e["code"], e["message"]) for e in errors} == {("unauthorized", "Invalid email or password")}


async def test_me_returns_the_signed_in_user(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.get(ME, headers=alice.headers)

    assert response.status_code == 200
    assert response.json() | {"created_at": None} == {
        "id": alice.user_id,
        "email": "alice@example.com",
        "name": "Test",
        "has_password": True,
        "google_linked": False,
        "email_verified": False,  # until the emailed link is followed
        "created_at": None,
    }


async def test_me_without_a_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.get(ME)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "unauthorized"


async def test_me_for_a_deleted_account_is_404(client: httpx.AsyncClient, db: AsyncDatabase, alice: Account) -> None:
    await db.users.delete_many({})

    response = await client.get(ME, headers=alice.headers)

    assert response.status_code == 404
