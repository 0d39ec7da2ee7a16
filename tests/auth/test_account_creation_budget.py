"""Accounts created per client network per hour (issue 13, finding 1): fresh accounts cannot be minted in bulk from
one network, whether by registration or by first Google sign-ins; signing in is not creating."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.db import EmbeddedMongo
from tests.auth.google_issuer import CLIENT_ID, FakeGoogle
from tests.support.accounts import PASSWORD
from tests.support.app import make_settings, running_app

REGISTER = "/api/v1/auth/register"


@pytest.fixture
async def budgeted(
    mongo_server: EmbeddedMongo, google: FakeGoogle, tmp_path: Path
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    settings = make_settings(
        mongo_server.url,
        tmp_path,
        rate_limit_enabled=True,
        rate_limit_auth="100/minute",
        rate_limit_account_creation="2/hour",
        google_client_ids=[CLIENT_ID],
        google_jwks_url=google.jwks_url,
    )
    async with running_app(settings) as pair:
        yield pair


async def _register(client: httpx.AsyncClient, email: str, ip: str) -> httpx.Response:
    body = {"email": email, "password": PASSWORD}
    return await client.post(REGISTER, json=body, headers={"X-Forwarded-For": ip})


async def test_a_network_creates_so_many_accounts_an_hour(budgeted: tuple[FastAPI, httpx.AsyncClient]) -> None:
    _, client = budgeted
    made = [(await _register(client, f"bulk{n}@example.net", "2001:db8:7:7::1")).status_code for n in range(2)]

    same_64 = await _register(client, "bulk2@example.net", "2001:db8:7:7::beef")

    assert made == [201, 201]
    assert same_64.status_code == 429
    assert same_64.json()["error"]["code"] == "rate_limited"
    assert int(same_64.headers["Retry-After"]) > 60  # an hourly budget
    signing_in = await client.post(
        "/api/v1/auth/login",
        json={"email": "bulk0@example.net", "password": PASSWORD},
        headers={"X-Forwarded-For": "2001:db8:7:7::1"},
    )
    assert signing_in.status_code == 200  # the budget counts accounts made, not sign-ins
    assert (await _register(client, "elsewhere@example.net", "2001:db8:7:8::1")).status_code == 201


async def test_first_google_sign_ins_spend_the_same_budget(
    budgeted: tuple[FastAPI, httpx.AsyncClient], google: FakeGoogle
) -> None:
    _, client = budgeted
    ip = {"X-Forwarded-For": "203.0.113.50"}
    assert (await _register(client, "first@example.net", "203.0.113.50")).status_code == 201

    def token(n: int) -> dict[str, str]:
        return {"id_token": google.id_token(sub=f"sub-{n}", email=f"g{n}@gmail.com")}

    created = await client.post("/api/v1/auth/google", json=token(1), headers=ip)
    refused = await client.post("/api/v1/auth/google", json=token(2), headers=ip)
    again = await client.post("/api/v1/auth/google", json=token(1), headers=ip)

    assert (created.status_code, refused.status_code) == (200, 429)
    assert again.status_code == 200  # the account exists: signing in again creates nothing
