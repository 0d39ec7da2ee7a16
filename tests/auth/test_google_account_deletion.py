"""An account without a password deletes itself with a fresh Google sign-in (SPEC §7 `POST /account/delete`)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from tests.auth.google_issuer import REDIRECT_URI, FakeGoogle

DELETE = "/api/v1/account/delete"
VERIFIER = "Zm9vYmFyLXBrY2UtY29kZS12ZXJpZmllci0wMTIzNDU2Nzg5"


@pytest.fixture
async def client(google_app: tuple[FastAPI, httpx.AsyncClient]) -> AsyncIterator[httpx.AsyncClient]:
    yield google_app[1]
    db = google_app[0].state.database.db
    for name in await db.list_collection_names():
        await db[name].delete_many({})


@pytest.fixture
def db(google_app: tuple[FastAPI, httpx.AsyncClient]) -> Any:
    return google_app[0].state.database.db


async def _google_account(client: httpx.AsyncClient, google: FakeGoogle) -> tuple[str, dict[str, str]]:
    pair = (await client.post("/api/v1/auth/google", json={"id_token": google.id_token()})).json()
    assert pair["user"]["has_password"] is False
    return pair["user"]["id"], {"Authorization": f"Bearer {pair['access_token']}"}


async def test_a_fresh_google_sign_in_deletes_a_google_only_account(
    client: httpx.AsyncClient, google: FakeGoogle, db: Any
) -> None:
    _, headers = await _google_account(client, google)
    assert (await client.post(DELETE, json={"password": "anything"}, headers=headers)).status_code == 400

    deleted = await client.post(DELETE, json={"google": {"id_token": google.id_token()}}, headers=headers)

    assert deleted.status_code == 204
    assert await db.users.count_documents({}) == 0
    assert (await client.get("/api/v1/auth/me", headers=headers)).status_code == 401


async def test_the_code_form_of_a_google_sign_in_deletes_too(
    client: httpx.AsyncClient, google: FakeGoogle, db: Any
) -> None:
    _, headers = await _google_account(client, google)
    google.grant_code("delete-code", code_verifier=VERIFIER, id_token=google.id_token())
    proof = {"code": "delete-code", "code_verifier": VERIFIER, "redirect_uri": REDIRECT_URI}

    deleted = await client.post(DELETE, json={"google": proof}, headers=headers)

    assert deleted.status_code == 204
    assert await db.users.count_documents({}) == 0


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        # Signed in ten minutes ago (a token lying around, still unexpired), not just now.
        ({"iat": int(time.time()) - 600}, "not_fresh"),
        # A fresh sign-in, but to someone else's Google account.
        ({"sub": "another-google-sub", "email": "mallory@gmail.com"}, "another_google_account"),
    ],
)
async def test_a_stale_or_foreign_google_sign_in_deletes_nothing(
    client: httpx.AsyncClient, google: FakeGoogle, db: Any, claims: dict[str, Any], reason: str
) -> None:
    user_id, headers = await _google_account(client, google)

    refused = await client.post(DELETE, json={"google": {"id_token": google.id_token(**claims)}}, headers=headers)

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "reauthentication_failed"
    assert refused.json()["error"]["details"] == {"reason": reason}
    assert await db.users.count_documents({}) == 1
    assert (await client.get("/api/v1/auth/me", headers=headers)).json()["id"] == user_id


@pytest.mark.parametrize("body", [{}, {"password": "x", "google": {"id_token": "t"}}, {"google": {}}])
async def test_one_proof_exactly(client: httpx.AsyncClient, google: FakeGoogle, body: dict[str, Any]) -> None:
    _, headers = await _google_account(client, google)
    assert (await client.post(DELETE, json=body, headers=headers)).status_code == 422
