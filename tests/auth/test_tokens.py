"""Access-token forgery: anything but a genuine, current HS256 access token is 401."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest
from bson import ObjectId
from fastapi import FastAPI

from tests.support.accounts import Account

PROTECTED = "/api/v1/carts"  # any bearer route; this one needs no account to exist


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _claims(app: FastAPI, **changes: Any) -> dict[str, Any]:
    settings = app.state.settings
    now = datetime.now(UTC)
    claims: dict[str, Any] = {
        "sub": str(ObjectId()),
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "jti": "f" * 32,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "typ": "access",
        "sid": str(ObjectId()),
    }
    claims.update(changes)
    return {key: value for key, value in claims.items() if value is not None}


def _sign(app: FastAPI, claims: dict[str, Any], *, key: str | None = None, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, key or app.state.settings.jwt_secret_key, algorithm=algorithm)


def _unsigned(claims: dict[str, Any]) -> str:
    header = _b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    payload = _b64(json.dumps(claims, default=lambda d: int(d.timestamp())).encode())
    return f"{header}.{payload}."


async def _status_with(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get(PROTECTED, headers={"Authorization": f"Bearer {token}"})


async def test_a_genuine_token_built_here_is_accepted(client: httpx.AsyncClient, app: FastAPI, alice: Account) -> None:
    # The control for every forgery below: the same construction with nothing wrong works (on a live session; the
    # forgeries name none, but their message shows they were refused before any session was looked up).
    session = jwt.decode(alice.access_token, options={"verify_signature": False})["sid"]
    response = await _status_with(client, _sign(app, _claims(app, sub=alice.user_id, sid=session)))
    assert response.status_code == 200


def _expired(app: FastAPI) -> str:
    past = datetime.now(UTC) - timedelta(minutes=20)
    return _sign(app, _claims(app, iat=past - timedelta(minutes=15), exp=past))


def _without(claim: str) -> Callable[[FastAPI], str]:
    return lambda app: _sign(app, _claims(app, **{claim: None}))


FORGERIES: dict[str, Callable[[FastAPI], str]] = {
    "alg-none": lambda app: _unsigned(_claims(app)),
    "alg-none-with-signature": lambda app: _unsigned(_claims(app)) + _b64(b"sig"),
    "hs512-same-key": lambda app: _sign(app, _claims(app), algorithm="HS512"),
    "hs384-same-key": lambda app: _sign(app, _claims(app), algorithm="HS384"),
    "wrong-key": lambda app: _sign(app, _claims(app), key="another-secret-key-that-is-long-enough-012345"),
    "expired": _expired,
    "wrong-audience": lambda app: _sign(app, _claims(app, aud="someone-else")),
    "wrong-issuer": lambda app: _sign(app, _claims(app, iss="https://evil.example")),
    "refresh-type": lambda app: _sign(app, _claims(app, typ="refresh")),
    "no-type": lambda app: _sign(app, _claims(app, typ=None)),
    "sub-not-an-id": lambda app: _sign(app, _claims(app, sub="admin")),
    "sid-not-an-id": lambda app: _sign(app, _claims(app, sid="everything")),
    "garbage": lambda app: "not-a-jwt",
    "three-garbage-parts": lambda app: "abc.def.ghi",
    "empty-signature": lambda app: _sign(app, _claims(app)).rsplit(".", 1)[0] + ".",
    **{f"missing-{claim}": _without(claim) for claim in ("sub", "exp", "iat", "jti", "iss", "aud", "sid")},
}


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
@pytest.mark.parametrize("name", FORGERIES)
async def test_forged_access_token_is_401(client: httpx.AsyncClient, app: FastAPI, name: str) -> None:
    response = await _status_with(client, FORGERIES[name](app))

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json()["error"] == {
        "code": "unauthorized",
        "message": "Invalid or expired access token",
        "request_id": response.headers["X-Request-ID"],
    }


async def test_tampered_payload_cannot_switch_user(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    header, payload, signature = alice.access_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = bob.user_id
    tampered = ".".join([header, _b64(json.dumps(claims).encode()), signature])

    response = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {tampered}"})

    assert response.status_code == 401


async def test_refresh_token_is_not_a_bearer_token(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {alice.refresh_token}"})
    assert response.status_code == 401


@pytest.mark.parametrize("header", ["Basic YWxpY2U6cHc=", "Bearer", "Token abc", ""])
async def test_malformed_authorization_header_is_401(client: httpx.AsyncClient, header: str) -> None:
    response = await client.get(PROTECTED, headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


async def test_access_token_claims(client: httpx.AsyncClient, app: FastAPI, alice: Account) -> None:
    settings = app.state.settings
    claims = jwt.decode(
        alice.access_token, settings.jwt_secret_key, algorithms=["HS256"], audience=settings.jwt_audience
    )

    assert jwt.get_unverified_header(alice.access_token)["alg"] == "HS256"
    assert claims["sub"] == alice.user_id
    assert claims["iss"] == settings.jwt_issuer
    assert claims["typ"] == "access"
    assert claims["exp"] - claims["iat"] == 15 * 60
    assert claims["jti"]
    assert ObjectId.is_valid(claims["sid"])  # the session it lives and dies with
