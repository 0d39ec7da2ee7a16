"""An app for hostile-input tests (outbox polled fast, so shares settle quickly), two users, a database snapshot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.db import EmbeddedMongo
from tests.conftest import make_settings, running_app
from tests.helpers import Account, clear_database
from tests.items.factories import fast_account


@pytest.fixture(scope="module")
async def hostile_app(
    mongo_server: EmbeddedMongo, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    settings = make_settings(mongo_server.url, Path(tmp_path_factory.mktemp("data")), outbox_poll_seconds=0.05)
    async with running_app(settings) as pair:
        yield pair


@pytest.fixture
async def app(hostile_app: tuple[FastAPI, httpx.AsyncClient]) -> AsyncIterator[FastAPI]:
    app = hostile_app[0]
    yield app
    await clear_database(app.state.database.db)


@pytest.fixture
async def client(app: FastAPI, hostile_app: tuple[FastAPI, httpx.AsyncClient]) -> httpx.AsyncClient:
    return hostile_app[1]


@pytest.fixture
async def alice(app: FastAPI, client: httpx.AsyncClient) -> Account:
    account = await fast_account(app, client, "alice@example.com")
    # Verified, so that her own calls to routes that need it (a price watch) work where bob's must 404.
    await app.state.database.db["users"].update_one(
        {"email": account.email}, {"$set": {"email_verified_at": datetime.now(UTC)}}
    )
    return account


@pytest.fixture
async def bob(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "bob@example.com")
