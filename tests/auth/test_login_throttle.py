"""Failed sign-ins per account (issue 13, finding 5): a few free tries, then a doubling, capped wait; an attacker
cannot keep guessing from many networks, nor keep the owner out for long."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.auth.login_throttle import throttle_key
from app.config import Settings
from app.db import EmbeddedMongo
from tests.support.accounts import PASSWORD, Account, fast_account
from tests.support.app import make_settings, running_app
from tests.support.inbox import code_in, wait_for_emails

LOGIN = "/api/v1/auth/login"
FREE = 3
CAP_SECONDS = 1


@pytest.fixture(scope="module")
async def throttled_app(
    mongo_server: EmbeddedMongo, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    settings = make_settings(
        mongo_server.url,
        Path(tmp_path_factory.mktemp("data")),
        login_free_failures=FREE,
        login_lockout_max_seconds=CAP_SECONDS,
    )
    async with running_app(settings) as pair:
        yield pair
        db = pair[0].state.database.db
        for name in await db.list_collection_names():
            await db[name].delete_many({})


async def _login(client: httpx.AsyncClient, email: str, password: str, ip: str = "203.0.113.7") -> httpx.Response:
    # Every guess from another network: the per-IP limit (off here) is not what stops them.
    return await client.post(LOGIN, json={"email": email, "password": password}, headers={"X-Forwarded-For": ip})


async def test_guesses_past_the_free_ones_wait_from_every_network_then_the_owner_gets_in(
    throttled_app: tuple[FastAPI, httpx.AsyncClient],
) -> None:
    app, client = throttled_app
    owner = await fast_account(app, client, "owner@example.com")
    bystander = await fast_account(app, client, "bystander@example.com")

    guesses = [(await _login(client, owner.email, f"guess {n}", f"198.51.100.{n}")).status_code for n in range(6)]

    assert guesses[:FREE] == [401] * FREE
    assert set(guesses[FREE:]) == {429}  # the account waits, whichever network asks
    refused = await _login(client, owner.email, PASSWORD)  # the right password is not even checked meanwhile
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    assert refused.json()["error"]["request_id"] == refused.headers["X-Request-ID"]
    assert 1 <= int(refused.headers["Retry-After"]) <= CAP_SECONDS
    assert (await _login(client, bystander.email, PASSWORD)).status_code == 200  # other accounts unaffected

    await asyncio.sleep(CAP_SECONDS + 0.2)  # the capped wait: all an attacker can impose on the owner at a time
    assert (await _login(client, owner.email, PASSWORD)).status_code == 200
    # The success cleared the count: the owner's next typo is a plain 401.
    assert (await _login(client, owner.email, "typo")).status_code == 401


async def test_a_burst_of_parallel_guesses_gets_one_check(throttled_app: tuple[FastAPI, httpx.AsyncClient]) -> None:
    app, client = throttled_app
    owner = await fast_account(app, client, "burst@example.com")
    for n in range(FREE):
        assert (await _login(client, owner.email, f"guess {n}")).status_code == 401
    await asyncio.sleep(CAP_SECONDS + 0.2)

    burst = await asyncio.gather(*(_login(client, owner.email, f"parallel {n}") for n in range(5)))

    assert sorted(response.status_code for response in burst) == [401, 429, 429, 429, 429]


async def test_unknown_addresses_are_throttled_alike(throttled_app: tuple[FastAPI, httpx.AsyncClient]) -> None:
    _, client = throttled_app
    statuses = [(await _login(client, "nobody@example.com", f"guess {n}")).status_code for n in range(FREE + 1)]
    assert statuses == [401] * FREE + [429]  # a 429 does not tell an address with an account from one without


async def test_a_password_reset_lets_the_owner_in_during_a_long_wait(
    app: FastAPI, client: httpx.AsyncClient, db: Any, settings: Settings
) -> None:
    # An address of its own: the suite's outbox folder is shared, and the reset email is found by address.
    owner: Account = await fast_account(app, client, f"ann-{uuid.uuid4().hex[:8]}@example.com")
    # What a long attack leaves: many failures in a row, the account closed for the full cap.
    now = datetime.now(UTC)
    await db.login_failures.insert_one(
        {
            "_id": throttle_key(owner.email),
            "failures": 40,
            "locked_until": now + timedelta(seconds=settings.login_lockout_max_seconds),
            "last_failed_at": now,
            "forget_at": now + timedelta(days=1),
        }
    )
    assert (await client.post(LOGIN, json={"email": owner.email, "password": PASSWORD})).status_code == 429
    assert (await client.post("/api/v1/auth/password-reset", json={"email": owner.email})).status_code == 202
    [email] = await wait_for_emails(settings.data_dir / "outbox", owner.email, "Reset your BuyHive password")

    body = {"token": code_in(email), "new_password": "a brand new passphrase"}
    assert (await client.post("/api/v1/auth/password-reset/confirm", json=body)).status_code == 204

    signed_in = await client.post(LOGIN, json={"email": owner.email, "password": "a brand new passphrase"})
    assert signed_in.status_code == 200
