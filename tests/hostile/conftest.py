"""An app for hostile-input tests (outbox polled fast, so shares settle quickly), two users, a database snapshot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.db import EmbeddedMongo
from tests.support.accounts import verified_alice, verified_bob  # noqa: F401 (fixtures)
from tests.support.app import clear_database, make_settings, running_app


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
