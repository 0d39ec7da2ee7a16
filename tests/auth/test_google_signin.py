"""POST /auth/google over HTTP against a local OIDC issuer: both forms, account creation and linking, failures."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from tests.auth.google_issuer import REDIRECT_URI, FakeGoogle
from tests.support.accounts import PASSWORD, fast_account

GOOGLE = "/api/v1/auth/google"
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


def _bearer(pair: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {pair['access_token']}"}


async def _sign_in(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    return await client.post(GOOGLE, json=body)


async def test_first_sign_in_creates_the_account_with_its_default_cart(
    client: httpx.AsyncClient, google: FakeGoogle, db: Any
) -> None:
    response = await _sign_in(client, {"id_token": google.id_token(email="Carol@Gmail.com")})

    assert response.status_code == 200, response.text
    pair = response.json()
    assert pair["token_type"] == "bearer"
    assert pair["user"]["email"] == "carol@gmail.com"
    assert (pair["user"]["google_linked"], pair["user"]["has_password"]) == (True, False)
    assert pair["user"]["email_verified"] is True  # Google proved the address
    carts = await client.get("/api/v1/carts", headers=_bearer(pair))
    assert [cart["name"] for cart in carts.json()["items"]] == ["My Cart"]
    again = await _sign_in(client, {"id_token": google.id_token()})
    assert again.json()["user"]["id"] == pair["user"]["id"]
    assert await db.users.count_documents({"google_sub": "google-sub-123"}) == 1


async def test_authorization_code_with_pkce_signs_in(client: httpx.AsyncClient, google: FakeGoogle) -> None:
    google.grant_code("code-1", code_verifier=VERIFIER, id_token=google.id_token(nonce="n-123"))

    response = await _sign_in(
        client, {"code": "code-1", "code_verifier": VERIFIER, "redirect_uri": REDIRECT_URI, "nonce": "n-123"}
    )

    assert response.status_code == 200, response.text
    assert response.json()["user"]["email"] == "carol@gmail.com"
    me = await client.get("/api/v1/auth/me", headers=_bearer(response.json()))
    assert me.json()["google_linked"] is True


async def test_verified_google_email_links_the_existing_password_account(
    google_app: tuple[FastAPI, httpx.AsyncClient], client: httpx.AsyncClient, google: FakeGoogle, db: Any
) -> None:
    account = await fast_account(google_app[0], client, "carol@gmail.com")

    response = await _sign_in(client, {"id_token": google.id_token()})

    assert response.status_code == 200
    user = response.json()["user"]
    assert user["id"] == account.user_id
    assert user["google_linked"] is True
    # Nobody had proven this mailbox behind the password (pre-hijacking guard): the password and its sessions go.
    assert user["has_password"] is False
    stale = await client.post("/api/v1/auth/refresh", json={"refresh_token": account.refresh_token})
    assert stale.status_code == 401
    login = await client.post("/api/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    assert login.status_code == 401


async def test_linking_keeps_a_password_whose_mailbox_was_proven(
    google_app: tuple[FastAPI, httpx.AsyncClient], client: httpx.AsyncClient, google: FakeGoogle, db: Any
) -> None:
    account = await fast_account(google_app[0], client, "carol@gmail.com")
    await db.users.update_one({"email": account.email}, {"$set": {"email_verified_at": datetime.now(UTC)}})

    response = await _sign_in(client, {"id_token": google.id_token()})

    assert response.json()["user"]["has_password"] is True
    login = await client.post("/api/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    assert login.status_code == 200


async def test_email_owned_by_another_google_account_is_a_conflict(
    client: httpx.AsyncClient, google: FakeGoogle
) -> None:
    assert (await _sign_in(client, {"id_token": google.id_token()})).status_code == 200

    response = await _sign_in(client, {"id_token": google.id_token(sub="another-google-sub")})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"aud": "someone-else.apps.googleusercontent.com"}, "token is for another client"),
        ({"iss": "https://evil.example"}, "token is not from Google"),
        ({"iat": int(time.time()) - 7200, "exp": int(time.time()) - 3600}, "token expired"),
        ({"email_verified": False}, "email not verified by Google"),
        ({"signing_key": "rogue"}, "bad token signature"),
        ({"azp": "someone-elses-app.apps.googleusercontent.com"}, "token was issued to another client"),
        ({"nonce": "minted-for-another-sign-in"}, "nonce missing"),
    ],
)
async def test_invalid_id_tokens_are_401_with_the_envelope(
    client: httpx.AsyncClient, google: FakeGoogle, db: Any, claims: dict[str, Any], reason: str
) -> None:
    response = await _sign_in(client, {"id_token": google.id_token(**claims)})

    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == "google_sign_in_failed"
    assert error["message"] == f"Google sign-in failed: {reason}"
    assert error["request_id"] == response.headers["X-Request-ID"]
    assert await db.users.count_documents({}) == 0


async def test_unknown_signing_key_is_401(client: httpx.AsyncClient, google: FakeGoogle) -> None:
    response = await _sign_in(client, {"id_token": google.id_token(kid="not-published", signing_key="rogue")})

    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Google sign-in failed: unknown signing key"


async def test_code_refused_by_google_is_401(client: httpx.AsyncClient, google: FakeGoogle) -> None:
    google.grant_code("code-2", code_verifier=VERIFIER, id_token=google.id_token())

    wrong_verifier = await _sign_in(client, {"code": "code-2", "code_verifier": "x" * 43, "redirect_uri": REDIRECT_URI})
    unknown_code = await _sign_in(
        client, {"code": "never-issued", "code_verifier": VERIFIER, "redirect_uri": REDIRECT_URI}
    )

    for response in (wrong_verifier, unknown_code):
        assert response.status_code == 401
        assert response.json()["error"]["message"] == "Google sign-in failed: authorization code rejected"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"code": "c", "code_verifier": VERIFIER},
        {"id_token": "t", "code": "c", "code_verifier": VERIFIER, "redirect_uri": REDIRECT_URI},
        {"code": "c", "code_verifier": "too-short", "redirect_uri": REDIRECT_URI},
    ],
)
async def test_malformed_requests_are_422(client: httpx.AsyncClient, body: dict[str, Any]) -> None:
    response = await _sign_in(client, body)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_server_without_google_client_ids_answers_503(
    app_and_client: tuple[FastAPI, httpx.AsyncClient], google: FakeGoogle
) -> None:
    response = await app_and_client[1].post(GOOGLE, json={"id_token": google.id_token()})

    assert response.status_code == 503
    assert response.json()["error"]["message"] == "Google sign-in is not configured on this server"
