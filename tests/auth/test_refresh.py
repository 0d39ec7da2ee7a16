"""Refresh-token rotation, reuse detection (family revocation) and logout."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from pymongo.asynchronous.database import AsyncDatabase

from tests.support.accounts import PASSWORD, Account

REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"


async def _refresh(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.post(REFRESH, json={"refresh_token": token})


async def test_refresh_rotates_and_spends_the_old_token(client: httpx.AsyncClient, alice: Account) -> None:
    response = await _refresh(client, alice.refresh_token)

    assert response.status_code == 200
    pair = response.json()
    assert pair["token_type"] == "bearer"
    assert pair["user"]["id"] == alice.user_id
    assert pair["refresh_token"] != alice.refresh_token
    me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert me.status_code == 200

    again = await _refresh(client, alice.refresh_token)
    assert again.status_code == 401
    assert again.json()["error"]["message"] == "Invalid or expired refresh token"


async def test_a_chain_of_rotations_keeps_working(client: httpx.AsyncClient, alice: Account) -> None:
    token = alice.refresh_token
    for _ in range(3):
        response = await _refresh(client, token)
        assert response.status_code == 200
        token = response.json()["refresh_token"]


async def test_reusing_a_spent_token_revokes_the_whole_family(client: httpx.AsyncClient, alice: Account) -> None:
    second = (await _refresh(client, alice.refresh_token)).json()["refresh_token"]
    newest = (await _refresh(client, second)).json()["refresh_token"]
    other_session = (await client.post("/api/v1/auth/login", json={"email": alice.email, "password": PASSWORD})).json()[
        "refresh_token"
    ]

    reuse = await _refresh(client, alice.refresh_token)  # spent two rotations ago: someone stole it

    assert reuse.status_code == 401
    assert (await _refresh(client, newest)).status_code == 401
    assert (await _refresh(client, second)).status_code == 401
    # Another sign-in is another family and is untouched.
    assert (await _refresh(client, other_session)).status_code == 200


async def test_logout_revokes_the_session(client: httpx.AsyncClient, alice: Account) -> None:
    rotated = (await _refresh(client, alice.refresh_token)).json()["refresh_token"]

    response = await client.post(LOGOUT, json={"refresh_token": rotated})

    assert response.status_code == 204
    assert response.content == b""
    assert (await _refresh(client, rotated)).status_code == 401


async def test_logout_with_an_unknown_token_is_204(client: httpx.AsyncClient) -> None:
    response = await client.post(LOGOUT, json={"refresh_token": "never-issued"})
    assert response.status_code == 204


@pytest.mark.parametrize("token", ["garbage", "x" * 256, "eyJhbGciOiJIUzI1NiJ9.e30.sig"])
async def test_unknown_refresh_token_is_401(client: httpx.AsyncClient, token: str) -> None:
    response = await _refresh(client, token)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("body", [{}, {"refresh_token": ""}, {"refresh_token": "x" * 257}, {"refresh_token": 5}])
async def test_malformed_refresh_request_is_422(client: httpx.AsyncClient, body: dict) -> None:
    response = await client.post(REFRESH, json=body)
    assert response.status_code == 422


async def test_an_expired_refresh_token_is_401(client: httpx.AsyncClient, db: AsyncDatabase, alice: Account) -> None:
    # The TTL sweeper may not have run yet: expiry must be enforced at use time too.
    await db.refresh_tokens.update_many({}, {"$set": {"expires_at": datetime.now(UTC) - timedelta(seconds=1)}})

    assert (await _refresh(client, alice.refresh_token)).status_code == 401


async def test_refresh_tokens_are_stored_hashed_with_a_ttl(
    client: httpx.AsyncClient, db: AsyncDatabase, alice: Account
) -> None:
    [record] = await db.refresh_tokens.find({}).to_list(None)
    assert alice.refresh_token not in str(record)
    assert record["token_hash"] == hashlib.sha256(alice.refresh_token.encode()).hexdigest()
    lifetime = record["expires_at"] - record["created_at"]
    assert lifetime == timedelta(days=7)

    indexes = await db.refresh_tokens.index_information()
    assert any(index.get("expireAfterSeconds") == 0 for index in indexes.values())
