"""Ending a session ends its access tokens at once (issue 13, finding 2): each way a session ends, over HTTP.

Before, an access token kept working until it expired (15 minutes) whatever happened to its session.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import jwt
import pytest
from bson import ObjectId
from fastapi import FastAPI

from app.config import Settings
from tests.auth.google_issuer import FakeGoogle
from tests.support.accounts import PASSWORD, Account, fast_account, register_account
from tests.support.inbox import code_in, wait_for_emails

ME = "/api/v1/auth/me"


async def _second_session(client: httpx.AsyncClient, account: Account, user_agent: str = "Phone") -> dict[str, str]:
    body = {"email": account.email, "password": account.password}
    response = await client.post("/api/v1/auth/login", json=body, headers={"User-Agent": user_agent})
    assert response.status_code == 200, response.text
    pair = response.json()
    return {"Authorization": f"Bearer {pair['access_token']}", "refresh_token": pair["refresh_token"]}


def _bearer(headers: dict[str, str]) -> dict[str, str]:
    return {"Authorization": headers["Authorization"]}


async def _status(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    return (await client.get(ME, headers=_bearer(headers))).status_code


async def test_logout_ends_the_access_token_of_that_session_only(app: FastAPI, client: httpx.AsyncClient) -> None:
    account = await fast_account(app, client, "ann@example.com")
    phone = await _second_session(client, account)

    response = await client.post("/api/v1/auth/logout", json={"refresh_token": phone["refresh_token"]})

    assert response.status_code == 204
    answer = await client.get("/api/v1/carts", headers=_bearer(phone))
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"
    assert answer.headers["WWW-Authenticate"] == "Bearer"
    assert await _status(client, account.headers) == 200


async def test_a_session_just_used_still_ends_on_the_next_request(app: FastAPI, client: httpx.AsyncClient) -> None:
    # The check remembers a live session for a moment (SESSION_CHECK_CACHE_SECONDS); ending it forgets that.
    account = await fast_account(app, client, "ann@example.com")
    phone = await _second_session(client, account)
    assert await _status(client, phone) == 200

    assert (await client.delete("/api/v1/account/sessions", headers=account.headers)).status_code == 204

    assert await _status(client, phone) == 401
    assert await _status(client, account.headers) == 401


async def test_a_refresh_keeps_the_session_and_its_earlier_access_token(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    account = await fast_account(app, client, "ann@example.com")

    refreshed = await client.post("/api/v1/auth/refresh", json={"refresh_token": account.refresh_token})

    assert refreshed.status_code == 200
    assert await _status(client, account.headers) == 200  # same session, still live
    assert await _status(client, {"Authorization": f"Bearer {refreshed.json()['access_token']}"}) == 200


async def test_changing_the_password_ends_the_other_sessions_access_tokens(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    account = await fast_account(app, client, "ann@example.com")
    attacker = await _second_session(client, account, "Stolen laptop")
    body = {"current_password": PASSWORD, "new_password": "a brand new passphrase"}

    changed = await client.post("/api/v1/account/password", json=body, headers=account.headers)

    assert changed.status_code == 204
    write = await client.post("/api/v1/carts", json={"name": "Mine now"}, headers=_bearer(attacker))
    assert write.status_code == 401
    assert await _status(client, account.headers) == 200  # the caller's session stays


async def test_a_password_reset_ends_every_access_token(
    app: FastAPI, client: httpx.AsyncClient, settings: Settings
) -> None:
    # An address of its own: the suite's outbox folder is shared, and the reset email is found by address.
    account = await fast_account(app, client, f"ann-{uuid.uuid4().hex[:8]}@example.com")
    phone = await _second_session(client, account)
    assert (await client.post("/api/v1/auth/password-reset", json={"email": account.email})).status_code == 202
    [email] = await wait_for_emails(settings.data_dir / "outbox", account.email, "Reset your BuyHive password")

    body = {"token": code_in(email), "new_password": "a brand new passphrase"}
    reset = await client.post("/api/v1/auth/password-reset/confirm", json=body)

    assert reset.status_code == 204
    assert await _status(client, account.headers) == 401
    assert await _status(client, phone) == 401


async def test_ending_one_session_ends_its_access_token(app: FastAPI, client: httpx.AsyncClient) -> None:
    account = await fast_account(app, client, "ann@example.com")
    phone = await _second_session(client, account)
    sessions = (await client.get("/api/v1/account/sessions", headers=account.headers)).json()
    [phone_session] = [session["id"] for session in sessions if not session["current"]]

    ended = await client.delete(f"/api/v1/account/sessions/{phone_session}", headers=account.headers)

    assert ended.status_code == 204
    assert await _status(client, phone) == 401
    assert await _status(client, account.headers) == 200


async def test_ending_all_sessions_ends_the_callers_access_token_too(app: FastAPI, client: httpx.AsyncClient) -> None:
    account = await fast_account(app, client, "ann@example.com")
    bob = await fast_account(app, client, "bob@example.com")
    phone = await _second_session(client, account)

    ended = await client.delete("/api/v1/account/sessions", headers=account.headers)

    assert ended.status_code == 204
    assert await _status(client, account.headers) == 401
    assert await _status(client, phone) == 401
    assert await _status(client, bob.headers) == 200


async def test_a_deleted_accounts_access_tokens_stop_at_once(app: FastAPI, client: httpx.AsyncClient) -> None:
    account = await fast_account(app, client, "ann@example.com")
    phone = await _second_session(client, account)

    deleted = await client.post("/api/v1/account/delete", json={"password": PASSWORD}, headers=account.headers)

    assert deleted.status_code == 204
    assert await _status(client, phone) == 401
    assert (await client.get("/api/v1/carts", headers=account.headers)).status_code == 401


async def test_a_token_without_a_session_is_refused(
    app: FastAPI, client: httpx.AsyncClient, settings: Settings
) -> None:
    bob = await fast_account(app, client, "bob@example.com")
    claims = jwt.decode(bob.access_token, options={"verify_signature": False})
    # Signed with the server's own key, as a token from before sessions were named would be: nothing could end it.
    sessionless = jwt.encode({**claims, "sid": None}, settings.jwt_secret_key, algorithm="HS256")

    assert (await client.get(ME, headers={"Authorization": f"Bearer {sessionless}"})).status_code == 401
    assert await _status(client, bob.headers) == 200


@pytest.fixture
async def google_client(google_app: tuple[FastAPI, httpx.AsyncClient]) -> AsyncIterator[httpx.AsyncClient]:
    yield google_app[1]
    db: Any = google_app[0].state.database.db
    for name in await db.list_collection_names():
        await db[name].delete_many({})


async def test_google_sign_in_taking_over_a_pre_registered_address_ends_the_attackers_access(
    google_client: httpx.AsyncClient, google: FakeGoogle
) -> None:
    # The attacker registers the victim's address with a password of their own and keeps the tokens.
    attacker = await register_account(google_client, "carol@gmail.com")

    victim = await google_client.post("/api/v1/auth/google", json={"id_token": google.id_token()})

    assert victim.status_code == 200
    assert victim.json()["user"]["id"] == attacker.user_id  # the victim owns the account now
    read = await google_client.get("/api/v1/carts", headers=attacker.headers)
    write = await google_client.post("/api/v1/carts", json={"name": "Spy"}, headers=attacker.headers)
    assert (read.status_code, write.status_code) == (401, 401)
    victims_token = {"Authorization": f"Bearer {victim.json()['access_token']}"}
    assert (await google_client.get("/api/v1/carts", headers=victims_token)).status_code == 200


async def test_a_refresh_racing_the_end_of_its_session_does_not_revive_it(
    app: FastAPI, client: httpx.AsyncClient, db: Any
) -> None:
    account = await fast_account(app, client, "ann@example.com")
    first = await client.post("/api/v1/auth/refresh", json={"refresh_token": account.refresh_token})
    session_id = jwt.decode(account.access_token, options={"verify_signature": False})["sid"]
    # The state a sign-out leaves when it lands between a refresh spending its token and storing the next one:
    # the family's tokens revoked except the one about to be written.
    await db.refresh_tokens.update_many(
        {"family_id": ObjectId(session_id), "spent_at": {"$ne": None}}, {"$set": {"revoked_at": datetime.now(UTC)}}
    )

    second = await client.post("/api/v1/auth/refresh", json={"refresh_token": first.json()["refresh_token"]})

    assert second.status_code == 401
    assert await _status(client, {"Authorization": f"Bearer {first.json()['access_token']}"}) == 401
